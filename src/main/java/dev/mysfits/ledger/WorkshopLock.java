package dev.mysfits.ledger;

import dev.mysfits.core.MysfitsException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/**
 * One mysfits at a time changes a workshop: commands that change AWS hold an OS lock on .mysfits/lock, which names
 * its holder (pid, command, since). The OS drops the lock when its process ends however it ends (even kill -9), so a
 * lock left by a dead process is free by itself. A second command waits a little, then refuses, saying who holds it.
 */
public final class WorkshopLock implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(250);

    private final FileChannel channel;
    private final FileLock lock;

    private WorkshopLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static Path defaultFile(Path workshopDirectory) {
        return Ledger.defaultFile(workshopDirectory).resolveSibling("lock");
    }

    /**
     * @param what what this command does, for whoever waits ("deploy monolith")
     * @param wait    how long to wait for another holder before refusing
     * @param waiting told the holder ("pid 123 … deploy monolith") once, when this starts to wait
     */
    public static WorkshopLock acquire(Path file, String what, Duration wait, Consumer<String> waiting) {
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            long deadline = System.nanoTime() + wait.toNanos();
            boolean announced = false;
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    String holder = ProcessHandle.current().pid() + " " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + what;
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                    channel.force(false);
                    return new WorkshopLock(channel, lock);
                }
                String holder = describeHolder(file);
                if (System.nanoTime() - deadline > 0) {
                    throw MysfitsException.precondition("another mysfits is changing this workshop: " + holder,
                            "wait for it to finish and run this again; if that process is stuck, stop it (Ctrl-C in its "
                                    + "terminal, or kill its pid): its lock goes with it");
                }
                if (!announced) {
                    waiting.accept(holder);
                    announced = true;
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (IOException e) {
            closeQuietly(channel);
            throw MysfitsException.failed("cannot lock " + file + ": " + e.getMessage(), "check that the workshop directory is writable", e);
        } catch (InterruptedException e) {
            closeQuietly(channel);
            Thread.currentThread().interrupt();
            throw new MysfitsException(dev.mysfits.core.ExitCode.INTERRUPTED, "interrupted while waiting for the workshop lock", null, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    /** "pid 4242 (deploy monolith, since 2026-11-30T10:40:01Z)", as the holder wrote it. */
    static String describeHolder(Path file) {
        try {
            String[] parts = Files.readString(file).strip().split(" ", 3);
            if (parts.length == 3) {
                return "pid " + parts[0] + " (" + parts[2] + ", since " + parts[1] + ")";
            }
        } catch (IOException unreadable) {
            // the holder is still writing it
        }
        return "a process that holds " + file;
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel's close releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to do at this point
            }
        }
    }
}
