package dev.mysfits.aws;

/** Who the AWS credentials belong to. */
public interface CallerIdentity {
    String accountId();
}
