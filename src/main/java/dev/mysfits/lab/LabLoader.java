package dev.mysfits.lab;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mysfits.core.MysfitsException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the labs in labs/ (one JSON file each, named by its id), strictly: an unknown or missing key, a step id used
 * twice, or a probe of no known kind is a usage error naming the file, the step and the probe, before anything runs.
 */
public final class LabLoader {
    public static final String FOLDER = "labs";
    public static final Set<String> RESOURCE_TYPES = Set.of("workshop", "cluster", "load-balancer", "repository",
            "log-group", "service", "target-group", "table", "role");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,40}");
    private static final Set<String> LAB_KEYS = Set.of("id", "title", "page", "workshop", "steps");
    private static final Set<String> STEP_KEYS = Set.of("id", "title", "section", "solve", "check", "costsMoney");
    private static final Set<String> PROBE_KINDS = Set.of("http", "service", "image", "container", "log", "resource", "file");

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The labs/ folder in the directory or its parents, as a workshop file is found. */
    public static Path locate(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FOLDER);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw MysfitsException.usage("no " + FOLDER + "/ folder in " + start.toAbsolutePath() + " or its parents",
                "run mysfits lab from the mysfits repository (it holds labs/), or a folder below it");
    }

    /** Every lab in the folder, by id. */
    public List<Lab> loadAll(Path folder) {
        List<Lab> labs = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                labs.add(load(file));
            }
        } catch (IOException e) {
            throw MysfitsException.usage("cannot read " + folder + ": " + e.getMessage(), "check the folder's permissions");
        }
        return labs;
    }

    /** The lab with this id, from the folder. */
    public Lab load(Path folder, String id) {
        Path file = folder.resolve(id + ".json");
        if (!ID.matcher(id).matches() || !Files.isRegularFile(file)) {
            List<String> known = loadAll(folder).stream().map(Lab::id).toList();
            throw MysfitsException.usage("no lab '" + id + "': the labs are " + String.join(", ", known),
                    "run mysfits lab list");
        }
        return load(file);
    }

    public Lab load(Path file) {
        JsonNode root;
        try {
            root = mapper.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw invalid(file, "is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw invalid(file, "cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalid(file, "must hold one JSON object");
        }
        keys(file, "the lab", root, LAB_KEYS, Set.of("id", "title", "page", "workshop", "steps"));
        String id = text(file, "the lab", root, "id");
        String expected = file.getFileName().toString().replaceFirst("\\.json$", "");
        if (!id.equals(expected)) {
            throw invalid(file, "has id '" + id + "', but its file is named " + expected + ".json");
        }
        JsonNode steps = root.get("steps");
        if (!steps.isArray() || steps.isEmpty()) {
            throw invalid(file, "\"steps\" must be a list of one or more steps");
        }
        List<LabStep> parsed = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode step : steps) {
            LabStep s = step(file, step, parsed.size() + 1);
            if (!ids.add(s.id())) {
                throw invalid(file, "has two steps with id '" + s.id() + "'");
            }
            parsed.add(s);
        }
        Path workshop = file.toAbsolutePath().getParent().getParent().resolve(text(file, "the lab", root, "workshop")).normalize();
        return new Lab(id, text(file, "the lab", root, "title"), text(file, "the lab", root, "page"), workshop, parsed, file);
    }

    private LabStep step(Path file, JsonNode node, int number) {
        String where = "step " + number;
        if (!node.isObject()) {
            throw invalid(file, where + " must be an object");
        }
        keys(file, where, node, STEP_KEYS, Set.of("id", "title", "section", "solve", "check"));
        String id = text(file, where, node, "id");
        if (!ID.matcher(id).matches()) {
            throw invalid(file, where + " has id '" + id + "': use lower case letters, digits and '-'");
        }
        where = "step '" + id + "'";
        List<String> solve = new ArrayList<>();
        JsonNode commands = node.get("solve");
        if (!commands.isArray()) {
            throw invalid(file, where + ": \"solve\" must be a list of mysfits commands");
        }
        for (JsonNode command : commands) {
            if (!command.isTextual() || command.asText().isBlank() || command.asText().startsWith("mysfits ")) {
                throw invalid(file, where + ": each \"solve\" entry is a mysfits command's arguments, as \"build inv --tag 0.1\"");
            }
            try {
                CommandLineWords.split(command.asText());
            } catch (MysfitsException unclosed) {
                throw invalid(file, where + ": \"" + command.asText() + "\" has an unclosed quote");
            }
            solve.add(command.asText());
        }
        JsonNode checks = node.get("check");
        if (!checks.isArray() || checks.isEmpty()) {
            throw invalid(file, where + ": \"check\" must be a list of one or more probes");
        }
        List<Probe> probes = new ArrayList<>();
        for (JsonNode check : checks) {
            probes.add(probe(file, where + ", probe " + (probes.size() + 1), check));
        }
        JsonNode costs = node.get("costsMoney");
        if (costs != null && !costs.isBoolean()) {
            throw invalid(file, where + ": \"costsMoney\" must be true or false");
        }
        return new LabStep(id, text(file, where, node, "title"), text(file, where, node, "section"), solve, probes,
                costs != null && costs.asBoolean());
    }

    private Probe probe(Path file, String where, JsonNode node) {
        if (!node.isObject()) {
            throw invalid(file, where + " must be an object");
        }
        List<String> kinds = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!name.equals("hint")) {
                kinds.add(name);
            }
        });
        if (kinds.size() != 1 || !PROBE_KINDS.contains(kinds.get(0))) {
            throw invalid(file, where + " must name one kind of probe (" + String.join(", ", sorted(PROBE_KINDS))
                    + ") and a \"hint\", not " + kinds);
        }
        String hint = text(file, where, node, "hint");
        String kind = kinds.get(0);
        JsonNode p = node.get(kind);
        if (!p.isObject()) {
            throw invalid(file, where + ": \"" + kind + "\" must be an object");
        }
        where = where + " (" + kind + ")";
        switch (kind) {
            case "http" -> {
                keys(file, where, p, Set.of("target", "method", "path", "status", "bodyContains", "jsonPath", "equals"),
                        Set.of("target", "path", "status"));
                String target = text(file, where, p, "target");
                if (!target.equals("alb") && !target.matches("local:[a-z][a-z0-9-]*")) {
                    throw invalid(file, where + ": \"target\" is \"alb\" or \"local:SERVICE\", not '" + target + "'");
                }
                if (p.has("jsonPath") != p.has("equals")) {
                    throw invalid(file, where + ": \"jsonPath\" and \"equals\" go together");
                }
                return new Probe.Http(target, optional(p, "method", "GET"), text(file, where, p, "path"), number(file, where, p, "status"),
                        optional(p, "bodyContains", null), optional(p, "jsonPath", null), optional(p, "equals", null), hint);
            }
            case "service" -> {
                keys(file, where, p, Set.of("name", "running", "rollout"), Set.of("name", "running"));
                return new Probe.Service(text(file, where, p, "name"), number(file, where, p, "running"),
                        optional(p, "rollout", null), hint);
            }
            case "image" -> {
                keys(file, where, p, Set.of("service", "tag", "where"), Set.of("service", "tag", "where"));
                return new Probe.Image(text(file, where, p, "service"), text(file, where, p, "tag"),
                        oneOf(file, where, p, "where", Set.of("local", "ecr")), hint);
            }
            case "container" -> {
                keys(file, where, p, Set.of("service", "running"), Set.of("service", "running"));
                return new Probe.Container(text(file, where, p, "service"), bool(file, where, p, "running"), hint);
            }
            case "log" -> {
                keys(file, where, p, Set.of("service", "where", "contains"), Set.of("service", "where", "contains"));
                return new Probe.Log(text(file, where, p, "service"), oneOf(file, where, p, "where", Set.of("local", "cloud")),
                        text(file, where, p, "contains"), hint);
            }
            case "resource" -> {
                keys(file, where, p, Set.of("type", "name", "exists"), Set.of("type", "exists"));
                return new Probe.Resource(oneOf(file, where, p, "type", RESOURCE_TYPES), optional(p, "name", null),
                        bool(file, where, p, "exists"), hint);
            }
            default -> {
                keys(file, where, p, Set.of("path"), Set.of("path"));
                return new Probe.File(text(file, where, p, "path"), hint);
            }
        }
    }

    private static void keys(Path file, String where, JsonNode node, Set<String> allowed, Set<String> required) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw invalid(file, where + " has an unknown key \"" + name + "\" (known: " + String.join(", ", sorted(allowed)) + ")");
            }
        }
        for (String name : sorted(required)) {
            if (!node.has(name)) {
                throw invalid(file, where + " lacks \"" + name + "\"");
            }
        }
    }

    private static String text(Path file, String where, JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw invalid(file, where + ": \"" + key + "\" must be a non-empty string");
        }
        return value.asText();
    }

    private static String optional(JsonNode node, String key, String fallback) {
        JsonNode value = node.get(key);
        return value == null ? fallback : value.asText();
    }

    private static int number(Path file, String where, JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isInt() || value.asInt() < 0) {
            throw invalid(file, where + ": \"" + key + "\" must be a whole number, 0 or more");
        }
        return value.asInt();
    }

    private static boolean bool(Path file, String where, JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isBoolean()) {
            throw invalid(file, where + ": \"" + key + "\" must be true or false");
        }
        return value.asBoolean();
    }

    private static String oneOf(Path file, String where, JsonNode node, String key, Set<String> values) {
        String value = text(file, where, node, key);
        if (!values.contains(value)) {
            throw invalid(file, where + ": \"" + key + "\" is one of " + String.join(", ", sorted(values)) + ", not '" + value + "'");
        }
        return value;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    private static MysfitsException invalid(Path file, String problem) {
        return MysfitsException.usage(file + " " + problem, "fix the lab file; its format is in the README's section on labs");
    }
}
