package dev.mysfits.workflow.autoscale;

import dev.mysfits.aws.autoscaling.ServiceAutoScaler;
import dev.mysfits.aws.autoscaling.ServiceAutoScaler.ScalableTarget;
import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

import java.util.Optional;

/** Registers the service's desired count as a scalable target, between min and max. */
final class EnsureTargetStep implements Step<AutoscaleState> {
    private final ServiceAutoScaler scaler;
    private final Ledger ledger;

    EnsureTargetStep(ServiceAutoScaler scaler, Ledger ledger) {
        this.scaler = scaler;
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "register the scalable target";
    }

    @Override
    public Change plan(AutoscaleState s) {
        String resource = "scalable target " + s.request.resourceId();
        String wanted = "min " + s.request.min() + ", max " + s.request.max();
        Optional<ScalableTarget> found = scaler.findTarget(s.request.resourceId());
        if (found.isEmpty()) {
            return Change.create(resource, wanted);
        }
        ScalableTarget target = found.get();
        if (target.min() != s.request.min() || target.max() != s.request.max()) {
            return Change.update(resource, "min " + target.min() + " → " + s.request.min()
                    + ", max " + target.max() + " → " + s.request.max());
        }
        return Change.none(resource, wanted);
    }

    @Override
    public void apply(AutoscaleState s, Change change) {
        scaler.registerTarget(s.request.resourceId(), s.request.min(), s.request.max());
        ledger.record(ResourceType.SCALABLE_TARGET, s.request.resourceId(), s.request.service(), s.region);
    }
}
