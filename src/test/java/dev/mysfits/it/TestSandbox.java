package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mysfits.cli.CommandHarness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real parts the integration tests run against: the Docker engine and the ECR stand-in registry that
 * scripts/sandbox started, and a moto server of this test JVM's own (fresh state, no interference with the
 * sandbox's moto or with other test runs). Missing parts fail the tests; they are never skipped.
 *
 * Failsafe runs each test class in a JVM of its own, several side by side, so each class has its own moto, data
 * plane and {@link #home() home}; they share the Docker engine and the registry.
 */
public final class TestSandbox {
    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "us-east-1";
    public static final String REGISTRY_HOST = ACCOUNT + ".dkr.ecr." + REGION + ".amazonaws.com";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The data plane's clock when the class does not choose (failsafe passes it.timeScale). */
    static final double DEFAULT_TIME_SCALE = Double.parseDouble(System.getProperty("mysfits.it.timeScale", "10"));
    private static String motoEndpoint;
    private static Process moto;
    private static double timeScale = DEFAULT_TIME_SCALE;
    private static Map<String, String> sandboxEnvironment = Map.of();
    private static boolean freshAccount;
    private static Path home;
    private static boolean launcherReady;

    private TestSandbox() {
    }

    /** The repository root (where pom.xml is). */
    public static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    public static String dockerHost() {
        String host = System.getenv("DOCKER_HOST");
        return host == null || host.isBlank() ? "unix:///var/run/docker.sock" : host;
    }

    /** Fails (not skips) when the Docker engine is not there: the test command brings it up. */
    public static void requireDocker() {
        ProcessResult info = run(List.of("docker", "info", "--format", "{{.ServerVersion}}"), Map.of(), Duration.ofSeconds(20));
        if (info.exitCode() != 0) {
            throw new IllegalStateException("the Docker engine is not running: run scripts/sandbox up (scripts/test does): " + info.err());
        }
    }

    /** This JVM's own moto server, started on first use with the sandbox's settings and the class's time scale. */
    public static synchronized String motoEndpoint() {
        if (motoEndpoint == null) {
            int port = claimFreePort();
            // moto with the sandbox's data plane: tasks run as containers, load balancers answer HTTP.
            ProcessBuilder builder = new ProcessBuilder(python(), "-m", "mysfits_sandbox", "-H", "127.0.0.1", "-p", String.valueOf(port))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile("moto-" + port + ".log").toFile()));
            builder.environment().put("PYTHONPATH", repoRoot().resolve("sandbox").toString());
            builder.environment().put("MOTO_IAM_LOAD_MANAGED_POLICIES", "true");
            builder.environment().put("MYSFITS_SANDBOX_TIME_SCALE", String.valueOf(timeScale));
            builder.environment().putAll(sandboxEnvironment);
            builder.environment().put("MYSFITS_SANDBOX_FRESH_ACCOUNT", freshAccount ? "1" : "0");
            Process started;
            try {
                started = builder.start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start moto with the data plane (pip install 'moto[server]' docker): " + e.getMessage(), e);
            }
            moto = started;
            // SIGTERM: the data plane removes its containers, network and /etc/hosts lines before it exits.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started)));
            String endpoint = "http://127.0.0.1:" + port;
            waitForHttp(endpoint + "/moto-api/", Duration.ofSeconds(60));
            if (!started.isAlive()) {
                throw new IllegalStateException("moto with the data plane exited (see target/moto-" + port + ".log), and "
                        + "something else answers on port " + port);
            }
            motoEndpoint = endpoint;
        }
        return motoEndpoint;
    }

    /** The containers this JVM's data plane runs for tasks (running or not), as `docker ps -a` lists them. */
    public static List<String> taskContainers() {
        String port = motoEndpoint().substring(motoEndpoint().lastIndexOf(':') + 1);
        String out = LocalImages.docker("ps", "-a", "--format", "{{.Names}} {{.Status}}",
                "--filter", "label=mysfits-sandbox.instance=" + port);
        return out.isEmpty() ? List.of() : out.lines().toList();
    }

    /**
     * The data plane's clock for the tests that follow (see {@link SandboxTimeScale}): a moto already running at
     * another scale is stopped, and the next use starts one at this scale.
     */
    static synchronized void useTimeScale(double scale) {
        if (scale != timeScale && moto != null) {
            stop(moto);
            moto = null;
            motoEndpoint = null;
        }
        timeScale = scale;
    }

    /** A fresh account for the tests that follow (see {@link SandboxFreshAccount}), started like another scale. */
    static synchronized void useFreshAccount(boolean fresh) {
        if (fresh != freshAccount && moto != null) {
            stop(moto);
            moto = null;
            motoEndpoint = null;
        }
        freshAccount = fresh;
    }

    /**
     * Settings of the sandbox's own for the tests that follow (see {@link SandboxEnvironment}), such as
     * MYSFITS_SANDBOX_DEFAULT_VPC=off: a moto running with others is stopped, and the next use starts one with these.
     */
    static synchronized void useSandboxEnvironment(Map<String, String> environment) {
        if (!environment.equals(sandboxEnvironment) && moto != null) {
            stop(moto);
            moto = null;
            motoEndpoint = null;
        }
        sandboxEnvironment = Map.copyOf(environment);
    }

    static synchronized double timeScale() {
        return timeScale;
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A home of this JVM's own for the product under test and the CLIs the tests run: its own AWS config and
     * credentials files and its own Docker client config, so neither the user's ~/.aws nor a `docker login` they
     * did can change a test, and what a test writes there (a login, a secret) stays in this directory.
     */
    public static synchronized Path home() {
        if (home == null) {
            try {
                Path dir = Files.createTempDirectory(target(), "it-home-");
                Files.createDirectories(dir.resolve(".aws"));
                Files.writeString(dir.resolve(".aws/config"), "[default]\nregion = " + REGION + "\n");
                Files.writeString(dir.resolve(".aws/credentials"), "[default]\naws_access_key_id = sandbox\naws_secret_access_key = sandbox\n");
                Files.createDirectories(dir.resolve(".docker"));
                Files.writeString(dir.resolve(".docker/config.json"), "{}\n");
                home = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return home;
    }

    /** The Docker client config a `docker login` by the product, a test or a buildspec would write. */
    public static Path dockerConfigFile() {
        return home().resolve(".docker/config.json");
    }

    /** Points the CLIs and the product at {@link #home()}'s files instead of the user's. */
    public static Map<String, String> clientConfiguration() {
        return Map.of(
                "DOCKER_CONFIG", home().resolve(".docker").toString(),
                "AWS_CONFIG_FILE", home().resolve(".aws/config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", home().resolve(".aws/credentials").toString());
    }

    /**
     * The command line that runs mysfits in a process of its own, as a user does: the repository's launcher, with
     * its start-up flags and class-data archive (half the CPU of a bare java -jar: 0.77 s against 1.45 s). The
     * archive is recorded once per build, here, so that no test's process spends its first seconds recording it.
     */
    public static List<String> mysfitsCommand(String... args) {
        Path launcher = repoRoot().resolve("mysfits");
        synchronized (TestSandbox.class) {
            if (!launcherReady) {
                ProcessResult warm = oneAtATime("launcher", () -> run(List.of(launcher.toString(), "--version"), Map.of(),
                        Duration.ofMinutes(5)));
                if (warm.exitCode() != 0) {
                    throw new IllegalStateException("./mysfits --version failed: " + warm.err());
                }
                launcherReady = true;
            }
        }
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** The Python that has moto: scripts/sandbox env names it; python3 on PATH otherwise. */
    static String python() {
        String python = System.getenv("MYSFITS_SANDBOX_PYTHON");
        return python == null || python.isBlank() ? "python3" : python;
    }

    /** Clears every resource in this JVM's moto. */
    public static void resetMoto() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(motoEndpoint() + "/moto-api/reset").toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.getResponseCode();
            connection.disconnect();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The environment the CLI and the AWS CLI get in tests: this JVM's moto, dummy keys, the sandbox's Docker, and
     * the client configuration of {@link #home()}.
     */
    public static Map<String, String> awsEnvironment() {
        Map<String, String> environment = new java.util.HashMap<>(clientConfiguration());
        environment.putAll(Map.of(
                "AWS_ENDPOINT_URL", motoEndpoint(),
                "AWS_REGION", REGION,
                "AWS_DEFAULT_REGION", REGION,
                "AWS_ACCESS_KEY_ID", "sandbox",
                "AWS_SECRET_ACCESS_KEY", "sandbox",
                "DOCKER_HOST", dockerHost()));
        return Map.copyOf(environment);
    }

    /** Settings pointing at this JVM's moto and the sandbox's Docker engine, as the CLI would build them. */
    public static dev.mysfits.core.GlobalSettings settings() {
        return new dev.mysfits.core.GlobalSettings(REGION, null, false, motoEndpoint(), false, false,
                dev.mysfits.core.OutputFormat.TEXT, null, dockerHost(), home().resolve(".docker"));
    }

    /** SDK clients for adapter-level tests, with the sandbox's dummy keys from our own Environment. */
    public static dev.mysfits.aws.AwsClients awsClients() {
        return new dev.mysfits.aws.AwsClients(settings(),
                new dev.mysfits.core.Environment(awsEnvironment(), Path.of("").toAbsolutePath(), home()));
    }

    /** The adapters as a command builds them, pointed at the sandbox. */
    public static dev.mysfits.aws.AwsAdapters awsAdapters() {
        return new dev.mysfits.aws.AwsAdapters(settings(),
                new dev.mysfits.core.Environment(awsEnvironment(), Path.of("").toAbsolutePath(), home()),
                dev.mysfits.core.WaitProgress.NONE);
    }

    /** A command harness pointed at the sandbox, run from the given workshop directory. */
    public static CommandHarness harness(Path workshopDirectory) {
        CommandHarness harness = new CommandHarness().workingDirectory(workshopDirectory).home(home());
        awsEnvironment().forEach(harness::env);
        harness.env("PATH", System.getenv("PATH"));
        return harness;
    }

    /**
     * A workshop directory of its own for a test: the repo's mysfits.json with the given workshop name and
     * absolute paths to the repo's samples and task-defs, so ledgers and names never collide between tests.
     */
    public static Path workshop(String name) {
        try {
            Path dir = Files.createTempDirectory("mysfits-it-" + name);
            ObjectNode config = (ObjectNode) JSON.readTree(repoRoot().resolve("mysfits.json").toFile());
            config.put("workshop", name);
            // Every path of the file is relative to the repository: made absolute, they hold in the temp directory.
            JsonNode tables = config.get("tables");
            if (tables != null) {
                tables.fields().forEachRemaining(t -> {
                    if (t.getValue().has("items")) {
                        ((ObjectNode) t.getValue()).put("items", repoRoot().resolve(t.getValue().get("items").asText()).toString());
                    }
                });
            }
            config.get("services").fields().forEachRemaining(service -> {
                ObjectNode node = (ObjectNode) service.getValue();
                node.put("context", repoRoot().resolve(node.get("context").asText()).toString());
                JsonNode taskRole = node.get("taskRole");
                if (taskRole != null && taskRole.has("inlinePolicy")) {
                    ((ObjectNode) taskRole).put("inlinePolicy", repoRoot().resolve(taskRole.get("inlinePolicy").asText()).toString());
                }
                JsonNode templates = node.get("taskDefinitions");
                if (templates != null) {
                    ((ObjectNode) templates).fields().forEachRemaining(t ->
                            ((ObjectNode) templates).put(t.getKey(), repoRoot().resolve(t.getValue().asText()).toString()));
                }
            });
            Files.writeString(dir.resolve("mysfits.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the AWS CLI, an independent client, against this JVM's moto and returns its JSON answer. */
    public static JsonNode aws(String... args) {
        List<String> command = new ArrayList<>();
        command.add("aws");
        command.addAll(Arrays.asList(args));
        command.addAll(List.of("--endpoint-url", motoEndpoint(), "--region", REGION, "--output", "json"));
        ProcessResult result = run(command, Map.of("AWS_ACCESS_KEY_ID", "sandbox", "AWS_SECRET_ACCESS_KEY", "sandbox",
                "AWS_PAGER", ""), Duration.ofSeconds(60));
        if (result.exitCode() != 0) {
            throw new AssertionError("aws " + String.join(" ", args) + " failed: " + result.err());
        }
        try {
            return result.out().isBlank() ? JSON.createObjectNode() : JSON.readTree(result.out());
        } catch (IOException e) {
            throw new AssertionError("aws " + String.join(" ", args) + " printed no JSON: " + result.out(), e);
        }
    }

    public record ProcessResult(int exitCode, String out, String err) {
    }

    /** Runs work while holding a lock that every test JVM on this machine takes by the same name. */
    static synchronized <T> T oneAtATime(String name, java.util.function.Supplier<T> work) {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(target().resolve(name + ".lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock lock = channel.lock();
            try {
                return work.get();
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a process to completion with a time limit. */
    /** git in the given repository, asserting it worked; its stdout. */
    public static String git(Path repository, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", repository.toString()));
        command.addAll(List.of(args));
        ProcessResult result = run(command, Map.of(), Duration.ofSeconds(30));
        org.junit.jupiter.api.Assertions.assertEquals(0, result.exitCode(), result.err());
        return result.out();
    }

    public static ProcessResult run(List<String> command, Map<String, String> extraEnv, Duration timeout) {
        return run(command, extraEnv, timeout, null);
    }

    /** Runs a process in a directory (null: this one) to completion with a time limit. */
    public static ProcessResult run(List<String> command, Map<String, String> extraEnv, Duration timeout, Path directory) {
        try {
            Path out = Files.createTempFile("proc", ".out");
            Path err = Files.createTempFile("proc", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(clientConfiguration());
            builder.environment().putAll(extraEnv);
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
            }
            ProcessResult result = new ProcessResult(process.exitValue(), Files.readString(out), Files.readString(err));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Polls an HTTP URL until it answers at all (any status), or fails after the timeout. */
    public static void waitForHttp(String url, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(2000);
                connection.getResponseCode();
                connection.disconnect();
                return;
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(url + " did not answer within " + timeout, notYet);
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /**
     * The requests this JVM's moto refused because AWS would have (the sandbox checks each against the service's
     * API model and AWS's naming rules): GET /mysfits-sandbox/validation, a list of service, operation, member and
     * constraint.
     */
    public static JsonNode requestValidationFindings() {
        Map.Entry<Integer, String> answer = httpGet(motoEndpoint() + "/mysfits-sandbox/validation");
        if (answer.getKey() != 200) {
            throw new IllegalStateException("GET /mysfits-sandbox/validation answered " + answer.getKey() + ": " + answer.getValue());
        }
        try {
            return JSON.readTree(answer.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails naming each request AWS would have refused, as the sandbox found them since it started. */
    public static void assertNoRequestAwsWouldRefuse() {
        JsonNode findings = requestValidationFindings();
        if (!findings.isEmpty()) {
            throw new AssertionError(findings.size() + " request(s) AWS would refuse: " + findings.toPrettyString());
        }
    }

    /** GETs a URL and returns status and body. */
    public static Map.Entry<Integer, String> httpGet(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(5000);
            int status = connection.getResponseCode();
            var stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String body = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            connection.disconnect();
            return Map.entry(status, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A free port that no other test JVM on this machine has claimed. JVMs side by side that each ask the kernel for
     * a free port can be given the same one (the probe socket closes before the port is used): then one JVM's moto
     * answered for two, until its class ended and stopped it under the other. A claim is a file, gone with the JVM.
     */
    static int claimFreePort() {
        Path claims = Path.of(System.getProperty("java.io.tmpdir"), "mysfits-it-ports");
        try {
            Files.createDirectories(claims);
            for (int attempt = 0; attempt < 100; attempt++) {
                int port;
                try (ServerSocket socket = new ServerSocket(0)) {
                    port = socket.getLocalPort();
                }
                try {
                    Path claim = Files.createFile(claims.resolve(String.valueOf(port)));
                    claim.toFile().deleteOnExit();
                    return port;
                } catch (java.nio.file.FileAlreadyExistsException claimed) {
                    // another JVM has it: ask again
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no free port left unclaimed in " + claims);
    }

    private static Path logFile(String name) {
        return target().resolve(name);
    }

    /** The build's target directory, where the tests keep their logs, homes and locks. */
    static Path target() {
        Path dir = repoRoot().resolve("target");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
