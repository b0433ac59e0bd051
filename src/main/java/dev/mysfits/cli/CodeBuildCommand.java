package dev.mysfits.cli;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.console.CodeBuildRenderer;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.workflow.codebuild.CodeBuildRequest;
import dev.mysfits.workflow.codebuild.CodeBuildResult;
import dev.mysfits.workflow.codebuild.CodeBuildWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

@Command(name = "codebuild",
        description = {
                "Create (or update) the CodeBuild project that builds a service's image and pushes it to ECR, with its "
                        + "service role, source, environment and the variables the buildspec reads (the 003 lab's "
                        + "create-project.json). Write the buildspec first with `mysfits buildspec`.",
                "`--start --wait` starts a build and follows its phases to the end, then prints its status, the image it "
                        + "pushed and the tail of its log.",
                "`cleanup` removes the project, its build logs and its role (not a role given with --service-role)."
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

    @Option(names = "--wait", description = "With --start: follow the build's phases until it ends, then print its status and "
            + "the tail of its log; exit 1 when it fails (FAILED, FAULT, TIMED_OUT, STOPPED).")
    boolean waitForBuild;

    @Option(names = "--wait-timeout", defaultValue = "30m", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Give up following the build after this long, exit 4; the build goes on (default: ${DEFAULT-VALUE}).")
    Duration waitTimeout;

    @Option(names = "--poll-interval", defaultValue = "2s", converter = DurationConverter.class, hidden = true)
    Duration pollInterval;

    @Option(names = "--source-version", paramLabel = "REF",
            description = "With --start: the branch, tag or commit to build (default: the project's, the repository's default branch).")
    String sourceVersion;

    @Option(names = "--service-role", paramLabel = "ARN|NAME",
            description = "An existing IAM role for the project, instead of the workshop's own. It must exist; mysfits "
                    + "changes none of its policies, and cleanup leaves it.")
    String serviceRole;

    @Mixin
    DryRunOption dryRun = new DryRunOption();

    @Override
    protected void execute() {
        WorkshopConfig workshop = context().workshop();
        // A relative --buildspec is from where the user stands, as a shell would read it.
        Path buildspecFile = buildspec == null ? null : context().environment().workingDirectory().resolve(buildspec);
        CodeBuildRequest request = new CodeBuildRequest(workshop, workshop.service(service.name()), sourceType, sourceLocation, buildspecFile,
                image, computeType, start, dryRun.on(), sourceVersion, serviceRole, waitForBuild, waitTimeout, pollInterval);
        CodeBuildWorkflow.checkOptions(request); // before any client is built: a usage error needs no region
        if (!dryRun.on()) {
            context().lockWorkshop("codebuild " + service.name());
        }
        CodeBuildResult result = context().workflows().codeBuild().execute(request);
        new CodeBuildRenderer(console()).render(result, dryRun.on());
        failWhenTheBuildFailed(result);
    }

    private static void failWhenTheBuildFailed(CodeBuildResult result) {
        if (result.buildFailed()) {
            throw MysfitsException.failed("build " + result.buildId() + " " + result.buildStatus() + " in " + result.failedPhase(),
                    "its whole log: aws logs get-log-events --log-group-name " + result.logGroup() + " --log-stream-name "
                            + result.logStream(), null);
        }
    }
}
