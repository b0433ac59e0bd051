package dev.mysfits.config;

import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A service's "private": its Fargate tasks in the private subnets, without a public IP. */
class PrivateServiceConfigTest {
    @TempDir
    Path dir;

    private WorkshopConfig load(String service) throws IOException {
        Path file = dir.resolve("mysfits.json");
        Files.writeString(file, "{\"workshop\": \"labs\", \"services\": {\"monolith\": {\"context\": \".\"" + service + "}}}");
        return new WorkshopConfigLoader().load(file);
    }

    @Test
    void private_isABoolean_falseWhenLeftOut() throws IOException {
        assertTrue(load(", \"private\": true").service("monolith").privateTasks());
        assertFalse(load(", \"private\": false").service("monolith").privateTasks());
        assertFalse(load("").service("monolith").privateTasks());
    }

    @Test
    void private_asAnythingButABoolean_isRefused_inOneLine() {
        MysfitsException e = assertThrows(MysfitsException.class, () -> load(", \"private\": \"yes\""));

        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("services.monolith.private must be true"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
