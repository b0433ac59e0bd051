package dev.mysfits.cli;

import dev.mysfits.workflow.status.StatusRequest;
import dev.mysfits.console.Table;
import dev.mysfits.workflow.infrastructure.ServiceAdapters;
import dev.mysfits.workflow.status.ServiceStatus;
import dev.mysfits.workflow.status.StatusWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the deployed services: revision, image, counts, rollout, URL, then each task and its target's health.")
public final class StatusCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SERVICE", description = "One service (default: all of mysfits.json's).")
    String service;

    @Override
    protected void execute() {
        AppContext app = context();
        ServiceAdapters adapters = ServiceAdapters.from(app.aws(), app.workshop(), app.ledger());
        StatusWorkflow workflow = new StatusWorkflow(adapters.containers(), adapters.router(), adapters.infrastructure());
        List<ServiceStatus> statuses = workflow.execute(new StatusRequest(app.workshop(), service));
        if (console().jsonOutput()) {
            console().json(statuses);
            return;
        }
        Table table = new Table("SERVICE", "LAUNCH", "REV", "IMAGE", "DESIRED", "RUNNING", "PENDING", "ROLLOUT", "TARGETS", "URL");
        for (ServiceStatus s : statuses) {
            if (!s.deployed()) {
                table.row(s.service(), "not deployed", null, null, null, null, null, null, null, null);
            } else {
                table.row(s.service(), s.launchType(), s.revision(), s.images().isEmpty() ? null : String.join(",", s.images()),
                        s.desired(), s.running(), s.pending(), s.rolloutState(), s.targets(), s.url());
            }
        }
        console().data(table.render());
        Table tasks = new Table("SERVICE", "TASK", "STATUS", "REV", "INSTANCE", "TARGET", "HEALTH");
        boolean any = false;
        for (ServiceStatus s : statuses) {
            for (ServiceStatus.TaskStatus t : s.tasks()) {
                tasks.row(s.service(), t.taskId(), t.lastStatus(), t.revision(), t.instance(), t.target(),
                        t.health() == null ? null : t.health() + (t.healthReason() == null ? "" : ": " + t.healthReason()));
                any = true;
            }
            for (ServiceStatus.TargetStatus t : s.otherTargets()) {
                tasks.row(s.service(), null, null, null, null, t.target(),
                        t.health() + (t.healthReason() == null ? "" : ": " + t.healthReason()));
                any = true;
            }
        }
        if (any) {
            console().data("");
            console().data(tasks.render());
        }
        List<ServiceStatus.InstanceStatus> instances = workflow.instances(statuses);
        if (!instances.isEmpty()) {
            Table table2 = new Table("INSTANCE", "STATUS", "CPU FREE/TOTAL", "MEMORY FREE/TOTAL (MiB)", "TASKS");
            for (ServiceStatus.InstanceStatus i : instances) {
                table2.row(i.instance(), i.status(), i.cpuFree() + "/" + i.cpuTotal(), i.memoryFree() + "/" + i.memoryTotal(),
                        i.tasks().isEmpty() ? null : String.join(" ", i.tasks()));
            }
            console().data("");
            console().data(table2.render());
        }
    }
}
