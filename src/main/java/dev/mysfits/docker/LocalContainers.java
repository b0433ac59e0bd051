package dev.mysfits.docker;

import java.util.Map;

/**
 * Names and labels of what mysfits creates on the local engine, so `cleanup --local` can find it by label
 * and re-running converges on the same container name.
 */
public final class LocalContainers {
    public static final String LABEL_WORKSHOP = "mysfits.workshop";
    public static final String LABEL_SERVICE = "mysfits.service";

    private LocalContainers() {
    }

    public static String containerName(String workshop, String service) {
        return "mysfits-" + workshop + "-" + service;
    }

    public static Map<String, String> labels(String workshop, String service) {
        return Map.of(LABEL_WORKSHOP, workshop, LABEL_SERVICE, service);
    }
}
