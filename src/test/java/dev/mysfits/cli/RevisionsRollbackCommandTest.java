package dev.mysfits.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input that revisions and rollback refuse before building any AWS client. */
class RevisionsRollbackCommandTest {
    @TempDir
    Path dir;

    private CommandHarness harness() throws IOException {
        Files.writeString(dir.resolve("mysfits.json"), "{\"workshop\":\"ws\",\"services\":{\"monolith\":{\"context\":\".\"}}}");
        // Nothing listens there: a command that reached AWS would fail otherwise than asserted.
        return new CommandHarness().workingDirectory(dir).env("AWS_REGION", "us-east-1")
                .env("AWS_ENDPOINT_URL", "http://127.0.0.1:1").env("AWS_ACCESS_KEY_ID", "x").env("AWS_SECRET_ACCESS_KEY", "x");
    }

    @Test
    void rollback_toThatIsNoRevision_isUsageError() throws IOException {
        harness().run("rollback", "monolith", "--to", "latest").assertOneLineError(2,
                "--to takes a revision of the service's task-definition family: a number (3), family:number or an ARN, got 'latest'");
    }

    @Test
    void rollback_toRevisionZero_isUsageError() throws IOException {
        harness().run("rollback", "monolith", "--to", "ws-monolith:0").assertOneLineError(2, "got 'ws-monolith:0'");
    }

    @Test
    void rollback_unknownService_isUsageErrorNamingTheServices() throws IOException {
        harness().run("rollback", "nope").assertOneLineError(2, "unknown service 'nope'");
    }

    @Test
    void revisions_limitZero_isUsageError() throws IOException {
        harness().run("revisions", "monolith", "--limit", "0").assertOneLineError(2, "--limit must be 1 or more, got 0");
    }

    @Test
    void revisions_withoutService_isUsageErrorWithTheSynopsis() throws IOException {
        CommandHarness.Result result = harness().run("revisions");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("Missing required parameter: 'SERVICE'"), result.err());
    }

    @Test
    void help_namesTheOptions() throws IOException {
        String rollback = harness().run("rollback", "--help").ok().out();
        String revisions = harness().run("revisions", "--help").ok().out();
        for (String option : new String[]{"--to=REVISION", "--stop", "--no-wait", "--timeout=DURATION", "--dry-run"}) {
            assertTrue(rollback.contains(option), option + " in " + rollback);
        }
        assertTrue(revisions.contains("--limit=N"), revisions);
    }
}
