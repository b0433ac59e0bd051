package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mysfits.cli.CommandHarness;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import static dev.mysfits.it.TestSandbox.aws;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lab 002 done by hand, as its page does it, and checked with `mysfits lab check`: a check before anything fails at
 * the first step with its hint; the image built and run with the docker CLI, pushed to ECR with the aws and docker
 * CLIs (get-login-password | docker login, tag, push), the cluster, the monolith's task role, task definition,
 * target group, listener and service, and the like service's image, task definition, target group, path rule and
 * service made with the aws CLI each pass their step's check. Stopping the like service (desired count 0) fails the
 * like step, and only it (and clean-up, which fails while anything of the lab exists). Then the workshop cleanup: the
 * hand-made services and container go by hand (they carry no workshop tag or label, so mysfits' cleanup leaves them),
 * then mysfits cleanup and cleanup --local; the clean-up check then names the hand-made cluster until it is deleted
 * with the aws CLI, and passes after; nothing is left, as the aws CLI sees it.
 *
 * <p>Done with mysfits, not by hand: {@code mysfits setup} stands in for the page's CloudFormation stack (VPC, load
 * balancer and its :80 listener, table) and also makes the execution role and the log groups, which the page makes
 * with {@code aws iam create-role} and {@code aws logs create-log-group} (the by-hand services log to them, so the
 * like step's CloudWatch probe reads the group mysfits names); the nolike and nolike2 revisions of the monolith are
 * built, pushed and deployed with mysfits, onto the service made by hand.
 */
class Lab002ByHandIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SETTLE = Duration.ofMinutes(4);

    @Test
    void lab002_failsFirst_passesEachStepDoneByHand_andFailsExactlyTheLikeStepOnceTheLikeServiceStops() throws Exception {
        TestSandbox.requireDocker();
        String ws = "handlab" + CleanupFixture.suffix();
        Path root = Files.createTempDirectory("mysfits-lab002");
        Files.createDirectories(root.resolve("labs"));
        Files.copy(TestSandbox.repoRoot().resolve("labs/002.json"), root.resolve("labs/002.json"));
        Path workshop = TestSandbox.workshop(ws); // mysfits.json with absolute paths to samples/ and task-defs/
        Files.copy(workshop.resolve("mysfits.json"), root.resolve("mysfits.json"));
        String monolithImage = ws + "-monolith-service";
        String likeImage = ws + "-like-service";
        String monolithRepo = ws + "/monolith-service";
        String likeRepo = ws + "/like-service";
        int port = LocalImages.freePort();
        LocalImages.setService(root, "monolith", Map.of("image", monolithImage, "repository", monolithRepo, "localPort", port));
        LocalImages.setService(root, "like", Map.of("image", likeImage, "repository", likeRepo, "localPort", LocalImages.freePort()));
        CommandHarness cli = TestSandbox.harness(root);
        String container = "mysfits-" + ws + "-monolith"; // the name the lab's hint gives the container
        String taskRole = ws + "-hand-task"; // the page's ECSTaskRole, made by hand: mysfits' cleanup does not know it
        Path dockerConfig = Files.createTempDirectory(TestSandbox.target(), "lab002-docker-");
        Map<String, String> env = new HashMap<>(TestSandbox.awsEnvironment());
        env.put("DOCKER_CONFIG", dockerConfig.toString());
        env.put("AWS_PAGER", "");
        SortedSet<String> baseline = AwsInventory.take();
        try {
            CommandHarness.Result fresh = cli.run("lab", "check", "002");
            assertEquals(1, fresh.exitCode(), fresh.err());
            assertTrue(fresh.out().contains("✘ build"), fresh.out());
            assertTrue(fresh.out().contains("Hint: build it: mysfits build monolith"), fresh.out());
            assertTrue(fresh.err().contains("Error: lab 002: step build fails its check"), fresh.err());

            // Lab 1 step 2 and 3: docker build, docker run -d -p, curl, docker logs.
            LocalImages.docker("build", "-q", "--build-arg", "EXTRA_PACKAGES=python3-boto3", "-t", monolithImage,
                    TestSandbox.repoRoot().resolve("samples/monolith-service").toString());
            LocalImages.docker("run", "-d", "--name", container, "-p", port + ":80", monolithImage);
            TestSandbox.waitForHttp("http://127.0.0.1:" + port + "/mysfits", Duration.ofSeconds(30));
            TestSandbox.ProcessResult logs = TestSandbox.run(List.of("docker", "logs", container), Map.of(), Duration.ofSeconds(30));
            assertTrue((logs.out() + logs.err()).contains("GET /mysfits"), logs.out() + logs.err());
            passes(cli, "build");
            passes(cli, "run");
            passes(cli, "logs");

            // Lab 1 step 4: aws ecr create-repository, get-login-password | docker login, tag, push.
            String monolithUri = pushByHand(env, monolithRepo, monolithImage, "latest");
            passes(cli, "push");

            // Lab 2 step 1: aws ecs create-cluster; the rest of the page's stack comes from mysfits setup.
            aws("ecs", "create-cluster", "--cluster-name", ws);
            cli.run("setup").ok();
            passes(cli, "setup");

            // Lab 2 steps 2 to 5: the task role, task definition, target group, listener and service, by hand.
            aws("iam", "create-role", "--role-name", taskRole, "--assume-role-policy-document",
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}");
            aws("iam", "put-role-policy", "--role-name", taskRole, "--policy-name", "table", "--policy-document",
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"dynamodb:Scan\",\"dynamodb:GetItem\",\"dynamodb:UpdateItem\",\"dynamodb:PutItem\"],\"Resource\":\"arn:aws:dynamodb:*:*:table/" + ws + "-mysfits\"}]}");
            String taskRoleArn = aws("iam", "get-role", "--role-name", taskRole).path("Role").path("Arn").asText();
            String executionRoleArn = aws("iam", "get-role", "--role-name", ws + "-ecs-execution").path("Role").path("Arn").asText();
            JsonNode alb = aws("elbv2", "describe-load-balancers", "--names", ws + "-alb").path("LoadBalancers").get(0);
            String vpc = alb.path("VpcId").asText();
            List<String> subnets = new ArrayList<>();
            alb.path("AvailabilityZones").forEach(z -> subnets.add(z.path("SubnetId").asText()));
            JsonNode listener = aws("elbv2", "describe-listeners", "--load-balancer-arn", alb.path("LoadBalancerArn").asText())
                    .path("Listeners").get(0);
            String listenerArn = listener.path("ListenerArn").asText();
            int listenerPort = listener.path("Port").asInt();
            String albUrl = "http://" + alb.path("DNSName").asText() + (listenerPort == 80 ? "" : ":" + listenerPort);
            String tasksGroup = aws("ec2", "describe-security-groups", "--filters", "Name=group-name,Values=" + ws + "-tasks",
                    "Name=vpc-id,Values=" + vpc).path("SecurityGroups").get(0).path("GroupId").asText();
            String network = "awsvpcConfiguration={subnets=[" + String.join(",", subnets) + "],securityGroups=[" + tasksGroup
                    + "],assignPublicIp=ENABLED}";

            registerTaskDefinition(ws + "-monolith", "monolith", monolithUri + ":latest", executionRoleArn, taskRoleArn,
                    "/mysfits/" + ws + "/monolith", Map.of("DDB_TABLE_NAME", ws + "-mysfits", "AWS_DEFAULT_REGION", TestSandbox.REGION));
            String monolithGroup = targetGroup(ws + "-monolith-fg", vpc);
            aws("elbv2", "modify-listener", "--listener-arn", listenerArn, "--default-actions",
                    "Type=forward,TargetGroupArn=" + monolithGroup);
            aws("ecs", "create-service", "--cluster", ws, "--service-name", "monolith", "--task-definition", ws + "-monolith",
                    "--desired-count", "2", "--launch-type", "FARGATE", "--network-configuration", network,
                    "--load-balancers", "targetGroupArn=" + monolithGroup + ",containerName=monolith,containerPort=80");
            passes(cli, "deploy-monolith");

            // Lab 4 step 3: the monolith as nolike, with mysfits (build, push and deploy onto the hand-made service).
            cli.run("build", "monolith", "--tag", "nolike").ok();
            cli.run("push", "monolith", "--tag", "nolike").ok();
            cli.run("deploy", "monolith", "--fargate", "--tag", "nolike", "--poll-interval", "1s").ok();
            passes(cli, "nolike");

            // Lab 4 step 6: the like service by hand: build, push, task definition, target group, path rule, service.
            LocalImages.docker("build", "-q", "-t", likeImage, TestSandbox.repoRoot().resolve("samples/like-service").toString());
            String likeUri = pushByHand(env, likeRepo, likeImage, "latest");
            registerTaskDefinition(ws + "-like", "like", likeUri + ":latest", executionRoleArn, taskRoleArn,
                    "/mysfits/" + ws + "/like", Map.of("MONOLITH_URL", albUrl));
            String likeGroup = targetGroup(ws + "-like-fg", vpc);
            aws("elbv2", "create-rule", "--listener-arn", listenerArn, "--priority", "10",
                    "--conditions", "Field=path-pattern,Values=/mysfits/*/like",
                    "--actions", "Type=forward,TargetGroupArn=" + likeGroup);
            aws("ecs", "create-service", "--cluster", ws, "--service-name", "like", "--task-definition", ws + "-like",
                    "--desired-count", "1", "--launch-type", "FARGATE", "--network-configuration", network,
                    "--load-balancers", "targetGroupArn=" + likeGroup + ",containerName=like,containerPort=80");
            passes(cli, "like");

            // Lab 4 step 10: the monolith as nolike2, with mysfits.
            cli.run("build", "monolith", "--tag", "nolike2").ok();
            cli.run("push", "monolith", "--tag", "nolike2").ok();
            cli.run("deploy", "monolith", "--fargate", "--tag", "nolike2", "--poll-interval", "1s").ok();
            passes(cli, "nolike2");

            // Break one thing: the like service stops (desired count 0), as an attendee might by mistake.
            aws("ecs", "update-service", "--cluster", ws, "--service", "like", "--desired-count", "0");
            awaitNoLikeTask(ws);
            CommandHarness.Result broken = cli.run("lab", "check", "002", "like");
            assertEquals(1, broken.exitCode(), broken.err());
            assertTrue(broken.out().contains("✘ ECS service like runs 1 task, its rollout COMPLETED: it runs 0"), broken.out());
            assertTrue(broken.out().contains("Hint: create it: mysfits deploy like --fargate"), broken.out());
            assertTrue(broken.err().contains("Error: lab 002: step like fails its check"), broken.err());
            CommandHarness.Result all = cli.run("lab", "check", "002", "--output", "json");
            assertEquals(1, all.exitCode(), all.err());
            List<String> failed = new ArrayList<>();
            for (JsonNode step : JSON.readTree(all.out()).path("steps")) {
                for (JsonNode probe : step.path("probes")) {
                    if (!probe.path("passed").asBoolean()) {
                        failed.add(step.path("step").asText());
                        break;
                    }
                }
            }
            // clean-up fails too, as it must while the lab's resources exist: its check is that nothing is left.
            assertEquals(List.of("like", "clean-up"), failed, all.out());

            // Workshop Cleanup: the services made by hand go first (they are not tagged as the workshop's, so mysfits'
            // cleanup leaves them, and then could not delete the cluster and the tasks' security group they hold).
            for (String service : List.of("like", "monolith")) {
                aws("ecs", "delete-service", "--cluster", ws, "--service", service, "--force");
            }
            cli.run("cleanup", "--yes").ok();
            // The container started with docker run carries no workshop label: removed by hand, as the hint says.
            LocalImages.docker("rm", "-f", container);
            cli.run("cleanup", "--local", "--yes").ok();
            // The cluster made with aws ecs create-cluster is not the workshop's to mysfits' cleanup either: the
            // clean-up step's check names it until it is deleted by hand.
            CommandHarness.Result clusterLeft = cli.run("lab", "check", "002", "clean-up");
            assertEquals(1, clusterLeft.exitCode(), clusterLeft.err());
            assertTrue(clusterLeft.out().contains("✔ nothing of workshop " + ws + " is left in AWS"), clusterLeft.out());
            assertTrue(clusterLeft.out().contains("✘ cluster " + ws + " is gone: cluster " + ws + " still exists"), clusterLeft.out());
            assertTrue(clusterLeft.out().contains("Hint: the cluster remains"), clusterLeft.out());
            aws("ecs", "delete-cluster", "--cluster", ws);
        } finally {
            // The services made by hand are not tagged as the workshop's, so mysfits' cleanup leaves them (and then
            // cannot delete the cluster and the tasks' security group they hold): the attendee deletes them first.
            for (String service : List.of("like", "monolith")) {
                awsQuietly("ecs", "delete-service", "--cluster", ws, "--service", service, "--force");
            }
            cli.run("cleanup", "--yes");
            cli.run("cleanup", "--local", "--yes");
            TestSandbox.run(List.of("docker", "rm", "-f", container), Map.of(), Duration.ofSeconds(30));
            removeByHand(ws, taskRole);
            for (String image : List.of(monolithImage, likeImage, TestSandbox.REGISTRY_HOST + "/" + monolithRepo + ":latest",
                    TestSandbox.REGISTRY_HOST + "/" + likeRepo + ":latest")) {
                TestSandbox.run(List.of("docker", "rmi", "-f", image), Map.of(), Duration.ofSeconds(60));
            }
            LocalImages.removeEverythingOf(ws);
        }
        SortedSet<String> left = new TreeSet<>(AwsInventory.take());
        left.removeAll(baseline);
        assertEquals(new TreeSet<>(), left, "nothing of the lab is left in AWS");
        assertTrue(AwsInventory.runningTasks().isEmpty(), "no task still runs");
        CommandHarness.Result done = cli.run("lab", "check", "002", "clean-up");
        assertEquals(0, done.exitCode(), done.out() + done.err());
    }

    /** aws ecr create-repository, aws ecr get-login-password | docker login, docker tag, docker push; the repository URI. */
    private static String pushByHand(Map<String, String> env, String repository, String image, String tag) {
        String uri = aws("ecr", "create-repository", "--repository-name", repository).path("repository").path("repositoryUri").asText();
        TestSandbox.ProcessResult login = TestSandbox.run(List.of("sh", "-c", "aws ecr get-login-password | docker login"
                + " --username AWS --password-stdin " + uri.substring(0, uri.indexOf('/'))), env, Duration.ofSeconds(60));
        assertEquals(0, login.exitCode(), login.err());
        TestSandbox.ProcessResult tagged = TestSandbox.run(List.of("docker", "tag", image + ":" + tag, uri + ":" + tag), env, Duration.ofSeconds(30));
        assertEquals(0, tagged.exitCode(), tagged.err());
        TestSandbox.ProcessResult push = TestSandbox.run(List.of("docker", "push", uri + ":" + tag), env, Duration.ofMinutes(3));
        assertEquals(0, push.exitCode(), push.err());
        return uri;
    }

    private static void registerTaskDefinition(String family, String name, String image, String executionRole,
                                               String taskRole, String logGroup, Map<String, String> environment) throws Exception {
        var definition = JSON.createObjectNode();
        definition.put("family", family).put("networkMode", "awsvpc").put("cpu", "256").put("memory", "512")
                .put("executionRoleArn", executionRole).put("taskRoleArn", taskRole);
        definition.putArray("requiresCompatibilities").add("FARGATE");
        var container = definition.putArray("containerDefinitions").addObject();
        container.put("name", name).put("image", image).put("essential", true);
        container.putArray("portMappings").addObject().put("containerPort", 80).put("protocol", "tcp");
        var variables = container.putArray("environment");
        environment.forEach((k, v) -> variables.addObject().put("name", k).put("value", v));
        container.putObject("logConfiguration").put("logDriver", "awslogs").putObject("options")
                .put("awslogs-group", logGroup).put("awslogs-region", TestSandbox.REGION).put("awslogs-stream-prefix", name);
        Path file = Files.createTempFile(TestSandbox.target(), family, ".json");
        Files.writeString(file, JSON.writeValueAsString(definition));
        aws("ecs", "register-task-definition", "--cli-input-json", "file://" + file);
    }

    private static String targetGroup(String name, String vpc) {
        return aws("elbv2", "create-target-group", "--name", name, "--protocol", "HTTP", "--port", "80", "--vpc-id", vpc,
                "--target-type", "ip", "--health-check-path", "/", "--health-check-interval-seconds", "5",
                "--healthy-threshold-count", "2").path("TargetGroups").get(0).path("TargetGroupArn").asText();
    }

    /** What mysfits' cleanup leaves because it is not the workshop's: removed with the aws CLI, each if it is there. */
    private static void removeByHand(String ws, String taskRole) {
        for (String family : List.of(ws + "-monolith", ws + "-like")) {
            TestSandbox.ProcessResult listed = awsQuietly("ecs", "list-task-definitions", "--family-prefix", family);
            try {
                for (JsonNode arn : JSON.readTree(listed.out()).path("taskDefinitionArns")) {
                    awsQuietly("ecs", "deregister-task-definition", "--task-definition", arn.asText());
                }
            } catch (Exception none) {
                // nothing listed
            }
        }
        for (String group : List.of(ws + "-monolith-fg", ws + "-like-fg")) {
            TestSandbox.ProcessResult found = awsQuietly("elbv2", "describe-target-groups", "--names", group);
            try {
                for (JsonNode g : JSON.readTree(found.out()).path("TargetGroups")) {
                    awsQuietly("elbv2", "delete-target-group", "--target-group-arn", g.path("TargetGroupArn").asText());
                }
            } catch (Exception none) {
                // not there
            }
        }
        // The cluster made with aws ecs create-cluster carries no workshop tag: setup used it as it was.
        awsQuietly("ecs", "delete-cluster", "--cluster", ws);
        awsQuietly("iam", "delete-role-policy", "--role-name", taskRole, "--policy-name", "table");
        awsQuietly("iam", "delete-role", "--role-name", taskRole);
        for (String repository : List.of(ws + "/monolith-service", ws + "/like-service")) {
            awsQuietly("ecr", "delete-repository", "--repository-name", repository, "--force");
        }
        for (String service : List.of("monolith", "like")) {
            awsQuietly("logs", "delete-log-group", "--log-group-name", "/mysfits/" + ws + "/" + service);
        }
    }

    private static TestSandbox.ProcessResult awsQuietly(String... args) {
        List<String> command = new ArrayList<>(List.of("aws"));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", TestSandbox.motoEndpoint(), "--region", TestSandbox.REGION, "--output", "json"));
        return TestSandbox.run(command, Map.of("AWS_ACCESS_KEY_ID", "sandbox", "AWS_SECRET_ACCESS_KEY", "sandbox",
                "AWS_PAGER", ""), Duration.ofSeconds(60));
    }

    /** Until aws ecs describe-services reports the like service's tasks stopped (the load balancer drains them first). */
    private static void awaitNoLikeTask(String ws) throws InterruptedException {
        long until = System.nanoTime() + SETTLE.toNanos();
        JsonNode service = aws("ecs", "describe-services", "--cluster", ws, "--services", "like").path("services").get(0);
        while (service.path("runningCount").asInt() != 0 && System.nanoTime() < until) {
            Thread.sleep(2_000);
            service = aws("ecs", "describe-services", "--cluster", ws, "--services", "like").path("services").get(0);
        }
        assertEquals(0, service.path("runningCount").asInt(), service.toString());
    }

    /** The step's check, asked until it passes (AWS settles: tasks start, targets turn healthy). */
    private static void passes(CommandHarness cli, String step) throws InterruptedException {
        long until = System.nanoTime() + SETTLE.toNanos();
        CommandHarness.Result result = cli.run("lab", "check", "002", step);
        while (result.exitCode() != 0 && System.nanoTime() < until) {
            Thread.sleep(2_000);
            result = cli.run("lab", "check", "002", step);
        }
        assertEquals(0, result.exitCode(), "step " + step + " done by hand fails its check:\n" + result.out() + result.err());
    }
}
