package dev.mysfits.workflow.setup;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.aws.ec2.Network.IngressRule;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** setup --listener-port: the listener, the load balancer's group and the URL follow it, and the ledger keeps it. */
class SetupListenerPortTest {
    private static final ResourceNames NAMES = new ResourceNames("unit");

    @TempDir
    Path dir;

    private final FakeAws aws = new FakeAws();

    private Ledger ledger() {
        return new Ledger(dir.resolve("ledger.json"), Clock.systemUTC());
    }

    private SetupResult run(Integer port) {
        Console console = new Console(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter(), true), false,
                false, OutputFormat.TEXT, System::currentTimeMillis);
        return new SetupWorkflow(new ConsoleEvents(console), aws.adapters(), ledger(), "us-east-1").execute(
                new SetupRequest(NAMES, Map.of("monolith", 5000), null, List.of(), null, false, null).withListenerPort(port));
    }

    @Test
    void listenerPort_makesTheListenerThere_opensItOnTheLoadBalancerGroup_andPutsItInTheUrl() {
        Infrastructure state = run(5000).state();

        assertEquals(List.of("create listener 5000"), aws.mutations.stream().filter(m -> m.startsWith("create listener")).toList());
        assertEquals(List.of(IngressRule.tcpFromCidr(5000, 5000, "0.0.0.0/0")),
                aws.groups.get(state.loadBalancerSecurityGroupId()).ingress());
        assertEquals("http://unit-alb-1.example:5000", state.url());
        assertEquals("unit-alb-1.example:5000", state.host());
        assertEquals(5000, state.listenerPort());
        LedgerEntry listener = ledger().entries().stream().filter(e -> e.type() == ResourceType.LISTENER).findFirst().orElseThrow();
        assertEquals(5000, listener.port());
        assertEquals(Optional.of(5000), ledger().listenerPort("us-east-1"));
    }

    @Test
    void deploysLookup_findsTheListenerOnTheRecordedPort_withThePortInTheUrl() {
        Infrastructure made = run(5000).state();

        Infrastructure found = new SetupLookup(aws.adapters(), NAMES, "us-east-1",
                ledger().listenerPort("us-east-1").orElseThrow()).find(List.of("monolith"));

        assertEquals(made.listenerArn(), found.listenerArn());
        assertEquals("http://unit-alb-1.example:5000", found.url());
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> new SetupLookup(aws.adapters(), NAMES, "us-east-1").find(List.of("monolith")));
        assertTrue(e.getMessage().contains("has no :80 listener"), e.getMessage());
    }

    @Test
    void secondRun_withoutThePort_keepsTheRecordedOne_andChangesNothing() {
        run(5000);
        aws.mutations.clear();

        SetupResult again = run(null);

        assertFalse(again.changed(), again.changes().toString());
        assertEquals(List.of(), aws.mutations);
        assertEquals("http://unit-alb-1.example:5000", again.state().url());
    }

    @Test
    void secondRun_withAnotherPort_isRefusedBeforeAnythingIsMade_andSaysHowToChangeIt() {
        run(5000);
        aws.mutations.clear();

        MysfitsException e = assertThrows(MysfitsException.class, () -> run(80));

        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertEquals("workshop unit's load balancer listens on :5000, not :80: setup does not move a listener that "
                + "services may route on", e.getMessage());
        assertTrue(e.hint().contains("mysfits cleanup"), e.hint());
        assertEquals(List.of(), aws.mutations);
    }

    @Test
    void secondRun_withAnotherPort_whenTheRecordedListenerIsGone_makesTheNewOne_andTheLedgerFollowsIt() {
        String old = run(5000).state().listenerArn();
        aws.listeners.remove(old);

        SetupResult moved = run(8080);

        assertTrue(aws.mutations.contains("create listener 8080"), aws.mutations.toString());
        assertEquals("http://unit-alb-1.example:8080", moved.state().url());
        assertEquals(Optional.of(8080), ledger().listenerPort("us-east-1"));
    }

    @Test
    void defaultPort_isEighty_withNoPortInTheUrl_andALedgerEntryWithoutAPortMeansEighty() throws Exception {
        Infrastructure state = run(null).state();

        assertEquals("http://unit-alb-1.example", state.url());
        assertEquals("unit-alb-1.example", state.host());
        Path old = dir.resolve("old-ledger.json");
        Files.writeString(old, "[{\"type\":\"LISTENER\",\"id\":\"arn:listener/1\",\"region\":\"us-east-1\","
                + "\"createdAt\":\"2026-01-01T00:00:00Z\"}]");
        assertEquals(Optional.of(80), new Ledger(old, Clock.systemUTC()).listenerPort("us-east-1"));
        assertEquals(Optional.empty(), new Ledger(old, Clock.systemUTC()).listenerPort("eu-west-1"));
        List<String> written = new ArrayList<>(Files.readAllLines(dir.resolve("ledger.json")));
        assertFalse(written.stream().anyMatch(l -> l.contains("\"port\" : null")), "no null port is written: " + written);
    }
}
