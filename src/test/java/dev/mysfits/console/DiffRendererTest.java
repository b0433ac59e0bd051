package dev.mysfits.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.workflow.deploy.TaskDefinitionMatcher;
import dev.mysfits.workflow.diff.DiffRequest;
import dev.mysfits.workflow.diff.DiffResult;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** diff's answer: the diff itself on stdout, red and green only when the console colours; JSON as the brief shapes it. */
class DiffRendererTest {
    private static final String DIFF = """
            --- live
            +++ template
            @@ -1,3 +1,3 @@
             {
            -  "image": "r@sha256:aaa"
            +  "image": "r@sha256:bbb"
             }
            """;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Console console(boolean color, OutputFormat format) {
        return new Console(new PrintWriter(out, true), new PrintWriter(err, true), color, color, format, () -> 0L);
    }

    private static final DiffRequest REQUEST = new DiffRequest(null, "like", "fargate", null, null, null, null);

    private static DiffResult changed() {
        return new DiffResult("like", "fargate", true, List.of(new TaskDefinitionMatcher.Difference(
                "taskDefinition.containerDefinitions[like].image", TextNode.valueOf("r@sha256:aaa"), TextNode.valueOf("r@sha256:bbb"))),
                DIFF, "arn:td/like:1", List.of("update task definition like"));
    }

    @Test
    void plain_printsTheDiffAsItIs_andTheDeployThatAppliesItOnStderr() {
        new DiffRenderer(console(false, OutputFormat.TEXT)).render(REQUEST, changed());

        assertEquals(DIFF, out.toString());
        assertTrue(err.toString().contains("mysfits deploy like --fargate"), err.toString());
    }

    @Test
    void onATerminal_removedLinesAreRed_addedGreen_contextPlain() {
        new DiffRenderer(console(true, OutputFormat.TEXT)).render(REQUEST, changed());

        List<String> lines = out.toString().lines().toList();
        assertEquals("\033[31m-  \"image\": \"r@sha256:aaa\"\033[0m", lines.get(4));
        assertEquals("\033[32m+  \"image\": \"r@sha256:bbb\"\033[0m", lines.get(5));
        assertEquals(" {", lines.get(3));
        assertTrue(lines.get(2).startsWith("\033[36m@@"), lines.get(2));
    }

    @Test
    void noChange_printsNothing_onStdout() {
        new DiffRenderer(console(true, OutputFormat.TEXT)).render(REQUEST,
                new DiffResult("like", "fargate", false, List.of(), "", "arn:td/like:1", List.of()));

        assertEquals("", out.toString());
        assertFalse(err.toString().contains("Next:"), err.toString());
    }

    @Test
    void json_hasTheServiceWhetherItChangedEachChangeByPathAndTheDiff() throws Exception {
        new DiffRenderer(console(false, OutputFormat.JSON)).render(REQUEST, changed());

        var json = new ObjectMapper().readTree(out.toString());
        assertEquals("like", json.path("service").asText());
        assertTrue(json.path("changed").asBoolean());
        assertEquals("taskDefinition.containerDefinitions[like].image", json.path("changes").get(0).path("path").asText());
        assertEquals("r@sha256:aaa", json.path("changes").get(0).path("live").asText());
        assertEquals("r@sha256:bbb", json.path("changes").get(0).path("template").asText());
        assertEquals(DIFF, json.path("diff").asText());
    }
}
