package dev.mysfits.aws.autoscaling;

import dev.mysfits.aws.AwsClients;
import dev.mysfits.aws.AwsErrors;
import dev.mysfits.aws.Eventually;
import dev.mysfits.aws.TransientErrors;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.PredefinedMetricSpecification;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.applicationautoscaling.model.TargetTrackingScalingPolicyConfiguration;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;

import java.util.Optional;
import java.util.function.Supplier;

/** {@link ServiceAutoScaler} on Application Auto Scaling, with ECS asked only whether the service is there. */
public final class AppAutoScalingServiceScaler implements ServiceAutoScaler {
    private final Supplier<ApplicationAutoScalingClient> autoScaling;
    private final Supplier<EcsClient> ecs;
    private final Eventually eventually;

    public AppAutoScalingServiceScaler(AwsClients aws, Eventually eventually) {
        this(aws::autoScaling, aws::ecs, eventually);
    }

    AppAutoScalingServiceScaler(Supplier<ApplicationAutoScalingClient> autoScaling, Supplier<EcsClient> ecs,
                                Eventually eventually) {
        this.autoScaling = autoScaling;
        this.ecs = ecs;
        this.eventually = eventually;
    }

    @Override
    public boolean serviceExists(String cluster, String service) {
        try {
            DescribeServicesResponse response = ecs.get().describeServices(r -> r.cluster(cluster).services(service));
            return response.services().stream()
                    .anyMatch(s -> service.equals(s.serviceName()) && !"INACTIVE".equals(s.status()));
        } catch (ClusterNotFoundException e) {
            return false;
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecs describe service " + service + " in cluster " + cluster, e);
        }
    }

    @Override
    public Optional<ScalableTarget> findTarget(String resourceId) {
        try {
            return autoScaling.get().describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.ECS)
                            .resourceIds(resourceId).scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT))
                    .scalableTargets().stream()
                    .filter(t -> resourceId.equals(t.resourceId()))
                    .findFirst()
                    .map(t -> new ScalableTarget(t.resourceId(), t.minCapacity(), t.maxCapacity()));
        } catch (SdkException e) {
            throw AwsErrors.wrap("application-autoscaling describe scalable target " + resourceId, e);
        }
    }

    @Override
    public Optional<CpuPolicy> findPolicy(String resourceId, String policyName) {
        try {
            return autoScaling.get().describeScalingPolicies(r -> r.serviceNamespace(ServiceNamespace.ECS)
                            .resourceId(resourceId).scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                            .policyNames(policyName))
                    .scalingPolicies().stream()
                    .findFirst()
                    .map(AppAutoScalingServiceScaler::toCpuPolicy);
        } catch (SdkException e) {
            throw AwsErrors.wrap("application-autoscaling describe scaling policy " + policyName, e);
        }
    }

    private static CpuPolicy toCpuPolicy(ScalingPolicy policy) {
        TargetTrackingScalingPolicyConfiguration config = policy.targetTrackingScalingPolicyConfiguration();
        boolean cpu = config != null && config.predefinedMetricSpecification() != null
                && config.predefinedMetricSpecification().predefinedMetricType() == MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION;
        // a policy of that name tracking something else reads as target NaN, so the workflow replaces it
        double target = cpu && config.targetValue() != null ? config.targetValue() : Double.NaN;
        return new CpuPolicy(policy.policyName(), policy.policyARN(), target);
    }

    @Override
    public void registerTarget(String resourceId, int min, int max) {
        try {
            // The first target of an account makes Application Auto Scaling's service-linked role, new to IAM.
            eventually.run("Application Auto Scaling's role for ECS to reach " + resourceId, Eventually.PROPAGATION,
                    TransientErrors.anyOf(TransientErrors.ROLE_NOT_YET_USABLE, TransientErrors.SCALING_NOT_YET_READY),
                    () -> autoScaling.get().registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS)
                            .resourceId(resourceId).scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                            .minCapacity(min).maxCapacity(max)));
        } catch (SdkException e) {
            throw AwsErrors.wrap("application-autoscaling register scalable target " + resourceId, e);
        }
    }

    @Override
    public String putCpuPolicy(String resourceId, String policyName, double targetValue) {
        try {
            return eventually.call("scalable target " + resourceId + " to reach Application Auto Scaling", Eventually.PROPAGATION,
                    TransientErrors.anyOf(TransientErrors.ROLE_NOT_YET_USABLE, TransientErrors.SCALING_NOT_YET_READY),
                    () -> autoScaling.get().putScalingPolicy(r -> r.policyName(policyName)
                    .serviceNamespace(ServiceNamespace.ECS).resourceId(resourceId)
                    .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                    .policyType(PolicyType.TARGET_TRACKING_SCALING)
                    .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(targetValue)
                            .predefinedMetricSpecification(PredefinedMetricSpecification.builder()
                                    .predefinedMetricType(MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION).build()))))
                    .policyARN();
        } catch (SdkException e) {
            throw AwsErrors.wrap("application-autoscaling put scaling policy " + policyName, e);
        }
    }

    @Override
    public void deletePolicy(String resourceId, String policyName) {
        try {
            autoScaling.get().deleteScalingPolicy(r -> r.policyName(policyName).serviceNamespace(ServiceNamespace.ECS)
                    .resourceId(resourceId).scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT));
        } catch (SdkException e) {
            throw AwsErrors.wrap("application-autoscaling delete scaling policy " + policyName, e);
        }
    }

    @Override
    public void deregisterTarget(String resourceId) {
        try {
            autoScaling.get().deregisterScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(resourceId)
                    .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT));
        } catch (SdkException e) {
            throw AwsErrors.wrap("application-autoscaling deregister scalable target " + resourceId, e);
        }
    }
}
