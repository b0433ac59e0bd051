package dev.mysfits.aws.sts;

/** Who the AWS credentials belong to. */
public interface CallerIdentity {
    String accountId();
}
