package dev.mysfits.workflow.setup;

import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.aws.logs.LogGroups;
import dev.mysfits.aws.logs.LogGroups.LogGroup;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Makes one service's log group (the awslogs driver fails a task whose group is missing), with a 7-day retention so
 * a forgotten workshop does not keep logs forever.
 */
public final class EnsureLogGroupStep implements Step<SetupContext> {
    private final LogGroups logGroups;
    private final Ledger ledger;
    static final int RETENTION_DAYS = 7;

    private final String service;
    private LogGroup found;

    public EnsureLogGroupStep(LogGroups logGroups, Ledger ledger, String service) {
        this.logGroups = logGroups;
        this.ledger = ledger;
        this.service = service;
    }

    @Override
    public String name() {
        return "ensure log group for " + service;
    }

    @Override
    public Change plan(SetupContext ctx) {
        String name = ctx.names.logGroup(service);
        String resource = "log group " + name;
        found = logGroups.find(name).orElse(null);
        if (found == null) {
            return Change.create(resource, "retention " + RETENTION_DAYS + " days");
        }
        ctx.logGroups.put(service, name);
        if (!Objects.equals(found.retentionDays(), RETENTION_DAYS)) {
            return Change.update(resource, "retention " + (found.retentionDays() == null ? "forever" : found.retentionDays() + " days")
                    + " -> " + RETENTION_DAYS + " days");
        }
        return Change.none(resource, "");
    }

    @Override
    public void apply(SetupContext ctx, Change change) {
        String name = ctx.names.logGroup(service);
        if (found == null) {
            Map<String, String> tags = new HashMap<>(ctx.tags());
            tags.put(ResourceNames.TAG_SERVICE, service);
            logGroups.create(name, tags);
            ctx.record(ledger, ResourceType.LOG_GROUP, name, service);
        }
        logGroups.setRetention(name, RETENTION_DAYS);
        ctx.logGroups.put(service, name);
    }
}
