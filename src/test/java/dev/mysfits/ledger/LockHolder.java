package dev.mysfits.ledger;

import dev.mysfits.console.Console;
import dev.mysfits.core.OutputFormat;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

/** A second process for WorkshopLockTest: takes the lock as "deploy monolith", says so, and holds it until killed. */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        Console console = new Console(new PrintWriter(System.out, true), new PrintWriter(System.err, true), false, false,
                OutputFormat.TEXT, System::nanoTime);
        WorkshopLock.acquire(Path.of(args[0]), "deploy monolith", Duration.ofSeconds(5),
                holder -> console.info("waiting for another mysfits to finish: " + holder));
        System.out.println("locked");
        Thread.sleep(Duration.ofMinutes(2).toMillis());
    }
}
