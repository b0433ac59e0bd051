package dev.mysfits.workflow.local;

import java.time.Duration;
import java.util.List;

/**
 * Which containers' logs to follow once they run (`run --follow`, `up --follow`).
 *
 * @param followed what to follow, in order
 * @param prefixed each line starts with its label, aligned (several services); otherwise one container's own text
 * @param tail     how many earlier lines to show first
 * @param timeout  how long a call to the engine may take
 */
public record FollowLogsRequest(List<Followed> followed, boolean prefixed, int tail, Duration timeout) {
    /** @param label what the user calls it: the service with a prefix, else the container's name */
    public record Followed(String label, String container) {
    }

    public FollowLogsRequest {
        followed = List.copyOf(followed);
    }

    /** `run --follow`: one container, its text as written, from now on. */
    public static FollowLogsRequest one(String container, Duration timeout) {
        return new FollowLogsRequest(List.of(new Followed(container, container)), false, 0, timeout);
    }

    /** `up --follow`: every service up started, each line prefixed with its service, from its last 10 lines. */
    public static FollowLogsRequest all(UpResult up, Duration timeout) {
        return new FollowLogsRequest(up.services().stream().map(s -> new Followed(s.service(), s.container())).toList(),
                true, 10, timeout);
    }
}
