package dev.mysfits.aws.ecs;

import dev.mysfits.template.Suggestions;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.mysfits.core.MysfitsException;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads register-task-definition input JSON (the AWS CLI's --cli-input-json shape, camelCase names) into the
 * SDK's request model through its serializable builder. Like the AWS CLI it rejects unknown fields and values
 * of the wrong type (a string where a number goes, and the reverse), naming the field and its line:column.
 */
final class RequestModelReader {
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // the SDK builders have only setters (setFamily, setContainerDefinitions): nothing to auto-detect besides
            .build();

    RequestModelReader() {
        // the AWS CLI refuses 80 for a string field and "80" for a number: no scalar coercion either way
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }

    RegisterTaskDefinitionRequest read(String file, String json) {
        try {
            RegisterTaskDefinitionRequest.Builder builder =
                    mapper.readValue(json, RegisterTaskDefinitionRequest.serializableBuilderClass());
            if (builder == null) {
                throw MysfitsException.usage(file + ": the template is empty or null",
                        "write a JSON object like the AWS CLI's register-task-definition --cli-input-json takes");
            }
            return builder.build();
        } catch (UnrecognizedPropertyException e) {
            String where = parentPath(e);
            String suggestion = Suggestions.closest(e.getPropertyName(), names(e.getKnownPropertyIds()));
            throw MysfitsException.usage(at(file, e.getLocation()) + "unknown field \"" + e.getPropertyName() + "\""
                            + (where.isEmpty() ? "" : " in " + where)
                            + ": register-task-definition has no such field"
                            + (suggestion == null ? "" : " (did you mean \"" + suggestion + "\"?)"),
                    "fix or remove it; known fields there: " + String.join(", ", names(e.getKnownPropertyIds())));
        } catch (MismatchedInputException e) {
            throw MysfitsException.usage(at(file, e.getLocation()) + path(e) + " must be " + shape(e.getTargetType()),
                    "fix the value at that line (numbers without quotes, text in quotes, lists in [ ])");
        } catch (JsonMappingException e) {
            throw MysfitsException.usage(at(file, e.getLocation()) + "does not fit register-task-definition at " + path(e)
                            + ": " + e.getOriginalMessage(), "fix the value at that line");
        } catch (StreamReadException e) {
            throw MysfitsException.usage(at(file, e.getLocation()) + "not valid JSON after rendering: " + e.getOriginalMessage(),
                    "fix the JSON at that line (a placeholder outside quotes is replaced by its bare value)");
        } catch (JsonProcessingException e) {
            throw MysfitsException.usage(at(file, e.getLocation()) + "not valid JSON: " + e.getOriginalMessage(),
                    "fix the JSON at that line");
        }
    }

    private static String at(String file, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return file + ": ";
        }
        return file + ":" + location.getLineNr() + ":" + location.getColumnNr() + ": ";
    }

    private static String path(JsonMappingException e) {
        return describe(e.getPath(), e.getPath().size());
    }

    private static String parentPath(JsonMappingException e) {
        return describe(e.getPath(), e.getPath().size() - 1);
    }

    private static String describe(java.util.List<JsonMappingException.Reference> path, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            JsonMappingException.Reference ref = path.get(i);
            if (ref.getFieldName() != null) {
                if (!text.isEmpty()) {
                    text.append('.');
                }
                text.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                text.append('[').append(ref.getIndex()).append(']');
            }
        }
        return text.isEmpty() ? "the top level" : text.toString();
    }

    private static String shape(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == String.class) {
            return "a string (in quotes)";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number (no quotes)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list [ ... ]";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object of strings { \"key\": \"value\" }";
        }
        return "an object { ... }";
    }

    private static TreeSet<String> names(Collection<Object> ids) {
        TreeSet<String> names = new TreeSet<>();
        if (ids != null) {
            ids.forEach(id -> names.add(String.valueOf(id)));
        }
        return names;
    }
}
