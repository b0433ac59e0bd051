package dev.mysfits.config;

import dev.mysfits.core.DeploymentStrategy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mysfits.core.ContainerOptions;
import dev.mysfits.core.EcrRepositoryName;
import dev.mysfits.core.MysfitsException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads mysfits.json. JSON rather than YAML: the task-definition templates are JSON already (the AWS CLI's
 * --cli-input-json shape), so one format and one parser (Jackson) serve both, with line numbers in errors.
 */
public final class WorkshopConfigLoader {
    public static final String FILE_NAME = "mysfits.json";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,30}");
    private static final Set<String> SERVICE_KEYS = Set.of("context", "dockerfile", "image", "repository",
            "containerPort", "localPort", "healthPath", "path", "environment", "buildArgs", "taskDefinitions", "healthCheck",
            "command", "aliases", "volumes", "memory", "network", "dependsOn", "healthCommand", "taskRole", "private",
            "deployment");
    private static final Pattern VOLUME_NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");
    private static final Pattern MATCHER = Pattern.compile("[1-5]\\d\\d(-[1-5]\\d\\d)?(,[1-5]\\d\\d(-[1-5]\\d\\d)?)*");
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,61}[a-z0-9])?");
    private static final Set<String> LAUNCH_TYPES = Set.of("fargate", "ec2");

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Finds mysfits.json in the directory or its parents, like git finds .git. */
    public static Path locate(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw MysfitsException.usage("no " + FILE_NAME + " in " + start.toAbsolutePath() + " or its parents",
                "run mysfits from a workshop directory, or pass --config FILE");
    }

    public WorkshopConfig load(Path file) {
        return load(file, Map.of());
    }

    /**
     * @param adoptedTables tables of "tables" the labs' stack made, by their name in mysfits.json: the stack's table
     *                      name, which templates and policies then name instead of {@code <workshop>-<name>}
     */
    public WorkshopConfig load(Path file, Map<String, String> adoptedTables) {
        if (!Files.isRegularFile(file)) {
            throw MysfitsException.usage("config file " + file + " does not exist",
                    "create it (see README.md, 'The workshop file') or pass --config FILE");
        }
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String at = where == null ? "" : ":" + where.getLineNr() + ":" + where.getColumnNr();
            throw MysfitsException.usage("config file " + file + at + " is not valid JSON: " + e.getOriginalMessage(),
                    "fix the JSON at that line");
        } catch (IOException e) {
            throw MysfitsException.usage("cannot read config file " + file + ": " + e.getMessage(), null);
        }
        if (root == null || !root.isObject()) {
            throw invalid(file, "the top level must be an object with \"workshop\" and \"services\"");
        }
        Path directory = file.toAbsolutePath().getParent();
        String workshop = text(root, "workshop", "mysfits");
        if (!NAME.matcher(workshop).matches()) {
            throw invalid(file, "\"workshop\" must be lowercase letters, digits and dashes, at most 31 characters, got '" + workshop + "'");
        }
        Map<String, TableConfig> tables = new LinkedHashMap<>(TableConfigs.read(file, directory, workshop, root.get("tables")));
        adoptedTables.forEach((name, tableName) -> tables.computeIfPresent(name, (n, table) -> table.adopting(tableName)));
        JsonNode services = root.get("services");
        if (services == null || !services.isObject() || services.isEmpty()) {
            throw invalid(file, "\"services\" must be an object naming at least one service");
        }
        Map<String, ServiceConfig> byName = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            ServiceConfig service = service(file, directory, entry.getKey(), entry.getValue());
            JsonNode taskRole = entry.getValue().get("taskRole");
            if (taskRole != null && !taskRole.isNull()) {
                service = withTaskRole(service, TaskRoleConfigs.read(file, directory, workshop, tables,
                        "services." + entry.getKey() + ".taskRole", taskRole));
            }
            byName.put(entry.getKey(), service);
        }
        checkDependencies(file, byName);
        return new WorkshopConfig(workshop, file.toAbsolutePath(), directory, byName, tables);
    }

    private ServiceConfig service(Path file, Path directory, String name, JsonNode node) {
        String where = "services." + name;
        if (!NAME.matcher(name).matches()) {
            throw invalid(file, "service name '" + name + "' must be lowercase letters, digits and dashes");
        }
        if (!node.isObject()) {
            throw invalid(file, where + " must be an object");
        }
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!SERVICE_KEYS.contains(key)) {
                throw invalid(file, where + " has unknown key \"" + key + "\" (known: " + String.join(", ", SERVICE_KEYS.stream().sorted().toList()) + ")");
            }
        }
        String context = text(node, "context", null);
        // Without a context the image is pulled, not built (the 003 lab's mysql and nginx): then its name is needed.
        if (context == null && text(node, "image", null) == null) {
            throw invalid(file, where + " needs \"context\" (the Docker build context directory) or \"image\" (an image to pull)");
        }
        int containerPort = port(file, node, where, "containerPort", 80);
        JsonNode localPortNode = node.get("localPort");
        int localPort = localPortNode != null && localPortNode.isNull() ? 0 : port(file, node, where, "localPort", 8000);
        String repository = text(node, "repository", name);
        EcrRepositoryName.validate(repository, where + ".repository in " + file.getFileName()
                + (node.has("repository") ? "" : " (it defaults to the service name)"));
        String healthPath = text(node, "healthPath", "/");
        if (!healthPath.startsWith("/")) {
            throw invalid(file, where + ".healthPath must start with '/'");
        }
        String path = text(node, "path", null);
        if (path != null && !path.startsWith("/")) {
            throw invalid(file, where + ".path must start with '/'");
        }
        Map<String, Path> templates = new LinkedHashMap<>();
        JsonNode taskDefinitions = node.get("taskDefinitions");
        if (taskDefinitions != null) {
            if (!taskDefinitions.isObject()) {
                throw invalid(file, where + ".taskDefinitions must map a launch type (fargate, ec2) to a template file");
            }
            taskDefinitions.fields().forEachRemaining(e -> {
                if (!LAUNCH_TYPES.contains(e.getKey())) {
                    throw invalid(file, where + ".taskDefinitions has unknown launch type \"" + e.getKey() + "\" (use fargate or ec2)");
                }
                templates.put(e.getKey(), directory.resolve(e.getValue().asText()).normalize());
            });
        }
        JsonNode privateNode = node.get("private");
        if (privateNode != null && !privateNode.isBoolean()) {
            throw invalid(file, where + ".private must be true (Fargate tasks in the private subnets, no public IP) or false, got "
                    + privateNode);
        }
        return new ServiceConfig(
                name,
                context == null ? null : directory.resolve(context).normalize(),
                text(node, "dockerfile", "Dockerfile"),
                text(node, "image", name),
                repository,
                containerPort,
                localPort,
                healthPath,
                path,
                stringMap(file, node, where, "environment"),
                stringMap(file, node, where, "buildArgs"),
                templates,
                healthCheck(file, node.get("healthCheck"), where + ".healthCheck"),
                localRun(file, directory, node, where),
                null,
                privateNode != null && privateNode.asBoolean(),
                deployment(file, node.get("deployment"), where + ".deployment"));
    }

    private static ServiceConfig withTaskRole(ServiceConfig s, TaskRoleConfig taskRole) {
        return new ServiceConfig(s.name(), s.context(), s.dockerfile(), s.image(), s.repository(), s.containerPort(),
                s.localPort(), s.healthPath(), s.path(), s.environment(), s.buildArgs(), s.taskDefinitions(),
                s.healthCheck(), s.local(), taskRole, s.privateTasks(), s.deployment());
    }

    /** The keys `mysfits up` reads: what the 003 lab passes to docker run. */
    private static LocalRunConfig localRun(Path file, Path directory, JsonNode node, String where) {
        List<VolumeMount> volumes = new ArrayList<>();
        for (String entry : strings(file, node, where, "volumes")) {
            volumes.add(volume(file, directory, where + ".volumes", entry));
        }
        long memory = 0;
        String memoryText = text(node, "memory", null);
        if (memoryText != null) {
            try {
                memory = MemorySize.parse(memoryText);
            } catch (IllegalArgumentException e) {
                throw invalid(file, where + ".memory: " + e.getMessage());
            }
        }
        String network = text(node, "network", "bridge");
        if (!network.equals("bridge") && !network.equals("host")) {
            throw invalid(file, where + ".network must be \"bridge\" (the workshop's own network, the default) or \"host\", got '" + network + "'");
        }
        List<String> aliases = strings(file, node, where, "aliases");
        for (String alias : aliases) {
            if (!HOST_NAME.matcher(alias).matches()) {
                throw invalid(file, where + ".aliases: '" + alias + "' is not a host name (lowercase letters, digits, dashes and dots)");
            }
        }
        if (network.equals("host") && !aliases.isEmpty()) {
            throw invalid(file, where + ".aliases need the workshop's network: a service with \"network\": \"host\" has none");
        }
        List<String> command = strings(file, node, where, "command");
        List<String> dependsOn = strings(file, node, where, "dependsOn");
        return new LocalRunConfig(new ContainerOptions(command, memory, network.equals("host"),
                strings(file, node, where, "healthCommand")), aliases, volumes, dependsOn);
    }

    private static VolumeMount volume(Path file, Path directory, String where, String entry) {
        String[] parts = entry.split(":", -1);
        boolean readOnly = parts.length == 3 && parts[2].equals("ro");
        if (parts.length < 2 || parts.length > 3 || (parts.length == 3 && !readOnly) || parts[0].isEmpty()) {
            throw invalid(file, where + ": '" + entry + "' must be SOURCE:TARGET or SOURCE:TARGET:ro, "
                    + "e.g. \"notes-data:/var/lib/mysql\" or \"./conf:/etc/app:ro\"");
        }
        String source = parts[0];
        String target = parts[1];
        if (!target.startsWith("/")) {
            throw invalid(file, where + ": the target '" + target + "' must be an absolute path inside the container");
        }
        if (source.startsWith(".") || source.startsWith("/") || source.startsWith("~")) {
            if (source.startsWith("~")) {
                throw invalid(file, where + ": '" + source + "': write the bind mount's path relative to the workshop directory or absolute; ~ is not expanded");
            }
            return new VolumeMount(null, directory.resolve(source).normalize(), target, readOnly);
        }
        if (!VOLUME_NAME.matcher(source).matches()) {
            throw invalid(file, where + ": '" + source + "' is neither a volume name (lowercase letters, digits, . _ -) "
                    + "nor a path (start a bind mount's path with ./ or /)");
        }
        return new VolumeMount(source, null, target, readOnly);
    }

    /** Every dependsOn names another service, and following them never comes back to where it started. */
    private static void checkDependencies(Path file, Map<String, ServiceConfig> services) {
        for (ServiceConfig service : services.values()) {
            for (String dependency : service.local().dependsOn()) {
                if (!services.containsKey(dependency)) {
                    throw invalid(file, "services." + service.name() + ".dependsOn names '" + dependency
                            + "', which is not a service (services: " + String.join(", ", services.keySet()) + ")");
                }
            }
        }
        List<String> cycle = DependencyOrder.findCycle(services);
        if (!cycle.isEmpty()) {
            throw invalid(file, "dependsOn goes round in a circle: " + String.join(" -> ", cycle));
        }
    }

    private static List<String> strings(Path file, JsonNode node, String where, String key) {
        JsonNode value = node.get(key);
        List<String> list = new ArrayList<>();
        if (value == null || value.isNull()) {
            return list;
        }
        if (!value.isArray()) {
            throw invalid(file, where + "." + key + " must be an array of strings, e.g. [\"a\", \"b\"]");
        }
        for (JsonNode item : value) {
            if (!item.isTextual() || item.asText().isEmpty()) {
                throw invalid(file, where + "." + key + " must be an array of non-empty strings, got " + item);
            }
            list.add(item.asText());
        }
        return list;
    }

    /**
     * "deployment": {"strategy": "rolling|blue-green|canary|linear", "bakeMinutes", "canaryPercent",
     * "canaryBakeMinutes", "linearStepPercent", "linearStepBakeMinutes", "alarms": [names]}, within ECS's ranges. Keys
     * of another strategy than the one named are refused: they would do nothing.
     */
    private static DeploymentConfig deployment(Path file, JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return DeploymentConfig.NONE;
        }
        if (!node.isObject()) {
            throw invalid(file, where + " must be an object, e.g. {\"strategy\": \"canary\", \"canaryPercent\": 10}");
        }
        Set<String> known = Set.of("strategy", "bakeMinutes", "canaryPercent", "canaryBakeMinutes", "linearStepPercent",
                "linearStepBakeMinutes", "alarms", "testHeader");
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                throw invalid(file, where + " has unknown key \"" + key + "\" (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        });
        String strategy = text(node, "strategy", "rolling");
        DeploymentStrategy.Kind kind = DeploymentStrategy.Kind.parse(strategy);
        if (kind == null) {
            throw invalid(file, where + ".strategy must be rolling, blue-green, canary or linear, got '" + strategy + "'");
        }
        Map<String, DeploymentStrategy.Kind> owners = Map.of("canaryPercent", DeploymentStrategy.Kind.CANARY,
                "canaryBakeMinutes", DeploymentStrategy.Kind.CANARY, "linearStepPercent", DeploymentStrategy.Kind.LINEAR,
                "linearStepBakeMinutes", DeploymentStrategy.Kind.LINEAR);
        owners.forEach((key, owner) -> {
            if (node.has(key) && kind != owner) {
                throw invalid(file, where + "." + key + " belongs to the " + owner.label() + " strategy, not " + kind.label());
            }
        });
        if (kind == DeploymentStrategy.Kind.ROLLING && (node.has("bakeMinutes") || node.has("alarms") || node.has("testHeader"))) {
            throw invalid(file, where + ": bakeMinutes, alarms and testHeader belong to blue-green, canary and linear, not rolling");
        }
        String testHeader = node.has("testHeader") ? node.get("testHeader").asText() : null;
        if (testHeader != null && !HEADER_NAME.matcher(testHeader).matches()) {
            throw invalid(file, where + ".testHeader must be an HTTP header name of letters, digits and '-' (at most 40), got "
                    + node.get("testHeader"));
        }
        return new DeploymentConfig(kind,
                node.has("bakeMinutes") ? number(file, node, where, "bakeMinutes", 0, 0, 1440) : null,
                percent(file, node, where, "canaryPercent", 0.1),
                node.has("canaryBakeMinutes") ? number(file, node, where, "canaryBakeMinutes", 0, 0, 1440) : null,
                percent(file, node, where, "linearStepPercent", 3),
                node.has("linearStepBakeMinutes") ? number(file, node, where, "linearStepBakeMinutes", 0, 0, 1440) : null,
                node.has("alarms") ? strings(file, node, where, "alarms") : List.of(), testHeader);
    }

    /** ELBv2's http-header condition takes a name of at most 40 characters. */
    private static final java.util.regex.Pattern HEADER_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9-]{1,40}");

    private static Double percent(Path file, JsonNode node, String where, String key, double min) {
        JsonNode value = node.get(key);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || value.asDouble() < min || value.asDouble() > 100) {
            throw invalid(file, where + "." + key + " must be a number from " + min + " to 100, got " + value);
        }
        return value.asDouble();
    }

    /** The keys of "healthCheck", each optional, within the ranges ELBv2 and ECS accept. */
    private static HealthCheckConfig healthCheck(Path file, JsonNode node, String where) {
        HealthCheckConfig d = HealthCheckConfig.WORKSHOP;
        if (node == null || node.isNull()) {
            return d;
        }
        if (!node.isObject()) {
            throw invalid(file, where + " must be an object, e.g. {\"intervalSeconds\": 5}");
        }
        Set<String> known = Set.of("intervalSeconds", "timeoutSeconds", "healthyThreshold", "unhealthyThreshold", "matcher",
                "deregistrationDelaySeconds", "gracePeriodSeconds");
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                throw invalid(file, where + " has unknown key \"" + key + "\" (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        });
        int interval = number(file, node, where, "intervalSeconds", d.intervalSeconds(), 5, 300);
        int timeout = number(file, node, where, "timeoutSeconds", d.timeoutSeconds(), 2, 120);
        if (timeout >= interval) {
            throw invalid(file, where + ".timeoutSeconds (" + timeout + ") must be less than intervalSeconds (" + interval + ")");
        }
        String matcher = text(node, "matcher", d.matcher());
        if (!MATCHER.matcher(matcher).matches()) {
            throw invalid(file, where + ".matcher must be HTTP codes like \"200\", \"200,204\" or \"200-299\", got '" + matcher + "'");
        }
        return new HealthCheckConfig(interval, timeout,
                number(file, node, where, "healthyThreshold", d.healthyThreshold(), 2, 10),
                number(file, node, where, "unhealthyThreshold", d.unhealthyThreshold(), 2, 10),
                matcher,
                number(file, node, where, "deregistrationDelaySeconds", d.deregistrationDelaySeconds(), 0, 3600),
                number(file, node, where, "gracePeriodSeconds", d.gracePeriodSeconds(), 0, 7200));
    }

    private static int number(Path file, JsonNode node, String where, String key, int fallback, int min, int max) {
        JsonNode value = node.get(key);
        if (value == null) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
            throw invalid(file, where + "." + key + " must be a whole number from " + min + " to " + max + ", got " + value);
        }
        return value.asInt();
    }

    private static String text(JsonNode node, String key, String fallback) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    private static int port(Path file, JsonNode node, String where, String key, int fallback) {
        JsonNode value = node.get(key);
        if (value == null) {
            return fallback;
        }
        if (!value.canConvertToInt() || value.asInt() < 1 || value.asInt() > 65535) {
            throw invalid(file, where + "." + key + " must be a port number from 1 to 65535, got " + value);
        }
        return value.asInt();
    }

    private static Map<String, String> stringMap(Path file, JsonNode node, String where, String key) {
        JsonNode value = node.get(key);
        Map<String, String> map = new LinkedHashMap<>();
        if (value == null) {
            return map;
        }
        if (!value.isObject()) {
            throw invalid(file, where + "." + key + " must be an object of strings");
        }
        value.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    static MysfitsException invalid(Path file, String why) {
        return MysfitsException.usage("config file " + file + " is invalid: " + why, "fix " + file.getFileName());
    }
}
