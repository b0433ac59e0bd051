package dev.mysfits.workflow.deploy;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.ResourceType;
import dev.mysfits.fakes.FakeCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deploy's logic on fakes: what it creates, what it leaves alone, what a dry run and a bad route do. */
class DeployWorkflowTest {
    @TempDir
    Path dir;

    private DeployResult deploy(FakeCluster cluster, String service, String path, boolean dryRun) {
        DeployRequest request = new DeployRequest(cluster.workshop, service, "fargate", null, null, path, true,
                Duration.ofSeconds(10), Duration.ofMillis(1), dryRun);
        return new DeployWorkflow(cluster.adapters(), cluster.ledger, new ConsoleEvents(cluster.console), cluster.rollout())
                .execute(request);
    }

    @Test
    void firstDeploy_registersARevision_makesTheTargetGroup_routesByDefault_andStartsTheService() {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa");

        DeployResult result = deploy(cluster, "monolith", null, false);

        assertEquals(List.of("register mysfits-monolith:1", "create service monolith"), cluster.containers.mutations);
        assertEquals(List.of("create target group mysfits-monolith-fg",
                "forward by default to " + result.targetGroupArn()), cluster.router.mutations);
        assertEquals(1, result.revision());
        assertTrue(result.image().endsWith("/mysfits/monolith-service@sha256:aaa"), result.image());
        assertTrue(result.url().startsWith("http://") && result.url().endsWith("/"), result.url());
        assertEquals(List.of(ResourceType.TASK_DEFINITION, ResourceType.TARGET_GROUP, ResourceType.SERVICE),
                cluster.ledger.entries().stream().map(e -> e.type())
                        .filter(t -> t == ResourceType.TASK_DEFINITION || t == ResourceType.TARGET_GROUP || t == ResourceType.SERVICE)
                        .toList());
        assertEquals("mysfits", cluster.containers.tags.get(result.taskDefinitionArn()).get("mysfits:workshop"));
    }

    @Test
    void deployAgain_withTheSameImage_changesNothing_andANewPushRollsOutRevisionTwo() {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa");
        deploy(cluster, "monolith", null, false);
        int containerCalls = cluster.containers.mutations.size();
        int routerCalls = cluster.router.mutations.size();

        DeployResult again = deploy(cluster, "monolith", null, false);

        assertEquals(List.of(), again.changed());
        assertEquals(containerCalls, cluster.containers.mutations.size());
        assertEquals(routerCalls, cluster.router.mutations.size());

        cluster.pushed("monolith", "sha256:bbb");
        DeployResult rolled = deploy(cluster, "monolith", null, false);

        assertEquals(2, rolled.revision());
        assertTrue(cluster.containers.mutations.contains("update service monolith to " + rolled.taskDefinitionArn()),
                cluster.containers.mutations.toString());
    }

    @Test
    void dryRun_plansEverything_andChangesNothing() {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa");

        DeployResult result = deploy(cluster, "monolith", null, true);

        assertTrue(result.dryRun());
        assertEquals(List.of(), cluster.containers.mutations);
        assertEquals(List.of(), cluster.router.mutations);
        assertTrue(result.changed().size() >= 4, result.changed().toString());
        assertTrue(cluster.err.toString().contains("dry run: nothing will change"), cluster.err.toString());
    }

    @Test
    void aPathRule_routesTheSecondService_andItsUrlIsOneToCurl() {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa").pushed("like", "sha256:ccc");
        deploy(cluster, "monolith", null, false);

        DeployResult like = deploy(cluster, "like", "/mysfits/*/like", false);

        assertTrue(cluster.router.mutations.stream().anyMatch(m -> m.startsWith("create rule /mysfits/*/like priority ")),
                cluster.router.mutations.toString());
        assertTrue(like.url().endsWith("/mysfits/example/like"), like.url());
    }

    @Test
    void theDefaultRouteOfAnotherService_isRefusedBeforeAnythingChanges() {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa").pushed("like", "sha256:ccc");
        deploy(cluster, "monolith", null, false);
        List<String> before = List.copyOf(cluster.containers.mutations);

        MysfitsException refused = assertThrows(MysfitsException.class, () -> deploy(cluster, "like", "/", false));

        assertEquals(ExitCode.USAGE, refused.exitCode());
        assertTrue(refused.getMessage().contains("already belongs to service 'monolith'"), refused.getMessage());
        assertEquals(before, cluster.containers.mutations);
    }

    @Test
    void aServiceWithATaskRole_runsAsItsOwnRole_andTheTemplateNamesTheWorkshopsTable() {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa").pushed("like", "sha256:ccc");

        deploy(cluster, "monolith", null, false);
        deploy(cluster, "like", "/mysfits/*/like", false);

        var monolith = cluster.containers.latestActiveTaskDefinition("mysfits-monolith").orElseThrow().definition();
        assertEquals(cluster.aws.roles.get("mysfits-task-monolith").arn(), monolith.path("taskRoleArn").asText());
        assertEquals("mysfits-mysfits", monolith.path("containerDefinitions").get(0).path("environment").get(0).path("value").asText());
        var like = cluster.containers.latestActiveTaskDefinition("mysfits-like").orElseThrow().definition();
        assertEquals(cluster.aws.roles.get("mysfits-ecs-task").arn(), like.path("taskRoleArn").asText(),
                "a service without taskRole keeps the shared task role");
    }

    @Test
    void aServiceWithATaskRoleSetupHasNotMade_isAPreconditionError_andNothingIsRegistered() {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa");
        cluster.aws.roles.remove("mysfits-task-monolith");

        MysfitsException refused = assertThrows(MysfitsException.class, () -> deploy(cluster, "monolith", null, false));

        assertEquals(ExitCode.PRECONDITION, refused.exitCode());
        assertTrue(refused.getMessage().contains("IAM role mysfits-task-monolith"), refused.getMessage());
        assertTrue(refused.hint().contains("mysfits setup"), refused.hint());
        assertEquals(List.of(), cluster.containers.mutations);
    }

    @Test
    void aTablePlaceholderOfATableTheFileDoesNotDefine_isAUsageError_beforeAnyAwsCall() throws Exception {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa");
        Path template = dir.resolve("monolith-fargate.json");
        java.nio.file.Files.writeString(template, java.nio.file.Files.readString(Path.of("task-defs/monolith-fargate.json"))
                .replace("${TABLE_MYSFITS}", "${TABLE_MYSFIT}"));
        var s = cluster.workshop.service("monolith");
        var monolith = new dev.mysfits.config.ServiceConfig(s.name(), s.context(), s.dockerfile(), s.image(), s.repository(),
                s.containerPort(), s.localPort(), s.healthPath(), s.path(), s.environment(), s.buildArgs(),
                java.util.Map.of("fargate", template), s.healthCheck(), s.local(), s.taskRole());
        var services = new java.util.LinkedHashMap<>(cluster.workshop.services());
        services.put("monolith", monolith);
        var workshop = new dev.mysfits.config.WorkshopConfig(cluster.workshop.name(), cluster.workshop.file(),
                cluster.workshop.directory(), services, cluster.workshop.tables());
        DeployRequest request = new DeployRequest(workshop, "monolith", "fargate", null, null, null, true,
                Duration.ofSeconds(10), Duration.ofMillis(1), false);

        MysfitsException refused = assertThrows(MysfitsException.class, () ->
                new DeployWorkflow(cluster.adapters(), cluster.ledger, new ConsoleEvents(cluster.console), cluster.rollout()).execute(request));

        assertEquals(ExitCode.USAGE, refused.exitCode());
        assertTrue(refused.getMessage().contains("unknown placeholder ${TABLE_MYSFIT}") && refused.getMessage().contains("TABLE_MYSFITS"),
                refused.getMessage());
        assertEquals(List.of(), cluster.containers.mutations);
    }

    /** The workshop, with this service's fargate template replaced and, optionally, its tables replaced. */
    private static dev.mysfits.config.WorkshopConfig withTemplate(FakeCluster cluster, String service, Path template,
                                                                 java.util.Map<String, dev.mysfits.config.TableConfig> tables) {
        var s = cluster.workshop.service(service);
        var replaced = new dev.mysfits.config.ServiceConfig(s.name(), s.context(), s.dockerfile(), s.image(), s.repository(),
                s.containerPort(), s.localPort(), s.healthPath(), s.path(), s.environment(), s.buildArgs(),
                java.util.Map.of("fargate", template), s.healthCheck(), s.local(), s.taskRole());
        var services = new java.util.LinkedHashMap<>(cluster.workshop.services());
        services.put(service, replaced);
        return new dev.mysfits.config.WorkshopConfig(cluster.workshop.name(), cluster.workshop.file(),
                cluster.workshop.directory(), services, tables);
    }

    @Test
    void albHostAndAlbUrl_areTheLoadBalancersBareHostAndItsUrl_asTheLabSetsMonolithUrl() throws Exception {
        FakeCluster cluster = new FakeCluster(dir).pushed("like", "sha256:ccc");
        Path template = dir.resolve("like-fargate.json");
        java.nio.file.Files.writeString(template, java.nio.file.Files.readString(Path.of("task-defs/like-fargate.json"))
                .replace("{ \"name\": \"MONOLITH_URL\", \"value\": \"${MONOLITH_URL}\" }",
                        "{ \"name\": \"MONOLITH_URL\", \"value\": \"${ALB_HOST}\" }, { \"name\": \"BASE\", \"value\": \"${ALB_URL}\" }"));
        DeployRequest request = new DeployRequest(withTemplate(cluster, "like", template, cluster.workshop.tables()), "like",
                "fargate", null, null, "/mysfits/*/like", true, Duration.ofSeconds(10), Duration.ofMillis(1), false);

        DeployResult result = new DeployWorkflow(cluster.adapters(), cluster.ledger, new ConsoleEvents(cluster.console), cluster.rollout())
                .execute(request);

        var environment = cluster.containers.latestActiveTaskDefinition("mysfits-like").orElseThrow().definition()
                .path("containerDefinitions").get(0).path("environment");
        String host = result.url().substring("http://".length(), result.url().indexOf('/', "http://".length()));
        assertEquals(host, environment.get(0).path("value").asText(), environment.toString());
        assertEquals("http://" + host, environment.get(1).path("value").asText(), environment.toString());
        assertTrue(!host.contains(":") && !host.isEmpty(), "on :80 the host has no port: " + host);
    }

    @Test
    void aTableTheStackMade_isWhatTheTemplateNames() {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa");
        var tables = new java.util.LinkedHashMap<>(cluster.workshop.tables());
        tables.put("mysfits", tables.get("mysfits").adopting("lab-stack-MysfitsTable-1AB2"));
        DeployRequest request = new DeployRequest(withTemplate(cluster, "monolith", Path.of("task-defs/monolith-fargate.json")
                .toAbsolutePath(), tables), "monolith", "fargate", null, null, null, true, Duration.ofSeconds(10),
                Duration.ofMillis(1), false);

        new DeployWorkflow(cluster.adapters(), cluster.ledger, new ConsoleEvents(cluster.console), cluster.rollout()).execute(request);

        var monolith = cluster.containers.latestActiveTaskDefinition("mysfits-monolith").orElseThrow().definition();
        assertEquals("lab-stack-MysfitsTable-1AB2",
                monolith.path("containerDefinitions").get(0).path("environment").get(0).path("value").asText());
    }

    @Test
    void anImageNeverPushed_isAPreconditionError_andNothingIsRegistered() {
        FakeCluster cluster = new FakeCluster(dir);

        MysfitsException refused = assertThrows(MysfitsException.class, () -> deploy(cluster, "monolith", null, false));

        assertEquals(ExitCode.PRECONDITION, refused.exitCode());
        assertEquals(List.of(), cluster.containers.mutations);
    }
}
