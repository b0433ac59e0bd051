package dev.mysfits.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/**
 * A rendered task definition, in our own terms: the JSON exactly as it goes to RegisterTaskDefinition (the
 * --cli-input-json shape), and the few fields mysfits reads to check it. The ECS adapter turns the JSON into its
 * request; nothing else needs the SDK's model.
 */
public record TaskDefinitionDocument(String json, String family, String networkMode, List<String> requiresCompatibilities,
                                     String cpu, String memory, String executionRoleArn, String taskRoleArn,
                                     List<Container> containerDefinitions) {

    public TaskDefinitionDocument {
        requiresCompatibilities = requiresCompatibilities == null ? List.of() : List.copyOf(requiresCompatibilities);
        containerDefinitions = containerDefinitions == null ? List.of() : List.copyOf(containerDefinitions);
    }

    public record Container(String name, String image, Integer cpu, Integer memory, Integer memoryReservation,
                            List<PortMapping> portMappings, LogConfiguration logConfiguration) {
        public Container {
            portMappings = portMappings == null ? List.of() : portMappings.stream().filter(p -> p != null).toList();
        }
    }

    public record PortMapping(Integer containerPort, Integer hostPort) {
    }

    public record LogConfiguration(String logDriver, Map<String, String> options) {
        public LogConfiguration {
            options = options == null ? Map.of() : Map.copyOf(options);
        }
    }

    /** The fields as they appear in the JSON; everything else is carried in {@link #json} alone. */
    private record Fields(String family, String networkMode, List<String> requiresCompatibilities, String cpu, String memory,
                          String executionRoleArn, String taskRoleArn, List<Container> containerDefinitions) {
    }

    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Reads JSON that the schema has already accepted, so its shape is known to fit. */
    static TaskDefinitionDocument parse(String json) {
        try {
            Fields f = LENIENT.readValue(json, Fields.class);
            if (f == null) {
                f = new Fields(null, null, null, null, null, null, null, null);
            }
            List<Container> containers = f.containerDefinitions() == null ? List.of()
                    : f.containerDefinitions().stream().filter(c -> c != null).toList();
            return new TaskDefinitionDocument(json, f.family(), f.networkMode(), f.requiresCompatibilities(), f.cpu(), f.memory(),
                    f.executionRoleArn(), f.taskRoleArn(), containers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a task definition the schema accepted did not read back: " + e.getOriginalMessage(), e);
        }
    }
}
