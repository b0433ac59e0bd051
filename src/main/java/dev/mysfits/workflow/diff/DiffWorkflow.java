package dev.mysfits.workflow.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.aws.elbv2.LoadBalancerRouter;
import dev.mysfits.core.DeploymentStrategy;
import dev.mysfits.workflow.Events;
import dev.mysfits.workflow.Workflow;
import dev.mysfits.workflow.deploy.DeployPlan;
import dev.mysfits.workflow.deploy.DeployPreview;
import dev.mysfits.workflow.deploy.DeployRequest;
import dev.mysfits.workflow.deploy.TaskDefinitionMatcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares what deploy would leave with what runs: deploy's own plan (its validation, its rendering, its
 * comparisons) gives the template's side; the service's revision and settings give the live side. Both are
 * documents of the same shape holding only what the template and mysfits.json set, so defaults ECS filled in are
 * not differences. Changes nothing.
 */
public final class DiffWorkflow implements Workflow<DiffRequest, DiffResult> {
    /** Which sections of the document show a step of deploy's plan; a step not here shows in none. */
    private static final Map<String, List<String>> SHOWN_IN = Map.of(
            "task definition", List.of("taskDefinition"),
            "service", List.of("service", "taskDefinition"),  // a new revision is the service's change as well
            "target group", List.of("targetGroup"),
            "route", List.of("route"));
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DeployPreview preview;
    private final ContainerService containers;
    private final Events events;

    public DiffWorkflow(DeployPreview preview, ContainerService containers, Events events) {
        this.preview = preview;
        this.containers = containers;
        this.events = events;
    }

    @Override
    public DiffResult execute(DiffRequest request) {
        DeployRequest deploy = new DeployRequest(request.workshop(), request.service(), request.launchType(), request.tag(),
                request.count(), request.path(), false, Duration.ZERO, Duration.ZERO, true, request.privateTasks(), request.strategy());
        request.workshop().service(request.service());  // an unknown service is bad input, said before anything else
        events.stage("Comparing " + request.service() + " on " + deploy.ecsLaunchType() + " with what deploy would make of it");
        DeployPlan plan = preview.plan(deploy);
        String liveArn = plan.existing() == null ? null : plan.existing().taskDefinitionArn();
        JsonNode liveDefinition = liveArn == null ? null
                : containers.describeTaskDefinition(liveArn).map(ContainerService.TaskDefinition::definition).orElse(null);
        if (liveArn != null && liveDefinition == null) {
            events.warn("ECS does not describe " + liveArn + ", the revision service " + plan.service()
                    + " runs: its side of the task definition shows as empty");
        }
        TaskDefinitionMatcher.Comparison definition = TaskDefinitionMatcher.compare(plan.taskDefinition(), liveDefinition);

        ObjectNode template = document(definition.template(), plan.wanted());
        ObjectNode live = document(liveDefinition == null ? null : definition.live(), plan.live());
        TaskDefinitionMatcher.Comparison whole = TaskDefinitionMatcher.compare(template, live);
        List<String> unshown = unshown(plan, whole.differences());
        if (!unshown.isEmpty()) {
            // Deploy would change something this document has no field for: the template's side lists it.
            template.set("otherChanges", NODES.arrayNode().addAll(unshown.stream().map(NODES::textNode).toList()));
            whole = TaskDefinitionMatcher.compare(template, live);
        }

        String diff = UnifiedDiff.between("live", whole.live().isEmpty() ? "" : JsonText.pretty(whole.live()),
                "template", JsonText.pretty(whole.template()));
        boolean changed = !whole.differences().isEmpty();
        List<String> deploySays = new ArrayList<>();
        plan.steps().stream().filter(s -> s.change().mutates()).forEach(s -> deploySays.add(s.change().describe()));
        if (changed != plan.changes()) {
            events.warn("diff and deploy's plan disagree (" + (changed ? "diff shows changes, deploy would make none"
                    : "deploy would change something diff does not show") + "); please report it as a bug");
        }
        if (deploySays.isEmpty()) {
            events.note("deploy would change nothing");
        } else {
            deploySays.forEach(d -> events.note("deploy would " + d));
        }
        return new DiffResult(request.service(), request.launchType(), changed, whole.differences(), diff, liveArn,
                List.copyOf(deploySays));
    }

    /**
     * The compared document: the task definition (as the matcher reduced it), the service's settings, the target
     * group's health check and the route. A part that is not there is left out.
     */
    private static ObjectNode document(JsonNode taskDefinition, DeployPlan.Settings settings) {
        ObjectNode document = NODES.objectNode();
        if (taskDefinition != null) {
            document.set("taskDefinition", taskDefinition);
        }
        ObjectNode service = NODES.objectNode();
        putIfSet(service, "launchType", settings.launchType());
        putIfSet(service, "revision", settings.taskDefinition());
        if (settings.desiredCount() != null) {
            service.put("desiredCount", settings.desiredCount());
        }
        if (settings.network() != null) {
            ObjectNode network = service.putObject("network");
            network.set("subnets", NODES.arrayNode().addAll(settings.network().subnets().stream().sorted().map(NODES::textNode).toList()));
            network.put("assignPublicIp", settings.network().publicIp() ? "ENABLED" : "DISABLED");
        }
        DeploymentStrategy strategy = settings.strategy();
        if (strategy != null) {
            ObjectNode deployment = service.putObject("deployment");
            deployment.put("strategy", strategy.kind().label());
            if (strategy.shiftsTraffic()) {
                deployment.put("bakeMinutes", strategy.bakeMinutes());
            }
            putIfSet(deployment, "canaryPercent", strategy.canaryPercent());
            putIfSet(deployment, "canaryBakeMinutes", strategy.canaryBakeMinutes());
            putIfSet(deployment, "linearStepPercent", strategy.linearStepPercent());
            putIfSet(deployment, "linearStepBakeMinutes", strategy.linearStepBakeMinutes());
            if (!strategy.alarmNames().isEmpty()) {
                deployment.set("alarms", NODES.arrayNode().addAll(strategy.alarmNames().stream().map(NODES::textNode).toList()));
            }
        }
        ContainerService.TrafficShift shift = settings.trafficShift();
        if (shift != null) {
            ObjectNode traffic = service.putObject("trafficShift");
            putIfSet(traffic, "alternateTargetGroupArn", shift.alternateTargetGroupArn());
            putIfSet(traffic, "productionListenerRuleArn", shift.productionListenerRuleArn());
            putIfSet(traffic, "testListenerRuleArn", shift.testListenerRuleArn());
            putIfSet(traffic, "roleArn", shift.roleArn());
        }
        if (!service.isEmpty()) {
            document.set("service", service);
        }
        LoadBalancerRouter.HealthCheck check = settings.healthCheck();
        if (check != null) {
            ObjectNode group = document.putObject("targetGroup");
            ObjectNode health = group.putObject("healthCheck");
            health.put("path", check.path());
            health.put("intervalSeconds", check.intervalSeconds());
            health.put("timeoutSeconds", check.timeoutSeconds());
            health.put("healthyThreshold", check.healthyThreshold());
            health.put("unhealthyThreshold", check.unhealthyThreshold());
            health.put("matcher", check.matcher());
            group.put("deregistrationDelaySeconds", check.deregistrationDelaySeconds());
        }
        putIfSet(document, "route", settings.route());
        return document;
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putIfSet(ObjectNode node, String field, Number value) {
        if (value instanceof Integer whole) {
            node.put(field, whole);
        } else if (value != null) {
            node.put(field, value.doubleValue());
        }
    }

    /** The changes of deploy's plan that no differing section shows (so that a diff is never empty when deploy would act). */
    private static List<String> unshown(DeployPlan plan, List<TaskDefinitionMatcher.Difference> differences) {
        List<String> sections = differences.stream().map(d -> d.path().split("[.\\[]", 2)[0]).toList();
        List<String> unshown = new ArrayList<>();
        for (DeployPlan.PlannedStep step : plan.steps()) {
            if (step.change().mutates() && SHOWN_IN.getOrDefault(step.step(), List.of()).stream().noneMatch(sections::contains)) {
                unshown.add(step.change().describe());
            }
        }
        return unshown;
    }
}
