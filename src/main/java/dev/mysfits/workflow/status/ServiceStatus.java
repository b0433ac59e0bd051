package dev.mysfits.workflow.status;

import java.util.List;

/**
 * One service as deployed: null fields when it is not deployed.
 *
 * @param targets target health counts, e.g. "2 healthy", "1 healthy, 1 unhealthy"
 */
public record ServiceStatus(String service, boolean deployed, String launchType, Integer revision, List<String> images,
                            Integer desired, Integer running, Integer pending, String rolloutState, String targets,
                            String url, String serviceArn) {
}
