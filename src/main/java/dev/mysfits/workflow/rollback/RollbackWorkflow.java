package dev.mysfits.workflow.rollback;

import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.aws.elbv2.LoadBalancerRouter;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.core.Change;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.core.Sleeper;
import dev.mysfits.workflow.Events;
import dev.mysfits.workflow.Step;
import dev.mysfits.workflow.StepRunner;
import dev.mysfits.workflow.Workflow;
import dev.mysfits.workflow.infrastructure.Infrastructure;
import dev.mysfits.workflow.infrastructure.InfrastructureLookup;
import dev.mysfits.workflow.infrastructure.RoutePlan;
import dev.mysfits.workflow.revisions.RevisionName;
import dev.mysfits.workflow.revisions.ServiceHistory;
import dev.mysfits.workflow.rollout.RolloutWatcher;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a deployed service back on an earlier task-definition revision: the newest one that served successfully (from
 * ECS's service deployments), or the one named. Checks everything first; then, with --stop, stops the deployment in
 * progress with a rollback and watches it end; points the service at the revision; and watches the rollout as deploy
 * does, until healthy targets.
 */
public final class RollbackWorkflow implements Workflow<RollbackRequest, RollbackResult> {
    private static final String TO = "--to";

    private final ContainerService containers;
    private final LoadBalancerRouter router;
    private final InfrastructureLookup infrastructure;
    private final Events events;
    private final RolloutWatcher rollout;
    private final Clock clock;
    private final Sleeper sleeper;

    /** @param rollout deploy's watcher, on the same containers and router */
    public RollbackWorkflow(ContainerService containers, LoadBalancerRouter router, InfrastructureLookup infrastructure,
                            Events events, RolloutWatcher rollout, Clock clock, Sleeper sleeper) {
        this.containers = containers;
        this.router = router;
        this.infrastructure = infrastructure;
        this.events = events;
        this.rollout = rollout;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public RollbackResult execute(RollbackRequest request) {
        WorkshopConfig workshop = request.workshop();
        String service = workshop.service(request.service()).name();
        RevisionName to = request.to() == null ? null : RevisionName.parse(request.to(), TO, service);
        String ecsService = new ResourceNames(workshop.name()).ecsService(service);
        Infrastructure infra = infrastructure.require();
        ContainerService.Service before = containers.describeService(infra.clusterName(), ecsService)
                .orElseThrow(() -> MysfitsException.precondition("service " + service + " is not deployed in cluster "
                        + infra.clusterName() + " (region " + infra.region() + "): there is nothing to roll back",
                        "deploy it first: mysfits deploy " + service + " --fargate"));
        String current = before.taskDefinitionArn();
        String family = family(current);
        ServiceHistory history = ServiceHistory.read(containers, infra.clusterName(), ecsService);

        ServiceHistory.Entry toStop = history.inProgress().orElse(null);
        if (toStop != null && !request.stop()) {
            throw MysfitsException.precondition("service " + service + " has a deployment in progress: " + toStop.id() + " "
                            + toStop.deployment().status() + " of " + ServiceHistory.shortId(toStop.taskDefinitionArn()),
                    "wait for it to end (mysfits status " + service + "), or stop it and roll it back: mysfits rollback "
                            + service + " --stop" + (request.to() == null ? "" : " --to " + request.to()));
        }
        if (toStop == null && request.stop()) {
            events.note("service " + service + " has no deployment in progress: nothing to stop");
        }
        String target = target(service, family, current, to, toStop, history);

        RollbackContext ctx = new RollbackContext(request, service, ecsService, infra, before, toStop, target,
                clock.instant().plus(request.timeout()));
        List<Step<RollbackContext>> steps = new ArrayList<>();
        if (toStop != null) {
            steps.add(new StopDeploymentStep(containers));
            steps.add(new WaitForStopStep(containers, events, clock, sleeper));
        }
        if (target != null) {
            steps.add(new PointServiceStep(containers));
        }
        if (target != null || toStop != null) {
            steps.add(new WaitForStableStep(rollout, clock));
        }
        List<Change> changes = new StepRunner<>("Rolling back " + service, events, steps).execute(ctx, request.dryRun());

        String landed = landed(ctx, toStop);
        return new RollbackResult(service, before.arn(), ServiceHistory.shortId(current), ServiceHistory.shortId(landed),
                current, landed, toStop == null ? null : toStop.deployment().arn(), url(infra, before),
                changes.stream().filter(Change::mutates).map(Change::describe).toList(),
                request.waitForStable() && !request.dryRun(), request.dryRun());
    }

    /**
     * The task definition to point the service at: the one --to names, else the newest that served successfully and
     * is not what runs now; null when stopping the deployment in progress is the whole rollback.
     */
    private String target(String service, String family, String current, RevisionName to, ServiceHistory.Entry toStop,
                          ServiceHistory history) {
        if (to != null) {
            String name = to.in(family, TO, service);
            ContainerService.TaskDefinition named = containers.describeTaskDefinition(name).orElseThrow(() ->
                    MysfitsException.usage(TO + " " + name + ": no such revision of service " + service,
                            "list them: mysfits revisions " + service));
            requireActive(named, service, TO + " " + name);
            if (named.arn().equals(current) && toStop == null) {
                throw MysfitsException.precondition("service " + service + " already runs " + name + ": there is nothing "
                        + "to roll back", "name another revision: mysfits revisions " + service);
            }
            return named.arn();
        }
        if (toStop != null) {
            return null;
        }
        ServiceHistory.Entry last = history.lastSuccessfulOtherThan(current).orElseThrow(() ->
                MysfitsException.precondition("service " + service + " has nothing to roll back to: no revision but "
                                + ServiceHistory.shortId(current) + " served successfully, as far as ECS's deployment history of it tells ("
                                + history.entries().size() + " deployment(s))",
                        "name a revision with --to REVISION; list them: mysfits revisions " + service));
        containers.describeTaskDefinition(last.taskDefinitionArn())
                .ifPresent(d -> requireActive(d, service, ServiceHistory.shortId(d.arn()) + ", the last revision that served"));
        events.note(ServiceHistory.shortId(last.taskDefinitionArn()) + " served last, in service deployment " + last.id()
                + (last.deployment().finishedAt() == null ? "" : " (done " + last.deployment().finishedAt() + ")"));
        return last.taskDefinitionArn();
    }

    /** ECS starts no new task of a deregistered (INACTIVE) revision, and UpdateService refuses it. */
    private static void requireActive(ContainerService.TaskDefinition definition, String service, String what) {
        String status = definition.definition().path("status").asText("ACTIVE");
        if (!"ACTIVE".equals(status)) {
            throw MysfitsException.precondition(what + " is deregistered (" + status + "): ECS starts no new task of it",
                    "name an ACTIVE revision with --to: mysfits revisions " + service);
        }
    }

    /** Where the service is, or goes: what it runs at the end, else the revision asked for. */
    private static String landed(RollbackContext ctx, ServiceHistory.Entry toStop) {
        if (ctx.after != null && !ctx.request.dryRun() && ctx.request.waitForStable()) {
            return ctx.after.taskDefinitionArn();
        }
        if (ctx.target != null) {
            return ctx.target;
        }
        return toStop.sources().isEmpty() ? null : toStop.sources().get(0);
    }

    /** The URL of the listener rule that forwards to the service's target group, as status shows it. */
    private String url(Infrastructure infra, ContainerService.Service service) {
        return service.targetGroupArns().isEmpty() ? null
                : RoutePlan.url(infra, router.rules(infra.listenerArn()), service.targetGroupArns());
    }

    private static String family(String taskDefinitionArn) {
        String name = ServiceHistory.shortId(taskDefinitionArn);
        return name.substring(0, name.lastIndexOf(':'));
    }
}
