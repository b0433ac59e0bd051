package dev.mysfits.workflow.rollback;

import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.workflow.infrastructure.Infrastructure;
import dev.mysfits.workflow.revisions.ServiceHistory;
import dev.mysfits.workflow.rollout.RolloutWatcher;

import java.time.Instant;
import java.util.List;

/** One rollback's request and what its steps found or made; each field says who writes it. */
final class RollbackContext {
    final RollbackRequest request;
    final String service;
    final String ecsService;
    final Infrastructure infrastructure;
    /** The service as it was found, before anything changed. */
    final ContainerService.Service before;
    /** The service deployment to stop and roll back (--stop), or null. */
    final ServiceHistory.Entry toStop;
    /** The task definition to point the service at, or null when stopping the deployment in progress is the rollback. */
    final String target;
    /** One deadline for every wait of this rollback (--timeout). */
    final Instant deadline;

    // Written by PointServiceStep (or the stop's watch): the deployment the rollout watcher follows, and where the
    // service must end
    String deploymentId;
    String expectedTaskDefinitionArn;
    // Written by the waits: the service at the end
    ContainerService.Service after;

    RollbackContext(RollbackRequest request, String service, String ecsService, Infrastructure infrastructure,
                    ContainerService.Service before, ServiceHistory.Entry toStop, String target, Instant deadline) {
        this.request = request;
        this.service = service;
        this.ecsService = ecsService;
        this.infrastructure = infrastructure;
        this.before = before;
        this.toStop = toStop;
        this.target = target;
        this.deadline = deadline;
    }

    String cluster() {
        return infrastructure.clusterName();
    }

    String targetGroupArn() {
        return before.targetGroupArns().isEmpty() ? null : before.targetGroupArns().get(0);
    }

    /**
     * For a service that ECS moves between two target groups (blue/green, canary, linear): where the watcher counts
     * healthy targets, as deploy gives it; null for a rolling one.
     */
    RolloutWatcher.Traffic traffic() {
        ContainerService.TrafficShift shift = before.trafficShift();
        if (before.strategy() == null || !before.strategy().shiftsTraffic() || shift == null || targetGroupArn() == null) {
            return null;
        }
        return new RolloutWatcher.Traffic(shift.productionListenerRuleArn(),
                List.of(targetGroupArn(), shift.alternateTargetGroupArn()), before.strategy());
    }

    /** The PRIMARY deployment's id: UpdateService answers with the one it started as PRIMARY. */
    static String primaryDeploymentId(ContainerService.Service service) {
        return service.deployments().stream().filter(d -> "PRIMARY".equals(d.status()))
                .map(ContainerService.Deployment::id).findFirst().orElse(null);
    }
}
