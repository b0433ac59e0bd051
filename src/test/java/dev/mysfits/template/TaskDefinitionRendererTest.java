package dev.mysfits.template;

import dev.mysfits.aws.ecs.EcsTaskDefinitionSchema;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskDefinitionRendererTest {
    private static final Path TASK_DEFS = repoRoot().resolve("task-defs");

    @TempDir
    Path dir;

    private static final EcsTaskDefinitionSchema SCHEMA = new EcsTaskDefinitionSchema();

    /** The SDK request the ECS adapter sends for a rendered definition: what these assertions were written against. */
    private static RegisterTaskDefinitionRequest request(TaskDefinitionDocument rendered) {
        return SCHEMA.toRequest(rendered.json());
    }

    private final TaskDefinitionRenderer renderer = new TaskDefinitionRenderer(SCHEMA);

    static Map<String, String> values(String service) {
        Map<String, String> values = new HashMap<>();
        values.put("FAMILY", "mysfits-" + service);
        values.put("SERVICE", service);
        values.put("IMAGE", "123456789012.dkr.ecr.us-east-1.amazonaws.com/mysfits/" + service + "-service:v1");
        values.put("ACCOUNT_ID", "123456789012");
        values.put("REGION", "us-east-1");
        values.put("LOG_GROUP", "/mysfits/mysfits/" + service);
        values.put("EXECUTION_ROLE_ARN", "arn:aws:iam::123456789012:role/mysfits-ecs-execution");
        values.put("TASK_ROLE_ARN", "arn:aws:iam::123456789012:role/mysfits-ecs-task");
        values.put("CONTAINER_PORT", "80");
        values.put("MONOLITH_URL", "http://mysfits-alb-1.us-east-1.elb.amazonaws.com");
        values.put("WORKSHOP", "mysfits");
        values.put("TABLE_MYSFITS", "mysfits-mysfits");  // "tables" of the repository's mysfits.json
        return values;
    }

    @Test
    void render_monolithFargate_fillsEveryFieldOfTheSdkRequest() {
        TaskDefinitionDocument rendered = renderer.render(TASK_DEFS.resolve("monolith-fargate.json"), "fargate", values("monolith"));

        RegisterTaskDefinitionRequest request = request(rendered);
        assertEquals("mysfits-monolith", request.family());
        assertEquals(NetworkMode.AWSVPC, request.networkMode());
        assertEquals(List.of(Compatibility.FARGATE), request.requiresCompatibilities());
        assertEquals("256", request.cpu());
        assertEquals("512", request.memory());
        assertEquals("arn:aws:iam::123456789012:role/mysfits-ecs-execution", request.executionRoleArn());
        assertEquals("arn:aws:iam::123456789012:role/mysfits-ecs-task", request.taskRoleArn());
        ContainerDefinition container = request.containerDefinitions().get(0);
        assertEquals("monolith", container.name());
        assertEquals("123456789012.dkr.ecr.us-east-1.amazonaws.com/mysfits/monolith-service:v1", container.image());
        assertEquals(80, container.portMappings().get(0).containerPort());
        assertNull(container.portMappings().get(0).hostPort());
        assertEquals("tcp", container.portMappings().get(0).protocolAsString());
        assertEquals(true, container.essential());
        assertEquals(List.of("DDB_TABLE_NAME=mysfits-mysfits", "AWS_DEFAULT_REGION=us-east-1"),
                container.environment().stream().map(e -> e.name() + "=" + e.value()).toList(), "the lab's DynamoDB mode");
        assertEquals("awslogs", container.logConfiguration().logDriverAsString());
        assertEquals(Map.of("awslogs-group", "/mysfits/mysfits/monolith", "awslogs-region", "us-east-1",
                "awslogs-stream-prefix", "monolith"), container.logConfiguration().options());
        assertTrue(rendered.json().contains("\"containerPort\": 80,"), rendered.json());
    }

    @Test
    void render_monolithEc2_usesBridgeSoftLimitAndDynamicHostPort() {
        RegisterTaskDefinitionRequest request =
                request(renderer.render(TASK_DEFS.resolve("monolith-ec2.json"), "ec2", values("monolith")));

        assertEquals(NetworkMode.BRIDGE, request.networkMode());
        assertTrue(request.requiresCompatibilities().isEmpty(), "EC2 is the default compatibility");
        ContainerDefinition container = request.containerDefinitions().get(0);
        assertEquals(128, container.memoryReservation());
        assertNull(container.memory());
        assertEquals(0, container.portMappings().get(0).hostPort());
        assertEquals(80, container.portMappings().get(0).containerPort());
    }

    @Test
    void render_likeFargate_setsMonolithUrl() {
        RegisterTaskDefinitionRequest request =
                request(renderer.render(TASK_DEFS.resolve("like-fargate.json"), "fargate", values("like")));

        ContainerDefinition container = request.containerDefinitions().get(0);
        assertEquals("like", container.name());
        assertEquals("MONOLITH_URL", container.environment().get(0).name());
        assertEquals("http://mysfits-alb-1.us-east-1.elb.amazonaws.com", container.environment().get(0).value());
    }

    @Test
    void render_albHost_isTheBareHost_asTheLabEntersMonolithUrl_withThePortWhenTheListenerIsNotOn80() throws IOException {
        Path template = write("host.json", read("like-fargate.json")
                .replace("{ \"name\": \"MONOLITH_URL\", \"value\": \"${MONOLITH_URL}\" }",
                        "{ \"name\": \"MONOLITH_URL\", \"value\": \"${ALB_HOST}\" }, { \"name\": \"BASE\", \"value\": \"${ALB_URL}/mysfits\" }"));
        Map<String, String> values = values("like");
        values.put("ALB_URL", "http://mysfits-alb-1.us-east-1.elb.amazonaws.com");
        values.put("ALB_HOST", "mysfits-alb-1.us-east-1.elb.amazonaws.com");

        List<String> env = request(renderer.render(template, "fargate", values)).containerDefinitions().get(0).environment()
                .stream().map(e -> e.name() + "=" + e.value()).toList();
        assertEquals(List.of("MONOLITH_URL=mysfits-alb-1.us-east-1.elb.amazonaws.com",
                "BASE=http://mysfits-alb-1.us-east-1.elb.amazonaws.com/mysfits"), env);

        values.put("ALB_HOST", "mysfits-alb-1.us-east-1.elb.amazonaws.com:5000");
        values.put("ALB_URL", "http://mysfits-alb-1.us-east-1.elb.amazonaws.com:5000");
        env = request(renderer.render(template, "fargate", values)).containerDefinitions().get(0).environment()
                .stream().map(e -> e.name() + "=" + e.value()).toList();
        assertEquals(List.of("MONOLITH_URL=mysfits-alb-1.us-east-1.elb.amazonaws.com:5000",
                "BASE=http://mysfits-alb-1.us-east-1.elb.amazonaws.com:5000/mysfits"), env);
    }

    @Test
    void render_albHostUnknown_suggestsItWhenMisspelt() throws IOException {
        Path template = write("typo.json", read("like-fargate.json").replace("${MONOLITH_URL}", "${ALB_HOTS}"));
        Map<String, String> values = values("like");
        values.put("ALB_HOST", "mysfits-alb-1.us-east-1.elb.amazonaws.com");
        MysfitsException e = assertThrows(MysfitsException.class, () -> renderer.render(template, "fargate", values));
        assertTrue(e.getMessage().contains("unknown placeholder ${ALB_HOTS}"), e.getMessage());
        assertTrue(e.hint() != null && e.hint().contains("${ALB_HOST}") || e.getMessage().contains("${ALB_HOST}"),
                e.getMessage() + " / " + e.hint());
    }

    @Test
    void render_sameInputs_givesEqualRequests() {
        Path template = TASK_DEFS.resolve("like-fargate.json");
        assertEquals(request(renderer.render(template, "fargate", values("like"))),
                request(renderer.render(template, "fargate", values("like"))));
    }

    @Test
    void render_valueWithQuotesAndBackslashes_isEscapedInsideStrings() throws IOException {
        Map<String, String> values = values("like");
        values.put("MONOLITH_URL", "http://x/\"quoted\"\\path\n");
        TaskDefinitionDocument rendered = renderer.render(copy("like-fargate.json"), "fargate", values);
        assertEquals("http://x/\"quoted\"\\path\n", request(rendered).containerDefinitions().get(0).environment().get(0).value());
    }

    @Test
    void render_dollarDollarBrace_writesLiteralPlaceholder() throws IOException {
        Path template = write("literal.json", read("like-fargate.json")
                .replace("\"${MONOLITH_URL}\"", "\"$${NOT_A_PLACEHOLDER}\""));
        TaskDefinitionDocument rendered = renderer.render(template, "fargate", values("like"));
        assertEquals("${NOT_A_PLACEHOLDER}", request(rendered).containerDefinitions().get(0).environment().get(0).value());
    }

    @Test
    void render_unknownPlaceholder_namesFileLinePlaceholderAndKnownNames() throws IOException {
        Path template = write("typo.json", read("monolith-fargate.json").replace("${IMAGE}", "${IMAGEE}"));
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> renderer.render(template, "fargate", values("monolith")));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().startsWith(template + ":12: unknown placeholder ${IMAGEE}: known are ACCOUNT_ID, CONTAINER_PORT,"),
                e.getMessage());
        assertTrue(e.getMessage().contains("did you mean ${IMAGE}?"), e.getMessage());
        assertTrue(e.hint().contains("fix the template or set it"), e.hint());
    }

    @Test
    void render_placeholderWithoutValue_isUnknown() {
        Map<String, String> values = values("like");
        values.remove("MONOLITH_URL");
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> renderer.render(TASK_DEFS.resolve("like-fargate.json"), "fargate", values));
        assertTrue(e.getMessage().contains("like-fargate.json:22: unknown placeholder ${MONOLITH_URL}"), e.getMessage());
    }

    @Test
    void render_lowercasePlaceholder_isInvalidName() throws IOException {
        Path template = write("lower.json", read("monolith-fargate.json").replace("${IMAGE}", "${image}"));
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> renderer.render(template, "fargate", values("monolith")));
        assertTrue(e.getMessage().contains("lower.json:12: placeholder ${image} is not a valid name"), e.getMessage());
    }

    @Test
    void render_unclosedPlaceholder_namesLine() throws IOException {
        Path template = write("unclosed.json", read("monolith-fargate.json").replace("${IMAGE}", "${IMAGE"));
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> renderer.render(template, "fargate", values("monolith")));
        assertTrue(e.getMessage().contains("unclosed.json:12: placeholder '${' is not closed"), e.getMessage());
    }

    @Test
    void render_textValueOutsideQuotes_isRefusedInsteadOfInjected() {
        Map<String, String> values = values("monolith");
        values.put("CONTAINER_PORT", "80, \"hostPort\": 9");
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> renderer.render(TASK_DEFS.resolve("monolith-fargate.json"), "fargate", values));
        assertTrue(e.getMessage().contains("monolith-fargate.json:21: placeholder ${CONTAINER_PORT} stands outside quotes"), e.getMessage());
        assertTrue(e.hint().contains("\"${CONTAINER_PORT}\""), e.hint());
    }

    @Test
    void render_invalidJson_namesFileLineAndColumn() throws IOException {
        Path template = write("broken.json", read("monolith-fargate.json").replace("\"cpu\": \"256\",", "\"cpu\": \"256\""));
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> renderer.render(template, "fargate", values("monolith")));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().startsWith(template + ":6:3: not valid JSON"), e.getMessage());
    }

    @Test
    void render_duplicateKey_isInvalidJson() throws IOException {
        Path template = write("dup.json", read("monolith-fargate.json").replace("\"cpu\": \"256\",", "\"cpu\": \"256\", \"cpu\": \"512\","));
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> renderer.render(template, "fargate", values("monolith")));
        assertTrue(e.getMessage().contains("dup.json:5:") && e.getMessage().contains("Duplicate field 'cpu'"), e.getMessage());
    }

    @Test
    void render_unknownField_namesFieldPathAndSuggestion() throws IOException {
        Path template = write("field.json", read("monolith-fargate.json").replace("\"essential\"", "\"esential\""));
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> renderer.render(template, "fargate", values("monolith")));
        assertTrue(e.getMessage().startsWith(template + ":13:"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown field \"esential\" in containerDefinitions[0]"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean \"essential\"?"), e.getMessage());
    }

    @Test
    void render_unknownTopLevelField_isRefusedLikeTheAwsCli() throws IOException {
        Path template = write("top.json", read("monolith-fargate.json").replace("\"cpu\"", "\"cpus\""));
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> renderer.render(template, "fargate", values("monolith")));
        assertTrue(e.getMessage().contains("top.json:5:") && e.getMessage().contains("unknown field \"cpus\" in the top level"), e.getMessage());
    }

    @Test
    void render_quotedNumber_isWrongType() throws IOException {
        Path template = write("type.json", read("monolith-fargate.json").replace("${CONTAINER_PORT}", "\"${CONTAINER_PORT}\""));
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> renderer.render(template, "fargate", values("monolith")));
        assertTrue(e.getMessage().contains("type.json:21:")
                && e.getMessage().contains("containerDefinitions[0].portMappings[0].containerPort must be a whole number"), e.getMessage());
    }

    @Test
    void render_numberWhereTextGoes_isWrongType() throws IOException {
        Path template = write("cpu.json", read("monolith-fargate.json").replace("\"cpu\": \"256\"", "\"cpu\": 256"));
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> renderer.render(template, "fargate", values("monolith")));
        assertTrue(e.getMessage().contains("cpu.json:5:") && e.getMessage().contains("cpu must be a string"), e.getMessage());
    }

    @Test
    void render_fargateWithBridgeTemplate_saysUseFargateTemplateOrEc2() {
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> renderer.render(TASK_DEFS.resolve("monolith-ec2.json"), "fargate", values("monolith")));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("monolith-ec2.json:3: Fargate needs networkMode awsvpc, the template says bridge"), e.getMessage());
        assertTrue(e.hint().contains("--ec2"), e.hint());
    }

    @Test
    void render_fargateCpuMemoryPairNotInTable_listsTheChoices() throws IOException {
        Path template = write("size.json", read("monolith-fargate.json").replace("\"memory\": \"512\"", "\"memory\": \"4096\""));
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> renderer.render(template, "fargate", values("monolith")));
        assertTrue(e.getMessage().contains("size.json:6: Fargate does not accept cpu 256 with memory 4096: with cpu 256 it takes memory 512, 1024 or 2048"),
                e.getMessage());
    }

    @Test
    void render_fargateUnknownCpu_listsCpuValues() throws IOException {
        Path template = write("cpu300.json", read("monolith-fargate.json").replace("\"cpu\": \"256\"", "\"cpu\": \"300\""));
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> renderer.render(template, "fargate", values("monolith")));
        assertTrue(e.getMessage().contains("cpu300.json:5: Fargate does not accept task cpu \"300\""), e.getMessage());
        assertTrue(e.hint().contains("256, 512, 1024, 2048, 4096, 8192, 16384"), e.hint());
    }

    @Test
    void render_fargateVcpuAndGbUnits_areAccepted() throws IOException {
        Path template = write("units.json", read("monolith-fargate.json")
                .replace("\"cpu\": \"256\"", "\"cpu\": \"1 vCPU\"").replace("\"memory\": \"512\"", "\"memory\": \"3 GB\""));
        assertEquals("1 vCPU", request(renderer.render(template, "fargate", values("monolith"))).cpu());
    }

    @Test
    void render_fargateWithoutTaskMemory_saysAddIt() throws IOException {
        Path template = write("nomem.json", read("monolith-fargate.json").replace("\"memory\": \"512\",", ""));
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> renderer.render(template, "fargate", values("monolith")));
        assertTrue(e.getMessage().contains("nomem.json: Fargate needs task-level cpu and memory, the template sets no memory"), e.getMessage());
    }

    @Test
    void render_fargateWithoutFargateCompatibility_isRefused() throws IOException {
        Path template = write("compat.json", read("monolith-fargate.json").replace("[\"FARGATE\"]", "[\"EC2\"]"));
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> renderer.render(template, "fargate", values("monolith")));
        assertTrue(e.getMessage().contains("compat.json:4: Fargate needs \"FARGATE\" in requiresCompatibilities"), e.getMessage());
    }

    @Test
    void render_ec2ContainerWithoutAnyMemory_asksForMemoryReservation() throws IOException {
        Path template = write("ec2mem.json", read("monolith-ec2.json").replace("\"memoryReservation\": 128,", ""));
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> renderer.render(template, "ec2", values("monolith")));
        assertTrue(e.getMessage().contains("ec2mem.json:6: container \"monolith\" has no memory or memoryReservation"), e.getMessage());
        assertTrue(e.hint().contains("memoryReservation"), e.hint());
    }

    @Test
    void render_ec2WithFargateOnlyCompatibility_isRefused() throws IOException {
        // the shipped Fargate template says FARGATE only: EC2 cannot run it
        Path template = copy("monolith-fargate.json");
        MysfitsException e = assertThrows(MysfitsException.class, () -> renderer.render(template, "ec2", values("monolith")));
        assertTrue(e.getMessage().contains("monolith-fargate.json:4: the template requires [FARGATE], which cannot run on EC2"), e.getMessage());
    }

    @Test
    void render_ec2NetworkModeNone_isRefused() throws IOException {
        Path template = write("none.json", read("monolith-ec2.json").replace("\"bridge\"", "\"none\""));
        MysfitsException e = assertThrows(MysfitsException.class, () -> renderer.render(template, "ec2", values("monolith")));
        assertTrue(e.getMessage().contains("none.json:3: EC2 tasks here need networkMode bridge, host or awsvpc, the template says none"), e.getMessage());
    }

    @Test
    void render_noContainers_isRefused() throws IOException {
        write("empty.json", "{\n  \"family\": \"${FAMILY}\",\n  \"containerDefinitions\": []\n}\n");
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> renderer.render(dir.resolve("empty.json"), "ec2", values("monolith")));
        assertTrue(e.getMessage().contains("empty.json:3: the task definition has no containers"), e.getMessage());
    }

    @Test
    void render_containerWithoutImage_namesTheContainer() throws IOException {
        Path template = write("noimage.json", read("monolith-fargate.json").replace("\"image\": \"${IMAGE}\",", ""));
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> renderer.render(template, "fargate", values("monolith")));
        assertTrue(e.getMessage().contains("noimage.json:9: containerDefinitions[0] (\"monolith\") has no image"), e.getMessage());
    }

    @Test
    void render_containerWithoutName_isRefused() throws IOException {
        Path template = write("noname.json", read("monolith-fargate.json").replace("\"name\": \"monolith\",", ""));
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> renderer.render(template, "fargate", values("monolith")));
        assertTrue(e.getMessage().contains("noname.json:9: containerDefinitions[0] has no name"), e.getMessage());
    }

    @Test
    void render_missingFile_saysWhichAndWhatToDo() {
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> renderer.render(dir.resolve("nope.json"), "fargate", values("monolith")));
        assertTrue(e.getMessage().contains("nope.json does not exist"), e.getMessage());
        assertTrue(e.hint().contains("taskDefinitions"), e.hint());
    }

    @Test
    void render_withBaseDirectory_namesFileRelativeToIt() throws IOException {
        Path template = write("rel.json", read("monolith-fargate.json").replace("${IMAGE}", "${IMAGEE}"));
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> new TaskDefinitionRenderer(SCHEMA, dir).render(template, "fargate", values("monolith")));
        assertTrue(e.getMessage().startsWith("rel.json:12: unknown placeholder ${IMAGEE}"), e.getMessage());
    }

    @Test
    void render_unknownLaunchType_isUsageError() {
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> renderer.render(TASK_DEFS.resolve("monolith-fargate.json"), "lambda", values("monolith")));
        assertEquals(ExitCode.USAGE, e.exitCode());
    }

    private Path copy(String name) throws IOException {
        return write(name, read(name));
    }

    private static String read(String name) throws IOException {
        return Files.readString(TASK_DEFS.resolve(name));
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static Path repoRoot() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.exists(d.resolve("pom.xml"))) {
            d = d.getParent();
        }
        return d;
    }
}
