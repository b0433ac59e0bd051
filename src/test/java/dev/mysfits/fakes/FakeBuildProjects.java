package dev.mysfits.fakes;

import dev.mysfits.aws.codebuild.BuildProjects;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CodeBuild in memory: projects by name, and for each started build the answers BatchGetBuilds gives, one per call,
 * the last one repeating (an empty answer stands for "not found yet").
 */
public final class FakeBuildProjects implements BuildProjects {
    public final Map<String, Project> projects = new LinkedHashMap<>();
    public final List<String> mutations = new ArrayList<>();
    public final Deque<Optional<BuildState>> answers = new ArrayDeque<>();
    public int describes;

    public FakeBuildProjects answer(BuildState state) {
        answers.add(Optional.of(state));
        return this;
    }

    public FakeBuildProjects notFoundYet() {
        answers.add(Optional.empty());
        return this;
    }

    public static BuildState state(String status, String current, boolean complete, Phase... phases) {
        return new BuildState("p:1", status, current, complete, List.of(phases), "/aws/codebuild/p", "1", Instant.parse("2026-12-06T10:00:00Z"));
    }

    @Override
    public Optional<Project> find(String name) {
        return Optional.ofNullable(projects.get(name));
    }

    @Override
    public Project create(ProjectSpec spec, Map<String, String> tags) {
        mutations.add("create project " + spec.name() + " role " + spec.serviceRoleArn());
        Project project = new Project("arn:codebuild:project/" + spec.name(), spec, tags);
        projects.put(spec.name(), project);
        return project;
    }

    @Override
    public Project update(ProjectSpec spec) {
        mutations.add("update project " + spec.name());
        Project project = new Project("arn:codebuild:project/" + spec.name(), spec, Map.of());
        projects.put(spec.name(), project);
        return project;
    }

    @Override
    public Build start(String projectName, String sourceVersion) {
        mutations.add("start " + projectName + (sourceVersion == null ? "" : " at " + sourceVersion));
        return new Build(projectName + ":1", "IN_PROGRESS", "SUBMITTED");
    }

    @Override
    public Optional<BuildState> describe(String buildId) {
        describes++;
        return answers.size() > 1 ? answers.poll() : answers.peek() == null ? Optional.empty() : answers.peek();
    }

    @Override
    public List<Project> list(String prefix) {
        return projects.values().stream().filter(p -> p.spec().name().startsWith(prefix)).toList();
    }
}
