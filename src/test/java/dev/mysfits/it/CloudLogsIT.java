package dev.mysfits.it;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.aws.logs.CloudWatchLogReader;
import dev.mysfits.console.Console;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.workflow.logs.CloudLogsWorkflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mysfits logs' CloudWatch side against moto, with the log events written by the AWS CLI. */
class CloudLogsIT {
    private static final ResourceNames NAMES = new ResourceNames("logsit");
    private static final String TASK_A = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final String TASK_B = "f9e8d7c6b5a4039281706f5e4d3c2b1a";

    private CloudWatchLogsClient logs;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() {
        TestSandbox.resetMoto();
        logs = CloudWatchLogsClient.builder()
                .endpointOverride(URI.create(TestSandbox.motoEndpoint()))
                .region(Region.of(TestSandbox.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("sandbox", "sandbox")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterEach
    void tearDown() {
        logs.close();
    }

    @Test
    void logs_twoTaskStreams_areInterleavedByTimeAndPrefixedWithShortTaskId() {
        String group = NAMES.logGroup("monolith");
        TestSandbox.aws("logs", "create-log-group", "--log-group-name", group);
        String streamA = "monolith/monolith/" + TASK_A;
        String streamB = "monolith/monolith/" + TASK_B;
        TestSandbox.aws("logs", "create-log-stream", "--log-group-name", group, "--log-stream-name", streamA);
        TestSandbox.aws("logs", "create-log-stream", "--log-group-name", group, "--log-stream-name", streamB);
        long now = Instant.now().toEpochMilli();
        putEvents(group, streamA, now - 50_000, "GET / 200 from A", now - 30_000, "GET /mysfits 200 from A", now - 10_000, "A again");
        putEvents(group, streamB, now - 40_000, "GET / 200 from B", now - 20_000, "B again");
        // an event older than --since stays out
        putEvents(group, streamB, now - 3_600_000, "an hour ago");

        // page size 2 makes the reader follow nextToken across pages
        long count = new CloudLogsWorkflow(new CloudWatchLogReader(logs, 2), new ConsoleEvents(console()), Clock.systemUTC(), d -> { })
                .execute(new CloudLogsWorkflow.Request(NAMES, "monolith", Duration.ofMinutes(10), false)).lines();

        assertEquals(5, count);
        assertEquals(List.of(
                "0a1b2c3d | GET / 200 from A",
                "f9e8d7c6 | GET / 200 from B",
                "0a1b2c3d | GET /mysfits 200 from A",
                "f9e8d7c6 | B again",
                "0a1b2c3d | A again"), out.toString().lines().toList());
    }

    @Test
    void logs_noLogGroup_isPreconditionToRunSetupAndDeploy() {
        MysfitsException e = assertThrows(MysfitsException.class, () ->
                new CloudLogsWorkflow(new CloudWatchLogReader(logs), new ConsoleEvents(console()), Clock.systemUTC(), d -> { })
                        .execute(new CloudLogsWorkflow.Request(NAMES, "like", Duration.ofMinutes(10), false)));
        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertTrue(e.getMessage().startsWith("no logs yet for like"), e.getMessage());
        assertEquals("", out.toString());
    }

    private Console console() {
        return new Console(new PrintWriter(out, true), new PrintWriter(err, true), false, false, OutputFormat.TEXT, () -> 0L);
    }

    private static void putEvents(String group, String stream, Object... timeAndMessage) {
        StringBuilder events = new StringBuilder("[");
        for (int i = 0; i < timeAndMessage.length; i += 2) {
            if (i > 0) {
                events.append(',');
            }
            events.append("{\"timestamp\":").append(timeAndMessage[i]).append(",\"message\":\"").append(timeAndMessage[i + 1]).append("\"}");
        }
        events.append(']');
        TestSandbox.aws("logs", "put-log-events", "--log-group-name", group, "--log-stream-name", stream,
                "--log-events", events.toString());
    }
}
