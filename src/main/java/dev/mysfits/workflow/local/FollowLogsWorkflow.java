package dev.mysfits.workflow.local;

import dev.mysfits.docker.ContainerRunner;
import dev.mysfits.docker.LogQuery;
import dev.mysfits.workflow.Events;
import dev.mysfits.workflow.Workflow;

import java.util.ArrayList;
import java.util.List;

/**
 * Follows running containers' logs to the events' output until Ctrl-C, after `run` or `up` has started them (and the
 * command has said where they answer). Several containers are followed side by side, each line prefixed.
 */
public final class FollowLogsWorkflow implements Workflow<FollowLogsRequest, FollowLogsResult> {
    private final ContainerRunner runner;
    private final Events events;

    public FollowLogsWorkflow(ContainerRunner runner, Events events) {
        this.runner = runner;
        this.events = events;
    }

    @Override
    public FollowLogsResult execute(FollowLogsRequest request) {
        List<FollowLogsRequest.Followed> followed = request.followed();
        List<String> containers = followed.stream().map(FollowLogsRequest.Followed::container).toList();
        String labels = String.join(", ", followed.stream().map(FollowLogsRequest.Followed::label).toList());
        LogQuery query = new LogQuery(true, request.tail(), request.timeout());
        if (!request.prefixed() && followed.size() == 1) {
            events.stage("Following the logs of " + labels + " (Ctrl-C stops following; the container keeps running)");
            runner.logs(followed.get(0).container(), query, events::output);
            return new FollowLogsResult(containers);
        }
        int width = followed.stream().mapToInt(f -> f.label().length()).max().orElse(0);
        List<Thread> followers = new ArrayList<>();
        for (FollowLogsRequest.Followed one : followed) {
            String prefix = request.prefixed() ? String.format("%-" + width + "s | ", one.label()) : "";
            Thread follower = new Thread(() -> runner.logs(one.container(), query, new PrefixedLines(prefix, events::output)),
                    "logs-" + one.label());
            follower.setDaemon(true);
            follower.start();
            followers.add(follower);
        }
        events.stage("Following the logs of " + labels + " (Ctrl-C stops following; the containers keep running)");
        for (Thread follower : followers) {
            try {
                follower.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new FollowLogsResult(containers);
    }
}
