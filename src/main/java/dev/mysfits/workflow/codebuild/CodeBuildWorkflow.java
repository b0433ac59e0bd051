package dev.mysfits.workflow.codebuild;

import dev.mysfits.aws.codebuild.BuildProjects;
import dev.mysfits.aws.codebuild.BuildProjects.Project;
import dev.mysfits.aws.codebuild.BuildProjects.ProjectSpec;
import dev.mysfits.aws.sts.CallerIdentity;
import dev.mysfits.aws.iam.Roles;
import dev.mysfits.config.ServiceConfig;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.console.Console;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.git.SourceRevision;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.ledger.ResourceType;
import dev.mysfits.core.Sleeper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * `mysfits codebuild SERVICE`: the 003 lab's create-project.json as one command. It makes (or keeps) the workshop's
 * CodeBuild role, gives it what this service's build needs (logs, and pushing to its ECR repository only), and
 * creates or updates the project with the variables the buildspec reads. `--start` starts a build.
 */
public final class CodeBuildWorkflow {
    static final String TRUST_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"codebuild.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final Set<String> SOURCE_TYPES = Set.of("GITHUB", "GITHUB_ENTERPRISE", "CODECOMMIT", "BITBUCKET", "GITLAB", "S3");
    // A role is not usable by CodeBuild the moment IAM creates it: CreateProject may refuse it for some seconds.
    private static final Duration ROLE_PROPAGATION = Duration.ofSeconds(30);

    private final Roles roles;
    private final BuildProjects projects;
    private final CallerIdentity identity;
    private final String region;
    private final Ledger ledger;
    private final SourceRevision git;
    private final Console console;
    private final Sleeper sleeper;

    public CodeBuildWorkflow(Roles roles, BuildProjects projects, CallerIdentity identity, String region, Ledger ledger,
                             SourceRevision git, Console console, Sleeper sleeper) {
        this.roles = roles;
        this.projects = projects;
        this.identity = identity;
        this.region = region;
        this.ledger = ledger;
        this.git = git;
        this.console = console;
        this.sleeper = sleeper;
    }

    public CodeBuildResult execute(CodeBuildRequest request) {
        WorkshopConfig workshop = request.workshop();
        ServiceConfig service = request.service();
        ResourceNames names = new ResourceNames(workshop.name());
        // Local input first: the buildspec and the source, before any AWS call.
        Path root = new BuildspecWorkflow(git, console).sourceRoot(workshop.directory());
        Path buildspec = (request.buildspec() == null ? BuildspecWorkflow.defaultFile(service) : request.buildspec()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(buildspec)) {
            throw MysfitsException.precondition("no buildspec at " + buildspec,
                    "write it with mysfits buildspec " + service.name() + ", commit and push it, then run this again");
        }
        if (!buildspec.startsWith(root)) {
            throw MysfitsException.usage("the buildspec " + buildspec + " is outside the repository " + root,
                    "CodeBuild reads it from the repository: keep it inside");
        }
        String buildspecPath = BuildspecWorkflow.relative(root, buildspec);
        String location = request.sourceLocation() != null ? request.sourceLocation() : git.originUrl(workshop.directory())
                .orElseThrow(() -> MysfitsException.usage("no source location: the workshop has no git remote 'origin'",
                        "pass --source-location with the repository's URL, e.g. https://github.com/you/workshop.git"));
        location = httpsForm(location);
        String type = sourceType(request.sourceType(), location);

        String account = identity.accountId();
        String roleName = names.codeBuildRole();
        String roleArn = "arn:aws:iam::" + account + ":role/" + roleName;
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("AWS_DEFAULT_REGION", region);
        variables.put("AWS_ACCOUNT_ID", account);
        variables.put("IMAGE_REPO_NAME", service.repository());
        variables.put("IMAGE_TAG", "latest");
        ProjectSpec wanted = new ProjectSpec(names.codeBuildProject(service.name()),
                "mysfits " + workshop.name() + ": builds " + service.name() + " and pushes it to ECR",
                type, location, buildspecPath, request.image(), request.computeType(), roleArn, variables);

        Optional<Roles.Role> role = roles.find(roleName);
        Optional<Project> existing = projects.find(wanted.name());
        String state = existing.isEmpty() ? "created" : same(existing.get().spec(), wanted) ? "unchanged" : "updated";
        console.step((request.dryRun() ? "Would make" : "Making") + " CodeBuild project " + wanted.name() + " (" + type + " "
                + location + ", " + buildspecPath + ")");
        if (request.dryRun()) {
            console.info((role.isEmpty() ? "create" : "keep") + " IAM role " + roleName + " (trusts codebuild.amazonaws.com)");
            console.info("put its policy " + policyName(service) + ": logs, and push to ECR repository " + service.repository());
            console.info((existing.isEmpty() ? "create" : state.equals("updated") ? "update" : "keep") + " project " + wanted.name());
            return result(service, wanted, existing.map(Project::arn).orElse(null), "planned", null);
        }

        if (role.isEmpty()) {
            roles.create(roleName, TRUST_POLICY, "mysfits " + workshop.name() + ": CodeBuild builds and pushes images", tags(names));
            ledger.record(ResourceType.IAM_ROLE, roleName, null, "global");
            console.info("created IAM role " + roleName);
        }
        roles.putInlinePolicy(roleName, policyName(service), pushPolicy(account, wanted.name(), service.repository()));
        Project project = switch (state) {
            case "created" -> createWhenRoleUsable(wanted, tags(names));
            case "updated" -> projects.update(wanted);
            default -> existing.get();
        };
        ledger.record(ResourceType.CODEBUILD_PROJECT, project.arn(), service.name(), region);
        console.success(state + " CodeBuild project " + wanted.name());

        if (!request.start()) {
            return result(service, wanted, project.arn(), state, null);
        }
        BuildProjects.Build build = projects.start(wanted.name());
        console.success("started build " + build.id() + " (" + build.status() + ")");
        return result(service, wanted, project.arn(), state, build);
    }

    private Project createWhenRoleUsable(ProjectSpec wanted, Map<String, String> tags) {
        long waited = 0;
        Duration pause = Duration.ofSeconds(3);
        while (true) {
            try {
                return projects.create(wanted, tags);
            } catch (MysfitsException e) {
                boolean roleNotYetUsable = e.getMessage() != null && e.getMessage().contains("not authorized to perform: sts:AssumeRole");
                if (!roleNotYetUsable || waited >= ROLE_PROPAGATION.toMillis()) {
                    throw e;
                }
            }
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new MysfitsException(ExitCode.INTERRUPTED, "interrupted while creating project " + wanted.name(),
                        "run mysfits codebuild again: it continues where it stopped", interrupted);
            }
            waited += pause.toMillis();
        }
    }

    private static CodeBuildResult result(ServiceConfig service, ProjectSpec spec, String arn, String state, BuildProjects.Build build) {
        return new CodeBuildResult(service.name(), spec.name(), arn, spec.serviceRoleArn(), spec.sourceType(), spec.sourceLocation(),
                spec.buildspec(), state, build == null ? null : build.id(), build == null ? null : build.status());
    }

    private static boolean same(ProjectSpec found, ProjectSpec wanted) {
        return wanted.sourceType().equals(found.sourceType()) && wanted.sourceLocation().equals(found.sourceLocation())
                && wanted.buildspec().equals(found.buildspec()) && wanted.image().equals(found.image())
                && wanted.computeType().equals(found.computeType()) && wanted.serviceRoleArn().equals(found.serviceRoleArn())
                && wanted.variables().equals(found.variables());
    }

    private static Map<String, String> tags(ResourceNames names) {
        return Map.of(ResourceNames.TAG_WORKSHOP, names.workshop());
    }

    static String policyName(ServiceConfig service) {
        return "build-" + service.name();
    }

    /** Logs for this project's builds, an ECR login, and pushing to this service's repository: nothing more. */
    String pushPolicy(String account, String project, String repository) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":[\"logs:CreateLogGroup\",\"logs:CreateLogStream\",\"logs:PutLogEvents\"],"
                + "\"Resource\":\"arn:aws:logs:" + region + ":" + account + ":log-group:/aws/codebuild/" + project + "*\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"ecr:GetAuthorizationToken\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Action\":[\"ecr:BatchCheckLayerAvailability\",\"ecr:BatchGetImage\","
                + "\"ecr:GetDownloadUrlForLayer\",\"ecr:InitiateLayerUpload\",\"ecr:UploadLayerPart\",\"ecr:CompleteLayerUpload\","
                + "\"ecr:PutImage\"],\"Resource\":\"arn:aws:ecr:" + region + ":" + account + ":repository/" + repository + "\"}]}";
    }

    /** git@github.com:org/repo.git is how git names it; CodeBuild wants https://github.com/org/repo.git. */
    static String httpsForm(String location) {
        var ssh = java.util.regex.Pattern.compile("git@([^:]+):(.+)").matcher(location);
        return ssh.matches() ? "https://" + ssh.group(1) + "/" + ssh.group(2) : location;
    }

    static String sourceType(String given, String location) {
        if (given != null) {
            String type = given.toUpperCase(Locale.ROOT);
            if (!SOURCE_TYPES.contains(type)) {
                throw MysfitsException.usage("--source-type " + given + " is not a CodeBuild source type",
                        "use one of " + String.join(", ", SOURCE_TYPES.stream().sorted().toList()));
            }
            return type;
        }
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://github.com/")) {
            return "GITHUB";
        }
        if (lower.contains("git-codecommit.")) {
            return "CODECOMMIT";
        }
        if (lower.startsWith("https://bitbucket.org/")) {
            return "BITBUCKET";
        }
        if (lower.startsWith("https://gitlab.com/")) {
            return "GITLAB";
        }
        throw MysfitsException.usage("cannot tell the source type of " + location,
                "pass --source-type (" + String.join(", ", SOURCE_TYPES.stream().sorted().toList()) + "); "
                        + "CodeBuild fetches sources from a hosted repository, not from this machine");
    }
}
