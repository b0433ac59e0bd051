package dev.mysfits.workflow.autoscale;

/** What the steps share: the request, and the policy's ARN, which EnsureCpuPolicyStep or DeletePolicyStep finds. */
final class AutoscaleState {
    final AutoscaleRequest request;
    String policyArn;

    AutoscaleState(AutoscaleRequest request) {
        this.request = request;
    }
}
