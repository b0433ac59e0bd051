package dev.mysfits.docker;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    static String relative(Path base, Path path) {
        return base.relativize(path).toString().replace('\\', '/');
    }
}
