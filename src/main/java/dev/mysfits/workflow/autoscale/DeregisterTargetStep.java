package dev.mysfits.workflow.autoscale;

import dev.mysfits.aws.autoscaling.ServiceAutoScaler;
import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

/** Deregisters the scalable target; the desired count stays where it is. */
final class DeregisterTargetStep implements Step<AutoscaleState> {
    private final ServiceAutoScaler scaler;
    private final Ledger ledger;

    DeregisterTargetStep(ServiceAutoScaler scaler, Ledger ledger) {
        this.scaler = scaler;
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "deregister the scalable target";
    }

    @Override
    public Change plan(AutoscaleState s) {
        String resource = "scalable target " + s.request.resourceId();
        return scaler.findTarget(s.request.resourceId()).isPresent()
                ? Change.delete(resource, "the desired count stays where it is")
                : Change.none(resource, "already gone");
    }

    @Override
    public void apply(AutoscaleState s, Change change) {
        scaler.deregisterTarget(s.request.resourceId());
        ledger.forget(ResourceType.SCALABLE_TARGET, s.request.resourceId());
    }
}
