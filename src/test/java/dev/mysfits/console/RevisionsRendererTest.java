package dev.mysfits.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.workflow.revisions.RevisionsResult;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** revisions' table and JSON, drawn from a result alone. */
class RevisionsRendererTest {
    private static final String REPO = "123456789012.dkr.ecr.us-east-1.amazonaws.com/ws/monolith";
    private static final String DIGEST = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Console console(OutputFormat format) {
        return new Console(new PrintWriter(out, true), new PrintWriter(err, true), false, false, format, () -> 0L);
    }

    private static RevisionsResult result() {
        Instant at = Instant.parse("2026-12-07T05:40:01.250Z");
        List<RevisionsResult.DeploymentUse> many = List.of(
                new RevisionsResult.DeploymentUse("d4", "arn:d4", "SUCCESSFUL", at, at.plusSeconds(60), null),
                new RevisionsResult.DeploymentUse("d3", "arn:d3", "STOPPED", at, null, null),
                new RevisionsResult.DeploymentUse("d2", "arn:d2", "SUCCESSFUL", at, at, null),
                new RevisionsResult.DeploymentUse("d1", "arn:d1", "SUCCESSFUL", at, at, null));
        return new RevisionsResult("monolith", "ws-monolith", true, "arn:td/ws-monolith:2", List.of(
                new RevisionsResult.Revision("ws-monolith:3", 3, "arn:td/ws-monolith:3", at,
                        List.of(new RevisionsResult.Image("monolith", REPO + "@" + DIGEST, DIGEST)), null,
                        List.of(new RevisionsResult.DeploymentUse("d5", "arn:d5", "ROLLBACK_SUCCESSFUL", at, at.plusSeconds(90),
                                "tasks failed to start"))),
                new RevisionsResult.Revision("ws-monolith:2", 2, "arn:td/ws-monolith:2", at,
                        List.of(new RevisionsResult.Image("monolith", REPO + ":v2", null)), "serving", many),
                new RevisionsResult.Revision("ws-monolith:1", 1, "arn:td/ws-monolith:1", null, List.of(), null, List.of())),
                false);
    }

    @Test
    void text_oneRowPerRevision_shortImagesAndDigests_deploymentsNewestFirst_noneIsNeverServed() {
        new RevisionsRenderer(console(OutputFormat.TEXT)).render(result());

        List<String> lines = out.toString().lines().toList();
        assertEquals(4, lines.size(), out.toString());
        assertTrue(lines.get(0).matches("REVISION +REGISTERED +IMAGE +DIGEST +NOW +DEPLOYMENTS"), lines.get(0));
        assertTrue(lines.get(1).matches("ws-monolith:3 +2026-12-07T05:40:01Z +ws/monolith +sha256:0123456789ab +- +"
                + "ROLLBACK_SUCCESSFUL 2026-12-07T05:41:31Z"), lines.get(1));
        assertTrue(lines.get(2).matches("ws-monolith:2 +2026-12-07T05:40:01Z +ws/monolith:v2 +- +serving +"
                + "SUCCESSFUL 2026-12-07T05:41:01Z, STOPPED 2026-12-07T05:40:01Z, SUCCESSFUL 2026-12-07T05:40:01Z \\(\\+1 more\\)"),
                lines.get(2));
        assertTrue(lines.get(3).matches("ws-monolith:1 +- +- +- +- +never served"), lines.get(3));
        assertTrue(err.toString().contains("mysfits rollback monolith --to 3"), err.toString());
    }

    @Test
    void json_isTheWholeResult() throws Exception {
        new RevisionsRenderer(console(OutputFormat.JSON)).render(result());

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("arn:td/ws-monolith:2", json.path("serving").asText());
        assertEquals(3, json.path("revisions").size());
        assertEquals(DIGEST, json.path("revisions").get(0).path("images").get(0).path("digest").asText());
        assertEquals("2026-12-07T05:40:01.250Z", json.path("revisions").get(0).path("registeredAt").asText());
        assertEquals(4, json.path("revisions").get(1).path("deployments").size());
        assertEquals("tasks failed to start", json.path("revisions").get(0).path("deployments").get(0).path("reason").asText());
    }
}
