package dev.mysfits.aws.codebuild;

import dev.mysfits.aws.AwsErrors;
import dev.mysfits.aws.Eventually;
import dev.mysfits.aws.TransientErrors;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.ComputeType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariable;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariableType;
import software.amazon.awssdk.services.codebuild.model.ProjectArtifacts;
import software.amazon.awssdk.services.codebuild.model.ProjectEnvironment;
import software.amazon.awssdk.services.codebuild.model.ProjectSource;
import software.amazon.awssdk.services.codebuild.model.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link BuildProjects} on the CodeBuild API. */
public final class CodeBuildProjects implements BuildProjects {
    private final CodeBuildClient codeBuild;
    private final Eventually eventually;

    public CodeBuildProjects(CodeBuildClient codeBuild, Eventually eventually) {
        this.codeBuild = codeBuild;
        this.eventually = eventually;
    }

    private <T> T withRole(ProjectSpec spec, java.util.function.Supplier<T> call) {
        return eventually.call("IAM role " + spec.serviceRoleArn().substring(spec.serviceRoleArn().lastIndexOf('/') + 1)
                + " to reach CodeBuild", Eventually.PROPAGATION, TransientErrors.ROLE_NOT_YET_USABLE, call);
    }

    @Override
    public Optional<Project> find(String name) {
        try {
            return codeBuild.batchGetProjects(r -> r.names(name)).projects().stream().findFirst().map(CodeBuildProjects::project);
        } catch (SdkException e) {
            throw AwsErrors.wrap("codebuild get project " + name, e);
        }
    }

    @Override
    public Project create(ProjectSpec spec, Map<String, String> tags) {
        try {
            var created = withRole(spec, () -> codeBuild.createProject(r -> r.name(spec.name()).description(spec.description())
                    .source(source(spec)).artifacts(NO_ARTIFACTS).environment(environment(spec))
                    .serviceRole(spec.serviceRoleArn())
                    .tags(tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList())));
            return project(created.project());
        } catch (SdkException e) {
            throw AwsErrors.wrap("codebuild create project " + spec.name(), e);
        }
    }

    @Override
    public Project update(ProjectSpec spec) {
        try {
            var updated = withRole(spec, () -> codeBuild.updateProject(r -> r.name(spec.name()).description(spec.description())
                    .source(source(spec)).artifacts(NO_ARTIFACTS).environment(environment(spec)).serviceRole(spec.serviceRoleArn())));
            return project(updated.project());
        } catch (SdkException e) {
            throw AwsErrors.wrap("codebuild update project " + spec.name(), e);
        }
    }

    @Override
    public Build start(String projectName, String sourceVersion) {
        try {
            var build = codeBuild.startBuild(r -> r.projectName(projectName).sourceVersion(sourceVersion)).build();
            return new Build(build.id(), build.buildStatusAsString(), build.currentPhase());
        } catch (SdkException e) {
            throw AwsErrors.wrap("codebuild start build of " + projectName, e);
        }
    }

    @Override
    public Optional<BuildState> describe(String buildId) {
        try {
            return codeBuild.batchGetBuilds(r -> r.ids(buildId)).builds().stream().findFirst().map(CodeBuildProjects::state);
        } catch (SdkException e) {
            throw AwsErrors.wrap("codebuild batch get builds " + buildId, e);
        }
    }

    private static BuildState state(software.amazon.awssdk.services.codebuild.model.Build b) {
        List<Phase> phases = b.phases().stream().map(p -> new Phase(p.phaseTypeAsString(), p.phaseStatusAsString(),
                p.durationInSeconds(), p.contexts().stream()
                        .map(c -> (c.statusCode() == null ? "" : c.statusCode() + ": ") + (c.message() == null ? "" : c.message()))
                        .filter(text -> !text.isBlank()).findFirst().orElse(null))).toList();
        var logs = b.logs();
        return new BuildState(b.id(), b.buildStatusAsString(), b.currentPhase(), Boolean.TRUE.equals(b.buildComplete()), phases,
                logs == null ? null : logs.groupName(), logs == null ? null : logs.streamName(), b.startTime());
    }

    @Override
    public List<Project> list(String prefix) {
        try {
            List<String> names = codeBuild.listProjectsPaginator(r -> { }).projects().stream()
                    .filter(n -> n.startsWith(prefix)).toList();
            List<Project> projects = new ArrayList<>();
            for (int i = 0; i < names.size(); i += 100) { // BatchGetProjects takes at most 100 names
                List<String> batch = names.subList(i, Math.min(names.size(), i + 100));
                codeBuild.batchGetProjects(r -> r.names(batch)).projects().forEach(p -> projects.add(project(p)));
            }
            return projects;
        } catch (SdkException e) {
            throw AwsErrors.wrap("codebuild list projects", e);
        }
    }

    private static final ProjectArtifacts NO_ARTIFACTS = ProjectArtifacts.builder().type(ArtifactsType.NO_ARTIFACTS).build();

    private static ProjectSource source(ProjectSpec spec) {
        return ProjectSource.builder().type(spec.sourceType()).location(spec.sourceLocation()).buildspec(spec.buildspec()).build();
    }

    private static ProjectEnvironment environment(ProjectSpec spec) {
        List<EnvironmentVariable> variables = new ArrayList<>();
        spec.variables().forEach((k, v) -> variables.add(EnvironmentVariable.builder().name(k).value(v)
                .type(EnvironmentVariableType.PLAINTEXT).build()));
        variables.sort(java.util.Comparator.comparing(EnvironmentVariable::name));
        // Privileged: the build runs docker build and docker push.
        return ProjectEnvironment.builder().type(EnvironmentType.LINUX_CONTAINER).image(spec.image())
                .computeType(ComputeType.fromValue(spec.computeType())).privilegedMode(true).environmentVariables(variables).build();
    }

    private static Project project(software.amazon.awssdk.services.codebuild.model.Project p) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (p.environment() != null) {
            p.environment().environmentVariables().forEach(v -> variables.put(v.name(), v.value()));
        }
        Map<String, String> tags = new LinkedHashMap<>();
        p.tags().forEach(t -> tags.put(t.key(), t.value()));
        ProjectSpec spec = new ProjectSpec(p.name(), p.description(),
                p.source() == null ? null : p.source().typeAsString(),
                p.source() == null ? null : p.source().location(),
                p.source() == null ? null : p.source().buildspec(),
                p.environment() == null ? null : p.environment().image(),
                p.environment() == null ? null : p.environment().computeTypeAsString(),
                p.serviceRole(), variables);
        return new Project(p.arn(), spec, tags);
    }
}
