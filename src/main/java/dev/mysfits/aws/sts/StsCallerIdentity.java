package dev.mysfits.aws.sts;

import dev.mysfits.aws.AwsErrors;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;

/** {@link CallerIdentity} from STS GetCallerIdentity, asked once. */
public final class StsCallerIdentity implements CallerIdentity {
    private final StsClient sts;
    private String account;

    public StsCallerIdentity(StsClient sts) {
        this.sts = sts;
    }

    @Override
    public synchronized String accountId() {
        if (account == null) {
            try {
                account = sts.getCallerIdentity().account();
            } catch (SdkException e) {
                throw AwsErrors.wrap("sts get caller identity", e);
            }
        }
        return account;
    }
}
