package dev.mysfits.workflow.lab;

import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.aws.elbv2.LoadBalancerRouter;
import dev.mysfits.workflow.infrastructure.SetupAdapters;

import java.util.function.Supplier;

/** {@link ResourceLookup} on the adapters setup reads through, and ECS's and the load balancer's for services and target groups. */
public final class AwsResourceLookup implements ResourceLookup {
    private final Supplier<SetupAdapters> setup;
    private final Supplier<ContainerService> containers;
    private final Supplier<LoadBalancerRouter> router;

    public AwsResourceLookup(Supplier<SetupAdapters> setup, Supplier<ContainerService> containers, Supplier<LoadBalancerRouter> router) {
        this.setup = setup;
        this.containers = containers;
        this.router = router;
    }

    @Override
    public boolean exists(String type, String name, String cluster) {
        return switch (type) {
            case "cluster" -> setup.get().clusters().find(name).isPresent();
            case "load-balancer" -> setup.get().loadBalancers().findLoadBalancer(name).isPresent();
            case "repository" -> setup.get().repositories().findRepository(name).isPresent();
            case "log-group" -> setup.get().logGroups().find(name).isPresent();
            case "service" -> {
                ContainerService ecs = containers.get();
                yield ecs.clusterExists(cluster) && ecs.describeService(cluster, name).filter(s -> !"INACTIVE".equals(s.status())).isPresent();
            }
            case "target-group" -> router.get().findTargetGroup(name).isPresent();
            case "table" -> setup.get().tables().find(name).isPresent();
            case "role" -> setup.get().roles().find(name).isPresent();
            default -> throw new IllegalArgumentException("no lookup for resources of type " + type);
        };
    }
}
