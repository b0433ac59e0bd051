package dev.mysfits.workflow.codebuild;

import dev.mysfits.workflow.Workflow;
import dev.mysfits.aws.codebuild.BuildProjects;
import dev.mysfits.aws.codebuild.BuildProjects.Project;
import dev.mysfits.aws.codebuild.BuildProjects.ProjectSpec;
import dev.mysfits.aws.ecr.RepositoryImages;
import dev.mysfits.aws.logs.LogReader;
import dev.mysfits.aws.sts.CallerIdentity;
import dev.mysfits.aws.iam.Roles;
import dev.mysfits.config.ServiceConfig;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.workflow.Events;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.core.ResourceType;
import dev.mysfits.git.SourceRevision;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.core.Sleeper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * `mysfits codebuild SERVICE`: the 003 lab's create-project.json as one command. It makes (or keeps) the workshop's
 * CodeBuild role, gives it what this service's build needs (logs, and pushing to its ECR repository only), and
 * creates or updates the project with the variables the buildspec reads. `--start` starts a build, and `--wait`
 * follows it to its end. `--service-role` uses a role that exists instead: mysfits neither changes nor removes it.
 */
public final class CodeBuildWorkflow implements Workflow<CodeBuildRequest, CodeBuildResult> {
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
    private final Events events;
    private final Sleeper sleeper;
    private final LogReader logs;
    private final RepositoryImages images;
    private final Clock clock;
    private static final java.util.regex.Pattern ROLE_NAME = java.util.regex.Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final java.util.regex.Pattern ROLE_ARN = java.util.regex.Pattern.compile("arn:aws[\\w-]*:iam::\\d{12}:role/(?:[\\w+=,.@/-]*/)?([\\w+=,.@-]{1,64})");

    public CodeBuildWorkflow(Roles roles, BuildProjects projects, CallerIdentity identity, String region, Ledger ledger,
                             SourceRevision git, Events events, Sleeper sleeper, LogReader logs, RepositoryImages images, Clock clock) {
        this.logs = logs;
        this.images = images;
        this.clock = clock;
        this.roles = roles;
        this.projects = projects;
        this.identity = identity;
        this.region = region;
        this.ledger = ledger;
        this.git = git;
        this.events = events;
        this.sleeper = sleeper;
    }

    @Override
    public CodeBuildResult execute(CodeBuildRequest request) {
        WorkshopConfig workshop = request.workshop();
        ServiceConfig service = request.service();
        ResourceNames names = new ResourceNames(workshop.name());
        // Local input first: the options, the buildspec and the source, before any AWS call.
        String givenRole = checkOptions(request);
        Path root = new BuildspecWorkflow(git, events).sourceRoot(workshop.directory());
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
        String roleName = givenRole != null ? givenRole : names.codeBuildRole();
        // A role the user just made may take IAM some seconds to show: asked again for a while.
        Optional<Roles.Role> role = givenRole != null ? roles.findExpected(roleName) : roles.find(roleName);
        if (givenRole != null) {
            Roles.Role found = role.orElseThrow(() -> MysfitsException.precondition("IAM role " + roleName + " does not exist",
                    "create it (trusting codebuild.amazonaws.com, allowed to push to ECR and write logs), or leave out "
                            + "--service-role and mysfits makes the workshop's own"));
            if (request.serviceRole().startsWith("arn:") && found.arn() != null && !found.arn().equals(request.serviceRole())) {
                throw MysfitsException.precondition("IAM role " + request.serviceRole() + " does not exist: this account's "
                        + roleName + " is " + found.arn(), "pass --service-role " + found.arn() + ", or its name");
            }
        }
        String roleArn = givenRole != null && role.get().arn() != null ? role.get().arn() : "arn:aws:iam::" + account + ":role/" + roleName;
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("AWS_DEFAULT_REGION", region);
        variables.put("AWS_ACCOUNT_ID", account);
        variables.put("IMAGE_REPO_NAME", service.repository());
        variables.put("IMAGE_TAG", "latest");
        ProjectSpec wanted = new ProjectSpec(names.codeBuildProject(service.name()),
                "mysfits " + workshop.name() + ": builds " + service.name() + " and pushes it to ECR",
                type, location, buildspecPath, request.image(), request.computeType(), roleArn, variables);

        Optional<Project> existing = projects.find(wanted.name());
        String state = existing.isEmpty() ? "created" : same(existing.get().spec(), wanted) ? "unchanged" : "updated";
        events.stage((request.dryRun() ? "Would make" : "Making") + " CodeBuild project " + wanted.name() + " (" + type + " "
                + location + ", " + buildspecPath + ")");
        if (request.dryRun()) {
            if (givenRole != null) {
                events.note("use IAM role " + roleName + " as it is (not made by mysfits: not changed, not removed by cleanup)");
            } else {
                events.note((role.isEmpty() ? "create" : "keep") + " IAM role " + roleName + " (trusts codebuild.amazonaws.com)");
                events.note("put its policy " + policyName(service) + ": logs, and push to ECR repository " + service.repository());
            }
            events.note((existing.isEmpty() ? "create" : state.equals("updated") ? "update" : "keep") + " project " + wanted.name());
            if (request.start()) {
                events.note("start a build" + (request.sourceVersion() == null ? "" : " of " + request.sourceVersion())
                        + (request.waitForBuild() ? " and follow it" : ""));
            }
            return result(request, wanted, existing.map(Project::arn).orElse(null), "planned", null, null, null);
        }

        if (givenRole != null) {
            events.note("using IAM role " + roleName + " as it is: mysfits neither changes its policies nor removes it");
        } else if (role.isEmpty()) {
            roles.create(roleName, TRUST_POLICY, "mysfits " + workshop.name() + ": CodeBuild builds and pushes images", tags(names));
            ledger.record(ResourceType.IAM_ROLE, roleName, null, "global");
            events.note("created IAM role " + roleName);
        }
        if (givenRole == null) {
            roles.putInlinePolicy(roleName, policyName(service), pushPolicy(account, wanted.name(), service.repository()));
        }
        Project project = switch (state) {
            case "created" -> createWhenRoleUsable(wanted, tags(names));
            case "updated" -> projects.update(wanted);
            default -> existing.get();
        };
        ledger.record(ResourceType.CODEBUILD_PROJECT, project.arn(), service.name(), region);
        events.done(state + " CodeBuild project " + wanted.name());

        if (!request.start()) {
            return result(request, wanted, project.arn(), state, null, null, null);
        }
        Instant startedAt = clock.instant();
        BuildProjects.Build build = projects.start(wanted.name(), request.sourceVersion());
        // CodeBuild writes the build's log to a group of its own: cleanup removes it with the project.
        ledger.record(ResourceType.LOG_GROUP, buildLogGroup(wanted.name()), service.name(), region);
        events.done("started build " + build.id() + " (" + build.status() + ")"
                + (request.sourceVersion() == null ? "" : " of " + request.sourceVersion()));
        if (!request.waitForBuild()) {
            return result(request, wanted, project.arn(), state, build, null, null);
        }
        events.stage("Following build " + build.id());
        BuildFollower.Followed followed = new BuildFollower(projects, logs, events, clock, sleeper)
                .follow(build.id(), request.waitTimeout(), request.pollInterval());
        String image = null;
        if ("SUCCEEDED".equals(followed.build().status())) {
            image = pushedSince(service.repository(), variables.get("IMAGE_TAG"), startedAt);
            if (image == null) {
                events.warn("the build succeeded, but ECR has no image tagged " + variables.get("IMAGE_TAG") + " in "
                        + service.repository() + " pushed since it started: does the buildspec push?");
            }
        }
        return result(request, wanted, project.arn(), state, build, followed, image);
    }

    /**
     * The options that need no AWS call to judge: for the command to check before it builds any client.
     *
     * @return the name of the role --service-role gives, or null for the workshop's own
     */
    public static String checkOptions(CodeBuildRequest request) {
        if (request.waitForBuild() && !request.start()) {
            throw MysfitsException.usage("--wait follows a build that --start starts", "add --start, or leave out --wait");
        }
        if (request.sourceVersion() != null && !request.start()) {
            throw MysfitsException.usage("--source-version names what a build builds, and no build is started",
                    "add --start, or leave out --source-version");
        }
        return request.serviceRole() == null ? null : roleName(request.serviceRole());
    }

    static String buildLogGroup(String project) {
        return "/aws/codebuild/" + project;
    }

    /** The image the build pushed: the tag's image in ECR, if it was pushed after the build started. */
    private String pushedSince(String repository, String tag, Instant startedAt) {
        Instant skew = startedAt.minusSeconds(5); // ECR's clock and ours
        return images.list(repository).flatMap(listing -> listing.images().stream()
                .filter(i -> i.tags().contains(tag) && (i.pushedAt() == null || !i.pushedAt().isBefore(skew)))
                .findFirst().map(i -> listing.uri() + ":" + tag + "@" + i.digest())).orElse(null);
    }

    /** A role's name from --service-role: a name, or a role ARN. */
    static String roleName(String given) {
        java.util.regex.Matcher arn = ROLE_ARN.matcher(given);
        if (arn.matches()) {
            return arn.group(1);
        }
        if (given.startsWith("arn:") || !ROLE_NAME.matcher(given).matches()) {
            throw MysfitsException.usage("--service-role " + given + " is neither an IAM role name nor a role ARN",
                    "pass a name such as codebuild-notes-role, or arn:aws:iam::123456789012:role/codebuild-notes-role");
        }
        return given;
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

    private static CodeBuildResult result(CodeBuildRequest request, ProjectSpec spec, String arn, String state, BuildProjects.Build build,
                                          BuildFollower.Followed followed, String image) {
        var ended = followed == null ? null : followed.build();
        return new CodeBuildResult(request.service().name(), spec.name(), arn, spec.serviceRoleArn(), request.serviceRole() == null,
                spec.sourceType(), spec.sourceLocation(), spec.buildspec(), state, build == null ? null : build.id(),
                ended != null ? ended.status() : build == null ? null : build.status(), request.sourceVersion(),
                ended == null ? null : ended.phases(), image, ended == null ? null : ended.logGroup(),
                ended == null ? null : ended.logStream(), followed == null ? null : followed.logTail());
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
