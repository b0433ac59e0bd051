package dev.mysfits.workflow.task;

import dev.mysfits.aws.ecs.ClusterTasks;
import dev.mysfits.aws.ecs.ClusterTasks.TaskSummary;
import dev.mysfits.workflow.Events;
import dev.mysfits.core.Interrupted;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.core.Sleeper;
import dev.mysfits.workflow.Workflow;
import dev.mysfits.workflow.infrastructure.Infrastructure;
import dev.mysfits.workflow.infrastructure.InfrastructureLookup;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Stops the named tasks of a service, or all its standalone ones (task run's), and waits until ECS says STOPPED.
 * Every named task is checked to be this service's before any is stopped. A task already stopped, or none to stop,
 * is not an error.
 */
public final class StopTasksWorkflow implements Workflow<StopTasksRequest, StopTasksResult> {
    static final String REASON = "Stopped by mysfits task stop";
    private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern TASK_ARN = Pattern.compile("arn:aws[a-z-]*:ecs:[a-z0-9-]+:\\d{12}:task/([A-Za-z0-9_-]+/)?[A-Za-z0-9-]{1,64}");

    private final ClusterTasks tasks;
    private final InfrastructureLookup infrastructure;
    private final Events events;
    private final Clock clock;
    private final Sleeper sleeper;

    public StopTasksWorkflow(ClusterTasks tasks, InfrastructureLookup infrastructure, Events events, Clock clock, Sleeper sleeper) {
        this.tasks = tasks;
        this.infrastructure = infrastructure;
        this.events = events;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public StopTasksResult execute(StopTasksRequest request) {
        String service = request.workshop().service(request.service()).name();
        for (String task : request.tasks()) {
            if (!TASK_ID.matcher(task).matches() && !TASK_ARN.matcher(task).matches()) {
                throw MysfitsException.usage("'" + task + "' is not a task id or ARN: an id is like 0f6c2a5e8d1b4c3a9e7f1d2c3b4a5e6f",
                        "see the service's tasks: mysfits task list " + service);
            }
        }
        Infrastructure infra = infrastructure.require();
        String cluster = infra.clusterName();
        ResourceNames names = new ResourceNames(request.workshop().name());
        List<TaskSummary> chosen = request.all() ? standalone(cluster, names, service) : named(request, cluster, names, service);

        List<String> alreadyStopped = new ArrayList<>();
        List<TaskSummary> toStop = new ArrayList<>();
        for (TaskSummary task : chosen) {
            if ("STOPPED".equals(task.lastStatus())) {
                alreadyStopped.add(task.id());
                events.note("task " + task.id() + " had already stopped" + (task.stoppedReason() == null ? "" : ": " + task.stoppedReason()));
            } else {
                toStop.add(task);
            }
        }
        if (toStop.isEmpty()) {
            if (request.all()) {
                events.note("no standalone task of " + service + " is running: nothing to stop");
            }
            return new StopTasksResult(service, List.of(), alreadyStopped);
        }
        events.stage("Stopping " + toStop.size() + (toStop.size() == 1 ? " task" : " tasks") + " of " + service);
        for (TaskSummary task : toStop) {
            if (!"STOPPED".equals(task.desiredStatus())) {
                tasks.stop(cluster, task.arn(), REASON);
            }
            events.note("asked task " + task.id() + " to stop" + (task.ofService()
                    ? " (the service's own: its scheduler starts a replacement to keep its count; mysfits scale "
                    + service + " --count 0 stops them for good)" : ""));
        }
        List<TaskSummary> stopped = waitUntilStopped(request, cluster, toStop);
        return new StopTasksResult(service, stopped.stream().map(t -> ServiceTask.of(service, t)).toList(), alreadyStopped);
    }

    /** The service's standalone tasks meant to run; the service's own are left to its scheduler. */
    private List<TaskSummary> standalone(String cluster, ResourceNames names, String service) {
        return tasks.all(cluster).stream()
                .filter(t -> ServiceTask.belongsTo(t, names, service) && !t.ofService() && !"STOPPED".equals(t.lastStatus()))
                .toList();
    }

    private List<TaskSummary> named(StopTasksRequest request, String cluster, ResourceNames names, String service) {
        Set<String> wanted = new LinkedHashSet<>(request.tasks());
        List<TaskSummary> found = tasks.describe(cluster, List.copyOf(wanted));
        List<TaskSummary> chosen = new ArrayList<>();
        for (String task : wanted) {
            String id = task.substring(task.lastIndexOf('/') + 1);
            TaskSummary match = found.stream().filter(t -> t.arn().equals(task) || t.id().equals(id)).findFirst()
                    .orElseThrow(() -> MysfitsException.usage("task " + task + " is not a task of service " + service
                                    + ": cluster " + cluster + " has no such task (ECS forgets stopped tasks after about an hour)",
                            "see the service's tasks: mysfits task list " + service));
            if (!ServiceTask.belongsTo(match, names, service)) {
                throw MysfitsException.usage("task " + task + " is not a task of service " + service + ": it runs " + match.revision(),
                        "see the service's tasks: mysfits task list " + service);
            }
            if (chosen.stream().noneMatch(t -> t.arn().equals(match.arn()))) {
                chosen.add(match);
            }
        }
        return chosen;
    }

    private List<TaskSummary> waitUntilStopped(StopTasksRequest request, String cluster, List<TaskSummary> stopping) {
        Instant deadline = clock.instant().plus(request.waitTimeout());
        Map<String, TaskSummary> latest = new LinkedHashMap<>();
        stopping.forEach(t -> latest.put(t.arn(), t));
        while (true) {
            List<TaskSummary> running = latest.values().stream().filter(t -> !"STOPPED".equals(t.lastStatus())).toList();
            if (running.isEmpty()) {
                events.ready("task stop", "all " + latest.size() + " stopped");
                return List.copyOf(latest.values());
            }
            String states = running.stream().map(t -> t.id() + " " + t.lastStatus()).collect(Collectors.joining(", "));
            if (!clock.instant().isBefore(deadline)) {
                throw MysfitsException.timeout("still not stopped after " + request.waitTimeout().getSeconds() + "s: " + states,
                        "see them with: mysfits task list " + request.service() + ", and run the command again to keep waiting");
            }
            events.waiting("task stop", "waiting for " + running.size() + " of " + latest.size() + " to stop: " + states);
            try {
                sleeper.sleep(request.pollInterval());
            } catch (InterruptedException e) {
                throw new Interrupted(e);
            }
            for (TaskSummary now : tasks.describe(cluster, running.stream().map(TaskSummary::arn).toList())) {
                latest.put(now.arn(), now);
            }
        }
    }
}
