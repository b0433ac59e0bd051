package dev.mysfits.workflow.local;

import java.util.List;

/** The containers whose logs were followed, until Ctrl-C or their end. */
public record FollowLogsResult(List<String> containers) {
    public FollowLogsResult {
        containers = List.copyOf(containers);
    }
}
