package dev.mysfits.workflow.setup;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.core.ResourceType;
import dev.mysfits.fakes.FakeAws;
import dev.mysfits.console.Console;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.ledger.LedgerEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** setup --ec2: the container instances the labs' stack made, made once, resized on request, refused on bad input. */
class SetupCapacityTest {
    private static final ResourceNames NAMES = new ResourceNames("unit");

    @TempDir
    Path dir;

    private final FakeAws aws = new FakeAws();

    private SetupResult run(CapacityRequest capacity) {
        Console console = new Console(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter(), true), false,
                false, OutputFormat.TEXT, System::currentTimeMillis);
        return new SetupWorkflow(new ConsoleEvents(console), aws.adapters(), ledger(), "us-east-1", d -> { })
                .execute(new SetupRequest(NAMES, Map.of("monolith", 80), null, List.of(), null, false, capacity));
    }

    private Ledger ledger() {
        return new Ledger(dir.resolve("ledger.json"), Clock.systemUTC());
    }

    private static CapacityRequest capacity(int instances, String type) {
        return new CapacityRequest(instances, type, CapacityRequest.AMI_PARAMETER);
    }

    @Test
    void ec2_makesRoleProfileGroupTemplateAndGroup_thenASecondRunChangesNothing() {
        run(capacity(2, "t3.small"));

        var template = aws.launchTemplates.get("unit-ecs-instances");
        assertEquals("ami-ecs-2023", template.imageId());
        assertEquals("unit-ecs-instance", template.instanceProfile());
        assertTrue(template.userData().contains("ECS_CLUSTER=unit "), template.userData());
        var instancesGroup = aws.groups.values().stream().filter(g -> g.name().equals("unit-instances")).findFirst().orElseThrow();
        assertEquals(List.of(instancesGroup.id()), template.securityGroupIds());
        assertEquals(List.of("unit-ecs-instance"), aws.instanceProfiles.get("unit-ecs-instance").roles());
        assertEquals(List.of(RoleKind.INSTANCE.policies().get(0)), aws.rolePolicies.get("unit-ecs-instance"));
        assertEquals(2, aws.groups2.get("unit-ecs-instances").desired());
        assertEquals(List.of("subnet-default-a", "subnet-default-b", "subnet-default-c"),
                aws.groups2.get("unit-ecs-instances").subnetIds());
        assertEquals(1, instancesGroup.ingress().size(), "only the dynamic host ports, from the load balancer");
        assertTrue(instancesGroup.ingress().get(0).describe().contains("32768-65535"), instancesGroup.ingress().toString());
        List<ResourceType> recorded = ledger().entries().stream().map(LedgerEntry::type).toList();
        assertTrue(recorded.containsAll(List.of(ResourceType.INSTANCE_PROFILE, ResourceType.LAUNCH_TEMPLATE,
                ResourceType.AUTO_SCALING_GROUP)), recorded.toString());

        aws.mutations.clear();
        SetupResult again = run(capacity(2, "t3.small"));
        assertEquals(List.of(), aws.mutations);
        assertTrue(!again.changed());
    }

    @Test
    void anotherCount_resizesTheGroupOnly() {
        run(capacity(2, "t3.small"));
        aws.mutations.clear();

        run(capacity(3, "t3.small"));

        assertEquals(List.of("resize group unit-ecs-instances to 3"), aws.mutations);
    }

    @Test
    void unknownInstanceType_isBadInput_andNothingIsMade() {
        MysfitsException e = assertThrows(MysfitsException.class, () -> run(capacity(2, "t3.nope")));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals("instance type t3.nope does not exist in us-east-1", e.getMessage());
        assertEquals(List.of(), aws.mutations);
    }

    @Test
    void regionWithoutTheAmiParameter_isAMissingPrecondition_andNothingIsMade() {
        aws.parameters.clear();
        MysfitsException e = assertThrows(MysfitsException.class, () -> run(capacity(2, "t3.small")));
        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertTrue(e.getMessage().contains("has no ECS-optimized AMI"), e.getMessage());
        assertEquals(List.of(), aws.mutations);
    }
}
