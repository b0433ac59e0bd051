package dev.mysfits.aws;

import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.Sleeper;
import dev.mysfits.core.WaitProgress;
import software.amazon.awssdk.core.exception.SdkException;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * AWS is eventually consistent: a new role is not yet usable by ECS, a new target group not yet readable, a
 * deleted service's name not yet free. Such a call fails with an error AWS documents as transient, and works a
 * little later. This tries it again, with backoff, until a bound, saying what it waits for; a permanent error
 * goes straight through. Past the bound it gives up with exit 4, naming the wait.
 */
public final class Eventually {
    /** What Terraform's AWS provider allows for propagation, and what AWS documents as "up to a few minutes". */
    public static final Duration PROPAGATION = Duration.ofMinutes(2);

    /**
     * Each pause is a quarter of the time waited so far, at least a quarter second and at most 5 s: a wait that ends
     * within a second or two is seen within a quarter second, a longer one at most a quarter late, and minutes of
     * waiting cost few requests.
     */
    private static final Duration SHORTEST_PAUSE = Duration.ofMillis(250);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);
    private static final int PAUSE_FRACTION = 4;

    private final Sleeper sleeper;
    private final WaitProgress progress;
    private final LongSupplier nanoClock;

    public Eventually(Sleeper sleeper, WaitProgress progress, LongSupplier nanoClock) {
        this.sleeper = sleeper;
        this.progress = progress;
        this.nanoClock = nanoClock;
    }

    public static Eventually system(WaitProgress progress) {
        return new Eventually(Sleeper.system(), progress, System::nanoTime);
    }

    /**
     * @param waitingFor what the wait is for, as the user reads it ("IAM role mysfits-ecs-task to reach ECS")
     * @param bound      how long to keep trying
     * @param notYet     which failures mean "not yet"
     * @param call       the call; its SDK exceptions other than those reach the caller unchanged
     */
    public <T> T call(String waitingFor, Duration bound, Predicate<SdkException> notYet, Supplier<T> call) {
        return call(waitingFor, () -> waitingFor, bound, notYet, call);
    }

    /**
     * As {@link #call(String, Duration, Predicate, Supplier)}, for a wait whose description changes as it goes
     * ("3 network interfaces to release security group …"): it is read again each time the wait is shown.
     *
     * @param key what the progress display knows this wait by
     */
    public <T> T call(String key, Supplier<String> waitingFor, Duration bound, Predicate<SdkException> notYet,
                      Supplier<T> call) {
        long start = nanoClock.getAsLong();
        boolean waited = false;
        while (true) {
            try {
                T result = call.get();
                if (waited) {
                    progress.ready(key, waitingFor.get() + ": ready after " + seconds(start) + " s");
                }
                return result;
            } catch (SdkException e) {
                if (!notYet.test(e)) {
                    throw e;
                }
                long waitedSeconds = seconds(start);
                if (nanoClock.getAsLong() - start >= bound.toNanos()) {
                    throw new MysfitsException(ExitCode.TIMEOUT, "waiting for " + waitingFor.get() + ": AWS still answers "
                            + AwsErrors.summary(e) + " after " + waitedSeconds + " s",
                            "AWS usually makes a new resource usable within a minute or two; run the same command again "
                                    + "(it continues where it stopped)", e);
                }
                waited = true;
                progress.waiting(key, "waiting for " + waitingFor.get() + ", " + waitedSeconds + " s");
                sleep(pauseAfter(start));
            }
        }
    }

    /**
     * Looks until the answer is ready (a load balancer active, say), showing the wait as {@link #call} does.
     *
     * @param state what the last answer says, for the error past the bound ("still provisioning")
     */
    public <T> T until(String waitingFor, Duration bound, Supplier<T> look, Predicate<T> ready, Function<T, String> state) {
        Looked<T> looked = look(waitingFor, bound, look, ready);
        if (looked.ready()) {
            return looked.answer();
        }
        throw new MysfitsException(ExitCode.TIMEOUT, "waiting for " + waitingFor + ": " + state.apply(looked.answer())
                + " after " + looked.seconds() + " s",
                "AWS is slower than usual; run the same command again (it continues where it stopped)");
    }

    /**
     * Looks until ready as {@link #until} does, but past the bound answers false: for a caller to whom a wait past
     * its bound means something else than a failure (a deletion still busy, to be tried again later).
     */
    public boolean within(String waitingFor, Duration bound, BooleanSupplier ready) {
        return look(waitingFor, bound, ready::getAsBoolean, Boolean::booleanValue).ready();
    }

    private record Looked<T>(T answer, boolean ready, long seconds) {
    }

    private <T> Looked<T> look(String waitingFor, Duration bound, Supplier<T> look, Predicate<T> ready) {
        long start = nanoClock.getAsLong();
        boolean waited = false;
        while (true) {
            T answer = look.get();
            if (ready.test(answer)) {
                if (waited) {
                    progress.ready(waitingFor, waitingFor + ": ready after " + seconds(start) + " s");
                }
                return new Looked<>(answer, true, seconds(start));
            }
            long waitedSeconds = seconds(start);
            if (nanoClock.getAsLong() - start >= bound.toNanos()) {
                return new Looked<>(answer, false, waitedSeconds);
            }
            waited = true;
            progress.waiting(waitingFor, "waiting for " + waitingFor + ", " + waitedSeconds + " s");
            sleep(pauseAfter(start));
        }
    }

    private Duration pauseAfter(long start) {
        long pause = (nanoClock.getAsLong() - start) / PAUSE_FRACTION;
        return Duration.ofNanos(Math.max(SHORTEST_PAUSE.toNanos(), Math.min(LONGEST_PAUSE.toNanos(), pause)));
    }

    public void run(String waitingFor, Duration bound, Predicate<SdkException> notYet, Runnable call) {
        call(waitingFor, bound, notYet, () -> {
            call.run();
            return null;
        });
    }

    private long seconds(long start) {
        return Duration.ofNanos(nanoClock.getAsLong() - start).toSeconds();
    }

    private void sleep(Duration pause) {
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MysfitsException(ExitCode.INTERRUPTED, "interrupted while waiting", "run the same command again: it resumes", e);
        }
    }
}
