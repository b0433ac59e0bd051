package dev.mysfits.config;

/**
 * How the load balancer checks a service's tasks and lets go of old ones; "healthCheck" in mysfits.json.
 *
 * <p>The defaults are chosen for a workshop: a new task serves after two passing checks 5 s apart, a broken one is
 * out after two failures, and a replaced task drains for 5 s (ALB's default of 300 s would make every redeploy
 * wait five minutes for requests that take milliseconds). The health path itself is the service's healthPath.
 *
 * @param matcher the HTTP codes that count as healthy: "200", "200,204" or "200-299"
 */
public record HealthCheckConfig(int intervalSeconds, int timeoutSeconds, int healthyThreshold, int unhealthyThreshold,
                                String matcher, int deregistrationDelaySeconds, int gracePeriodSeconds) {

    public static final HealthCheckConfig WORKSHOP = new HealthCheckConfig(5, 4, 2, 2, "200", 5, 30);
}
