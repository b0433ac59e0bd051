package dev.mysfits.aws.ecs;

import dev.mysfits.aws.AwsErrors;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Resource;

import java.util.ArrayList;
import java.util.List;

/** The container instances of a cluster, with their registered and remaining CPU and memory. */
public final class ContainerInstances {

    /** @param cpuTotal CPU units (1024 a vCPU); memory in MiB */
    public record ContainerInstance(String arn, String ec2InstanceId, String status, boolean agentConnected,
                                    int cpuTotal, int cpuFree, int memoryTotal, int memoryFree, int runningTasks) {
    }

    private ContainerInstances() {
    }

    public static List<ContainerInstance> list(EcsClient ecs, String cluster) {
        try {
            List<String> arns = new ArrayList<>();
            ecs.listContainerInstancesPaginator(r -> r.cluster(cluster)).containerInstanceArns().forEach(arns::add);
            List<ContainerInstance> instances = new ArrayList<>();
            for (int i = 0; i < arns.size(); i += 100) {
                List<String> batch = arns.subList(i, Math.min(arns.size(), i + 100));
                ecs.describeContainerInstances(r -> r.cluster(cluster).containerInstances(batch)).containerInstances()
                        .forEach(c -> instances.add(new ContainerInstance(c.containerInstanceArn(), c.ec2InstanceId(),
                                c.status(), Boolean.TRUE.equals(c.agentConnected()),
                                amount(c.registeredResources(), "CPU"), amount(c.remainingResources(), "CPU"),
                                amount(c.registeredResources(), "MEMORY"), amount(c.remainingResources(), "MEMORY"),
                                c.runningTasksCount() == null ? 0 : c.runningTasksCount())));
            }
            return instances;
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecs describe container instances of cluster " + cluster, e);
        }
    }

    private static int amount(List<Resource> resources, String name) {
        return resources.stream().filter(r -> name.equals(r.name())).map(r -> r.integerValue() == null ? 0 : r.integerValue())
                .findFirst().orElse(0);
    }
}
