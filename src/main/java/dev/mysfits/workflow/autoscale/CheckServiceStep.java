package dev.mysfits.workflow.autoscale;

import dev.mysfits.aws.autoscaling.ServiceAutoScaler;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

/** Fails, changing nothing, when the service is not deployed: there is nothing to scale. */
final class CheckServiceStep implements Step<AutoscaleState> {
    private final ServiceAutoScaler scaler;

    CheckServiceStep(ServiceAutoScaler scaler) {
        this.scaler = scaler;
    }

    @Override
    public String name() {
        return "check the service is deployed";
    }

    @Override
    public Change plan(AutoscaleState s) {
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
    public void apply(AutoscaleState s, Change change) {
        // looks only
    }
}
