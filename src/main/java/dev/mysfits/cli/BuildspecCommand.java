package dev.mysfits.cli;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.git.GitSourceRevision;
import dev.mysfits.workflow.codebuild.BuildspecWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

@Command(name = "buildspec",
        description = {
                "Write a CodeBuild buildspec.yml for a service, as the 003 lab's: ECR login with get-login-password,",
                "docker build, tag with the commit and latest, push both, and write imagedefinitions.json.",
                "It goes beside the service's Dockerfile; paths in it start at the repository's top, where CodeBuild starts."
        },
        mixinStandardHelpOptions = true)
final class BuildspecCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "SERVICE", description = "A service of the workshop file, e.g. monolith.")
    String service;

    @Option(names = "--file", paramLabel = "PATH", description = "Write here instead of <context>/buildspec.yml.")
    Path file;

    @Option(names = "--force", description = "Overwrite an existing buildspec that differs.")
    boolean force;

    @Option(names = "--dry-run", description = "Print the buildspec on stdout, and write nothing.")
    boolean dryRun;

    @Override
    protected void execute() {
        WorkshopConfig workshop = context().workshop();
        BuildspecWorkflow.Result result = new BuildspecWorkflow(new GitSourceRevision(), console())
                .execute(workshop, workshop.service(service),
                        file == null ? null : context().environment().workingDirectory().resolve(file), force, dryRun);
        if (console().jsonOutput()) {
            console().json(result);
        } else if (!dryRun) {
            console().data(result.file());
            console().nextSteps("git add " + result.file() + " && git commit -m 'buildspec for " + service + "' && git push",
                    "mysfits codebuild " + service + " --start");
        }
    }
}
