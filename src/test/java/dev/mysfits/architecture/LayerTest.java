package dev.mysfits.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
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

/**
 * The layers: cli, then workflow, then the adapters and the data they read (aws, docker, template, ledger, config,
 * registry, git, net), then core. A package may name only the packages its row allows, by import or written out in
 * full; a wrong-way name fails here with its file and line. The rows that go beyond the plan say why, and issue 21
 * ("one shape, second pass") takes the workflow's use of console away.
 */
class LayerTest {
    private static final Path MAIN = Path.of("src/main/java/dev/mysfits");
    private static final Set<String> ADAPTERS_AND_DATA = Set.of("aws", "docker", "template", "ledger", "config", "registry", "git", "net");

    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("core", Set.of()),
            Map.entry("registry", Set.of("core")),
            Map.entry("git", Set.of("core")),
            Map.entry("net", Set.of("core")),
            // console renders what the workflows say and return; results may carry the adapters' own records (OwnedResource).
            Map.entry("console", Set.of("core", "workflow", "aws")),
            Map.entry("ledger", Set.of("core")),
            Map.entry("template", Set.of("core")),
            // Policy files in the workshop file name ${TABLE_<NAME>}: config checks them with template's placeholders.
            Map.entry("config", Set.of("core", "template")),
            // The ECS adapter is the template's schema (the SDK's model of RegisterTaskDefinition); logins are registry's.
            Map.entry("aws", Set.of("core", "registry", "template")),
            Map.entry("docker", Set.of("core", "registry")),
            Map.entry("workflow", union(ADAPTERS_AND_DATA, Set.of("core"))),
            Map.entry("cli", union(ADAPTERS_AND_DATA, Set.of("core", "console", "workflow"))));

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
