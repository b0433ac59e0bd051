package dev.mysfits.fakes;

import dev.mysfits.aws.autoscaling.ServiceAutoScaler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** In-memory Application Auto Scaling: refuses targets for services that do not exist, like the real one. */
public final class FakeServiceAutoScaler implements ServiceAutoScaler {
    public final Set<String> services = new HashSet<>();
    public final Map<String, ScalableTarget> targets = new HashMap<>();
    public final Map<String, CpuPolicy> policies = new HashMap<>();
    public final List<String> mutations = new ArrayList<>();

    @Override
    public boolean serviceExists(String cluster, String service) {
        return services.contains(cluster + "/" + service);
    }

    @Override
    public Optional<ScalableTarget> findTarget(String resourceId) {
        return Optional.ofNullable(targets.get(resourceId));
    }

    @Override
    public Optional<CpuPolicy> findPolicy(String resourceId, String policyName) {
        return Optional.ofNullable(policies.get(resourceId + "|" + policyName));
    }

    @Override
    public void registerTarget(String resourceId, int min, int max) {
        if (!services.contains(resourceId.substring("service/".length()))) {
            throw new IllegalStateException("ECS service doesn't exist: " + resourceId);
        }
        mutations.add("register " + resourceId + " " + min + "-" + max);
        targets.put(resourceId, new ScalableTarget(resourceId, min, max));
    }

    @Override
    public String putCpuPolicy(String resourceId, String policyName, double targetValue) {
        if (!targets.containsKey(resourceId)) {
            throw new IllegalStateException("no scalable target " + resourceId);
        }
        mutations.add("put " + policyName + " " + targetValue);
        String arn = "arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:x:resource/ecs/" + resourceId + ":policyName/" + policyName;
        policies.put(resourceId + "|" + policyName, new CpuPolicy(policyName, arn, targetValue));
        return arn;
    }

    @Override
    public void deletePolicy(String resourceId, String policyName) {
        mutations.add("delete " + policyName);
        policies.remove(resourceId + "|" + policyName);
    }

    @Override
    public void deregisterTarget(String resourceId) {
        mutations.add("deregister " + resourceId);
        targets.remove(resourceId);
    }
}
