package dev.mysfits.workflow.setup;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.aws.ec2.Network.IngressRule;
import dev.mysfits.aws.elbv2.LoadBalancers.FixedResponse;
import dev.mysfits.aws.elbv2.LoadBalancers.Listener;
import dev.mysfits.aws.elbv2.LoadBalancers.LoadBalancer;
import dev.mysfits.console.Console;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.core.ResourceType;
import dev.mysfits.fakes.FakeAws;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.ledger.LedgerEntry;
import dev.mysfits.workflow.infrastructure.Infrastructure;
import dev.mysfits.workflow.infrastructure.SetupLookup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** setup with the stack's load balancer and listener: reused, not made, and deploy's lookup finds them. */
class SetupStackLoadBalancerTest {
    private static final ResourceNames NAMES = new ResourceNames("unit");

    @TempDir
    Path dir;

    private final FakeAws aws = new FakeAws();
    private LoadBalancer stack;
    private Listener stackListener;

    @BeforeEach
    void theStacksLoadBalancer() {
        stack = aws.adapters().loadBalancers().createLoadBalancer("alb-container-labs", List.of("subnet-default-a", "subnet-default-b"),
                List.of("sg-stack-alb"), Map.of());
        stackListener = aws.adapters().loadBalancers().createFixedResponseListener(stack.arn(), 5000, FixedResponse.NOT_CLAIMED, Map.of());
        aws.mutations.clear();
        aws.tags.clear();
    }

    private Ledger ledger() {
        return new Ledger(dir.resolve("ledger.json"), Clock.systemUTC());
    }

    private SetupResult run(String loadBalancer, String listener, Integer port) {
        Console console = new Console(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter(), true), false,
                false, OutputFormat.TEXT, System::currentTimeMillis);
        return new SetupWorkflow(new ConsoleEvents(console), aws.adapters(), ledger(), "us-east-1").execute(
                new SetupRequest(NAMES, Map.of("monolith", 5000), null, List.of(), null, false, null)
                        .withListenerPort(port).withAdoptedLoadBalancer(loadBalancer, listener));
    }

    @Test
    void stacksLoadBalancerByDnsName_withItsListenerOnThePort_isReused_andNothingOfTheKindIsMade() {
        Infrastructure state = run(stack.dnsName(), null, 5000).state();

        assertFalse(aws.mutations.stream().anyMatch(m -> m.startsWith("create load balancer") || m.startsWith("create listener")),
                aws.mutations.toString());
        assertEquals(stack.arn(), state.loadBalancerArn());
        assertEquals(stackListener.arn(), state.listenerArn());
        assertEquals("http://" + stack.dnsName() + ":5000", state.url());
        assertEquals("sg-stack-alb", state.loadBalancerSecurityGroupId());
        assertFalse(aws.groups.values().stream().anyMatch(g -> g.name().equals(NAMES.loadBalancerSecurityGroup())),
                "no load balancer security group of mysfits' own");
        assertTrue(aws.groups.get(state.tasksSecurityGroupId()).ingress().contains(IngressRule.tcpFromGroup(5000, 5000, "sg-stack-alb")));
        List<LedgerEntry> adopted = ledger().entries(e -> !e.owned());
        assertEquals(List.of(ResourceType.LOAD_BALANCER, ResourceType.LISTENER), adopted.stream().map(LedgerEntry::type).toList());
        assertEquals(5000, adopted.get(1).port());
        assertFalse(aws.tags.containsKey(stack.arn()) || aws.tags.containsKey(stackListener.arn()), "the stack's are not tagged as ours");

        Infrastructure found = new SetupLookup(aws.adapters(), NAMES, "us-east-1", 5000, stack.arn()).find(List.of("monolith"));
        assertEquals(stackListener.arn(), found.listenerArn());
        assertEquals(state.url(), found.url());

        aws.mutations.clear();
        SetupResult again = run(null, null, null);
        assertFalse(again.changed(), "the ledger remembers the stack's load balancer: " + again.changes());
        assertEquals(List.of(), aws.mutations);
    }

    @Test
    void aRerunWithoutOptions_inARegionWithoutADefaultVpc_keepsTheReusedLoadBalancersNetwork() {
        run(stack.dnsName(), null, 5000);
        // The stack's VPC is the only one: the default VPC goes (as in regions where it was deleted).
        aws.vpcs.put(FakeAws.DEFAULT_VPC, new dev.mysfits.aws.ec2.Network.Vpc(FakeAws.DEFAULT_VPC, "172.31.0.0/16", false));
        aws.mutations.clear();

        SetupResult again = run(null, null, null);

        assertEquals(stack.arn(), again.state().loadBalancerArn());
        assertEquals(stack.vpcId(), again.state().vpcId());
        assertFalse(again.changed(), again.changes().toString());
        assertEquals(List.of(), aws.mutations);
    }

    @Test
    void listenerArnAlone_bringsItsLoadBalancer_andItsPort() {
        Infrastructure state = run(null, stackListener.arn(), null).state();

        assertEquals(stack.arn(), state.loadBalancerArn());
        assertEquals(5000, state.listenerPort());
    }

    @Test
    void stacksLoadBalancerWithoutAListenerOnThePort_isExit3_beforeAnythingIsMade() {
        MysfitsException e = assertThrows(MysfitsException.class, () -> run(stack.arn(), null, null));

        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertEquals("the stack's load balancer alb-container-labs has no listener on :80", e.getMessage());
        assertTrue(e.hint().contains("--listener-port"), e.hint());
        assertEquals(List.of(), aws.mutations);
    }

    @Test
    void aLoadBalancerThatDoesNotExist_isExit3_beforeAnythingIsMade() {
        MysfitsException e = assertThrows(MysfitsException.class, () -> run("gone-1.us-east-1.elb.amazonaws.com", null, null));

        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertTrue(e.getMessage().contains("load balancer gone-1.us-east-1.elb.amazonaws.com, which does not exist"), e.getMessage());
        assertEquals(List.of(), aws.mutations);
        assertEquals(List.of(), ledger().entries());
    }
}
