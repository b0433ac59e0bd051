package dev.mysfits.workflow.autoscale;

import dev.mysfits.aws.autoscaling.ServiceAutoScaler;
import dev.mysfits.aws.autoscaling.ServiceAutoScaler.CpuPolicy;
import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

import java.util.Optional;

/** Puts the target-tracking policy that holds average CPU at the target. */
final class EnsureCpuPolicyStep implements Step<AutoscaleState> {
    private final ServiceAutoScaler scaler;
    private final Ledger ledger;

    EnsureCpuPolicyStep(ServiceAutoScaler scaler, Ledger ledger) {
        this.scaler = scaler;
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "put the CPU target-tracking policy";
    }

    @Override
    public Change plan(AutoscaleState s) {
        String resource = "scaling policy " + s.request.policyName();
        String wanted = "average CPU " + s.request.cpuTarget() + "%";
        Optional<CpuPolicy> found = scaler.findPolicy(s.request.resourceId(), s.request.policyName());
        if (found.isEmpty()) {
            return Change.create(resource, wanted);
        }
        s.policyArn = found.get().arn();
        if (Double.compare(found.get().targetValue(), s.request.cpuTarget()) != 0) {
            return Change.update(resource, "average CPU "
                    + (Double.isNaN(found.get().targetValue()) ? "(another metric)" : format(found.get().targetValue()) + "%")
                    + " → " + s.request.cpuTarget() + "%");
        }
        return Change.none(resource, wanted);
    }

    @Override
    public void apply(AutoscaleState s, Change change) {
        s.policyArn = scaler.putCpuPolicy(s.request.resourceId(), s.request.policyName(), s.request.cpuTarget());
        ledger.record(ResourceType.SCALING_POLICY, s.policyArn, s.request.service(), s.region);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
