package dev.mysfits.docker;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuildContextTest {
    @TempDir
    Path context;

    @Test
    void dockerignore_excludesPatternsAndDirectories_keepsExceptions_alwaysSendsDockerfile() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        write(".dockerignore", "# comment\nDockerfile\ntests/\n**/*.pyc\nsecret*\n!secret-public.txt\n/.git\n");
        write("app.py", "print()\n");
        write("secret.txt", "s3cret\n");
        write("secret-public.txt", "ok\n");
        write("tests/test_app.py", "x\n");
        write("pkg/__pycache__/m.pyc", "x\n");
        write("pkg/m.py", "x\n");
        write(".git/HEAD", "ref\n");

        List<String> files = BuildContext.files(context, context.resolve("Dockerfile"));

        assertEquals(List.of(".dockerignore", "Dockerfile", "app.py", "pkg/m.py", "secret-public.txt"), files);
    }

    @Test
    void archive_isGzippedTarOfTheContextFiles() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        write("app.py", "print('hi')\n");
        Path archive = BuildContext.archive(context, context.resolve("Dockerfile"));
        try {
            List<String> names = new ArrayList<>();
            String app = null;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(archive));
                 TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
                for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                    names.add(e.getName());
                    if (e.getName().equals("app.py")) {
                        app = new String(tar.readAllBytes());
                    }
                }
            }
            assertEquals(List.of("Dockerfile", "app.py"), names);
            assertEquals("print('hi')\n", app);
        } finally {
            Files.deleteIfExists(archive);
        }
    }

    @Test
    void archive_keepsTheExecutableBit_soACopiedEntrypointRuns() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        write("entrypoint.sh", "#!/bin/sh\n");
        Files.setPosixFilePermissions(context.resolve("entrypoint.sh"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---"));
        Files.setPosixFilePermissions(context.resolve("Dockerfile"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Path archive = BuildContext.archive(context, context.resolve("Dockerfile"));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            java.util.Map<String, Integer> modes = new java.util.HashMap<>();
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                modes.put(e.getName(), e.getMode());
            }
            assertEquals(0100750, modes.get("entrypoint.sh"));
            assertEquals(0100644, modes.get("Dockerfile"));
        } finally {
            Files.deleteIfExists(archive);
        }
    }

    @Test
    void noDockerignore_excludesNothing() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        write("a/b/c.txt", "x\n");
        assertTrue(BuildContext.files(context, context.resolve("Dockerfile")).contains("a/b/c.txt"));
        assertFalse(new DockerIgnore(List.of()).excludes("a/b/c.txt"));
    }

    private void write(String name, String text) throws IOException {
        Path path = context.resolve(name);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
