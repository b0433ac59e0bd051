package dev.mysfits.workflow.setup;

import dev.mysfits.aws.capacity.Capacity;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

/** Looks up what EC2 capacity needs before anything is made: the instance type and the ECS-optimized AMI. */
final class ValidateCapacityStep implements Step<SetupContext> {
    private final Capacity capacity;

    ValidateCapacityStep(Capacity capacity) {
        this.capacity = capacity;
    }

    @Override
    public String name() {
        return "check EC2 capacity inputs";
    }

    @Override
    public Change plan(SetupContext ctx) {
        CapacityRequest request = ctx.request.capacity();
        Capacity.InstanceType type = capacity.instanceType(request.instanceType()).orElseThrow(() ->
                MysfitsException.usage("instance type " + request.instanceType() + " does not exist in " + ctx.region,
                        "pass an EC2 instance type such as --instance-type " + CapacityRequest.DEFAULT_INSTANCE_TYPE));
        ctx.instanceType = type;
        ctx.imageId = capacity.parameter(request.amiParameter()).orElseThrow(() ->
                MysfitsException.precondition("region " + ctx.region + " has no ECS-optimized AMI: SSM parameter "
                        + request.amiParameter() + " does not exist", "use a region where ECS runs on EC2, e.g. --region us-east-1"));
        return Change.checked("EC2 capacity inputs", request.instances() + " x " + type.name() + " (" + type.vcpus()
                + " vCPU, " + type.memoryMiB() + " MiB), AMI " + ctx.imageId);
    }

    @Override
    public void apply(SetupContext ctx, Change change) {
        // Only looks.
    }
}
