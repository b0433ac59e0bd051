package dev.mysfits.aws;

import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.fakes.RecordedWaits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventuallyUntilTest {
    private final RecordedWaits waits = new RecordedWaits();
    private final AtomicLong now = waits.now;
    private final List<String> shown = waits.shown;
    private final Eventually eventually = waits.eventually();

    @Test
    void looksUntilReady_showingTheWait() {
        AtomicInteger looks = new AtomicInteger();
        String state = eventually.until("load balancer w-alb to be active", Duration.ofMinutes(10),
                () -> looks.incrementAndGet() < 5 ? "provisioning" : "active", "active"::equals, s -> "still " + s);

        assertEquals("active", state);
        assertEquals(5, looks.get());
        assertEquals("waiting for load balancer w-alb to be active, 0 s", shown.get(0));
        assertEquals("load balancer w-alb to be active: ready after 1 s", shown.get(shown.size() - 1), shown.toString());
    }

    @Test
    void readyAtOnce_showsNothing() {
        eventually.until("load balancer w-alb to be active", Duration.ofMinutes(10), () -> "active", "active"::equals,
                s -> s);
        assertEquals(List.of(), shown);
    }

    @Test
    void pastTheBound_exitsFourNamingTheWaitAndTheLastAnswer() {
        MysfitsException e = assertThrows(MysfitsException.class, () -> eventually.until(
                "load balancer w-alb to be active", Duration.ofMinutes(10), () -> "provisioning", "active"::equals,
                s -> "still " + s));

        assertEquals(ExitCode.TIMEOUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("waiting for load balancer w-alb to be active: still provisioning after 60"),
                e.getMessage());
        assertTrue(now.get() >= Duration.ofMinutes(10).toNanos());
    }

    @Test
    void within_answersWhetherItBecameReady_showingTheWait_andPastTheBoundIsFalseNotAnError() {
        AtomicInteger looks = new AtomicInteger();
        assertTrue(eventually.within("service like to drain", Duration.ofMinutes(5), () -> looks.incrementAndGet() >= 3));
        assertEquals(List.of("waiting for service like to drain, 0 s", "waiting for service like to drain, 0 s",
                "service like to drain: ready after 0 s"), shown);

        assertFalse(eventually.within("task t to stop", Duration.ofSeconds(30), () -> false));
        assertTrue(now.get() >= Duration.ofSeconds(30).toNanos(), "it looked for the whole bound");
    }
}
