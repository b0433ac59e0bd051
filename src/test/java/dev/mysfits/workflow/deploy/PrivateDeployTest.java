package dev.mysfits.workflow.deploy;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.aws.ec2.Network;
import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.config.ServiceConfig;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.fakes.FakeAws;
import dev.mysfits.fakes.FakeCluster;
import dev.mysfits.workflow.setup.SetupRequest;
import dev.mysfits.workflow.task.RunTaskRequest;
import dev.mysfits.workflow.task.RunTaskWorkflow;
import dev.mysfits.workflow.setup.SetupWorkflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy --private on fakes: where the tasks go, and the refusals before anything changes. */
class PrivateDeployTest {
    private static final List<String> PRIVATE = List.of("subnet-private-a", "subnet-private-b");

    @TempDir
    Path dir;

    private DeployResult deploy(FakeCluster cluster, String launchType, Boolean privateTasks) {
        DeployRequest request = new DeployRequest(cluster.workshop, "monolith", launchType, null, null, null, true,
                Duration.ofSeconds(10), Duration.ofMillis(1), false, privateTasks);
        return new DeployWorkflow(cluster.adapters(), cluster.ledger, new ConsoleEvents(cluster.console), cluster.rollout())
                .execute(request);
    }

    /** Private subnets in the default VPC, routed as given, and setup run again with --private-subnets. */
    private FakeCluster withPrivateSubnets(Network.DefaultRoute route) {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa");
        cluster.aws.subnets.add(new Network.Subnet("subnet-private-a", FakeAws.DEFAULT_VPC, "us-east-1a", false, false));
        cluster.aws.subnets.add(new Network.Subnet("subnet-private-b", FakeAws.DEFAULT_VPC, "us-east-1b", false, false));
        PRIVATE.forEach(id -> cluster.aws.defaultRoutes.put(id, route));
        Map<String, Integer> ports = new LinkedHashMap<>();
        cluster.workshop.servicesInOrder().forEach(s -> ports.put(s.name(), s.containerPort()));
        new SetupWorkflow(new ConsoleEvents(cluster.console), cluster.aws.adapters(), cluster.ledger, "us-east-1")
                .execute(new SetupRequest(new ResourceNames(cluster.workshop.name()), ports, null, null, null, false, null,
                        Map.of(), List.of(), PRIVATE));
        cluster.aws.mutations.clear();
        return cluster;
    }

    private ContainerService.TaskNetwork network(FakeCluster cluster) {
        return cluster.containers.describeService("mysfits", "monolith").orElseThrow().network();
    }

    @Test
    void private_behindANatGateway_startsTheTasksInThePrivateSubnets_withoutAPublicIp() {
        FakeCluster cluster = withPrivateSubnets(Network.DefaultRoute.NAT);

        deploy(cluster, "fargate", true);

        assertEquals(PRIVATE, network(cluster).subnets());
        assertFalse(network(cluster).publicIp());
    }

    @Test
    void private_withoutPrivateSubnets_isAPrecondition_andNothingChanges() {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa");

        MysfitsException e = assertThrows(MysfitsException.class, () -> deploy(cluster, "fargate", true));

        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertEquals("deploy --private: workshop mysfits has no private subnets: setup was given none", e.getMessage());
        assertTrue(e.hint().contains("mysfits setup --private-subnets a,b"), e.hint());
        assertEquals(List.of(), cluster.containers.mutations);
        assertEquals(List.of(), cluster.router.mutations);
    }

    @Test
    void private_whoseSubnetsRouteOnlyToAnInternetGateway_isAPrecondition_namingThem_andWhatToAdd() {
        FakeCluster cluster = withPrivateSubnets(Network.DefaultRoute.INTERNET_GATEWAY);

        MysfitsException e = assertThrows(MysfitsException.class, () -> deploy(cluster, "fargate", true));

        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertEquals("tasks without a public IP in private subnet subnet-private-a (us-east-1a), subnet-private-b (us-east-1b) "
                + "of vpc-default could not pull their images: no route to a NAT gateway, and no ECR endpoints in the VPC",
                e.getMessage());
        assertTrue(e.hint().contains("--nat-gateway-id") && e.hint().contains("ecr.api, ecr.dkr, logs (interface) and s3 (gateway"),
                e.hint());
        assertEquals(List.of(), cluster.containers.mutations);
        assertEquals(List.of(), cluster.router.mutations);
    }

    @Test
    void private_throughEcrsEndpoints_needsS3sGatewayEndpointOnTheSubnetsRouteTables() {
        FakeCluster cluster = withPrivateSubnets(Network.DefaultRoute.NONE);
        cluster.aws.endpoints.put(FakeAws.DEFAULT_VPC, Set.of("ecr.api", "ecr.dkr", "logs"));
        cluster.aws.gatewayEndpoints.put("subnet-private-a", Set.of("s3"));

        MysfitsException e = assertThrows(MysfitsException.class, () -> deploy(cluster, "fargate", true));

        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertTrue(e.getMessage().contains("private subnet subnet-private-b (us-east-1b) of")
                && e.getMessage().contains("no S3 gateway endpoint on their route tables"), e.getMessage());
        assertTrue(e.hint().contains("a VPC endpoint for s3 (gateway, on their route tables)"), e.hint());
        assertEquals(List.of(), cluster.containers.mutations);

        cluster.aws.gatewayEndpoints.put("subnet-private-b", Set.of("s3"));
        deploy(cluster, "fargate", true);
        assertFalse(network(cluster).publicIp());
    }

    @Test
    void private_throughEndpoints_withAwslogs_needsTheLogsEndpointToo() {
        FakeCluster cluster = withPrivateSubnets(Network.DefaultRoute.NONE);
        cluster.aws.endpoints.put(FakeAws.DEFAULT_VPC, Set.of("ecr.api", "ecr.dkr"));
        PRIVATE.forEach(id -> cluster.aws.gatewayEndpoints.put(id, Set.of("s3")));

        MysfitsException e = assertThrows(MysfitsException.class, () -> deploy(cluster, "fargate", true));

        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertTrue(e.getMessage().endsWith("no logs endpoint in the VPC (their containers log with awslogs to CloudWatch Logs)"),
                e.getMessage());
        assertTrue(e.hint().contains("or add a VPC endpoint for logs (interface);"), e.hint());
        assertEquals(List.of(), cluster.containers.mutations);

        cluster.aws.endpoints.put(FakeAws.DEFAULT_VPC, Set.of("ecr.api", "ecr.dkr", "logs"));
        deploy(cluster, "fargate", true);
        assertFalse(network(cluster).publicIp());
    }

    @Test
    void private_onARunningPublicService_movesItsTasks_andPublicMovesThemBack() {
        FakeCluster cluster = withPrivateSubnets(Network.DefaultRoute.NAT);
        deploy(cluster, "fargate", null);
        assertTrue(network(cluster).publicIp());

        deploy(cluster, "fargate", true);

        assertEquals("update service monolith network subnet-private-a,subnet-private-b no public IP",
                cluster.containers.mutations.get(cluster.containers.mutations.size() - 1));
        assertEquals(PRIVATE, network(cluster).subnets());

        int before = cluster.containers.mutations.size();
        deploy(cluster, "fargate", true);
        assertEquals(before, cluster.containers.mutations.size(), "already private: nothing to change");

        deploy(cluster, "fargate", false);
        assertTrue(network(cluster).publicIp());
        assertFalse(network(cluster).subnets().contains("subnet-private-a"));
    }

    /** The monolith as if mysfits.json said "private": true. */
    private static void makePrivate(FakeCluster cluster) {
        ServiceConfig monolith = cluster.workshop.service("monolith");
        cluster.workshop.services().put("monolith", new ServiceConfig(monolith.name(), monolith.context(),
                monolith.dockerfile(), monolith.image(), monolith.repository(), monolith.containerPort(), monolith.localPort(),
                monolith.healthPath(), monolith.path(), monolith.environment(), monolith.buildArgs(),
                monolith.taskDefinitions(), monolith.healthCheck(), monolith.local(), monolith.taskRole(), true));
    }

    private void runTask(FakeCluster cluster) throws InterruptedException {
        TaskDefinitionRegistration deploy = new TaskDefinitionRegistration(cluster.adapters(), cluster.ledger, new ConsoleEvents(cluster.console));
        new RunTaskWorkflow(cluster.containers, cluster.adapters().infrastructure(), cluster.adapters().network(),
                (workshop, name, type, tag) -> deploy.register(DeployRequest.taskDefinitionOnly(workshop, name, type, tag)),
                new ConsoleEvents(cluster.console), Clock.systemUTC(), d -> { })
                .execute(new RunTaskRequest(cluster.workshop, "monolith", "fargate", Duration.ofSeconds(10), Duration.ofMillis(1),
                        Map.of(), false));
    }

    @Test
    void taskRun_ofAPrivateService_runsInThePrivateSubnets_withoutAPublicIp_afterTheSameCheck() throws InterruptedException {
        FakeCluster cluster = withPrivateSubnets(Network.DefaultRoute.INTERNET_GATEWAY);
        makePrivate(cluster);

        MysfitsException e = assertThrows(MysfitsException.class, () -> runTask(cluster));
        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertTrue(e.getMessage().startsWith("tasks without a public IP in private subnet subnet-private-a"), e.getMessage());
        assertEquals(List.of(), cluster.containers.mutations, "nothing registered, nothing run");

        PRIVATE.forEach(id -> cluster.aws.defaultRoutes.put(id, Network.DefaultRoute.NAT));
        runTask(cluster);
        assertTrue(cluster.containers.mutations.get(cluster.containers.mutations.size() - 1)
                .endsWith(" in subnet-private-a,subnet-private-b without a public IP"), cluster.containers.mutations.toString());
    }

    @Test
    void privateInTheWorkshopFile_isFollowed_andPublicOverridesIt() {
        FakeCluster cluster = withPrivateSubnets(Network.DefaultRoute.NAT);
        makePrivate(cluster);

        deploy(cluster, "fargate", null);
        assertFalse(network(cluster).publicIp());

        deploy(cluster, "fargate", false);
        assertTrue(network(cluster).publicIp());
    }

    @Test
    void private_onEc2_isBadUsage_beforeAnythingIsAsked() {
        FakeCluster cluster = withPrivateSubnets(Network.DefaultRoute.NAT);

        MysfitsException e = assertThrows(MysfitsException.class, () -> deploy(cluster, "ec2", true));

        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().startsWith("--private goes with --fargate"), e.getMessage());
        assertEquals(List.of(), cluster.containers.mutations);
    }
}
