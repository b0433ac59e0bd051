package dev.mysfits.workflow.cleanup;

import dev.mysfits.core.Sleeper;
import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.ResourceBusyException;
import dev.mysfits.aws.ResourceDeleter;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Deletes the independent resources of one stage in parallel on a small fixed pool. A busy resource is retried
 * with backoff; after the last attempt, or on any other error, it becomes a leftover and the others carry on.
 * Missing credentials or permissions stop everything: every other deletion would fail the same way.
 */
final class ParallelDeleter implements AutoCloseable {
    record Outcome(List<OwnedResource> deleted, List<Leftover> leftovers) {
    }

    private final ResourceDeleter deleter;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final ExecutorService pool;

    ParallelDeleter(ResourceDeleter deleter, RetryPolicy retry, Sleeper sleeper, int threads) {
        this.deleter = deleter;
        this.retry = retry;
        this.sleeper = sleeper;
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "mysfits-cleanup");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Deletes them all; calls onDeleted (from a pool thread) right after each one is gone. */
    Outcome delete(List<OwnedResource> batch, Consumer<OwnedResource> onDeleted) throws InterruptedException {
        List<Future<Leftover>> futures = new ArrayList<>();
        for (OwnedResource resource : batch) {
            futures.add(pool.submit(() -> deleteOne(resource, onDeleted)));
        }
        List<OwnedResource> deleted = new ArrayList<>();
        List<Leftover> leftovers = new ArrayList<>();
        MysfitsException fatal = null;
        for (int i = 0; i < futures.size(); i++) {
            try {
                Leftover leftover = futures.get(i).get();
                if (leftover == null) {
                    deleted.add(batch.get(i));
                } else {
                    leftovers.add(leftover);
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof MysfitsException m && fatal == null) {
                    fatal = m;
                } else if (!(e.getCause() instanceof MysfitsException)) {
                    throw new IllegalStateException("deleting " + batch.get(i).describe() + " failed", e.getCause());
                }
            }
        }
        if (fatal != null) {
            throw fatal;
        }
        return new Outcome(deleted, leftovers);
    }

    private Leftover deleteOne(OwnedResource resource, Consumer<OwnedResource> onDeleted) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                deleter.delete(resource);
                onDeleted.accept(resource);
                return null;
            } catch (ResourceBusyException busy) {
                if (attempt >= retry.maxAttempts()) {
                    return new Leftover(resource, busy.getMessage() + " after " + attempt + " attempts");
                }
                sleeper.sleep(retry.delayAfter(attempt));
            } catch (MysfitsException e) {
                if (e.exitCode() == ExitCode.PRECONDITION) {
                    throw e;
                }
                return new Leftover(resource, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
