package dev.mysfits.workflow.setup;

import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.aws.ecs.Clusters;
import dev.mysfits.aws.ecs.Clusters.Cluster;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

/** Makes the ECS cluster, tagged. Fargate needs nothing more; the EC2 launch type also needs container instances. */
public final class EnsureClusterStep implements Step<SetupContext> {
    private final Clusters clusters;
    private final Ledger ledger;

    EnsureClusterStep(Clusters clusters, Ledger ledger) {
        this.clusters = clusters;
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "ensure cluster";
    }

    @Override
    public Change plan(SetupContext ctx) {
        String resource = "ECS cluster " + ctx.names.cluster();
        clusters.find(ctx.names.cluster()).ifPresent(c -> ctx.cluster = c);
        return ctx.cluster == null ? Change.create(resource, "") : Change.none(resource, "");
    }

    @Override
    public void apply(SetupContext ctx, Change change) {
        Cluster created = clusters.create(ctx.names.cluster(), ctx.tags());
        ctx.record(ledger, ResourceType.CLUSTER, created.arn(), null);
        ctx.cluster = created;
    }
}
