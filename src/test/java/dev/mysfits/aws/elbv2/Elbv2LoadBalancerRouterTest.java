package dev.mysfits.aws.elbv2;

import com.sun.net.httpserver.HttpServer;
import dev.mysfits.aws.AwsClients;
import dev.mysfits.core.Environment;
import dev.mysfits.core.GlobalSettings;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.OutputFormat;
import org.junit.jupiter.api.AfterEach;
import dev.mysfits.fakes.RecordedWaits;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Read-after-create against an endpoint that answers as AWS does right after a create (AWS-BEHAVIOURS 16). */
class Elbv2LoadBalancerRouterTest {
    private static final String ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/w-web/0123456789abcdef";
    private static final String NS = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    /** How many times each action answers TargetGroupNotFound before it works. */
    private final Map<String, Integer> notFoundFor = new HashMap<>();
    private final List<String> actions = new ArrayList<>();
    private final RecordedWaits waits = new RecordedWaits();
    private final List<String> shown = waits.shown;
    private HttpServer server;

    private Elbv2LoadBalancerRouter router() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String action = "";
            for (String pair : form.split("&")) {
                if (pair.startsWith("Action=")) {
                    action = URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
                }
            }
            actions.add(action);
            int left = notFoundFor.getOrDefault(action, 0);
            String body;
            int status = 200;
            if (left > 0) {
                notFoundFor.put(action, left - 1);
                status = 400;
                body = "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>TargetGroupNotFound</Code>"
                        + "<Message>One or more target groups not found</Message></Error><RequestId>r</RequestId></ErrorResponse>";
            } else {
                body = "<" + action + "Response xmlns=\"" + NS + "\"><" + action + "Result>" + result(action) + "</"
                        + action + "Result><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></" + action + "Response>";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        GlobalSettings settings = new GlobalSettings("us-east-1", null, false,
                "http://127.0.0.1:" + server.getAddress().getPort(), false, false, OutputFormat.TEXT, null, null, null);
        AwsClients clients = new AwsClients(settings, new Environment(Map.of("AWS_ACCESS_KEY_ID", "k",
                "AWS_SECRET_ACCESS_KEY", "s"), Path.of("."), Path.of(".")));
        return new Elbv2LoadBalancerRouter(clients.elb(), waits.eventually());
    }

    private static String result(String action) {
        return switch (action) {
            case "CreateTargetGroup" -> "<TargetGroups><member><TargetGroupArn>" + ARN + "</TargetGroupArn>"
                    + "<TargetGroupName>w-web</TargetGroupName><TargetType>ip</TargetType><Port>80</Port></member></TargetGroups>";
            case "DescribeTargetHealth" -> "<TargetHealthDescriptions/>";
            default -> "";
        };
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aTargetGroupMadeByThisCommand_notYetFound_isReadAgainUntilItIs_andTheWaitIsShown() throws IOException {
        Elbv2LoadBalancerRouter router = router();
        notFoundFor.put("ModifyTargetGroupAttributes", 2);
        notFoundFor.put("DescribeTargetHealth", 1);

        router.createTargetGroup(new LoadBalancerRouter.TargetGroupSpec("w-web", "vpc-1", 80, "ip",
                new LoadBalancerRouter.HealthCheck("/", 10, 5, 2, 2, "200", 5), Map.of()));
        assertEquals(List.of(), router.targetHealth(ARN));

        assertEquals(List.of("CreateTargetGroup", "ModifyTargetGroupAttributes", "ModifyTargetGroupAttributes",
                "ModifyTargetGroupAttributes", "DescribeTargetHealth", "DescribeTargetHealth"), actions);
        assertTrue(shown.contains("waiting for target group w-web to be readable, 0 s"), shown.toString());
        assertTrue(shown.stream().anyMatch(s -> s.startsWith("target group w-web to be readable: ready after")), shown.toString());
    }

    @Test
    void aTargetGroupThatShouldExistLongSince_notFound_isAnErrorAtOnce() throws IOException {
        Elbv2LoadBalancerRouter router = router();
        notFoundFor.put("DescribeTargetHealth", 1);

        MysfitsException e = assertThrows(MysfitsException.class, () -> router.targetHealth(ARN));

        assertEquals("elbv2 describe target health w-web: One or more target groups not found (TargetGroupNotFound)",
                e.getMessage());
        assertEquals(List.of("DescribeTargetHealth"), actions);
        assertEquals(List.of(), shown);
    }
}
