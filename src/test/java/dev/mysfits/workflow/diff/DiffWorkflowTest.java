package dev.mysfits.workflow.diff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.aws.elbv2.LoadBalancerRouter;
import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.core.DeploymentStrategy;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.fakes.FakeCluster;
import dev.mysfits.workflow.RecordingEvents;
import dev.mysfits.workflow.deploy.DeployPreview;
import dev.mysfits.workflow.deploy.DeployRequest;
import dev.mysfits.workflow.deploy.DeployResult;
import dev.mysfits.workflow.deploy.DeployWorkflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** diff on fakes: what it shows against deploy's own plan, and that the two agree on "no change". */
class DiffWorkflowTest {
    @TempDir
    Path dir;

    private final RecordingEvents events = new RecordingEvents();

    private DiffResult diff(FakeCluster cluster, String service, Integer count) {
        return diff(cluster, service, count, null);
    }

    private DiffResult diff(FakeCluster cluster, String service, Integer count, DeploymentStrategy.Kind strategy) {
        return new DiffWorkflow(new DeployPreview(cluster.adapters(), cluster.ledger, events, cluster.rollout()), cluster.containers, events)
                .execute(new DiffRequest(cluster.workshop, service, "fargate", null, count, null, null, strategy));
    }

    private static DeployResult deploy(FakeCluster cluster, String service, Integer count, boolean dryRun) {
        return deploy(cluster, service, count, dryRun, null);
    }

    private static DeployResult deploy(FakeCluster cluster, String service, Integer count, boolean dryRun, DeploymentStrategy.Kind strategy) {
        return new DeployWorkflow(cluster.adapters(), cluster.ledger, new ConsoleEvents(cluster.console), cluster.rollout())
                .execute(new DeployRequest(cluster.workshop, service, "fargate", null, count, null, true, Duration.ofSeconds(10),
                        Duration.ofMillis(1), dryRun, null, strategy));
    }

    private static List<String> changedLines(DiffResult result) {
        return result.diff().lines().filter(l -> (l.startsWith("-") || l.startsWith("+")) && !l.startsWith("--- ") && !l.startsWith("+++ ")).toList();
    }

    @Test
    void rightAfterADeploy_theDiffIsEmpty_andSaysDeployWouldChangeNothing() {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa");
        deploy(cluster, "monolith", null, false);
        List<String> mutations = List.copyOf(cluster.containers.mutations);

        DiffResult result = diff(cluster, "monolith", null);

        assertFalse(result.changed());
        assertEquals("", result.diff());
        assertEquals(List.of(), result.changes());
        assertEquals(List.of(), result.deploy());
        assertEquals("arn:aws:ecs:us-east-1:123456789012:task-definition/mysfits-monolith:1", result.liveTaskDefinition());
        assertTrue(events.of("note").contains("deploy would change nothing"), events.lines().toString());
        assertEquals(mutations, cluster.containers.mutations, "diff changes nothing");
        assertEquals(List.of(), events.of("warn"));
    }

    @Test
    void aNewPush_showsTheImageAlone_asOneRemovedAndOneAddedLine() {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa");
        deploy(cluster, "monolith", null, false);
        cluster.pushed("monolith", "sha256:bbb");

        DiffResult result = diff(cluster, "monolith", null);

        assertTrue(result.changed());
        String repository = FakeCluster.ACCOUNT + ".dkr.ecr.us-east-1.amazonaws.com/mysfits/monolith-service";
        assertEquals(List.of("-        \"image\": \"" + repository + "@sha256:aaa\",", "+        \"image\": \"" + repository + "@sha256:bbb\","),
                changedLines(result), result.diff());
        assertEquals(1, result.changes().size(), result.changes().toString());
        assertEquals("taskDefinition.containerDefinitions[monolith].image", result.changes().get(0).path());
        assertEquals(repository + "@sha256:aaa", result.changes().get(0).live().asText());
        assertEquals(repository + "@sha256:bbb", result.changes().get(0).template().asText());
        assertTrue(result.diff().startsWith("--- live\n+++ template\n@@ "), result.diff());
        assertEquals(List.of("update task definition mysfits-monolith (new revision after 1: containerDefinitions[monolith].image changed)",
                "update service monolith (task definition mysfits-monolith:1 -> new revision)"), result.deploy());
    }

    @Test
    void defaultsEcsFilledIn_areNotDifferences() {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa");
        deploy(cluster, "monolith", null, false);
        // What DescribeTaskDefinition adds to what was registered: status, revision, compatibilities, and per container
        // the empty lists and the host port.
        ObjectNode live = (ObjectNode) cluster.containers.latestActiveTaskDefinition("mysfits-monolith").orElseThrow().definition();
        live.put("revision", 1).put("registeredAt", "2026-12-07T05:00:00Z");
        live.putArray("compatibilities").add("EC2").add("FARGATE");
        live.putArray("requiresAttributes").addObject().put("name", "com.amazonaws.ecs.capability.logging-driver.awslogs");
        ObjectNode container = (ObjectNode) live.get("containerDefinitions").get(0);
        container.putArray("mountPoints");
        container.putArray("volumesFrom");
        container.putArray("systemControls");
        ((ObjectNode) container.get("portMappings").get(0)).put("hostPort", 80);
        // ...and lists the environment in an order of its own.
        ArrayNode environment = (ArrayNode) container.get("environment");
        environment.insert(0, environment.remove(1));

        DiffResult result = diff(cluster, "monolith", null);

        assertEquals("", result.diff());
        assertFalse(result.changed());
    }

    @Test
    void nothingDeployedYet_everythingIsAdded_theWholeRenderedDefinitionIncluded_besideTheRouteThatIsThere() {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa");

        DiffResult result = diff(cluster, "monolith", null);

        assertTrue(result.changed());
        assertNull(result.liveTaskDefinition());
        // What is there already shows as it is: the listener's default action, which deploy would take over.
        assertEquals(List.of("-  \"route\": \"default action: fixed-response\""),
                changedLines(result).stream().filter(l -> l.startsWith("-")).toList(), result.diff());
        List<String> lines = result.diff().lines().toList();
        int definition = lines.indexOf("+  \"taskDefinition\": {");
        assertTrue(definition > 0 && lines.subList(definition, lines.size() - 1).stream().allMatch(l -> l.startsWith("+")), result.diff());
        for (String expected : List.of("\"family\": \"mysfits-monolith\"", "\"DDB_TABLE_NAME\"", "\"memoryReservation\": 128",
                "\"desiredCount\": 1", "\"launchType\": \"FARGATE\"", "\"route\": \"default action: forward to mysfits-monolith-fg\"",
                "\"path\": \"/\"")) {
            assertTrue(result.diff().contains(expected), expected + " in " + result.diff());
        }
        assertEquals(List.of("route", "service", "targetGroup", "taskDefinition"),
                result.changes().stream().map(c -> c.path()).sorted().toList());
    }

    @Test
    void aCount_isComparedOnlyWhenGiven_asDeploySetsIt() {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa");
        deploy(cluster, "monolith", null, false);

        assertFalse(diff(cluster, "monolith", null).changed());
        assertFalse(diff(cluster, "monolith", 1).changed());
        DiffResult three = diff(cluster, "monolith", 3);

        assertEquals(List.of("-    \"desiredCount\": 1,", "+    \"desiredCount\": 3,"), changedLines(three), three.diff());
        assertEquals("service.desiredCount", three.changes().get(0).path());
    }

    @Test
    void theTargetGroupsHealthCheck_isCompared_fieldByField() {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa");
        deploy(cluster, "monolith", null, false);
        LoadBalancerRouter.TargetGroup group = cluster.router.targetGroups.get("mysfits-monolith-fg");
        LoadBalancerRouter.HealthCheck h = group.healthCheck();
        cluster.router.targetGroups.put(group.name(), new LoadBalancerRouter.TargetGroup(group.arn(), group.name(), group.targetType(),
                group.port(), new LoadBalancerRouter.HealthCheck("/health", 30, h.timeoutSeconds(), h.healthyThreshold(),
                h.unhealthyThreshold(), h.matcher(), h.deregistrationDelaySeconds())));

        DiffResult result = diff(cluster, "monolith", null);

        assertEquals(List.of("targetGroup.healthCheck.intervalSeconds", "targetGroup.healthCheck.path"),
                result.changes().stream().map(c -> c.path()).sorted().toList());
        assertEquals(4, changedLines(result).size(), result.diff());
    }

    @Test
    void aServiceOnAnOlderRevisionOfTheSameContent_isShownAsTheRevisionDeployWouldMoveItTo() {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa");
        deploy(cluster, "monolith", null, false);
        ContainerService.TaskDefinition first = cluster.containers.latestActiveTaskDefinition("mysfits-monolith").orElseThrow();
        cluster.containers.families.get("mysfits-monolith").add(new ContainerService.TaskDefinition(first.arn().replace(":1", ":2"),
                first.family(), 2, first.images(), first.definition()));

        DiffResult result = diff(cluster, "monolith", null);

        assertEquals(List.of("-    \"revision\": \"mysfits-monolith:1\"", "+    \"revision\": \"mysfits-monolith:2\""), changedLines(result),
                result.diff());
        assertTrue(result.changed());
    }

    @Test
    void aRevisionEcsDoesNotDescribe_showsAsAnEmptyLiveSide_withAWarning() {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa");
        deploy(cluster, "monolith", null, false);
        cluster.containers.families.get("mysfits-monolith").clear();

        DiffResult result = diff(cluster, "monolith", null);

        assertTrue(result.changed());
        assertTrue(result.changes().stream().anyMatch(c -> c.path().equals("taskDefinition") && c.live() == null), result.changes().toString());
        assertEquals(List.of("ECS does not describe arn:aws:ecs:us-east-1:123456789012:task-definition/mysfits-monolith:1, the revision "
                + "service monolith runs: its side of the task definition shows as empty"), events.of("warn"));
    }

    @Test
    void diffIsEmpty_exactlyWhenDeploysDryRunPlansNoChange() {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa").pushed("like", "sha256:ccc");
        assertAgree(cluster, "monolith", null, "nothing deployed", true);
        deploy(cluster, "monolith", null, false);
        assertAgree(cluster, "monolith", null, "right after deploy", false);
        assertAgree(cluster, "monolith", 1, "--count as it is", false);
        assertAgree(cluster, "monolith", 2, "--count another", true);
        assertAgree(cluster, "like", null, "another service not deployed", true);
        cluster.pushed("monolith", "sha256:bbb");
        assertAgree(cluster, "monolith", null, "a new push", true);
        deploy(cluster, "monolith", 2, false);
        assertAgree(cluster, "monolith", null, "after deploying it", false);
        assertAgree(cluster, "monolith", 2, "after deploying it, with its count", false);
        cluster.router.rules.set(0, new LoadBalancerRouter.Rule("arn:rule/default", true, null, List.of(), List.of(), "fixed-response"));
        assertAgree(cluster, "monolith", null, "the default route taken away", true);
        deploy(cluster, "monolith", null, false);
        assertAgree(cluster, "monolith", null, "the route back", false);
        LoadBalancerRouter.TargetGroup group = cluster.router.targetGroups.get("mysfits-monolith-fg");
        LoadBalancerRouter.HealthCheck h = group.healthCheck();
        cluster.router.targetGroups.put(group.name(), new LoadBalancerRouter.TargetGroup(group.arn(), group.name(), group.targetType(),
                group.port(), new LoadBalancerRouter.HealthCheck(h.path(), h.intervalSeconds(), h.timeoutSeconds(), h.healthyThreshold(),
                h.unhealthyThreshold(), "200-299", h.deregistrationDelaySeconds())));
        assertAgree(cluster, "monolith", null, "a health check changed by hand", true);
        deploy(cluster, "monolith", null, false);
        assertAgree(cluster, "monolith", null, "the health check set back", false);
        ContainerService.Service running = cluster.containers.services.get("monolith");
        cluster.containers.services.put("monolith", new ContainerService.Service(running.arn(), running.name(), running.status(),
                running.taskDefinitionArn(), running.launchType(), running.desired(), running.running(), running.pending(),
                running.deployments(), running.events(), running.targetGroupArns(),
                new ContainerService.TaskNetwork(List.of("subnet-elsewhere"), running.network().securityGroups(), false)));
        assertAgree(cluster, "monolith", null, "a network changed by hand", true);
        deploy(cluster, "monolith", null, false);
        assertAgree(cluster, "monolith", null, "the network set back", false);
        assertAgree(cluster, "monolith", null, DeploymentStrategy.Kind.BLUE_GREEN, "--strategy blue-green on a rolling service", true);
        deploy(cluster, "monolith", null, false, DeploymentStrategy.Kind.BLUE_GREEN);
        assertAgree(cluster, "monolith", null, DeploymentStrategy.Kind.BLUE_GREEN, "after deploying blue/green", false);
        assertAgree(cluster, "monolith", null, DeploymentStrategy.Kind.CANARY, "--strategy canary on a blue/green service", true);
        // Back to rolling deploy refuses, and diff with it, as one error.
        MysfitsException deployRefuses = assertThrows(MysfitsException.class, () -> deploy(cluster, "monolith", null, true));
        MysfitsException diffRefuses = assertThrows(MysfitsException.class, () -> diff(cluster, "monolith", null));
        assertEquals(deployRefuses.getMessage(), diffRefuses.getMessage());
        assertEquals(deployRefuses.exitCode(), diffRefuses.exitCode());
    }

    private void assertAgree(FakeCluster cluster, String service, Integer count, String state, boolean expectChange) {
        assertAgree(cluster, service, count, null, state, expectChange);
    }

    private void assertAgree(FakeCluster cluster, String service, Integer count, DeploymentStrategy.Kind strategy, String state,
                             boolean expectChange) {
        DiffResult diff = diff(cluster, service, count, strategy);
        DeployResult plan = deploy(cluster, service, count, true, strategy);
        assertEquals(!plan.changed().isEmpty(), diff.changed(), state + ": deploy plans " + plan.changed() + ", diff shows\n" + diff.diff());
        assertEquals(diff.changed(), !diff.diff().isEmpty(), state + ": " + diff.diff());
        assertEquals(diff.changed(), !diff.changes().isEmpty(), state + ": " + diff.changes());
        assertEquals(expectChange, diff.changed(), state + ": " + diff.diff());
        assertEquals(List.of(), events.of("warn"), state);
    }

    @Test
    void aStrategy_isShownAsTheServicesDeployment_andWhatItNeedsAsTheTemplatesTrafficShift() {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa");
        deploy(cluster, "monolith", null, false);

        DiffResult result = diff(cluster, "monolith", null, DeploymentStrategy.Kind.CANARY);

        assertTrue(changedLines(result).containsAll(List.of("-      \"strategy\": \"rolling\"", "+      \"strategy\": \"canary\"")),
                result.diff());
        assertTrue(result.changes().stream().anyMatch(c -> c.path().equals("service.trafficShift") && c.live() == null), result.changes().toString());
        assertTrue(result.deploy().stream().anyMatch(d -> d.startsWith("update service monolith (strategy rolling -> canary")), result.deploy().toString());
    }

    @Test
    void aServiceWithoutALaunchType_asACapacityProviderMakesIt_hasNoLaunchTypeToCompare() {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa");
        deploy(cluster, "monolith", null, false);
        ContainerService.Service running = cluster.containers.services.get("monolith");
        cluster.containers.services.put("monolith", new ContainerService.Service(running.arn(), running.name(), running.status(),
                running.taskDefinitionArn(), null, running.desired(), running.running(), running.pending(),
                running.deployments(), running.events(), running.targetGroupArns(), running.network()));

        assertAgree(cluster, "monolith", null, "no launch type", false);
        assertEquals("", diff(cluster, "monolith", null).diff());
    }

    @Test
    void deploysErrors_areDiffsErrors_andNothingIsRegistered() {
        FakeCluster cluster = new FakeCluster(dir);

        MysfitsException notPushed = assertThrows(MysfitsException.class, () -> diff(cluster, "monolith", null));
        MysfitsException unknown = assertThrows(MysfitsException.class, () -> diff(cluster, "nosuch", null));

        assertEquals(ExitCode.PRECONDITION, notPushed.exitCode());
        assertTrue(notPushed.hint().contains("mysfits push monolith"), notPushed.hint());
        assertEquals(ExitCode.USAGE, unknown.exitCode());
        assertEquals(List.of(), cluster.containers.mutations);
        assertEquals(List.of(), cluster.router.mutations);
    }
}
