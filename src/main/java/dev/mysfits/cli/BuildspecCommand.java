package dev.mysfits.cli;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.console.CodeBuildRenderer;
import dev.mysfits.workflow.codebuild.BuildspecRequest;
import dev.mysfits.workflow.codebuild.BuildspecResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

@Command(name = "buildspec",
        description = {
                "Write a CodeBuild buildspec.yml for a service, as the 003 lab's: ECR login with get-login-password, "
                        + "docker build, tag with the commit and latest, push both, and write imagedefinitions.json.",
                "It goes beside the service's Dockerfile; paths in it start at the repository's top, where CodeBuild starts."
        },
        mixinStandardHelpOptions = true)
final class BuildspecCommand extends BaseCommand {
    @Mixin
    ServiceParameter service = new ServiceParameter();

    @Option(names = "--file", paramLabel = "PATH", description = "Write here instead of <context>/buildspec.yml.")
    Path file;

    @Option(names = "--force", description = "Overwrite an existing buildspec that differs.")
    boolean force;

    @Mixin
    DryRunOption dryRun = new DryRunOption();

    @Override
    protected void execute() {
        WorkshopConfig workshop = context().workshop();
        BuildspecResult result = context().workflows().buildspec()
                .execute(new BuildspecRequest(workshop, workshop.service(service.name()),
                        file == null ? null : context().environment().workingDirectory().resolve(file), force, dryRun.on()));
        new CodeBuildRenderer(console()).render(result, dryRun.on());
    }
}
