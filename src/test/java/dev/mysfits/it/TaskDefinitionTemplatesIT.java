package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mysfits.template.TaskDefinitionDocument;
import dev.mysfits.template.TaskDefinitionRenderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shipped templates, rendered, are input the AWS CLI itself accepts for register-task-definition. */
class TaskDefinitionTemplatesIT {

    @ParameterizedTest
    @CsvSource({"monolith-fargate.json,fargate,monolith", "monolith-ec2.json,ec2,monolith", "like-fargate.json,fargate,like"})
    void renderedTemplate_isAcceptedByAwsCliRegisterTaskDefinition(String file, String launchType, String service) throws IOException {
        Map<String, String> values = new HashMap<>();
        values.put("FAMILY", "tplit-" + service);
        values.put("SERVICE", service);
        values.put("IMAGE", TestSandbox.REGISTRY_HOST + "/mysfits/" + service + "-service:v1");
        values.put("ACCOUNT_ID", TestSandbox.ACCOUNT);
        values.put("REGION", TestSandbox.REGION);
        values.put("LOG_GROUP", "/mysfits/tplit/" + service);
        values.put("EXECUTION_ROLE_ARN", "arn:aws:iam::123456789012:role/tplit-ecs-execution");
        values.put("TASK_ROLE_ARN", "arn:aws:iam::123456789012:role/tplit-ecs-task");
        values.put("CONTAINER_PORT", "80");
        values.put("MONOLITH_URL", "http://tplit-alb-1.us-east-1.elb.amazonaws.com");
        values.put("WORKSHOP", "tplit");
        values.put("TABLE_MYSFITS", "tplit-mysfits");  // "tables" of the repository's mysfits.json
        TaskDefinitionDocument rendered = new TaskDefinitionRenderer(new dev.mysfits.aws.ecs.EcsTaskDefinitionSchema())
                .render(TestSandbox.repoRoot().resolve("task-defs").resolve(file), launchType, values);
        Path input = Files.createTempFile("taskdef", ".json");
        try {
            Files.writeString(input, rendered.json());
            JsonNode registered = TestSandbox.aws("ecs", "register-task-definition", "--cli-input-json", "file://" + input)
                    .get("taskDefinition");
            assertEquals("tplit-" + service, registered.get("family").asText());
            assertEquals(rendered.networkMode(), registered.get("networkMode").asText());
            JsonNode container = registered.get("containerDefinitions").get(0);
            assertEquals(values.get("IMAGE"), container.get("image").asText());
            assertEquals(80, container.get("portMappings").get(0).get("containerPort").asInt());
        } finally {
            Files.deleteIfExists(input);
        }
    }
}
