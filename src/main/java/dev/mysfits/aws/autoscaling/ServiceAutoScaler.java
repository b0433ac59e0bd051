package dev.mysfits.aws.autoscaling;

import java.util.Optional;

/**
 * Target-tracking autoscaling of an ECS service's desired count (Application Auto Scaling). Resource ids are
 * "service/<cluster>/<service>".
 */
public interface ServiceAutoScaler {
    /** The service's capacity bounds as Application Auto Scaling holds them. */
    record ScalableTarget(String resourceId, int min, int max) {
    }

    /** A target-tracking policy on average CPU. */
    record CpuPolicy(String name, String arn, double targetValue) {
    }

    static String resourceId(String cluster, String service) {
        return "service/" + cluster + "/" + service;
    }

    /** Whether the ECS service exists and is not deleted; a missing cluster counts as no service. */
    boolean serviceExists(String cluster, String service);

    Optional<ScalableTarget> findTarget(String resourceId);

    Optional<CpuPolicy> findPolicy(String resourceId, String policyName);

    /** Creates or updates the target's bounds. */
    void registerTarget(String resourceId, int min, int max);

    /** Creates or updates the CPU target-tracking policy; returns its ARN. */
    String putCpuPolicy(String resourceId, String policyName, double targetValue);

    void deletePolicy(String resourceId, String policyName);

    void deregisterTarget(String resourceId);
}
