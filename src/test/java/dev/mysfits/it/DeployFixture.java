package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mysfits.cli.CommandHarness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A workshop of its own for a deploy test: unique workshop and repository names, setup run, images "pushed". */
final class DeployFixture {
    private static final ObjectMapper JSON = new ObjectMapper();
    // A small valid image manifest: ECR (moto) stores it as the tag's image; nothing is pulled in these tests.
    private static final String MANIFEST = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
            + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":1469,"
            + "\"digest\":\"sha256:%s\"},\"layers\":[{\"mediaType\":\"application/vnd.docker.image.rootfs.diff.tar.gzip\","
            + "\"size\":29126484,\"digest\":\"sha256:%s\"}]}";

    final String name;
    final Path dir;
    final CommandHarness cli;

    DeployFixture(String name) {
        this.name = name;
        this.dir = TestSandbox.workshop(name);
        this.cli = TestSandbox.harness(dir);
        editConfig(config -> config.get("services").fields().forEachRemaining(s ->
                ((ObjectNode) s.getValue()).put("repository", name + "/" + s.getKey())));
    }

    interface ConfigEdit {
        void apply(ObjectNode config) throws IOException;
    }

    void editConfig(ConfigEdit edit) {
        try {
            Path file = dir.resolve("mysfits.json");
            ObjectNode config = (ObjectNode) JSON.readTree(file.toFile());
            edit.apply(config);
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points a service's template for a launch type at a file written in the workshop directory. */
    Path template(String service, String launchType, String content) {
        try {
            Path file = dir.resolve(service + "-" + launchType + "-custom.json");
            Files.writeString(file, content);
            editConfig(config -> ((ObjectNode) config.get("services").get(service).get("taskDefinitions")).put(launchType, file.toString()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String repoTemplate(String file) {
        try {
            return Files.readString(TestSandbox.repoRoot().resolve("task-defs").resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DeployFixture setup() {
        CommandHarness.Result result = cli.run("setup");
        if (result.exitCode() != 0) {
            throw new AssertionError("setup failed: " + result.err());
        }
        return this;
    }

    /** Makes ECR (moto) hold an image with this tag, so deploy's "is it pushed?" check passes. */
    DeployFixture pushed(String service, String tag) {
        String repository = name + "/" + service;
        JsonNode repos = TestSandbox.aws("ecr", "describe-repositories");
        boolean exists = false;
        for (JsonNode repo : repos.path("repositories")) {
            exists |= repository.equals(repo.path("repositoryName").asText());
        }
        if (!exists) {
            TestSandbox.aws("ecr", "create-repository", "--repository-name", repository);
        }
        String seed = sha(repository + ":" + tag);
        TestSandbox.aws("ecr", "put-image", "--repository-name", repository, "--image-tag", tag,
                "--image-manifest", String.format(MANIFEST, seed, sha("layer" + seed)));
        return this;
    }

    CommandHarness.Result run(String... args) {
        return cli.run(args);
    }

    String family(String service) {
        return name + "-" + service;
    }

    List<String> taskDefinitions(String service) {
        List<String> arns = new ArrayList<>();
        TestSandbox.aws("ecs", "list-task-definitions", "--family-prefix", family(service))
                .path("taskDefinitionArns").forEach(a -> {
                    // --family-prefix is a prefix: keep this family's own revisions only.
                    if (a.asText().contains("/" + family(service) + ":")) {
                        arns.add(a.asText());
                    }
                });
        return arns;
    }

    JsonNode service(String service) {
        JsonNode services = TestSandbox.aws("ecs", "describe-services", "--cluster", name, "--services", service).path("services");
        for (JsonNode s : services) {
            if ("ACTIVE".equals(s.path("status").asText())) {
                return s;
            }
        }
        return null;
    }

    /** This workshop's target groups (by name prefix). */
    List<JsonNode> targetGroups() {
        List<JsonNode> groups = new ArrayList<>();
        TestSandbox.aws("elbv2", "describe-target-groups").path("TargetGroups").forEach(g -> {
            if (g.path("TargetGroupName").asText().startsWith(name + "-")) {
                groups.add(g);
            }
        });
        return groups;
    }

    JsonNode rules() {
        JsonNode lbs = TestSandbox.aws("elbv2", "describe-load-balancers", "--names", name + "-alb");
        String lbArn = lbs.path("LoadBalancers").get(0).path("LoadBalancerArn").asText();
        String listener = TestSandbox.aws("elbv2", "describe-listeners", "--load-balancer-arn", lbArn)
                .path("Listeners").get(0).path("ListenerArn").asText();
        return TestSandbox.aws("elbv2", "describe-rules", "--listener-arn", listener).path("Rules");
    }

    private static String sha(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
