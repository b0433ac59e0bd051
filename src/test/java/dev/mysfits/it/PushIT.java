package dev.mysfits.it;

import dev.mysfits.console.ConsoleEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mysfits.aws.AwsClients;
import dev.mysfits.aws.Eventually;
import dev.mysfits.aws.ecr.EcrImageRegistry;
import dev.mysfits.aws.ecr.EcrRepository;
import dev.mysfits.aws.ecr.ImageRegistry;
import dev.mysfits.registry.RegistryCredentials;
import dev.mysfits.cli.CommandHarness;
import dev.mysfits.console.Console;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.core.WaitProgress;
import dev.mysfits.docker.DockerClients;
import dev.mysfits.docker.DockerImagePusher;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.workflow.push.PushRequest;
import dev.mysfits.workflow.push.PushWorkflow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mysfits push against the real engine, the sandbox's registry and this JVM's moto (checked with the AWS CLI). */
class PushIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = TestSandbox.ACCOUNT + "-auth-token";
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String IMAGE = "mysfits-push-it-" + SUFFIX;
    private static final String SHA_TAG = "it" + SUFFIX;
    private static final String REPOSITORY = "push-it-" + SUFFIX + "/monolith";
    private static final String REPOSITORY_URI = TestSandbox.REGISTRY_HOST + "/" + REPOSITORY;
    /** The product under test's Docker client config: the test home's, never the user's. */
    private static final Path DOCKER_CONFIG = TestSandbox.dockerConfigFile();

    private static Path workshop;
    private static String builtImageId;
    private static CommandHarness.Result firstPush;
    private static long firstPushMillis;
    private static Optional<byte[]> dockerConfigBefore;
    private static Optional<byte[]> dockerConfigAfter;
    private static final List<String> createdRefs = new ArrayList<>();

    @BeforeAll
    static void buildImageAndPushOnce() throws IOException {
        TestSandbox.requireDocker();
        docker(Duration.ofMinutes(10), "build", "-q", "-t", IMAGE + ":base",
                TestSandbox.repoRoot().resolve("samples/monolith-service").toString());
        createdRefs.add(IMAGE + ":base");
        // One layer of its own, so the registry cannot already hold the whole image from an earlier run.
        Path unique = Files.createTempDirectory("push-it-context");
        Files.writeString(unique.resolve("Dockerfile"), "FROM " + IMAGE + ":base\nRUN echo " + SUFFIX + " > /push-it-id\n");
        docker(Duration.ofMinutes(2), "build", "-q", "-t", IMAGE + ":latest", unique.toString());
        createdRefs.add(IMAGE + ":latest");
        // What mysfits build does: latest plus a git-SHA-like tag on the same image.
        docker(Duration.ofSeconds(30), "tag", IMAGE + ":latest", IMAGE + ":" + SHA_TAG);
        createdRefs.add(IMAGE + ":" + SHA_TAG);
        builtImageId = docker(Duration.ofSeconds(30), "image", "inspect", "--format", "{{.Id}}", IMAGE + ":latest").strip();

        workshop = workshopWith("push-it", IMAGE, REPOSITORY);
        dockerConfigBefore = read(DOCKER_CONFIG);
        long start = System.nanoTime();
        firstPush = TestSandbox.harness(workshop).run("push", "monolith", "--output", "json");
        firstPushMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        dockerConfigAfter = read(DOCKER_CONFIG);
        createdRefs.add(REPOSITORY_URI + ":latest");
        createdRefs.add(REPOSITORY_URI + ":" + SHA_TAG);
        System.out.println("PushIT: first push of the monolith took " + firstPushMillis + " ms");
    }

    @AfterAll
    static void removeImages() {
        for (String ref : createdRefs) {
            TestSandbox.run(List.of("docker", "rmi", "-f", ref), Map.of(), Duration.ofSeconds(60));
        }
    }

    @Test
    void push_newRepository_createsItAndEcrListsEveryTagUnderThePushedDigest() throws IOException {
        assertEquals(0, firstPush.exitCode(), firstPush.err());
        JsonNode report = JSON.readTree(firstPush.out());
        assertEquals("monolith", report.get("service").asText());
        assertEquals(REPOSITORY_URI, report.get("repositoryUri").asText());
        String digest = report.get("digest").asText();
        assertTrue(digest.matches("sha256:[0-9a-f]{64}"), digest);
        assertEquals(List.of("latest", SHA_TAG), JSON.convertValue(report.get("tags"), List.class));
        assertTrue(report.get("layersPushed").asInt() > 0, firstPush.out());
        assertTrue(report.get("bytesPushed").asLong() > 0, firstPush.out());

        JsonNode repository = TestSandbox.aws("ecr", "describe-repositories", "--repository-names", REPOSITORY)
                .get("repositories").get(0);
        JsonNode tags = TestSandbox.aws("ecr", "list-tags-for-resource", "--resource-arn",
                repository.get("repositoryArn").asText()).get("tags");
        assertTrue(tags.toString().contains("\"mysfits:workshop\"") && tags.toString().contains("\"push-it\""), tags.toString());
        assertEquals("MUTABLE", repository.get("imageTagMutability").asText());

        JsonNode images = TestSandbox.aws("ecr", "describe-images", "--repository-name", REPOSITORY).get("imageDetails");
        List<String> listedTags = new ArrayList<>();
        images.forEach(image -> {
            assertEquals(digest, image.get("imageDigest").asText(), images.toString());
            image.get("imageTags").forEach(t -> listedTags.add(t.asText()));
        });
        assertTrue(listedTags.containsAll(List.of("latest", SHA_TAG)), images.toString());
        assertTrue(Files.readString(Ledger.defaultFile(workshop)).contains(REPOSITORY), "ledger records the repository");
        assertTrue(firstPush.err().matches("(?s).*\\d+ layers? pushed \\(.*"), firstPush.err());
    }

    @Test
    void pushedImage_pulledBackFromTheRegistryByDigest_isTheImageBuilt() throws IOException {
        String digest = JSON.readTree(firstPush.out()).get("digest").asText();
        TestSandbox.run(List.of("docker", "rmi", REPOSITORY_URI + ":latest", REPOSITORY_URI + ":" + SHA_TAG),
                Map.of(), Duration.ofSeconds(60));
        // The test logs in with its own docker config dir: ~/.docker/config.json stays as it was.
        Path dockerConfig = Files.createTempDirectory("push-it-docker");
        String password = run(List.of("aws", "ecr", "get-login-password", "--endpoint-url", TestSandbox.motoEndpoint(),
                "--region", TestSandbox.REGION), Map.of("AWS_ACCESS_KEY_ID", "sandbox", "AWS_SECRET_ACCESS_KEY", "sandbox"))
                .strip();
        docker(Duration.ofSeconds(60), "--config", dockerConfig.toString(), "login", "-u", "AWS", "-p", password,
                TestSandbox.REGISTRY_HOST);
        String byDigest = REPOSITORY_URI + "@" + digest;
        docker(Duration.ofMinutes(5), "--config", dockerConfig.toString(), "pull", byDigest);
        createdRefs.add(byDigest);
        String pulledId = docker(Duration.ofSeconds(30), "image", "inspect", "--format", "{{.Id}}", byDigest).strip();
        assertEquals(builtImageId, pulledId);
    }

    @Test
    void repush_unchangedImage_reportsEveryLayerAsAlreadyInTheRegistry() throws IOException {
        long start = System.nanoTime();
        CommandHarness.Result again = TestSandbox.harness(workshop).run("push", "monolith", "--output", "json");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.println("PushIT: re-push of the monolith took " + millis + " ms");
        assertEquals(0, again.exitCode(), again.err());
        JsonNode report = JSON.readTree(again.out());
        JsonNode first = JSON.readTree(firstPush.out());
        assertEquals(0, report.get("layersPushed").asInt(), again.out());
        assertEquals(first.get("layersPushed").asInt() + first.get("layersExisting").asInt(),
                report.get("layersExisting").asInt(), again.out());
        assertEquals(first.get("digest").asText(), report.get("digest").asText());
        assertTrue(again.err().contains("0 layers pushed (0.0 kB), " + report.get("layersExisting").asInt()
                + " already in the registry"), again.err());
        assertNoToken(again);
    }

    @Test
    void push_neverPrintsTheToken_norTouchesDockerConfig() {
        assertNoToken(firstPush);
        assertEquals(dockerConfigBefore.map(String::new), dockerConfigAfter.map(String::new),
                "mysfits push must not write the Docker client config (DOCKER_CONFIG/config.json)");
    }

    @Test
    void textOutput_printsUriAtDigestThenTags() {
        CommandHarness.Result text = TestSandbox.harness(workshop).run("push", "monolith", "--tag", "latest");
        assertEquals(0, text.exitCode(), text.err());
        List<String> lines = text.out().lines().toList();
        assertEquals(2, lines.size(), text.out());
        assertTrue(lines.get(0).matches(java.util.regex.Pattern.quote(REPOSITORY_URI) + "@sha256:[0-9a-f]{64}"), lines.get(0));
        assertEquals(REPOSITORY_URI + ":latest", lines.get(1));
        assertNoToken(text);
    }

    @Test
    void uppercaseRepository_isUsageError_andCreatesNothing() {
        String upper = "Push-IT-" + SUFFIX + "/Upper";
        CommandHarness.Result result = TestSandbox.harness(workshopWith("push-upper", IMAGE, upper)).run("push", "monolith");
        assertEquals(ExitCode.USAGE.code(), result.exitCode(), result.err());
        assertTrue(result.err().contains("ECR repository names must be lowercase: use '" + upper.toLowerCase() + "'"),
                result.err());
        assertOneErrorLine(result);
        assertFalse(repositoryNames().contains(upper.toLowerCase()));
    }

    @Test
    void imageNotBuilt_isPrecondition_andCreatesNothing() {
        String repository = "push-it-" + SUFFIX + "/never-built";
        CommandHarness.Result result = TestSandbox.harness(
                workshopWith("push-nobuild", "mysfits-never-built-" + SUFFIX, repository)).run("push", "monolith");
        assertEquals(ExitCode.PRECONDITION.code(), result.exitCode(), result.err());
        assertTrue(result.err().contains("run mysfits build monolith first"), result.err());
        assertOneErrorLine(result);
        assertFalse(repositoryNames().contains(repository));
    }

    @Test
    void registryRefusingTheCredentials_isPreconditionInOneLine() {
        StringWriter err = new StringWriter();
        Console console = new Console(new PrintWriter(new StringWriter()), new PrintWriter(err), false, false,
                OutputFormat.TEXT, System::currentTimeMillis);
        String repository = "push-it-" + SUFFIX + "/refused";
        try (AwsClients aws = TestSandbox.awsClients(); var docker = DockerClients.create(TestSandbox.dockerHost(), TestSandbox.home().resolve(".docker"))) {
            ImageRegistry wrongPassword = new WrongPasswordRegistry(new EcrImageRegistry(aws, Eventually.system(WaitProgress.NONE)));
            PushWorkflow workflow = new PushWorkflow(new ConsoleEvents(console), new Ledger(workshop.resolve("refused-ledger.json"), Clock.systemUTC()),
                    wrongPassword, new DockerImagePusher(docker));
            createdRefs.add(TestSandbox.REGISTRY_HOST + "/" + repository + ":latest");
            long start = System.nanoTime();
            MysfitsException e = assertThrows(MysfitsException.class, () -> workflow.execute(
                    new PushRequest("push-it", "monolith", IMAGE, repository, List.of("latest"), Duration.ofMinutes(2), false)));
            System.out.println("PushIT: refused push failed after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
            assertEquals(ExitCode.PRECONDITION, e.exitCode(), e.getMessage());
            assertTrue(e.getMessage().contains("registry refused the credentials"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertFalse(e.getMessage().contains("wrong-password"), e.getMessage());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void noAwsCredentials_isPrecondition() throws IOException {
        Path empty = Files.createTempFile("push-it-empty", ".ini");
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", System.getProperty("user.home"));
        env.put("AWS_REGION", TestSandbox.REGION);
        env.put("AWS_ENDPOINT_URL", TestSandbox.motoEndpoint());
        env.put("AWS_SHARED_CREDENTIALS_FILE", empty.toString());
        env.put("AWS_CONFIG_FILE", empty.toString());
        env.put("DOCKER_HOST", TestSandbox.dockerHost());
        String repository = "push-it-" + SUFFIX + "/nocreds";
        Path dir = workshopWith("push-nocreds", IMAGE, repository);
        // A process of its own: the SDK reads credentials from the real environment, which the harness cannot empty.
        ProcessBuilder builder = new ProcessBuilder(TestSandbox.mysfitsCommand("push", "monolith")).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        TestSandbox.ProcessResult result = runProcess(builder, Duration.ofSeconds(90));
        assertEquals(ExitCode.PRECONDITION.code(), result.exitCode(), result.err());
        assertTrue(result.err().contains("no AWS credentials found"), result.err());
        assertFalse(repositoryNames().contains(repository));
    }

    @Test
    void awsEndpointUnreachable_isPrecondition() {
        CommandHarness.Result result = TestSandbox.harness(workshop).env("AWS_ENDPOINT_URL", "http://127.0.0.1:1")
                .run("push", "monolith");
        assertEquals(ExitCode.PRECONDITION.code(), result.exitCode(), result.err());
        assertTrue(result.err().contains("cannot reach the AWS endpoint"), result.err());
        assertOneErrorLine(result);
    }

    /** The real ECR adapter, except that its login carries a wrong password: the registry must refuse it. */
    private record WrongPasswordRegistry(ImageRegistry real) implements ImageRegistry {
        @Override
        public String region() {
            return real.region();
        }

        @Override
        public Optional<EcrRepository> findRepository(String name) {
            return real.findRepository(name);
        }

        @Override
        public EcrRepository createRepository(String name, Map<String, String> tags) {
            return real.createRepository(name, tags);
        }

        @Override
        public RegistryCredentials authenticate() {
            RegistryCredentials good = real.authenticate();
            return new RegistryCredentials(good.username(), "wrong-password", good.endpoint());
        }
    }

    private static void assertNoToken(CommandHarness.Result result) {
        String base64 = Base64.getEncoder().encodeToString(("AWS:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        String tokenBase64 = Base64.getEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8));
        for (String secret : List.of(TOKEN, base64, tokenBase64)) {
            assertFalse(result.out().contains(secret), "stdout shows a secret");
            assertFalse(result.err().contains(secret), "stderr shows a secret");
        }
    }

    private static void assertOneErrorLine(CommandHarness.Result result) {
        List<String> errors = result.err().lines().filter(l -> l.startsWith("Error:")).toList();
        assertEquals(1, errors.size(), result.err());
        assertFalse(result.err().contains("\tat "), "no stack trace: " + result.err());
    }

    private static List<String> repositoryNames() {
        List<String> names = new ArrayList<>();
        TestSandbox.aws("ecr", "describe-repositories").get("repositories")
                .forEach(r -> names.add(r.get("repositoryName").asText()));
        return names;
    }

    private static Path workshopWith(String name, String image, String repository) {
        Path dir = TestSandbox.workshop(name);
        try {
            Path file = dir.resolve("mysfits.json");
            ObjectNode config = (ObjectNode) JSON.readTree(file.toFile());
            ObjectNode monolith = (ObjectNode) config.get("services").get("monolith");
            monolith.put("image", image);
            monolith.put("repository", repository);
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config));
            return dir;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Optional<byte[]> read(Path file) throws IOException {
        return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    }

    private static String docker(Duration timeout, String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(List.of(args));
        return run(command, Map.of(), timeout);
    }

    private static String run(List<String> command, Map<String, String> env) {
        return run(command, env, Duration.ofSeconds(60));
    }

    private static String run(List<String> command, Map<String, String> env, Duration timeout) {
        TestSandbox.ProcessResult result = TestSandbox.run(command, env, timeout);
        if (result.exitCode() != 0) {
            throw new AssertionError(command.get(0) + " " + command.get(1) + " failed: " + result.err());
        }
        return result.out();
    }

    private static TestSandbox.ProcessResult runProcess(ProcessBuilder builder, Duration timeout) {
        try {
            Path out = Files.createTempFile("push-it", ".out");
            Path err = Files.createTempFile("push-it", ".err");
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("mysfits did not finish within " + timeout);
            }
            return new TestSandbox.ProcessResult(process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
