package dev.mysfits.workflow.autoscale;

import dev.mysfits.aws.autoscaling.ServiceAutoScaler;
import dev.mysfits.aws.autoscaling.ServiceAutoScaler.CpuPolicy;
import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

import java.util.Optional;

/** Deletes the CPU policy, when there is one. */
final class DeletePolicyStep implements Step<AutoscaleState> {
    private final ServiceAutoScaler scaler;
    private final Ledger ledger;

    DeletePolicyStep(ServiceAutoScaler scaler, Ledger ledger) {
        this.scaler = scaler;
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "delete the CPU scaling policy";
    }

    @Override
    public Change plan(AutoscaleState s) {
        Optional<CpuPolicy> found = scaler.findPolicy(s.request.resourceId(), s.request.policyName());
        found.ifPresent(p -> s.policyArn = p.arn());
        String resource = "scaling policy " + s.request.policyName();
        return found.isPresent() ? Change.delete(resource, "") : Change.none(resource, "already gone");
    }

    @Override
    public void apply(AutoscaleState s, Change change) {
        scaler.deletePolicy(s.request.resourceId(), s.request.policyName());
        ledger.forget(ResourceType.SCALING_POLICY, s.policyArn);
    }
}
