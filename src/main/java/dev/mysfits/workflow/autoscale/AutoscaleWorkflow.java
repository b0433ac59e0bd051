package dev.mysfits.workflow.autoscale;

import dev.mysfits.aws.autoscaling.ServiceAutoScaler;
import dev.mysfits.workflow.Events;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;
import dev.mysfits.workflow.StepRunner;
import dev.mysfits.workflow.Workflow;

import java.util.List;

/**
 * Turns target-tracking autoscaling of a service's desired count on (bounds plus a CPU policy) or off. Each step
 * looks first, so running the same command twice changes nothing the second time.
 */
public final class AutoscaleWorkflow implements Workflow<AutoscaleRequest, AutoscaleResult> {
    private final ServiceAutoScaler scaler;
    private final Ledger ledger;
    private final Events events;
    private final String region;

    /** @param region the scaler's region, recorded in the ledger with what it makes */
    public AutoscaleWorkflow(ServiceAutoScaler scaler, Ledger ledger, Events events, String region) {
        this.scaler = scaler;
        this.ledger = ledger;
        this.events = events;
        this.region = region;
    }

    @Override
    public AutoscaleResult execute(AutoscaleRequest request) {
        validate(request);
        AutoscaleState state = new AutoscaleState(request, region);
        List<Step<AutoscaleState>> steps = request.off()
                ? List.of(new DeletePolicyStep(scaler, ledger), new DeregisterTargetStep(scaler, ledger))
                : List.of(new CheckServiceStep(scaler), new EnsureTargetStep(scaler, ledger),
                        new EnsureCpuPolicyStep(scaler, ledger));
        String title = request.off() ? "Turning autoscaling off for " + request.service()
                : "Autoscaling " + request.service() + " between " + request.min() + " and " + request.max()
                + " tasks at " + request.cpuTarget() + "% CPU";
        List<Change> changes = new StepRunner<>(title, events, steps).execute(state, request.dryRun());
        return request.off()
                ? new AutoscaleResult(request.service(), request.resourceId(), false, null, null, null, null, changes)
                : new AutoscaleResult(request.service(), request.resourceId(), true, request.min(), request.max(), request.cpuTarget(),
                state.policyArn, changes);
    }

    static void validate(AutoscaleRequest request) {
        if (request.off()) {
            return;
        }
        if (request.min() < 0) {
            throw MysfitsException.usage("--min " + request.min() + " is negative", "use 0 or more tasks");
        }
        if (request.min() > request.max()) {
            throw MysfitsException.usage("--min " + request.min() + " is more than --max " + request.max(),
                    "pass a --min at most --max");
        }
        if (request.cpuTarget() < 1 || request.cpuTarget() > 100) {
            throw MysfitsException.usage("--cpu-target " + request.cpuTarget() + " is not a percentage from 1 to 100",
                    "pass e.g. --cpu-target 50");
        }
    }

}
