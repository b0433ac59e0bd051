package dev.mysfits.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** diff's bad input is deploy's: exit 2 with one error line, before AWS is asked anything. */
class DiffCommandTest {
    @TempDir
    Path dir;

    @Test
    void bothLaunchTypes_neither_aNegativeCount_orAnUnknownService_areUsageErrors() throws Exception {
        CommandHarness cli = CommandHarness.withNothingToReach(dir);

        cli.run("diff", "monolith", "--fargate", "--ec2").assertOneLineError(2, "mutually exclusive");
        cli.run("diff", "monolith").assertOneLineError(2, "(--fargate | --ec2)");
        cli.run("diff", "monolith", "--fargate", "--count", "-1").assertOneLineError(2, "--count must be 0 or more");
        CommandHarness.Result unknown = cli.run("diff", "nosuch", "--fargate");
        unknown.assertOneLineError(2, "unknown service 'nosuch'");
    }

    @Test
    void help_saysWhatTheExitCodesMean() {
        CommandHarness.Result help = new CommandHarness().run("diff", "--help").ok();

        assertTrue(help.out().contains("exits 1 when"), help.out());
        assertTrue(help.out().contains("--fargate") && help.out().contains("--count"), help.out());
        assertEquals("", help.err());
    }
}
