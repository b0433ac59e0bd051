package dev.mysfits.workflow.local;

import java.util.List;

/** What `mysfits down` did: the --output json shape. */
public record DownResult(List<String> stopped, boolean networkRemoved, List<String> keptVolumes) {
    public DownResult {
        stopped = List.copyOf(stopped);
        keptVolumes = List.copyOf(keptVolumes);
    }
}
