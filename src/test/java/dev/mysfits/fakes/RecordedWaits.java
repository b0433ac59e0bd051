package dev.mysfits.fakes;

import dev.mysfits.aws.Eventually;
import dev.mysfits.core.WaitProgress;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Eventually on a clock that moves only when it sleeps, and the wait lines it showed, in order. */
public final class RecordedWaits implements WaitProgress {
    /** Nanoseconds since the start: what the waits have slept. */
    public final AtomicLong now = new AtomicLong();
    public final List<String> shown = Collections.synchronizedList(new ArrayList<>());

    public Eventually eventually() {
        return new Eventually(d -> now.addAndGet(d.toNanos()), this, now::get);
    }

    @Override
    public void waiting(String key, String line) {
        shown.add(line);
    }

    @Override
    public void ready(String key, String line) {
        shown.add(line);
    }
}
