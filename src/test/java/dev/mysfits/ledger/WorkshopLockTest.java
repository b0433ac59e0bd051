package dev.mysfits.ledger;

import dev.mysfits.console.Console;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.OutputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkshopLockTest {
    @TempDir
    Path dir;
    private final StringWriter err = new StringWriter();
    private final Console console = new Console(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), false,
            false, OutputFormat.TEXT, () -> 0L);
    private final java.util.function.Consumer<String> waiting = holder -> console.info("waiting for another mysfits to finish: " + holder);

    @Test
    void aSecondCommand_waits_thenRefusesNamingTheHolder_andGetsItOnceReleased() {
        Path file = WorkshopLock.defaultFile(dir);
        WorkshopLock first = WorkshopLock.acquire(file, "deploy monolith", Duration.ZERO, waiting);
        MysfitsException refused = assertThrows(MysfitsException.class,
                () -> WorkshopLock.acquire(file, "cleanup", Duration.ofMillis(600), waiting));
        assertEquals(ExitCode.PRECONDITION, refused.exitCode());
        assertTrue(refused.getMessage().matches("another mysfits is changing this workshop: pid " + ProcessHandle.current().pid()
                + " \\(deploy monolith, since \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)"), refused.getMessage());
        assertTrue(err.toString().contains("waiting for another mysfits to finish: pid"), err.toString());
        first.close();
        WorkshopLock.acquire(file, "cleanup", Duration.ZERO, waiting).close();
    }

    @Test
    void anotherProcess_holdsIt_untilKilled_thenItIsFree() throws Exception {
        Path file = WorkshopLock.defaultFile(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());
            MysfitsException refused = assertThrows(MysfitsException.class,
                    () -> WorkshopLock.acquire(file, "cleanup", Duration.ofMillis(300), waiting));
            assertTrue(refused.getMessage().contains("pid " + holder.pid() + " (deploy monolith"), refused.getMessage());

            holder.destroyForcibly().waitFor(); // kill -9: no chance to clean up
            assertTrue(Files.readString(file).startsWith(holder.pid() + " "), "the dead holder's line is still in the file");
            WorkshopLock.acquire(file, "cleanup", Duration.ZERO, waiting).close(); // and yet it is free
        } finally {
            holder.destroyForcibly();
        }
    }
}
