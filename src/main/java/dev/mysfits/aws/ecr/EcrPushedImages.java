package dev.mysfits.aws.ecr;

import dev.mysfits.aws.AwsErrors;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/** {@link PushedImages} on the ECR API (DescribeRepositories, DescribeImages). */
public final class EcrPushedImages implements PushedImages {
    private final EcrClient ecr;

    public EcrPushedImages(EcrClient ecr) {
        this.ecr = ecr;
    }

    @Override
    public PushedImage find(String repository, String tag) {
        String uri;
        try {
            uri = ecr.describeRepositories(r -> r.repositoryNames(repository)).repositories().get(0).repositoryUri();
        } catch (RepositoryNotFoundException notFound) {
            return new PushedImage(repository, tag, null, false, null);
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecr describe repository " + repository, e);
        }
        try {
            var details = ecr.describeImages(r -> r.repositoryName(repository).imageIds(ImageIdentifier.builder().imageTag(tag).build()))
                    .imageDetails();
            return new PushedImage(repository, tag, uri, !details.isEmpty(), details.isEmpty() ? null : details.get(0).imageDigest());
        } catch (ImageNotFoundException notFound) {
            return new PushedImage(repository, tag, uri, false, null);
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecr describe image " + repository + ":" + tag, e);
        }
    }
}
