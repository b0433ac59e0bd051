package dev.mysfits.docker;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The build context as a gzipped tar in a temp file, with .dockerignore applied. Written by us rather than by
 * docker-java because docker-java refuses a context whose .dockerignore lists the Dockerfile, which the docker
 * CLI allows (it always sends the Dockerfile and .dockerignore) and which the workshop samples do.
 */
public final class BuildContext {
    private BuildContext() {
    }

    /** The files that go into the context, relative and '/'-separated, sorted. */
    public static List<String> files(Path contextDirectory, Path dockerfile) throws IOException {
        DockerIgnore ignore = DockerIgnore.read(contextDirectory);
        String dockerfileEntry = relative(contextDirectory, dockerfile);
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(contextDirectory)) {
            for (Path path : (Iterable<Path>) walk.sorted()::iterator) {
                if (path.equals(contextDirectory) || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String entry = relative(contextDirectory, path);
                if (entry.equals(dockerfileEntry) || entry.equals(".dockerignore") || !ignore.excludes(entry)) {
                    files.add(entry);
                }
            }
        }
        return files;
    }

    /** Writes the context to a temp file the caller deletes. */
    public static Path archive(Path contextDirectory, Path dockerfile) throws IOException {
        List<String> files = files(contextDirectory, dockerfile);
        Path archive = Files.createTempFile("mysfits-context", ".tar.gz");
        try (OutputStream file = Files.newOutputStream(archive);
             GZIPOutputStream gzip = new GZIPOutputStream(file, 64 * 1024);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (String name : files) {
                Path path = contextDirectory.resolve(name);
                TarArchiveEntry entry;
                if (Files.isSymbolicLink(path)) {
                    entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
                    entry.setLinkName(Files.readSymbolicLink(path).toString());
                } else {
                    entry = new TarArchiveEntry(path.toFile(), name);
                    entry.setMode(fileMode(path));
                }
                tar.putArchiveEntry(entry);
                if (!Files.isSymbolicLink(path)) {
                    Files.copy(path, tar);
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(archive);
            throw e;
        }
        return archive;
    }

    /**
     * The file's permission bits, as the docker CLI sends them: without this every file arrives as 0644, and a
     * COPY'd entrypoint script is "permission denied" in the container.
     */
    static int fileMode(Path path) throws IOException {
        int mode = TarArchiveEntry.DEFAULT_FILE_MODE;
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            mode = 0100000; // a regular file
            for (PosixFilePermission p : permissions) {
                mode |= 1 << (8 - p.ordinal());
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the default, as docker's own CLI does there
        }
        return mode;
    }

    static String relative(Path base, Path path) {
        return base.relativize(path).toString().replace('\\', '/');
    }
}
