package dev.mysfits.config;

import dev.mysfits.core.DeploymentStrategy;
import dev.mysfits.core.DeploymentStrategy.Kind;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A service's "deployment": its strategy and timings, read strictly, resolved with --strategy and the defaults. */
class DeploymentConfigTest {
    @TempDir
    Path dir;

    private ServiceConfig load(String deployment) throws IOException {
        Path file = dir.resolve("mysfits.json");
        Files.writeString(file, "{\"workshop\": \"labs\", \"services\": {\"like\": {\"context\": \".\""
                + (deployment == null ? "" : ", \"deployment\": " + deployment) + "}}}");
        return new WorkshopConfigLoader().load(file).service("like");
    }

    private static String refusal(ThrowingLoad load) {
        MysfitsException e = assertThrows(MysfitsException.class, load::run);
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    private interface ThrowingLoad {
        void run() throws IOException;
    }

    @Test
    void noDeployment_rolls_andStrategyOnTheCommandLine_takesTheDefaults() throws IOException {
        DeploymentConfig none = load(null).deployment();

        assertEquals(DeploymentStrategy.ROLLING, none.resolve(null));
        assertEquals(new DeploymentStrategy(Kind.CANARY, 0, 10.0, 1, null, null, List.of()), none.resolve(Kind.CANARY));
        assertEquals(new DeploymentStrategy(Kind.LINEAR, 0, null, null, 25.0, 1, List.of()), none.resolve(Kind.LINEAR));
        assertEquals(new DeploymentStrategy(Kind.BLUE_GREEN, 0, null, null, null, null, List.of()), none.resolve(Kind.BLUE_GREEN));
    }

    @Test
    void aCanary_keepsItsTimingsAndAlarms_andTheCommandLineStillChoosesTheStrategy() throws IOException {
        DeploymentConfig canary = load("{\"strategy\": \"canary\", \"canaryPercent\": 20, \"canaryBakeMinutes\": 3, "
                + "\"bakeMinutes\": 2, \"alarms\": [\"like-5xx\"]}").deployment();

        assertEquals(new DeploymentStrategy(Kind.CANARY, 2, 20.0, 3, null, null, List.of("like-5xx")), canary.resolve(null));
        assertEquals(new DeploymentStrategy(Kind.BLUE_GREEN, 2, null, null, null, null, List.of("like-5xx")),
                canary.resolve(Kind.BLUE_GREEN));
        assertEquals(DeploymentStrategy.ROLLING, canary.resolve(Kind.ROLLING));
    }

    @Test
    void wrongKeys_strategies_andRanges_areRefused_inOneLine() {
        assertTrue(refusal(() -> load("{\"strategy\": \"canary\", \"canaryPercnt\": 5}")).contains("unknown key \"canaryPercnt\""));
        assertTrue(refusal(() -> load("{\"strategy\": \"red-black\"}")).contains("must be rolling, blue-green, canary or linear"));
        assertTrue(refusal(() -> load("{\"strategy\": \"linear\", \"canaryPercent\": 5}"))
                .contains("canaryPercent belongs to the canary strategy, not linear"));
        assertTrue(refusal(() -> load("{\"strategy\": \"canary\", \"canaryPercent\": 0}")).contains("from 0.1 to 100"));
        assertTrue(refusal(() -> load("{\"strategy\": \"linear\", \"linearStepPercent\": 2}")).contains("from 3.0 to 100"));
        assertTrue(refusal(() -> load("{\"strategy\": \"blue-green\", \"bakeMinutes\": 1441}")).contains("from 0 to 1440"));
        assertTrue(refusal(() -> load("{\"bakeMinutes\": 5}")).contains("not rolling"));
        assertTrue(refusal(() -> load("\"canary\"")).contains("deployment must be an object"));
        assertTrue(refusal(() -> load("{\"strategy\": \"blue-green\", \"testHeader\": \"x test\"}")).contains("HTTP header name"));
        assertTrue(refusal(() -> load("{\"testHeader\": \"X-Test\"}")).contains("not rolling"));
    }
}
