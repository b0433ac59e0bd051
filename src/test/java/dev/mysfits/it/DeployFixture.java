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

    final String name;
    final Path dir;
    final CommandHarness cli;

    /** The workshops of this JVM's fixtures: their image tags go when the JVM ends, so runs do not pile them up. */
    private static final java.util.Set<String> NAMES = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(DeployFixture::untagImages, "untag-fixture-images"));
    }

    DeployFixture(String name) {
        NAMES.add(name);
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

    /**
     * Really pushes the service's sample image under this tag: the data plane pulls it from the registry and runs
     * it, so deploys in these tests serve HTTP. The sample is built once per test JVM; each workshop gets a local
     * name of its own, tagged from it, and pushed with mysfits push.
     */
    DeployFixture pushed(String service, String tag) {
        push(service, tag);
        return this;
    }

    /** As {@link #pushed}, with more options for push (e.g. --stats); returns what push printed. */
    CommandHarness.Result push(String service, String tag, String... options) {
        String local = name + "-" + service;
        editConfig(config -> ((ObjectNode) config.get("services").get(service)).put("image", local));
        LocalImages.docker("tag", sampleImage(service), local + ":" + tag);
        List<String> args = new ArrayList<>(List.of("push", service, "--tag", tag));
        args.addAll(List.of(options));
        CommandHarness.Result push = cli.run(args.toArray(String[]::new));
        if (push.exitCode() != 0) {
            throw new AssertionError("push " + service + ":" + tag + " failed: " + push.err());
        }
        return push;
    }

    /**
     * The image of samples/<service>, built once per JVM with the docker CLI. Test classes run side by side in JVMs
     * of their own: one builds at a time, so a cold cache fetches the sample's packages once and the others find
     * them cached.
     */
    static synchronized String sampleImage(String service) {
        String image = "mysfits-it-sample-" + service + ":latest";
        if (!BUILT.contains(service)) {
            String context = service.equals("like") ? "like-service" : "monolith-service";
            TestSandbox.ProcessResult build = TestSandbox.oneAtATime("sample-builds", () -> TestSandbox.run(List.of(
                    "docker", "build", "-q", "-t", image, TestSandbox.repoRoot().resolve("samples").resolve(context).toString()),
                    java.util.Map.of(), java.time.Duration.ofMinutes(10)));
            if (build.exitCode() != 0) {
                throw new AssertionError("docker build of the " + service + " sample failed: " + build.err());
            }
            BUILT.add(service);
        }
        return image;
    }

    private static final java.util.Set<String> BUILT = new java.util.HashSet<>();

    /**
     * NAME-service:tag and the registry's NAME/service, by tag as push tags them or by digest as the data plane
     * pulls them; the layers they share with the samples stay for the next run.
     */
    private static void untagImages() {
        if (NAMES.isEmpty()) {
            return;
        }
        java.time.Duration timeout = java.time.Duration.ofSeconds(60);
        List<String> ours = TestSandbox.run(List.of("docker", "images", "--digests", "--format", "{{.Repository}} {{.Tag}} {{.Digest}}"),
                        java.util.Map.of(), timeout)
                .out().lines()
                .map(line -> line.split(" "))
                .filter(image -> image.length == 3 && NAMES.stream().anyMatch(n ->
                        image[0].startsWith(n + "-") || image[0].startsWith(TestSandbox.REGISTRY_HOST + "/" + n + "/")))
                .map(image -> "<none>".equals(image[1]) ? image[0] + "@" + image[2] : image[0] + ":" + image[1])
                .distinct()
                .toList();
        if (!ours.isEmpty()) {
            List<String> rmi = new ArrayList<>(List.of("docker", "rmi"));
            rmi.addAll(ours);
            TestSandbox.run(rmi, java.util.Map.of(), timeout);
        }
    }

    /**
     * EC2 instances whose user data sets ECS_CLUSTER, as the labs' CloudFormation stack starts them: the sandbox
     * registers each as a container instance of this workshop's cluster. Returns their instance ids.
     */
    List<String> containerInstances(int count) {
        String ami = TestSandbox.aws("ec2", "describe-images").path("Images").get(0).path("ImageId").asText();
        JsonNode reservation = TestSandbox.aws("ec2", "run-instances", "--image-id", ami, "--instance-type", "t3.small",
                "--count", String.valueOf(count), "--user-data", "#!/bin/bash\necho ECS_CLUSTER=" + name + " >> /etc/ecs/ecs.config\n");
        List<String> ids = new ArrayList<>();
        reservation.path("Instances").forEach(i -> ids.add(i.path("InstanceId").asText()));
        // They join the cluster when their agent starts, a while after launch (AWS-BEHAVIOURS 5): wait as the lab
        // does, until the cluster lists them.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (TestSandbox.aws("ecs", "list-container-instances", "--cluster", name).path("containerInstanceArns").size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(count + " container instances did not join cluster " + name + " within 60 s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        return ids;
    }

    void terminate(List<String> instanceIds) {
        List<String> args = new ArrayList<>(List.of("ec2", "terminate-instances", "--instance-ids"));
        args.addAll(instanceIds);
        TestSandbox.aws(args.toArray(String[]::new));
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
}
