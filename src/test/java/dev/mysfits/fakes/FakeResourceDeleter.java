package dev.mysfits.fakes;

import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.ResourceBusyException;
import dev.mysfits.aws.ResourceDeleter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory AWS: resources exist until deleted; some stay busy for a number of attempts; it can crash. */
public class FakeResourceDeleter implements ResourceDeleter {
    public final Set<String> existing = Collections.synchronizedSet(new HashSet<>());
    public final List<String> log = Collections.synchronizedList(new ArrayList<>());
    public final Map<String, AtomicInteger> busyFor = new HashMap<>();
    public final Map<String, AtomicInteger> attempts = new HashMap<>();
    private final AtomicInteger deletions = new AtomicInteger();
    public int crashAfter = Integer.MAX_VALUE;

    public FakeResourceDeleter(List<OwnedResource> resources) {
        resources.forEach(r -> existing.add(r.id()));
    }

    @Override
    public Outcome delete(OwnedResource resource) {
        synchronized (this) {
            attempts.computeIfAbsent(resource.id(), k -> new AtomicInteger()).incrementAndGet();
        }
        if (deletions.get() >= crashAfter) {
            throw new IllegalStateException("simulated crash: the process died here");
        }
        AtomicInteger busy;
        synchronized (this) {
            busy = busyFor.get(resource.id());
        }
        if (busy != null && busy.getAndDecrement() > 0) {
            throw new ResourceBusyException("delete " + resource.name() + ": still in use (ResourceInUse)", null);
        }
        log.add("delete " + resource.type() + " " + resource.id());
        deletions.incrementAndGet();
        return existing.remove(resource.id()) ? Outcome.DELETED : Outcome.ALREADY_GONE;
    }

    @Override
    public void resetDefaultAction(OwnedResource listener) {
        log.add("reset " + listener.id());
    }
}
