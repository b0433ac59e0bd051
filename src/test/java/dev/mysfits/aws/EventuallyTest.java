package dev.mysfits.aws;

import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.fakes.RecordedWaits;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventuallyTest {
    private final RecordedWaits waits = new RecordedWaits();
    private final AtomicLong now = waits.now;
    private final List<String> shown = waits.shown;
    private final Eventually eventually = waits.eventually();

    private static AwsServiceException error(String code, String message) {
        return AwsServiceException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    private static final AwsServiceException NOT_YET = error("InvalidParameterException",
            "Unable to assume the service linked role. Please verify that the ECS service linked role exists.");

    @Test
    void aTransientErrorIsTriedAgainUntilTheCallWorks_andTheWaitIsShown() {
        AtomicInteger calls = new AtomicInteger();
        String result = eventually.call("the ECS service-linked role", Duration.ofMinutes(2),
                TransientErrors.SERVICE_LINKED_ROLE, () -> {
                    if (calls.incrementAndGet() < 4) {
                        throw NOT_YET;
                    }
                    return "cluster";
                });
        assertEquals("cluster", result);
        assertEquals(4, calls.get());
        assertEquals("waiting for the ECS service-linked role, 0 s", shown.get(0));
        assertEquals("the ECS service-linked role: ready after 0 s", shown.get(shown.size() - 1), shown.toString());
    }

    @Test
    void eachPauseIsAQuarterOfTheTimeWaitedSoFar_atLeastAQuarterSecond_atMostFiveSeconds() {
        List<Duration> pauses = new ArrayList<>();
        List<Long> waitedBefore = new ArrayList<>();
        Eventually recording = new Eventually(d -> {
            waitedBefore.add(now.get());
            pauses.add(d);
            now.addAndGet(d.toNanos());
        }, waits, now::get);
        assertThrows(MysfitsException.class, () -> recording.run("a role", Duration.ofMinutes(2),
                TransientErrors.ROLE_NOT_YET_USABLE, () -> {
                    throw error("ClientException", "ECS was unable to assume the role 'arn:aws:iam::1:role/x' that was provided for this task.");
                }));
        for (int i = 0; i < pauses.size(); i++) {
            long expected = Math.max(250_000_000L, Math.min(5_000_000_000L, waitedBefore.get(i) / 4));
            assertEquals(expected, pauses.get(i).toNanos(), "pause " + i + " after " + waitedBefore.get(i) + " ns");
        }
        assertEquals(Duration.ofMillis(250), pauses.get(0));
        assertEquals(Duration.ofSeconds(5), pauses.get(pauses.size() - 1));
        assertTrue(pauses.size() < 50, "two minutes cost " + pauses.size() + " looks");
    }

    @Test
    void aPermanentErrorGoesStraightThrough_withoutWaiting() {
        AwsServiceException denied = error("AccessDeniedException", "not allowed");
        AwsServiceException thrown = assertThrows(AwsServiceException.class, () -> eventually.run("x", Duration.ofMinutes(2),
                TransientErrors.SERVICE_LINKED_ROLE, () -> {
                    throw denied;
                }));
        assertSame(denied, thrown);
        assertEquals(List.of(), shown);
        assertEquals(0, now.get());
    }

    @Test
    void pastTheBoundItGivesUpWithExit4_namingTheWaitAndAwsWords() {
        MysfitsException e = assertThrows(MysfitsException.class, () -> eventually.run("IAM role ws-ecs-task to reach ECS",
                Duration.ofSeconds(30), TransientErrors.ROLE_NOT_YET_USABLE, () -> {
                    throw error("ClientException", "ECS was unable to assume the role 'arn:aws:iam::1:role/x' that was provided for this task.");
                }));
        assertEquals(ExitCode.TIMEOUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("waiting for IAM role ws-ecs-task to reach ECS: AWS still answers \"ECS was unable"), e.getMessage());
        assertTrue(e.getMessage().matches(".*\\(ClientException\\) after 3[0-5] s"), e.getMessage());
        assertTrue(now.get() >= Duration.ofSeconds(30).toNanos() && now.get() < Duration.ofSeconds(36).toNanos(), "backs off to 5 s at most");
    }

    @Test
    void aConflictingLogsOperation_andAServiceNameStillTaken_areNotYet() {
        assertTrue(TransientErrors.CONFLICTING_OPERATION.test(error("OperationAbortedException",
                "A conflicting operation is currently in progress against this resource. Please try again.")));
        assertTrue(TransientErrors.SERVICE_NAME_NOT_FREE.test(error("InvalidParameterException",
                "Creation of service was not idempotent.")));
        assertTrue(!TransientErrors.SERVICE_NAME_NOT_FREE.test(error("InvalidParameterException", "subnets can not be empty.")));
    }
}
