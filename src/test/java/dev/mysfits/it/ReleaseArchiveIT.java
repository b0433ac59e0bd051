package dev.mysfits.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CLI as users get it: scripts/install unpacks the release archive that mvn package made, and the installed
 * launcher runs with nothing but a Java runtime: no Maven, no repository beside it.
 */
class ReleaseArchiveIT {
    @TempDir
    Path prefix;

    @Test
    void install_putsALauncherManPagesAndCompletionUnderThePrefix_andTheLauncherRuns() throws Exception {
        Result installed = run(List.of(TestSandbox.repoRoot().resolve("scripts/install").toString(), "--prefix", prefix.toString()),
                Map.of());
        assertEquals(0, installed.code, installed.err);
        assertTrue(installed.out.startsWith("mysfits "), installed.out);
        assertTrue(installed.err.contains("is not on your PATH"), installed.err);

        Path launcher = prefix.resolve("bin/mysfits");
        assertTrue(Files.isSymbolicLink(launcher), "bin/mysfits links to the unpacked launcher");
        assertTrue(Files.isRegularFile(prefix.resolve("share/man/man1/mysfits-deploy.1")));
        assertTrue(Files.readString(prefix.resolve("share/man/man1/mysfits.1")).startsWith(".TH \"MYSFITS\" 1"));
        assertTrue(Files.readString(prefix.resolve("share/bash-completion/completions/mysfits")).contains("complete -F"));

        // Run from an empty directory, away from the repository: the archive stands alone.
        Result help = run(List.of(launcher.toString(), "deploy", "--help"), Map.of("XDG_CACHE_HOME", prefix.resolve("cache").toString()));
        assertEquals(0, help.code, help.err);
        assertTrue(help.out.contains("Usage: mysfits deploy"), help.out);
        Result version = run(List.of(launcher.toString(), "--version"), Map.of("XDG_CACHE_HOME", prefix.resolve("cache").toString()));
        assertEquals(0, version.code, version.err);
        try (var archives = Files.list(prefix.resolve("cache/mysfits"))) {
            assertTrue(archives.anyMatch(f -> f.toString().endsWith(".jsa")), "the first run recorded a start-up archive");
        }

        Result again = run(List.of(TestSandbox.repoRoot().resolve("scripts/install").toString(), "--prefix", prefix.toString()),
                Map.of());
        assertEquals(0, again.code, "installing over an installed version works: " + again.err);
    }

    @Test
    void theLauncher_withoutJava_saysSoInOneLineWithAHint() throws Exception {
        Result installed = run(List.of(TestSandbox.repoRoot().resolve("scripts/install").toString(), "--prefix", prefix.toString()),
                Map.of());
        assertEquals(0, installed.code, installed.err);

        Result noJava = run(List.of(prefix.resolve("bin/mysfits").toString(), "--version"),
                Map.of("JAVA_HOME", prefix.resolve("no-java").toString()));

        assertEquals(3, noJava.code);
        List<String> lines = noJava.err.lines().toList();
        assertEquals(2, lines.size(), noJava.err);
        assertTrue(lines.get(0).startsWith("Error: mysfits needs Java: "), noJava.err);
        assertTrue(lines.get(1).startsWith("Hint: "), noJava.err);
    }

    private record Result(int code, String out, String err) {
    }

    private Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory(prefix, "cwd");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(work.toFile());
        builder.environment().putAll(env);
        Path out = work.resolve("out");
        Path err = work.resolve("err");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
