package dev.mysfits.workflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.aws.elbv2.LoadBalancerRouter;
import dev.mysfits.core.Change;
import dev.mysfits.core.DeploymentStrategy;

import java.util.List;

/**
 * What deploy would do, as its dry run plans it, with what each step compared: the task definition the template
 * renders, and the service settings deploy manages as it wants them beside as they are.
 *
 * @param service        the ECS service's name
 * @param taskDefinition the template rendered, as RegisterTaskDefinition would get it
 * @param existing       the service as it runs, or null when there is none
 * @param wanted         the settings deploy would leave
 * @param live           the settings as they are; a null member is one that is not there
 * @param steps          deploy's plan, step by step
 */
public record DeployPlan(String service, JsonNode taskDefinition, ContainerService.Service existing, Settings wanted,
                         Settings live, List<PlannedStep> steps) {

    /**
     * The settings of a service that deploy makes sure of. Null where deploy leaves it alone.
     *
     * @param taskDefinition "family:3", the revision the service runs or would run; null when deploy would register a new one
     * @param desiredCount   only when deploy sets it: --count, or a new service's first count
     * @param network        Fargate's subnets and public IP; null on EC2
     * @param route          "default action: forward to TG" or "path /x/*: forward to TG"
     * @param strategy       how the service rolls out; null when there is no service
     * @param trafficShift   the second target group, rules and role of a strategy other than rolling; else null
     */
    public record Settings(String launchType, String taskDefinition, Integer desiredCount,
                           ContainerService.TaskNetwork network, LoadBalancerRouter.HealthCheck healthCheck, String route,
                           DeploymentStrategy strategy, ContainerService.TrafficShift trafficShift) {
    }

    /** @param step the name of deploy's step ("task definition", "target group", "route", "service", ...) */
    public record PlannedStep(String step, Change change) {
    }

    /** Whether deploy would change anything. */
    public boolean changes() {
        return steps.stream().anyMatch(s -> s.change().mutates());
    }
}
