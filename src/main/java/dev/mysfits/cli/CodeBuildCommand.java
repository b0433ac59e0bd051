package dev.mysfits.cli;

import dev.mysfits.aws.AwsAdapters;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.git.GitSourceRevision;
import dev.mysfits.core.Sleeper;
import dev.mysfits.workflow.codebuild.CodeBuildRequest;
import dev.mysfits.workflow.codebuild.CodeBuildResult;
import dev.mysfits.workflow.codebuild.CodeBuildWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

@Command(name = "codebuild",
        description = {
                "Create (or update) the CodeBuild project that builds a service's image and pushes it to ECR, with its",
                "service role, source, environment and the variables the buildspec reads (the 003 lab's create-project.json).",
                "Write the buildspec first with `mysfits buildspec`. `cleanup` removes the project and its role."
        },
        mixinStandardHelpOptions = true)
final class CodeBuildCommand extends BaseCommand {
    @Mixin
    ServiceParameter service = new ServiceParameter();

    @Option(names = "--source-location", paramLabel = "URL",
            description = "The repository CodeBuild clones (default: git's origin of the workshop directory).")
    String sourceLocation;

    @Option(names = "--source-type", paramLabel = "TYPE",
            description = "GITHUB, CODECOMMIT, BITBUCKET, GITLAB, GITHUB_ENTERPRISE or S3 (default: told from the URL).")
    String sourceType;

    @Option(names = "--buildspec", paramLabel = "PATH", description = "The buildspec file (default: <context>/buildspec.yml).")
    Path buildspec;

    @Option(names = "--image", paramLabel = "IMAGE", defaultValue = "aws/codebuild/amazonlinux2-x86_64-standard:5.0",
            description = "The build environment's image (default: ${DEFAULT-VALUE}).")
    String image;

    @Option(names = "--compute-type", paramLabel = "TYPE", defaultValue = "BUILD_GENERAL1_SMALL",
            description = "The build environment's size (default: ${DEFAULT-VALUE}).")
    String computeType;

    @Option(names = "--start", description = "Start a build once the project is ready.")
    boolean start;

    @Mixin
    DryRunOption dryRun = new DryRunOption();

    @Override
    protected void execute() {
        WorkshopConfig workshop = context().workshop();
        // A relative --buildspec is from where the user stands, as a shell would read it.
        Path buildspecFile = buildspec == null ? null : context().environment().workingDirectory().resolve(buildspec);
        CodeBuildRequest request = new CodeBuildRequest(workshop, workshop.service(service.name()), sourceType, sourceLocation, buildspecFile,
                image, computeType, start, dryRun.on());
        if (!dryRun.on()) {
            context().lockWorkshop("codebuild " + service.name());
        }
        AwsAdapters aws = context().aws();
        CodeBuildResult result = new CodeBuildWorkflow(aws.roles(), aws.buildProjects(), aws.identity(), aws.region(), context().ledger(), new GitSourceRevision(), console(), Sleeper.system())
                .execute(request);
        if (console().jsonOutput()) {
            console().json(result);
            return;
        }
        console().data(result.projectArn() == null ? result.project() : result.projectArn());
        if (result.buildId() != null) {
            console().data(result.buildId());
        }
        if (!dryRun.on()) {
            console().nextSteps(result.buildId() == null ? "mysfits codebuild " + service.name() + " --start"
                    : "aws codebuild batch-get-builds --ids " + result.buildId(), "mysfits cleanup");
        }
    }
}
