package dev.mysfits.workflow.setup;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.aws.ec2.Network;
import dev.mysfits.console.Console;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.fakes.FakeAws;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.workflow.infrastructure.SetupLookup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** setup --private-subnets: checked, remembered on the tasks' security group, found again by deploy's lookup. */
class SetupPrivateSubnetsTest {
    private static final ResourceNames NAMES = new ResourceNames("unit");

    @TempDir
    Path dir;

    private final FakeAws aws = new FakeAws();

    @BeforeEach
    void privateSubnets() {
        aws.vpcs.put("vpc-other", new Network.Vpc("vpc-other", "10.1.0.0/16", false));
        aws.subnets.add(new Network.Subnet("subnet-private-a", FakeAws.DEFAULT_VPC, "us-east-1a", false, false));
        aws.subnets.add(new Network.Subnet("subnet-private-b", FakeAws.DEFAULT_VPC, "us-east-1b", false, false));
        aws.subnets.add(new Network.Subnet("subnet-elsewhere", "vpc-other", "us-east-1a", false, false));
        aws.defaultRoutes.put("subnet-private-a", Network.DefaultRoute.NONE);
        aws.defaultRoutes.put("subnet-private-b", Network.DefaultRoute.NONE);
    }

    private SetupResult setup(List<String> privateSubnets, Path stackOutputs, boolean dryRun) {
        Console console = new Console(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter(), true), false,
                false, OutputFormat.TEXT, System::currentTimeMillis);
        return new SetupWorkflow(new ConsoleEvents(console), aws.adapters(), new Ledger(dir.resolve("ledger.json"), Clock.systemUTC()), "us-east-1")
                .execute(new SetupRequest(NAMES, Map.of("monolith", 80), null, List.of(), stackOutputs, dryRun, null,
                        Map.of(), List.of(), privateSubnets));
    }

    private List<String> remembered() {
        return new SetupLookup(aws.adapters(), NAMES, "us-east-1").find(List.of("monolith")).privateSubnetIds();
    }

    @Test
    void privateSubnets_areRemembered_andARunWithoutThemKeepsThem() {
        SetupResult first = setup(List.of("subnet-private-a", "subnet-private-b"), null, false);

        assertEquals(List.of("subnet-private-a", "subnet-private-b"), first.state().privateSubnetIds());
        assertEquals(List.of("subnet-private-a", "subnet-private-b"), remembered());

        aws.mutations.clear();
        SetupResult again = setup(List.of(), null, false);
        assertEquals(List.of(), aws.mutations, "nothing to change");
        assertEquals(List.of("subnet-private-a", "subnet-private-b"), again.state().privateSubnetIds());

        setup(List.of("subnet-private-b"), null, false);
        assertEquals(List.of("subnet-private-b"), remembered());
    }

    @Test
    void withoutPrivateSubnets_noneAreKnown() {
        setup(List.of(), null, false);

        assertEquals(List.of(), remembered());
    }

    @Test
    void aDryRun_remembersNothing() {
        setup(List.of(), null, false);
        aws.mutations.clear();

        setup(List.of("subnet-private-a"), null, true);

        assertEquals(List.of(), aws.mutations);
        assertEquals(List.of(), remembered());
    }

    @Test
    void theStackOutputsPrivateSubnets_areTaken() throws Exception {
        Path outputs = dir.resolve("cfn-output.json");
        Files.writeString(outputs, """
                {"VPCId": "vpc-default", "PublicSubnetOne": "subnet-default-a", "PublicSubnetTwo": "subnet-default-b",
                 "PrivateSubnetOne": "subnet-private-a", "PrivateSubnetTwo": "subnet-private-b"}""");

        setup(List.of(), outputs, false);

        assertEquals(List.of("subnet-private-a", "subnet-private-b"), remembered());
    }

    @Test
    void aPrivateSubnetThatDoesNotExist_orIsElsewhere_orIsPublic_isBadInput_andNothingIsMade() {
        MysfitsException missing = assertThrows(MysfitsException.class, () -> setup(List.of("subnet-nope"), null, false));
        assertEquals(ExitCode.USAGE, missing.exitCode());
        assertEquals("private subnet subnet-nope does not exist in us-east-1", missing.getMessage());

        MysfitsException elsewhere = assertThrows(MysfitsException.class, () -> setup(List.of("subnet-elsewhere"), null, false));
        assertEquals(ExitCode.USAGE, elsewhere.exitCode());
        assertTrue(elsewhere.getMessage().startsWith("private subnet subnet-elsewhere is in vpc-other, not in the workshop's VPC"),
                elsewhere.getMessage());

        MysfitsException isPublic = assertThrows(MysfitsException.class, () -> setup(List.of("subnet-default-a"), null, false));
        assertEquals(ExitCode.USAGE, isPublic.exitCode());
        assertEquals(List.of(), aws.mutations);
    }
}
