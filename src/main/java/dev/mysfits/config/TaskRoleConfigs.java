package dev.mysfits.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.template.JsonPlaceholders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.mysfits.config.WorkshopConfigLoader.invalid;

/**
 * Reads a service's "taskRole": managed policy ARNs and an inline policy file. The file may name the workshop's
 * tables as the templates do (${TABLE_MYSFITS}) and the workshop (${WORKSHOP}); it is rendered and parsed here, so
 * a missing file, an unknown placeholder or bad JSON is an error before anything is made.
 */
final class TaskRoleConfigs {
    private static final Set<String> KEYS = Set.of("managedPolicies", "inlinePolicy");
    private static final Pattern POLICY_ARN = Pattern.compile("arn:aws[a-z-]*:iam::(aws|\\d{12}):policy/[\\w+=,.@/-]{1,512}");
    /** IAM's limit for a role's inline policies, all together, without whitespace. */
    private static final int INLINE_LIMIT = 10_240;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private TaskRoleConfigs() {
    }

    static TaskRoleConfig read(Path file, Path directory, String workshop, Map<String, TableConfig> tables, String where,
                               JsonNode node) {
        if (!node.isObject()) {
            throw invalid(file, where + " must be an object, e.g. {\"managedPolicies\": [\"arn:aws:iam::aws:policy/...\"], "
                    + "\"inlinePolicy\": \"policies/app.json\"}");
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                throw invalid(file, where + " has unknown key \"" + key + "\" (known: inlinePolicy, managedPolicies)");
            }
        });
        List<String> arns = new ArrayList<>();
        JsonNode managed = node.get("managedPolicies");
        if (managed != null && !managed.isNull()) {
            if (!managed.isArray()) {
                throw invalid(file, where + ".managedPolicies must be an array of policy ARNs");
            }
            for (JsonNode arn : managed) {
                if (!arn.isTextual() || !POLICY_ARN.matcher(arn.asText()).matches()) {
                    throw invalid(file, where + ".managedPolicies: " + arn + " is not a policy ARN, "
                            + "e.g. \"arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess\"");
                }
                if (!arns.contains(arn.asText())) {
                    arns.add(arn.asText());
                }
            }
        }
        if (arns.size() > 10) {
            throw invalid(file, where + ".managedPolicies names " + arns.size() + " policies; IAM attaches at most 10 to a role");
        }
        JsonNode inline = node.get("inlinePolicy");
        if (inline == null || inline.isNull()) {
            if (arns.isEmpty()) {
                throw invalid(file, where + " gives the role no policy: name managedPolicies, an inlinePolicy file, or both");
            }
            return new TaskRoleConfig(arns, null, null);
        }
        if (!inline.isTextual() || inline.asText().isBlank()) {
            throw invalid(file, where + ".inlinePolicy must be the path of a policy JSON file, relative to " + file.getFileName());
        }
        Path policyFile = directory.resolve(inline.asText()).normalize();
        return new TaskRoleConfig(arns, policyFile, policy(file, where + ".inlinePolicy", policyFile, workshop, tables));
    }

    private static String policy(Path file, String where, Path policyFile, String workshop, Map<String, TableConfig> tables) {
        String text;
        try {
            text = Files.readString(policyFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw invalid(file, where + ": policy file " + policyFile + (Files.exists(policyFile) ? " cannot be read: " + e.getMessage() : " does not exist"));
        }
        ResourceNames names = new ResourceNames(workshop);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("WORKSHOP", workshop);
        tables.values().forEach(t -> values.put(t.placeholder(), t.tableName(names)));
        String rendered;
        try {
            rendered = JsonPlaceholders.render(policyFile.toString(), text, values);
        } catch (MysfitsException e) {
            throw invalid(file, where + ": " + e.getMessage());
        }
        JsonNode document;
        try {
            document = JSON.readTree(rendered);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw invalid(file, where + ": policy file " + policyFile + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                    + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (document == null || !document.isObject() || !document.has("Statement")) {
            throw invalid(file, where + ": policy file " + policyFile + " must be an IAM policy document: an object with \"Version\" and \"Statement\"");
        }
        String compact = document.toString();
        if (compact.length() > INLINE_LIMIT) {
            throw invalid(file, where + ": policy file " + policyFile + " is " + compact.length()
                    + " characters without spaces; IAM takes at most " + INLINE_LIMIT + " for a role's inline policies");
        }
        return compact;
    }
}
