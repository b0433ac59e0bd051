package dev.mysfits.workflow.codebuild;

import dev.mysfits.workflow.Workflow;
import dev.mysfits.config.ServiceConfig;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.workflow.Events;
import dev.mysfits.core.AtomicFiles;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.git.SourceRevision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * `mysfits buildspec SERVICE`: writes the service's buildspec.yml beside its Dockerfile (where the lab keeps it),
 * with paths relative to the repository's top, where CodeBuild starts. An existing, different file is never
 * overwritten without --force.
 */
public final class BuildspecWorkflow implements Workflow<BuildspecRequest, BuildspecResult> {
    public static final String FILE_NAME = "buildspec.yml";

    private final SourceRevision git;
    private final Events events;

    public BuildspecWorkflow(SourceRevision git, Events events) {
        this.git = git;
        this.events = events;
    }

    /** @param state "written", "unchanged" or "printed" (dry run) */
    public static Path defaultFile(ServiceConfig service) {
        return service.buildContext().resolve(FILE_NAME);
    }

    @Override
    public BuildspecResult execute(BuildspecRequest request) {
        WorkshopConfig workshop = request.workshop();
        ServiceConfig service = request.service();
        Path file = request.file();
        boolean force = request.force();
        boolean dryRun = request.dryRun();
        Path target = (file == null ? defaultFile(service) : file).toAbsolutePath().normalize();
        Path root = real(sourceRoot(workshop.directory()));
        Path context = real(service.buildContext());
        if (!context.startsWith(root)) {
            throw MysfitsException.usage("the build context " + service.context() + " is outside the repository " + root,
                    "CodeBuild sees only the repository: move the service's context into it");
        }
        String text = Buildspec.render(service, relative(root, context), relative(root, context.resolve(service.dockerfile())));
        if (dryRun) {
            return new BuildspecResult(service.name(), target.toString(), root.toString(), "printed", text);
        }
        try {
            if (Files.exists(target)) {
                if (Files.readString(target).equals(text)) {
                    events.done(target + " is up to date");
                    return new BuildspecResult(service.name(), target.toString(), root.toString(), "unchanged", text);
                }
                if (!force) {
                    throw MysfitsException.usage(target + " already exists and differs from what mysfits would write",
                            "pass --force to overwrite it, --file to write elsewhere, or --dry-run to see the difference");
                }
            }
            AtomicFiles.writeString(target, text);
        } catch (IOException e) {
            throw MysfitsException.failed("cannot write " + target + ": " + e.getMessage(), "check the directory's permissions", e);
        }
        events.done("wrote " + target + " (paths relative to " + root + ")");
        return new BuildspecResult(service.name(), target.toString(), root.toString(), "written", text);
    }

    /** The repository's top when the workshop is in one, else the workshop directory. */
    Path sourceRoot(Path workshopDirectory) {
        return git.root(workshopDirectory).map(p -> p.toAbsolutePath().normalize()).orElse(workshopDirectory.toAbsolutePath().normalize());
    }

    /** Symbolic links resolved, as git reports its top directory. */
    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException missing) {
            return path.toAbsolutePath().normalize();
        }
    }

    static String relative(Path root, Path path) {
        String relative = root.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
        return relative.isEmpty() ? "." : relative;
    }
}
