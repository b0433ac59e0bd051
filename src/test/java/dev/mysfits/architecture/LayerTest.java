package dev.mysfits.architecture;

import dev.mysfits.workflow.Workflow;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layers: cli, then workflow, then the adapters and the data they read (aws, docker, template, ledger, config,
 * registry, git, net), then core. A package may name only the packages its row allows, by import or written out in
 * full; a wrong-way name fails here with its file and line. The rows that go beyond the plan say why. Workflows
 * never name the console, commands never name an adapter, and every workflow has the one entry signature.
 */
class LayerTest {
    private static final Path MAIN = Path.of("src/main/java/dev/mysfits");
    private static final Set<String> ADAPTERS_AND_DATA = Set.of("aws", "docker", "template", "ledger", "config", "lab", "registry", "git", "net");

    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("core", Set.of()),
            Map.entry("registry", Set.of("core")),
            Map.entry("git", Set.of("core")),
            Map.entry("net", Set.of("core")),
            // console renders what the workflows say and return; results may carry the adapters' own records (OwnedResource).
            Map.entry("console", Set.of("core", "workflow", "aws")),
            Map.entry("ledger", Set.of("core")),
            Map.entry("lab", Set.of("core")),
            Map.entry("template", Set.of("core")),
            // Policy files in the workshop file name ${TABLE_<NAME>}: config checks them with template's placeholders.
            Map.entry("config", Set.of("core", "template")),
            // The ECS adapter is the template's schema (the SDK's model of RegisterTaskDefinition); logins are registry's.
            Map.entry("aws", Set.of("core", "registry", "template")),
            Map.entry("docker", Set.of("core", "registry")),
            Map.entry("workflow", union(ADAPTERS_AND_DATA, Set.of("core"))),
            // cli parses into requests (the workshop file's and the labs' records) and takes the lock beside the ledger; the adapters
            // are built by workflow's Workflows, never by a command.
            Map.entry("cli", Set.of("core", "console", "workflow", "config", "ledger", "lab")));

    private static final Pattern NAMED = Pattern.compile("dev\\.mysfits\\.([a-z]+)\\.");

    @Test
    void everyPackageNamesOnlyTheLayersBelowIt() throws IOException {
        List<String> wrongWay = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Path relative = MAIN.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // Main, at the top, starts the cli
                }
                String own = relative.getName(0).toString();
                Set<String> allowed = ALLOWED.get(own);
                if (allowed == null) {
                    wrongWay.add(relative + ": package " + own + " has no row in LayerTest");
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher named = NAMED.matcher(lines.get(i));
                    while (named.find()) {
                        String other = named.group(1);
                        if (!other.equals(own) && !allowed.contains(other)) {
                            wrongWay.add(relative + ":" + (i + 1) + ": " + own + " names " + other + ": " + lines.get(i).trim());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrongWay);
    }

    /** Every workflow has the one entry: it is a Workflow, and execute(request) is its only public method. */
    @Test
    void everyWorkflowHasTheOneEntrySignature() throws Exception {
        List<String> odd = new ArrayList<>();
        int seen = 0;
        try (Stream<Path> files = Files.walk(MAIN.resolve("workflow"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Workflow.java")).sorted().toList()) {
                String name = "dev.mysfits." + MAIN.relativize(file).toString().replace(".java", "").replace('/', '.');
                Class<?> type = Class.forName(name);
                if (type.isInterface()) {
                    continue; // Workflow itself
                }
                seen++;
                if (!Workflow.class.isAssignableFrom(type)) {
                    odd.add(name + " is not a Workflow<Request, Result>");
                }
                for (Method method : type.getDeclaredMethods()) {
                    if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                            && !method.isSynthetic() && !method.isBridge() && !method.getName().equals("execute")) {
                        odd.add(name + " has a second public entry: " + method.getName());
                    }
                    if (method.getName().equals("execute") && method.getExceptionTypes().length > 0) {
                        odd.add(name + ".execute declares " + List.of(method.getExceptionTypes()));
                    }
                }
            }
        }
        assertEquals(List.of(), odd);
        assertTrue(seen >= 20, "the scan found " + seen + " workflows");
    }

    @Test
    void theRowsCoverEveryPackage_andTheScanSeesThem() throws IOException {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> entries = Files.list(MAIN)) {
            entries.filter(Files::isDirectory).forEach(d -> packages.add(d.getFileName().toString()));
        }
        assertEquals(new TreeSet<>(ALLOWED.keySet()), packages);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
