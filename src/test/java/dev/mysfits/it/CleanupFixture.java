package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mysfits.cli.CommandHarness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.mysfits.it.LocalImages.docker;
import static dev.mysfits.it.TestSandbox.aws;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the cleanup tests share: workshops whose names are their own, foreign resources, two services deployed. */
final class CleanupFixture {
    private CleanupFixture() {
    }

    /** Entries in a ledger file (0 when there is none); the file is only ever replaced whole. */
    static int ledgerEntries(Path ledger) throws IOException {
        if (!Files.exists(ledger)) {
            return 0;
        }
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(ledger.toFile()).size();
    }

    static String suffix() {
        return Long.toString(System.nanoTime() % 1_000_000L, 36);
    }

    /** The workshops made here, whose local images the tests remove when they end: the engine is shared all day. */
    private static final java.util.Set<String> MADE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A test workshop whose images and repositories carry the workshop name: the registry is shared. */
    static Path workshopWithOwnNames(String ws) {
        MADE.add(ws);
        Path dir = TestSandbox.workshop(ws);
        for (String service : List.of("monolith", "like")) {
            LocalImages.setService(dir, service, Map.of("image", ws + "-" + service, "repository", ws + "/" + service));
        }
        return dir;
    }

    /** Made with the AWS CLI, untagged, unrecorded: cleanup must not touch them, even under mysfits-like names. */
    static void foreignResources(String ws) {
        String vpc = aws("ec2", "describe-vpcs").path("Vpcs").get(0).path("VpcId").asText();
        aws("ec2", "create-security-group", "--group-name", ws + "-foreign", "--description", "not mysfits", "--vpc-id", vpc);
        aws("logs", "create-log-group", "--log-group-name", "/mysfits/" + ws + "/foreign");
        aws("iam", "create-role", "--role-name", ws + "-foreign", "--assume-role-policy-document", "{}");
        aws("elbv2", "create-target-group", "--name", ws + "-foreign", "--protocol", "HTTP", "--port", "80", "--vpc-id", vpc);
        aws("ecr", "create-repository", "--repository-name", ws + "/foreign");
    }

    static void deployBothOnFargate(CommandHarness cli, String ws) {
        cli.run("setup").ok();
        for (String service : List.of("monolith", "like")) {
            try {
                buildAndPush(cli, ws, service);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            cli.run("deploy", service, "--fargate", "--poll-interval", "1s").ok();
        }
        cli.run("autoscale", "like", "--min", "1", "--max", "3").ok();
    }

    static void buildAndPush(CommandHarness cli, String ws, String service) throws IOException {
        build(ws, ws + "-" + service + ":latest");
        cli.run("push", service).ok();
    }

    static void build(String ws, String tag) throws IOException {
        Path context = Files.createTempDirectory("cleanup-it-image");
        // The monolith sample answers HTTP on /, so deployed tasks pass their health checks on the sandbox.
        Files.writeString(context.resolve("Dockerfile"), "FROM " + DeployFixture.sampleImage("monolith") + "\nLABEL mysfits.workshop=" + ws
                + "\nRUN echo " + ws + " > /marker\n");
        docker("build", "-q", "-t", tag, context.toString());
    }

    /** Removes the local images (built, and tagged for ECR) of every workshop made here so far. */
    static void removeLocalImagesOfWorkshopsMade() {
        for (String ws : List.copyOf(MADE)) {
            removeLocalImages(ws);
            MADE.remove(ws);
        }
    }

    static void removeLocalImages(String ws) {
        TestSandbox.ProcessResult refs = TestSandbox.run(List.of("docker", "images", "--format", "{{.Repository}}:{{.Tag}}"),
                Map.of(), Duration.ofSeconds(30));
        refs.out().lines().filter(r -> r.contains(ws)).forEach(r ->
                TestSandbox.run(List.of("docker", "rmi", "-f", r), Map.of(), Duration.ofSeconds(60)));
    }

    static String albArn(String ws) {
        for (JsonNode lb : aws("elbv2", "describe-load-balancers").path("LoadBalancers")) {
            if (lb.path("LoadBalancerName").asText().equals(ws + "-alb")) {
                return lb.path("LoadBalancerArn").asText();
            }
        }
        throw new AssertionError("no load balancer " + ws + "-alb");
    }

}
