package dev.mysfits.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mysfits.cli.CommandHarness;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every mistake a user can make, in one table: bad workshop files, bad templates, bad options, a missing daemon,
 * credentials or endpoint, a region where nothing is set up. Each must end in one `Error:` line and a `Hint:`
 * line, the documented exit code, no stack trace, and no change: the workshop's ledger is the same after each
 * case, and the AWS CLI inventory is the same after the whole table as before it.
 */
class BadInputTableIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A case: what to break, the command, the exit code and a fragment of the error line. */
    record Case(String name, Consumer<ObjectNode> config, String file, Map<String, String> env, List<String> args,
                int exit, String expected, boolean ownProcess) {
        Case(String name, Consumer<ObjectNode> config, String file, Map<String, String> env, List<String> args, int exit, String expected) {
            this(name, config, file, env, args, exit, expected, false);
        }

        /** In a process of its own, with nothing but this environment: the SDK also reads the process's. */
        static Case process(String name, Map<String, String> env, int exit, String expected, String... args) {
            return new Case(name, null, null, env, List.of(args), exit, expected, true);
        }

        static Case config(String name, Consumer<ObjectNode> edit, int exit, String expected, String... args) {
            return new Case(name, edit, null, Map.of(), List.of(args), exit, expected);
        }

        static Case file(String name, String text, int exit, String expected, String... args) {
            return new Case(name, null, text, Map.of(), List.of(args), exit, expected);
        }

        static Case args(String name, int exit, String expected, String... args) {
            return new Case(name, null, null, Map.of(), List.of(args), exit, expected);
        }

        static Case env(String name, Map<String, String> env, int exit, String expected, String... args) {
            return new Case(name, null, null, env, List.of(args), exit, expected);
        }
    }

    private static ObjectNode monolith(ObjectNode config) {
        return (ObjectNode) config.get("services").get("monolith");
    }

    private static ObjectNode healthCheck(ObjectNode config) {
        return monolith(config).putObject("healthCheck");
    }

    @Test
    void everyBadInput_oneErrorLineAndHint_documentedExitCode_noTrace_noChange() throws Exception {
        DeployFixture f = new DeployFixture("badin" + Long.toString(System.nanoTime() % 100_000L, 36));
        f.setup();
        f.pushed("monolith", "v1");
        Path config = f.dir.resolve("mysfits.json");
        String goodConfig = Files.readString(config);
        Path template = f.dir.resolve("broken-template.json");

        // ECR as it answers with an expired token: the registry (the real one) refuses what the token says.
        com.sun.net.httpserver.HttpServer expiredEcr = expiredTokenEcr(f.name + "/monolith");
        String expiredEcrUrl = "http://127.0.0.1:" + expiredEcr.getAddress().getPort();

        List<Case> cases = new ArrayList<>(List.of(
                // the workshop file
                Case.file("truncated mysfits.json", goodConfig.substring(0, goodConfig.length() / 2), 2, "is not valid JSON", "status"),
                Case.file("mysfits.json is an array", "[]", 2, "the top level must be an object", "status"),
                Case.file("duplicate key", "{\"workshop\": \"a\", \"workshop\": \"b\", \"services\": {}}", 2, "Duplicate field", "status"),
                Case.config("workshop name with capitals", c -> c.put("workshop", "Mysfits"), 2, "\"workshop\" must be lowercase", "status"),
                Case.config("no services", c -> c.putObject("services"), 2, "\"services\" must be an object naming at least one service", "status"),
                Case.config("service name with capitals", c -> c.set("services", JSON.createObjectNode().set("Mono", monolith(c))), 2, "service name 'Mono'", "status"),
                Case.config("unknown service key", c -> monolith(c).put("port", 80), 2, "unknown key \"port\"", "status"),
                // Without a context the image is pulled, not built: then the image must be named.
                Case.config("neither context nor image", c -> monolith(c).remove(List.of("context", "image")), 2, "needs \"context\"", "status"),
                Case.config("build of a service without context", c -> monolith(c).remove("context"), 2, "has no build context", "build", "monolith"),
                Case.config("containerPort out of range", c -> monolith(c).put("containerPort", 70000), 2, "containerPort must be a port number", "status"),
                Case.config("localPort zero", c -> monolith(c).put("localPort", 0), 2, "localPort must be a port number", "status"),
                Case.config("healthPath without slash", c -> monolith(c).put("healthPath", "health"), 2, "healthPath must start with '/'", "status"),
                Case.config("path without slash", c -> monolith(c).put("path", "mysfits"), 2, ".path must start with '/'", "status"),
                Case.config("unknown launch type", c -> ((ObjectNode) monolith(c).get("taskDefinitions")).put("lambda", "x.json"), 2, "unknown launch type \"lambda\"", "status"),
                Case.config("health check interval too short", c -> healthCheck(c).put("intervalSeconds", 1), 2, "intervalSeconds must be a whole number from 5 to 300", "status"),
                Case.config("health check timeout not below interval", c -> healthCheck(c).put("timeoutSeconds", 10), 2, "must be less than intervalSeconds", "status"),
                Case.config("health check matcher", c -> healthCheck(c).put("matcher", "ok"), 2, "matcher must be HTTP codes", "status"),
                Case.config("unknown health check key", c -> healthCheck(c).put("path", "/"), 2, "unknown key \"path\"", "status"),
                Case.config("repository with capitals", c -> monolith(c).put("repository", "Mysfits/Monolith"), 2, "must be lowercase: use 'mysfits/monolith'", "status"),
                Case.config("repository too short", c -> monolith(c).put("repository", "m"), 2, "2 to 256 characters", "status"),
                Case.config("memory 128XB", c -> monolith(c).put("memory", "128XB"), 2, "'128XB' is not a memory size", "status"),
                Case.config("dependsOn cycle", c -> monolith(c).putArray("dependsOn").add("monolith"), 2, "dependsOn goes round in a circle", "status"),
                Case.config("dependsOn unknown", c -> monolith(c).putArray("dependsOn").add("db"), 2, "dependsOn names 'db'", "status"),
                Case.config("volume without target", c -> monolith(c).putArray("volumes").add("data"), 2, "must be SOURCE:TARGET", "status"),
                Case.config("network overlay", c -> monolith(c).put("network", "overlay"), 2, ".network must be", "status"),
                Case.config("environment not an object", c -> monolith(c).put("environment", "A=1"), 2, ".environment must be an object", "status"),
                Case.config("command not an array", c -> monolith(c).put("command", "app -x"), 2, ".command must be an array", "status"),
                Case.args("config file missing", 2, "does not exist", "status", "--config", "nope.json"),
                // templates
                Case.config("template with an unknown placeholder", c -> {
                    write(template, DeployFixture.repoTemplate("monolith-fargate.json").replace("${IMAGE}", "${IMAGE_URL}"));
                    ((ObjectNode) monolith(c).get("taskDefinitions")).put("fargate", template.toString());
                }, 2, "IMAGE_URL", "deploy", "monolith", "--fargate"),
                Case.config("template with a wrong type", c -> {
                    write(template, DeployFixture.repoTemplate("monolith-fargate.json").replace("\"cpu\": \"256\"", "\"cpu\": {\"units\": 256}"));
                    ((ObjectNode) monolith(c).get("taskDefinitions")).put("fargate", template.toString());
                }, 2, "cpu", "deploy", "monolith", "--fargate"),
                Case.config("template not JSON", c -> {
                    write(template, "{ \"family\": ");
                    ((ObjectNode) monolith(c).get("taskDefinitions")).put("fargate", template.toString());
                }, 2, "broken-template.json", "deploy", "monolith", "--fargate"),
                Case.config("template file missing", c -> ((ObjectNode) monolith(c).get("taskDefinitions")).put("fargate", "missing.json"),
                        2, "missing.json", "deploy", "monolith", "--fargate"),
                // the command line
                Case.args("unknown command", 2, "Unmatched argument", "deplyo"),
                Case.args("unknown option", 2, "Unknown options: '--cout'", "deploy", "monolith", "--fargate", "--cout", "2"),
                Case.args("unknown service", 2, "unknown service 'nope'", "deploy", "nope", "--fargate"),
                Case.args("deploy without launch type", 2, "(--fargate | --ec2)", "deploy", "monolith"),
                Case.args("deploy --count -1", 2, "--count", "deploy", "monolith", "--fargate", "--count", "-1"),
                Case.args("scale --count -1", 2, "--count must be 0 or more", "scale", "monolith", "--count", "-1"),
                Case.args("bad duration", 2, "'5x' is not a duration", "deploy", "monolith", "--fargate", "--timeout", "5x"),
                Case.args("path without slash", 2, "/", "deploy", "monolith", "--fargate", "--path", "mysfits"),
                Case.args("run port out of range", 2, "--port 70000 is not a port number", "run", "monolith", "--port", "70000"),
                Case.args("autoscale min above max", 2, "--min", "autoscale", "monolith", "--min", "3", "--max", "1", "--cpu-target", "50"),
                Case.args("autoscale --off with bounds", 2, "--off takes no --min", "autoscale", "monolith", "--off", "--min", "1"),
                Case.args("push tag Docker refuses", 2, "tag", "push", "monolith", "--tag", "bad tag!"),
                Case.args("logs --since not a duration", 2, "yesterday", "logs", "monolith", "--since", "yesterday"),
                Case.args("output yaml", 2, "yaml", "status", "--output", "yaml"),
                Case.args("cleanup without a terminal and without --yes", 2, "there is no terminal to ask on", "cleanup"),
                Case.args("cleanup --volumes without --local", 2, "--volumes goes with --local", "cleanup", "--volumes"),
                Case.args("cleanup --local with a service", 2, "cleanup --local takes no service names", "cleanup", "--local", "monolith"),
                Case.args("build-arg without a value", 2, "build-arg", "build", "monolith", "--build-arg", "NOVALUE"),
                Case.args("task run of an unknown service", 2, "unknown service 'nope'", "task", "run", "nope", "--fargate"),
                Case.args("codebuild source type", 2, "--source-type SVN is not a CodeBuild source type", "codebuild", "monolith",
                        "--source-type", "SVN", "--source-location", "x", "--buildspec", "mysfits.json"),
                Case.args("region that is not a region", 2, "not a region", "status", "--region", "not a region!"),
                Case.args("endpoint that is not a URL", 2, "is not a URL", "status", "--endpoint-url", "not a url"),
                // the environment: preconditions, exit 3
                Case.args("region where nothing is set up", 3, "eu-west-3", "deploy", "monolith", "--fargate", "--region", "eu-west-3"),
                Case.env("Docker daemon down", Map.of("DOCKER_HOST", "tcp://127.0.0.1:1"), 3, "Docker daemon is not reachable", "build", "monolith"),
                Case.env("expired ECR token", Map.of("AWS_ENDPOINT_URL", expiredEcrUrl), 3, "registry", "push", "monolith", "--tag", "v1"),
                Case.env("unreachable endpoint", Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1"), 3, "cannot reach the AWS endpoint", "status"),
                Case.process("no credentials", Map.of("AWS_REGION", "us-east-1"), 3, "no AWS credentials found", "status"),
                Case.env("no region", Map.of("AWS_REGION", "", "AWS_DEFAULT_REGION", "", "AWS_CONFIG_FILE", "/nonexistent"), 3,
                        "no AWS region is set", "status")));
        assertTrue(cases.size() >= 50, "at least 50 bad inputs, got " + cases.size());

        Path ledger = f.dir.resolve(".mysfits/ledger.json");
        String ledgerBefore = Files.readString(ledger);
        SortedSet<String> before = AwsInventory.take();
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            Files.writeString(config, goodConfig);
            if (c.file() != null) {
                Files.writeString(config, c.file());
            } else if (c.config() != null) {
                ObjectNode edited = (ObjectNode) JSON.readTree(goodConfig);
                c.config().accept(edited);
                Files.writeString(config, JSON.writeValueAsString(edited));
            }
            long start = System.nanoTime();
            CommandHarness.Result result;
            if (c.ownProcess()) {
                result = inOwnProcess(f.dir, c.env(), c.args());
            } else {
                CommandHarness cli = TestSandbox.harness(f.dir);
                c.env().forEach(cli::env);
                result = cli.run(c.args().toArray(String[]::new));
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            List<String> lines = result.err().lines().filter(l -> !l.isBlank()).toList();
            String problem = null;
            if (result.exitCode() != c.exit()) {
                problem = "exit " + result.exitCode() + ", expected " + c.exit();
            } else if (lines.size() < 2 || lines.stream().filter(l -> l.startsWith("Error: ")).count() != 1
                    || !lines.get(lines.size() - 2).startsWith("Error: ") || !lines.get(lines.size() - 1).startsWith("Hint: ")) {
                problem = "not one Error line and then one Hint line, at the end";
            } else if (!lines.get(lines.size() - 2).contains(c.expected())) {
                problem = "the error does not say '" + c.expected() + "'";
            } else if (result.err().contains("\tat ") || result.err().contains("Exception:")) {
                problem = "a stack trace";
            } else if (!Files.readString(ledger).equals(ledgerBefore)) {
                problem = "the ledger changed";
            } else if (millis > 60_000) {
                problem = "took " + millis + " ms";
            }
            System.out.printf("[BadInputTableIT] %-45s exit %d in %5d ms: %s%n", c.name(), result.exitCode(), millis,
                    lines.size() < 2 ? String.join(" | ", lines) : lines.get(lines.size() - 2));
            if (problem != null) {
                failures.add(c.name() + ": " + problem + "\n" + result.err());
            }
        }
        expiredEcr.stop(0);
        Files.writeString(config, goodConfig);
        assertEquals(before, AwsInventory.take(), "the AWS CLI inventory is the same after the whole table");
        System.out.printf("[BadInputTableIT] %d bad inputs, %d handled as documented%n", cases.size(), cases.size() - failures.size());
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + " cases failed:\n" + String.join("\n", failures));
        f.run("cleanup", "--yes").ok();
    }

    /** Just enough of ECR for a push: the repository, and a token the registry no longer takes. */
    private static com.sun.net.httpserver.HttpServer expiredTokenEcr(String repository) throws IOException {
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        String registry = "123456789012.dkr.ecr." + TestSandbox.awsEnvironment().get("AWS_REGION") + ".amazonaws.com";
        server.createContext("/", exchange -> {
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            exchange.getRequestBody().readAllBytes();
            int status = 200;
            String body;
            if (target.endsWith(".DescribeRepositories")) {
                body = "{\"repositories\":[{\"repositoryName\":\"" + repository + "\",\"registryId\":\"123456789012\","
                        + "\"repositoryArn\":\"arn:aws:ecr:us-east-1:123456789012:repository/" + repository + "\","
                        + "\"repositoryUri\":\"" + registry + "/" + repository + "\"}]}";
            } else if (target.endsWith(".GetAuthorizationToken")) {
                String token = java.util.Base64.getEncoder().encodeToString("AWS:expired-token".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                body = "{\"authorizationData\":[{\"authorizationToken\":\"" + token + "\",\"expiresAt\":1.4E9,"
                        + "\"proxyEndpoint\":\"https://" + registry + "\"}]}";
            } else {
                status = 400;
                body = "{\"__type\":\"ValidationException\",\"message\":\"" + target + " is not in this stand-in\"}";
            }
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** mysfits in its own process, with an environment of only PATH, a HOME without ~/.aws, and the given variables. */
    private static CommandHarness.Result inOwnProcess(Path dir, Map<String, String> env, List<String> args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(TestSandbox.mysfitsCommand(args.toArray(String[]::new))).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().put("HOME", Files.createTempDirectory("mysfits-empty-home").toString());
        builder.environment().put("AWS_ENDPOINT_URL", TestSandbox.motoEndpoint());
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        builder.environment().putAll(env);
        Path out = Files.createTempFile("badinput", ".out");
        Path err = Files.createTempFile("badinput", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", args) + " hung");
        }
        return new CommandHarness.Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
