package dev.mysfits.workflow.autoscale;

/**
 * What the steps share: the request, the region (for the ledger), and the policy's ARN, which EnsureCpuPolicyStep or
 * DeletePolicyStep finds.
 */
final class AutoscaleState {
    final AutoscaleRequest request;
    final String region;
    String policyArn;

    AutoscaleState(AutoscaleRequest request, String region) {
        this.request = request;
        this.region = region;
    }
}
