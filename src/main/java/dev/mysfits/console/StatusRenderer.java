package dev.mysfits.console;

import dev.mysfits.workflow.status.ServiceStatus;
import dev.mysfits.workflow.status.StatusResult;

/**
 * What status answers on stdout: a table of the services, then one of their tasks and targets, then one of the
 * cluster's container instances (each only when it has rows); with --output json, the services.
 */
public final class StatusRenderer {
    private final Console console;

    public StatusRenderer(Console console) {
        this.console = console;
    }

    public void render(StatusResult result) {
        if (console.jsonOutput()) {
            console.json(result.services());
            return;
        }
        console.data(services(result).render());
        Table tasks = new Table("SERVICE", "TASK", "STATUS", "REV", "INSTANCE", "TARGET", "HEALTH");
        boolean any = false;
        for (ServiceStatus s : result.services()) {
            for (ServiceStatus.TaskStatus t : s.tasks()) {
                tasks.row(s.service(), t.taskId(), t.lastStatus(), t.revision(), t.instance(), t.target(),
                        t.health() == null ? null : t.health() + reason(t.healthReason()));
                any = true;
            }
            for (ServiceStatus.TargetStatus t : s.otherTargets()) {
                tasks.row(s.service(), null, null, null, null, t.target(), t.health() + reason(t.healthReason()));
                any = true;
            }
        }
        if (any) {
            console.data("");
            console.data(tasks.render());
        }
        if (!result.instances().isEmpty()) {
            Table instances = new Table("INSTANCE", "STATUS", "CPU FREE/TOTAL", "MEMORY FREE/TOTAL (MiB)", "TASKS");
            for (ServiceStatus.InstanceStatus i : result.instances()) {
                instances.row(i.instance(), i.status(), i.cpuFree() + "/" + i.cpuTotal(), i.memoryFree() + "/" + i.memoryTotal(),
                        i.tasks().isEmpty() ? null : String.join(" ", i.tasks()));
            }
            console.data("");
            console.data(instances.render());
        }
    }

    private static Table services(StatusResult result) {
        Table table = new Table("SERVICE", "LAUNCH", "REV", "IMAGE", "DESIRED", "RUNNING", "PENDING", "ROLLOUT", "TARGETS", "URL");
        for (ServiceStatus s : result.services()) {
            if (!s.deployed()) {
                table.row(s.service(), "not deployed", null, null, null, null, null, null, null, null);
            } else {
                table.row(s.service(), s.launchType(), s.revision(), s.images().isEmpty() ? null : String.join(",", s.images()),
                        s.desired(), s.running(), s.pending(), rollout(s), s.targets(), s.url());
            }
        }
        return table;
    }

    /** "COMPLETED", or with its strategy when it is not rolling: "IN_PROGRESS (canary: BAKE_TIME)". */
    private static String rollout(ServiceStatus s) {
        if (s.strategy() == null || s.strategy().equals("rolling")) {
            return s.rolloutState();
        }
        String state = s.rolloutState() == null ? "" : s.rolloutState() + " ";
        return state + "(" + s.strategy() + (s.stage() == null ? "" : ": " + s.stage()) + ")";
    }

    private static String reason(String healthReason) {
        return healthReason == null ? "" : ": " + healthReason;
    }
}
