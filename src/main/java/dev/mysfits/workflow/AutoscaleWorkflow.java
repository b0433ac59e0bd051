package dev.mysfits.workflow;

import dev.mysfits.aws.autoscaling.ServiceAutoScaler;
import dev.mysfits.aws.autoscaling.ServiceAutoScaler.CpuPolicy;
import dev.mysfits.aws.autoscaling.ServiceAutoScaler.ScalableTarget;
import dev.mysfits.console.Console;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.ledger.ResourceType;

import java.util.List;
import java.util.Optional;

/**
 * Turns target-tracking autoscaling of a service's desired count on (bounds plus a CPU policy) or off. Each step
 * looks first, so running the same command twice changes nothing the second time.
 */
public final class AutoscaleWorkflow {

    /**
     * @param names     the workshop's resource names
     * @param service   the service as named in mysfits.json (also the ECS service name)
     * @param min       fewest tasks (ignored with off)
     * @param max       most tasks (ignored with off)
     * @param cpuTarget average CPU percent to hold, 1 to 100 (ignored with off)
     * @param off       remove the policy and the scalable target instead
     * @param region    the region, for the ledger
     */
    public record Request(ResourceNames names, String service, int min, int max, int cpuTarget, boolean off, String region) {
        public String resourceId() {
            return ServiceAutoScaler.resourceId(names.cluster(), names.ecsService(service));
        }

        public String policyName() {
            return names.workshop() + "-" + service + "-cpu";
        }
    }

    /** What autoscaling looks like after the run (or would, on a dry run). */
    public record Result(String service, String resourceId, boolean enabled, Integer min, Integer max, Integer cpuTarget,
                         String policyArn, List<Change> changes) {
    }

    private final ServiceAutoScaler scaler;
    private final Ledger ledger;
    private final Console console;

    public AutoscaleWorkflow(ServiceAutoScaler scaler, Ledger ledger, Console console) {
        this.scaler = scaler;
        this.ledger = ledger;
        this.console = console;
    }

    public Result execute(Request request, boolean dryRun) {
        validate(request);
        State state = new State(request);
        List<Step<State>> steps = request.off()
                ? List.of(new DeletePolicyStep(), new DeregisterTargetStep())
                : List.of(new CheckServiceStep(), new EnsureTargetStep(), new EnsureCpuPolicyStep());
        String title = request.off() ? "Turning autoscaling off for " + request.service()
                : "Autoscaling " + request.service() + " between " + request.min() + " and " + request.max()
                + " tasks at " + request.cpuTarget() + "% CPU";
        List<Change> changes = new Workflow<>(title, console, steps).execute(state, dryRun);
        return request.off()
                ? new Result(request.service(), request.resourceId(), false, null, null, null, null, changes)
                : new Result(request.service(), request.resourceId(), true, request.min(), request.max(), request.cpuTarget(),
                state.policyArn, changes);
    }

    static void validate(Request request) {
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

    /** What the steps share: the request and what they found. */
    private static final class State {
        final Request request;
        String policyArn;

        State(Request request) {
            this.request = request;
        }
    }

    private final class CheckServiceStep implements Step<State> {
        @Override
        public String name() {
            return "check the service is deployed";
        }

        @Override
        public Change plan(State s) {
            String cluster = s.request.names().cluster();
            String service = s.request.names().ecsService(s.request.service());
            if (!scaler.serviceExists(cluster, service)) {
                throw MysfitsException.precondition("cannot autoscale " + s.request.service() + ": no ECS service "
                                + service + " in cluster " + cluster,
                        "deploy " + s.request.service() + " first: mysfits deploy " + s.request.service() + " --fargate");
            }
            return Change.checked("ECS service " + service, "deployed in cluster " + cluster);
        }

        @Override
        public void apply(State s, Change change) {
            // looks only
        }
    }

    private final class EnsureTargetStep implements Step<State> {
        @Override
        public String name() {
            return "register the scalable target";
        }

        @Override
        public Change plan(State s) {
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
        public void apply(State s, Change change) {
            scaler.registerTarget(s.request.resourceId(), s.request.min(), s.request.max());
            ledger.record(ResourceType.SCALABLE_TARGET, s.request.resourceId(), s.request.service(), s.request.region());
        }
    }

    private final class EnsureCpuPolicyStep implements Step<State> {
        @Override
        public String name() {
            return "put the CPU target-tracking policy";
        }

        @Override
        public Change plan(State s) {
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
        public void apply(State s, Change change) {
            s.policyArn = scaler.putCpuPolicy(s.request.resourceId(), s.request.policyName(), s.request.cpuTarget());
            ledger.record(ResourceType.SCALING_POLICY, s.policyArn, s.request.service(), s.request.region());
        }
    }

    private final class DeletePolicyStep implements Step<State> {
        @Override
        public String name() {
            return "delete the CPU scaling policy";
        }

        @Override
        public Change plan(State s) {
            Optional<CpuPolicy> found = scaler.findPolicy(s.request.resourceId(), s.request.policyName());
            found.ifPresent(p -> s.policyArn = p.arn());
            String resource = "scaling policy " + s.request.policyName();
            return found.isPresent() ? Change.delete(resource, "") : Change.none(resource, "already gone");
        }

        @Override
        public void apply(State s, Change change) {
            scaler.deletePolicy(s.request.resourceId(), s.request.policyName());
            ledger.forget(ResourceType.SCALING_POLICY, s.policyArn);
        }
    }

    private final class DeregisterTargetStep implements Step<State> {
        @Override
        public String name() {
            return "deregister the scalable target";
        }

        @Override
        public Change plan(State s) {
            String resource = "scalable target " + s.request.resourceId();
            return scaler.findTarget(s.request.resourceId()).isPresent()
                    ? Change.delete(resource, "the desired count stays where it is")
                    : Change.none(resource, "already gone");
        }

        @Override
        public void apply(State s, Change change) {
            scaler.deregisterTarget(s.request.resourceId());
            ledger.forget(ResourceType.SCALABLE_TARGET, s.request.resourceId());
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
