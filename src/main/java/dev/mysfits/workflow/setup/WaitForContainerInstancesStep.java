package dev.mysfits.workflow.setup;

import dev.mysfits.core.Sleeper;
import dev.mysfits.workflow.Events;
import dev.mysfits.aws.ecs.Clusters;
import dev.mysfits.aws.ecs.ContainerInstances;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Waits until the group's instances have joined the cluster as container instances (the ECS agent's work). */
final class WaitForContainerInstancesStep implements Step<SetupContext> {
    private final Clusters clusters;
    private final Events events;
    private final Sleeper sleeper;

    WaitForContainerInstancesStep(Clusters clusters, Events events, Sleeper sleeper) {
        this.clusters = clusters;
        this.events = events;
        this.sleeper = sleeper;
    }
    static final Duration TIMEOUT = Duration.ofMinutes(10);
    static final Duration POLL = Duration.ofSeconds(2);

    @Override
    public String name() {
        return "wait for container instances";
    }

    @Override
    public Change plan(SetupContext ctx) {
        int wanted = ctx.request.capacity().instances();
        String resource = "container instances of cluster " + ctx.names.cluster();
        if (ctx.request.dryRun()) {
            return Change.checked(resource, "not waited for in a dry run");
        }
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (true) {
            List<ContainerInstances.ContainerInstance> active = clusters.containerInstances(ctx.names.cluster())
                    .stream().filter(i -> "ACTIVE".equals(i.status())).toList();
            ctx.containerInstances = active;
            events.waiting("container instances", active.size() + " of " + wanted + " container instance(s) registered");
            if (active.size() == wanted) {
                events.ready("container instances", active.size() + " container instance(s) registered");
                return Change.checked(resource, active.size() + " registered");
            }
            if (Instant.now().isAfter(deadline)) {
                throw MysfitsException.timeout(active.size() + " of " + wanted + " container instance(s) joined cluster "
                                + ctx.names.cluster() + " within " + TIMEOUT.toMinutes() + " minutes",
                        "see the instances of Auto Scaling group " + ctx.names.autoScalingGroup()
                                + " in the EC2 console; run mysfits setup --ec2 again to keep waiting");
            }
            try {
                sleeper.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MysfitsException(dev.mysfits.core.ExitCode.INTERRUPTED, "interrupted while waiting for container instances",
                        "the instances go on starting; run mysfits setup --ec2 again", e);
            }
        }
    }

    @Override
    public void apply(SetupContext ctx, Change change) {
        // Waiting only looks.
    }
}
