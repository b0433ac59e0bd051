package dev.mysfits.ledger;

import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerTest {
    @TempDir
    Path dir;

    @Test
    void aTruncatedLedger_isAOneLineError_withAWayOut() throws Exception {
        Path file = Ledger.defaultFile(dir);
        Ledger ledger = new Ledger(file, Clock.systemUTC());
        ledger.record(ResourceType.CLUSTER, "arn:aws:ecs:us-east-1:123456789012:cluster/ws", null, "us-east-1");
        ledger.record(ResourceType.SERVICE, "arn:aws:ecs:us-east-1:123456789012:service/ws/monolith", "monolith", "us-east-1");
        String whole = Files.readString(file);
        Files.writeString(file, whole.substring(0, whole.length() / 2));

        MysfitsException e = assertThrows(MysfitsException.class, () -> new Ledger(file, Clock.systemUTC()));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().matches("ledger .* is unreadable: .* at line \\d+, column \\d+"), e.getMessage());
        assertTrue(e.hint().contains("mv " + file + " " + file + ".broken"), e.hint());
    }

    @Test
    void writesReplaceTheFileWhole_noTemporaryFilesLeft() throws Exception {
        Path file = Ledger.defaultFile(dir);
        Ledger ledger = new Ledger(file, Clock.systemUTC());
        for (int i = 0; i < 20; i++) {
            ledger.record(ResourceType.LOG_GROUP, "/mysfits/ws/s" + i, "s" + i, "us-east-1");
        }
        assertEquals(20, new Ledger(file, Clock.systemUTC()).entries().size());
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.filter(p -> !p.getFileName().toString().equals("lock")).count());
        }
    }
}
