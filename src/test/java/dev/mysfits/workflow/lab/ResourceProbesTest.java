package dev.mysfits.workflow.lab;

import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.dynamodb.Tables;
import dev.mysfits.aws.ecs.Clusters;
import dev.mysfits.aws.elbv2.LoadBalancerRouter;
import dev.mysfits.aws.elbv2.LoadBalancers;
import dev.mysfits.aws.iam.Roles;
import dev.mysfits.aws.logs.LogGroups;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.core.ResourceType;
import dev.mysfits.fakes.FakeAws;
import dev.mysfits.fakes.FakeContainerService;
import dev.mysfits.fakes.FakeLoadBalancerRouter;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.lab.Probe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ResourceProbesTest {
    @TempDir
    Path dir;
    private final FakeAws aws = new FakeAws();
    private final FakeLoadBalancerRouter router = new FakeLoadBalancerRouter();
    private final FakeContainerService ecs = new FakeContainerService(router);
    private final List<OwnedResource> tagged = new ArrayList<>();
    private final List<Collection<String>> knownIds = new ArrayList<>();
    private Ledger ledger;
    private ResourceProbes probes;
    private WorkshopConfig workshop;

    @BeforeEach
    void wire() {
        workshop = LabWorkshops.trashCan(dir, 8080);
        ledger = new Ledger(Ledger.defaultFile(dir), Clock.systemUTC());
        probes = new ResourceProbes(new AwsResourceLookup(aws::adapters, () -> ecs, () -> router),
                new TaggedLeftovers(() -> (name, known) -> {
                    knownIds.add(List.copyOf(known));
                    return name.equals("trash-can") ? List.copyOf(tagged) : List.of();
                }, w -> ledger, () -> "us-east-1"));
    }

    private Optional<String> check(String type, String name, boolean exists) {
        return probes.problem(new Probe.Resource(type, name, exists, "hint"), workshop);
    }

    @Test
    void nothingLeftOfTheWorkshopPasses() {
        ledger.record(ResourceType.CLUSTER, "arn:cluster/trash-can", null, "us-east-1");
        assertEquals(Optional.empty(), check("workshop", null, false));
        assertEquals(List.of(List.of("arn:cluster/trash-can")), knownIds);
        assertEquals("nothing of workshop trash-can is left in AWS",
                probes.describe(new Probe.Resource("workshop", null, false, "hint"), workshop));
    }

    @Test
    void whatIsLeftOfTheWorkshopFailsTheCheckAndIsNamed() {
        tagged.add(OwnedResource.of(ResourceType.LOAD_BALANCER, "arn:alb", "trash-can-alb", null, null));
        tagged.add(OwnedResource.of(ResourceType.ECR_REPOSITORY, "trash-can/inv", "trash-can/inv", "inv", null));
        assertEquals(Optional.of("2 left: load balancer trash-can-alb (arn:alb), ECR repository trash-can/inv"),
                check("workshop", null, false));
    }

    @Test
    void anAdoptedLoadBalancerAndItsListenersAreNotLeftovers() {
        ledger.adopt(ResourceType.LOAD_BALANCER, "arn:stack-alb", null, "stack-alb", "us-east-1");
        tagged.add(OwnedResource.of(ResourceType.LOAD_BALANCER, "arn:stack-alb", "stack-alb", null, null));
        tagged.add(OwnedResource.of(ResourceType.LISTENER, "arn:listener", "listener 80", null, "arn:stack-alb"));
        assertEquals(Optional.empty(), check("workshop", null, false));
    }

    @Test
    void theWorkshopsResourcesByTheNamesMysfitsGivesThemPass() {
        aws.clusters.put("trash-can", new Clusters.Cluster("arn:cluster", "trash-can", "ACTIVE"));
        aws.loadBalancers.put("arn:alb", new LoadBalancers.LoadBalancer("arn:alb", "trash-can-alb", "alb.local", "vpc",
                List.of(), List.of(), "internet-facing", "active"));
        aws.repositories.repositories.put("trash-can/inv", Map.of());
        aws.logGroups.put("/mysfits/trash-can/inv", new LogGroups.LogGroup("/mysfits/trash-can/inv", "arn:lg", 7));
        aws.tables.tables.put("trash-can-items", new Tables.Table("trash-can-items", "arn:table", "ACTIVE"));
        aws.roles.put("trash-can-ecs-execution", new Roles.Role("trash-can-ecs-execution", "arn:role/e", List.of()));
        aws.roles.put("trash-can-ecs-task", new Roles.Role("trash-can-ecs-task", "arn:role/t", List.of()));
        router.targetGroups.put("trash-can-inv-fg", new LoadBalancerRouter.TargetGroup("arn:tg", "trash-can-inv-fg", "ip", 8080,
                new LoadBalancerRouter.HealthCheck("/", 10, 5, 2, 2, "200", 30)));
        ecs.services.put("inv", new dev.mysfits.aws.ecs.ContainerService.Service("arn:svc", "inv", "ACTIVE", "arn:td", "FARGATE",
                1, 1, 0, List.of(), List.of(), List.of()));
        for (String type : List.of("cluster", "load-balancer", "repository", "log-group", "service", "target-group", "table", "role")) {
            assertEquals(Optional.empty(), check(type, null, true), type);
        }
        assertEquals(Optional.empty(), check("log-group", "inv", true));
        assertEquals(Optional.empty(), check("table", "items", true));
        assertEquals(Optional.empty(), check("cluster", "trash-can", true));
        assertEquals("role trash-can-ecs-execution, trash-can-ecs-task exist",
                probes.describe(new Probe.Resource("role", null, true, "hint"), workshop));
    }

    @Test
    void aMissingOrRemainingResourceFails() {
        assertEquals(Optional.of("no cluster trash-can"), check("cluster", null, true));
        assertEquals(Optional.of("no target-group trash-can-inv-fg or trash-can-inv-ec2"), check("target-group", "inv", true));
        assertEquals("target-group trash-can-inv-fg or trash-can-inv-ec2 is gone",
                probes.describe(new Probe.Resource("target-group", "inv", false, "hint"), workshop));
        assertEquals(Optional.of("no role trash-can-ecs-execution; no role trash-can-ecs-task"), check("role", null, true));
        aws.logGroups.put("/mysfits/trash-can/inv", new LogGroups.LogGroup("/mysfits/trash-can/inv", "arn:lg", 7));
        assertEquals(Optional.of("log-group /mysfits/trash-can/inv still exists"), check("log-group", null, false));
        assertEquals(Optional.empty(), check("log-group", "/mysfits/other/inv", false));
    }
}
