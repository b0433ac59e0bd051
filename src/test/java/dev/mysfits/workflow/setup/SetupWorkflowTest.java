package dev.mysfits.workflow.setup;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.aws.elbv2.LoadBalancers;

import dev.mysfits.core.ResourceType;
import dev.mysfits.fakes.FakeAws;
import dev.mysfits.workflow.infrastructure.Infrastructure;
import dev.mysfits.workflow.infrastructure.SetupLookup;

import dev.mysfits.aws.elbv2.LoadBalancers.DefaultAction;
import dev.mysfits.aws.elbv2.LoadBalancers.Listener;
import dev.mysfits.aws.ec2.Network;
import dev.mysfits.aws.ec2.Network.IngressRule;
import dev.mysfits.aws.ec2.Network.SecurityGroup;
import dev.mysfits.console.Console;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.ledger.LedgerEntry;
import dev.mysfits.core.Change;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SetupWorkflowTest {
    private static final ResourceNames NAMES = new ResourceNames("unit");
    private static final Map<String, Integer> PORTS = new LinkedHashMap<>(Map.of("monolith", 80));

    @TempDir
    Path dir;

    private final FakeAws aws = new FakeAws();
    private final StringWriter err = new StringWriter();

    private Ledger ledger() {
        return new Ledger(dir.resolve("ledger.json"), Clock.systemUTC());
    }

    private SetupResult run(SetupRequest request) {
        return run(request, PORTS);
    }

    private SetupResult run(SetupRequest request, Map<String, Integer> ports) {
        Console console = new Console(new PrintWriter(new StringWriter()), new PrintWriter(err, true), false, false,
                OutputFormat.TEXT, System::currentTimeMillis);
        return new SetupWorkflow(new ConsoleEvents(console), aws.adapters(), ledger(), "us-east-1").execute(new SetupRequest(NAMES, ports,
                request.vpcId(), request.subnetIds(), request.stackOutputs(), request.dryRun(), request.capacity()));
    }

    private static SetupRequest defaults() {
        return new SetupRequest(NAMES, PORTS, null, List.of(), null, false, null);
    }

    @Test
    void firstRun_createsEverything_recordsEachInLedger_andTagsIt() {
        SetupResult result = run(defaults());

        assertTrue(result.changed());
        Infrastructure state = result.state();
        assertEquals(FakeAws.DEFAULT_VPC, state.vpcId());
        assertEquals(List.of("subnet-default-a", "subnet-default-b", "subnet-default-c"), state.subnetIds());
        assertEquals("http://unit-alb-1.example", state.url());
        List<ResourceType> recorded = ledger().entries().stream().map(LedgerEntry::type).toList();
        assertEquals(List.of(ResourceType.SECURITY_GROUP, ResourceType.SECURITY_GROUP, ResourceType.LOAD_BALANCER,
                ResourceType.LISTENER, ResourceType.CLUSTER, ResourceType.LOG_GROUP, ResourceType.IAM_ROLE,
                ResourceType.IAM_ROLE), recorded);
        aws.tags.values().forEach(t -> assertEquals("unit", t.get(ResourceNames.TAG_WORKSHOP)));
        assertEquals(8, aws.tags.size());
        assertEquals(List.of(EnsureRoleStep.EXECUTION_POLICY_ARN), aws.rolePolicies.get("unit-ecs-execution"));
        assertFalse(aws.rolePolicies.containsKey("unit-ecs-task"));
        assertEquals(7, aws.logGroups.get("/mysfits/unit/monolith").retentionDays());
    }

    @Test
    void freshAccount_getsTheEcsServiceLinkedRole_beforeTheCluster_andNoLedgerEntryForIt() {
        run(defaults());

        int role = aws.mutations.indexOf("create service-linked role ecs.amazonaws.com");
        assertTrue(role >= 0, aws.mutations.toString());
        assertTrue(role < aws.mutations.indexOf(aws.mutations.stream().filter(m -> m.startsWith("create cluster"))
                .findFirst().orElseThrow()), aws.mutations.toString());
        assertTrue(aws.roles.containsKey("AWSServiceRoleForECS"));
        assertFalse(ledger().entries().stream().anyMatch(e -> e.id().contains("AWSServiceRoleForECS")));
    }

    @Test
    void accountWithTheServiceLinkedRole_isNotAskedToMakeItAgain() {
        aws.adapters().roles().ensureServiceLinkedRole("ecs.amazonaws.com");
        aws.mutations.clear();

        run(defaults());

        assertFalse(aws.mutations.contains("create service-linked role ecs.amazonaws.com"), aws.mutations.toString());
    }

    @Test
    void tasksSecurityGroup_allowsContainerPortsAndEphemeralRange_fromLoadBalancerGroupOnly() {
        Infrastructure state = run(defaults(), new LinkedHashMap<>(Map.of("monolith", 80, "like", 8080))).state();

        SecurityGroup tasks = aws.groups.get(state.tasksSecurityGroupId());
        String lb = state.loadBalancerSecurityGroupId();
        assertEquals(List.of(IngressRule.tcpFromGroup(80, 80, lb), IngressRule.tcpFromGroup(8080, 8080, lb),
                IngressRule.tcpFromGroup(32768, 65535, lb)), tasks.ingress());
        assertEquals(List.of(IngressRule.tcpFromCidr(80, 80, "0.0.0.0/0")), aws.groups.get(lb).ingress());
    }

    @Test
    void firstRun_waitsUntilTheNewLoadBalancerIsActive_last_soThatItProvisionsWhileTheOtherStepsRun() {
        aws.provisioning = true;

        SetupResult result = run(defaults());

        assertEquals(List.of("unit-alb"), aws.awaited);
        assertEquals("active", aws.loadBalancers.get(result.state().loadBalancerArn()).state());
        List<String> changes = result.changes().stream().map(Change::describe).toList();
        String last = changes.get(changes.size() - 1);
        assertTrue(last.contains("load balancer unit-alb") && last.contains("active"), changes.toString());
    }

    @Test
    void rerun_onALoadBalancerStillProvisioning_waitsForIt_andOnAnActiveOneDoesNot() {
        aws.provisioning = true;
        SetupResult first = run(defaults());
        String arn = first.state().loadBalancerArn();
        var lb = aws.loadBalancers.get(arn);
        aws.loadBalancers.put(arn, new LoadBalancers.LoadBalancer(lb.arn(), lb.name(), lb.dnsName(), lb.vpcId(),
                lb.subnetIds(), lb.securityGroupIds(), lb.scheme(), "provisioning"));
        aws.awaited.clear();

        run(defaults());
        assertEquals(List.of("unit-alb"), aws.awaited, "still provisioning: the re-run waits too");

        aws.awaited.clear();
        run(defaults());
        assertEquals(List.of(), aws.awaited, "active: nothing to wait for");
    }

    @Test
    void dryRun_doesNotWaitForTheLoadBalancer() {
        aws.provisioning = true;
        run(defaults());
        var lb = aws.loadBalancers.values().iterator().next();
        aws.loadBalancers.put(lb.arn(), new LoadBalancers.LoadBalancer(lb.arn(), lb.name(), lb.dnsName(), lb.vpcId(),
                lb.subnetIds(), lb.securityGroupIds(), lb.scheme(), "provisioning"));
        aws.awaited.clear();

        run(new SetupRequest(NAMES, PORTS, null, List.of(), null, true, null));

        assertEquals(List.of(), aws.awaited);
    }

    @Test
    void secondRun_changesNothing() {
        run(defaults());
        aws.mutations.clear();

        SetupResult second = run(defaults());

        assertFalse(second.changed());
        assertEquals(List.of(), aws.mutations);
        assertTrue(second.changes().stream().noneMatch(Change::mutates));
    }

    @Test
    void dryRun_onFreshAccount_plansEverything_andMutatesNothing() {
        SetupResult result = run(new SetupRequest(NAMES, PORTS, null, List.of(), null, true, null));

        assertEquals(List.of(), aws.mutations);
        assertNull(result.state());
        // a fresh account also lacks ECS's service-linked role
        assertEquals(9, result.changes().stream().filter(Change::mutates).count());
        assertTrue(err.toString().contains("would create HTTP :80 listener"));
        assertTrue(err.toString().contains("would create IAM service-linked role AWSServiceRoleForECS"), err.toString());
        assertEquals(List.of(), ledger().entries());
    }

    @Test
    void rerun_withNewService_authorizesOnlyTheMissingPort_andCreatesItsLogGroup() {
        run(defaults());
        aws.mutations.clear();

        run(defaults(), new LinkedHashMap<>(Map.of("monolith", 80, "like", 8080)));

        assertEquals(3, aws.mutations.size(), aws.mutations.toString());
        assertTrue(aws.mutations.get(0).startsWith("authorize") && aws.mutations.get(0).contains("8080"));
        assertEquals("create log group /mysfits/unit/like", aws.mutations.get(1));
    }

    @Test
    void rerun_afterDeployChangedTheDefaultAction_leavesTheListenerAlone() {
        Infrastructure state = run(defaults()).state();
        Listener listener = aws.listeners.get(state.listenerArn());
        aws.listeners.put(listener.arn(), new Listener(listener.arn(), listener.loadBalancerArn(), 80, "HTTP",
                new DefaultAction("forward", List.of("arn:tg/monolith"), null, null, null)));
        aws.mutations.clear();

        SetupResult second = run(defaults());

        assertEquals(List.of(), aws.mutations);
        assertEquals("forward", aws.listeners.get(listener.arn()).defaultAction().type());
        assertTrue(err.toString().contains("default action: forward to arn:tg/monolith"));
        assertFalse(second.changed());
    }

    @Test
    void unknownVpc_isUsageError_andNothingIsCreated() {
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> run(new SetupRequest(NAMES, PORTS, "vpc-bogus", List.of(), null, false, null)));

        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("vpc-bogus does not exist"), e.getMessage());
        assertEquals(List.of(), aws.mutations);
    }

    @Test
    void subnetsOfAnotherVpc_areRejected_beforeAnyChange() {
        aws.vpcs.put("vpc-other", new Network.Vpc("vpc-other", "10.0.0.0/16", false));
        aws.subnets.add(new Network.Subnet("subnet-other", "vpc-other", "us-east-1a", false, true));

        MysfitsException e = assertThrows(MysfitsException.class,
                () -> run(new SetupRequest(NAMES, PORTS, FakeAws.DEFAULT_VPC, List.of("subnet-default-b", "subnet-other"), null, false, null)));

        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("subnet-other is in vpc-other"), e.getMessage());
        assertEquals(List.of(), aws.mutations);
    }

    @Test
    void twoSubnetsInOneZone_areRejected() {
        aws.subnets.add(new Network.Subnet("subnet-second-a", FakeAws.DEFAULT_VPC, "us-east-1a", false, true));

        MysfitsException e = assertThrows(MysfitsException.class,
                () -> run(new SetupRequest(NAMES, PORTS, null, List.of("subnet-default-a", "subnet-second-a"), null, false, null)));

        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("both in us-east-1a"), e.getMessage());
    }

    @Test
    void unknownSubnet_isUsageError() {
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> run(new SetupRequest(NAMES, PORTS, null, List.of("subnet-default-a", "subnet-nope"), null, false, null)));

        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("subnet-nope does not exist"), e.getMessage());
    }

    @Test
    void vpcWithSubnetsInOneZone_isRejected() {
        aws.vpcs.put("vpc-small", new Network.Vpc("vpc-small", "10.0.0.0/16", false));
        aws.subnets.add(new Network.Subnet("subnet-small", "vpc-small", "us-east-1a", false, true));

        MysfitsException e = assertThrows(MysfitsException.class,
                () -> run(new SetupRequest(NAMES, PORTS, "vpc-small", List.of(), null, false, null)));

        assertTrue(e.getMessage().contains("1 availability zone"), e.getMessage());
        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertTrue(e.getMessage().contains("subnet-small in us-east-1a"), e.getMessage());
        assertEquals(List.of(), aws.mutations);
    }

    @Test
    void subnetsWithoutARouteToEcr_arePrecondition_namingThem_andNothingIsCreated() {
        aws.defaultRoutes.put("subnet-default-a", Network.DefaultRoute.NONE);

        MysfitsException e = assertThrows(MysfitsException.class, () -> run(defaults()));

        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertEquals("tasks in subnet subnet-default-a (us-east-1a) of vpc-default could not pull their images: no route "
                + "to an internet gateway or a NAT gateway, and no ECR endpoints in the VPC", e.getMessage());
        assertTrue(e.hint().contains("internet gateway") && e.hint().contains("ecr.api, ecr.dkr"), e.hint());
        assertEquals(List.of(), aws.mutations);
    }

    @Test
    void aNatRoute_isAWayToEcr() {
        for (String zone : List.of("a", "b", "c")) {
            aws.defaultRoutes.put("subnet-default-" + zone, Network.DefaultRoute.NAT);
        }

        run(defaults());

        assertTrue(aws.mutations.stream().anyMatch(m -> m.startsWith("create load balancer")), aws.mutations.toString());
    }

    @Test
    void ecrEndpoints_withS3sGatewayEndpoint_areAWayToEcr_withoutAnyDefaultRoute() {
        for (String zone : List.of("a", "b", "c")) {
            aws.defaultRoutes.put("subnet-default-" + zone, Network.DefaultRoute.NONE);
            aws.gatewayEndpoints.put("subnet-default-" + zone, java.util.Set.of("s3"));
        }
        aws.endpoints.put(FakeAws.DEFAULT_VPC, java.util.Set.of("ecr.api", "ecr.dkr", "logs"));

        run(defaults());

        assertTrue(aws.mutations.stream().anyMatch(m -> m.startsWith("create load balancer")), aws.mutations.toString());
    }

    @Test
    void ecrEndpoints_withoutS3sGatewayEndpoint_areNotEnough_theLayersAreInS3() {
        for (String zone : List.of("a", "b", "c")) {
            aws.defaultRoutes.put("subnet-default-" + zone, Network.DefaultRoute.NONE);
        }
        aws.endpoints.put(FakeAws.DEFAULT_VPC, java.util.Set.of("ecr.api", "ecr.dkr", "logs"));

        MysfitsException e = assertThrows(MysfitsException.class, () -> run(defaults()));

        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertTrue(e.getMessage().endsWith("no S3 gateway endpoint on their route tables (ECR's endpoints answer, but the "
                + "image layers are in S3)"), e.getMessage());
        assertEquals(List.of(), aws.mutations);
    }

    @Test
    void onlyOneOfEcrsEndpoints_isNotEnough() {
        aws.defaultRoutes.put("subnet-default-b", Network.DefaultRoute.NONE);
        aws.endpoints.put(FakeAws.DEFAULT_VPC, java.util.Set.of("ecr.api"));

        MysfitsException e = assertThrows(MysfitsException.class, () -> run(defaults()));

        assertTrue(e.getMessage().startsWith("tasks in subnet subnet-default-b (us-east-1b)"), e.getMessage());
        assertEquals(List.of(), aws.mutations);
    }

    @Test
    void noDefaultVpc_isPrecondition_withHintToPassIds() {
        aws.vpcs.clear();

        MysfitsException e = assertThrows(MysfitsException.class, () -> run(defaults()));

        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertTrue(e.hint().contains("--vpc-id"));
    }

    @Test
    void rerunWithAnotherVpc_whenLoadBalancerExists_isRejected() {
        run(defaults());
        aws.mutations.clear();
        aws.vpcs.put("vpc-other", new Network.Vpc("vpc-other", "10.0.0.0/16", false));
        aws.subnets.add(new Network.Subnet("subnet-o1", "vpc-other", "us-east-1a", false, true));
        aws.subnets.add(new Network.Subnet("subnet-o2", "vpc-other", "us-east-1b", false, true));

        MysfitsException e = assertThrows(MysfitsException.class,
                () -> run(new SetupRequest(NAMES, PORTS, "vpc-other", List.of(), null, false, null)));

        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("already exists in vpc-default"), e.getMessage());
        assertEquals(List.of(), aws.mutations);
    }

    @Test
    void rerunWithoutOptions_keepsTheLoadBalancersNetwork() {
        aws.vpcs.put("vpc-other", new Network.Vpc("vpc-other", "10.0.0.0/16", false));
        aws.subnets.add(new Network.Subnet("subnet-o1", "vpc-other", "us-east-1a", false, true));
        aws.subnets.add(new Network.Subnet("subnet-o2", "vpc-other", "us-east-1b", false, true));
        run(new SetupRequest(NAMES, PORTS, null, List.of("subnet-o1", "subnet-o2"), null, false, null));
        aws.mutations.clear();

        SetupResult second = run(defaults());

        assertEquals("vpc-other", second.state().vpcId());
        assertEquals(List.of(), aws.mutations);
    }

    @Test
    void lookup_afterSetup_findsWhatSetupMade() {
        Infrastructure made = run(defaults()).state();

        Infrastructure found = new SetupLookup(aws.adapters(), NAMES, "us-east-1").find(List.of("monolith"));

        assertEquals(made, found);
    }

    @Test
    void lookup_beforeSetup_isPreconditionSayingToRunSetup() {
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> new SetupLookup(aws.adapters(), NAMES, "us-east-1").find(List.of("monolith")));

        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertTrue(e.getMessage().contains("not set up in us-east-1"), e.getMessage());
        assertTrue(e.hint().contains("mysfits setup"));
    }

    @Test
    void lookup_withMissingLogGroup_saysWhich() {
        run(defaults());
        List<String> services = new ArrayList<>(List.of("monolith", "like"));

        MysfitsException e = assertThrows(MysfitsException.class,
                () -> new SetupLookup(aws.adapters(), NAMES, "us-east-1").find(services));

        assertTrue(e.getMessage().contains("/mysfits/unit/like"), e.getMessage());
    }
}
