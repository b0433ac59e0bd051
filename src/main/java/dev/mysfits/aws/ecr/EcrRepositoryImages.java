package dev.mysfits.aws.ecr;

import dev.mysfits.aws.AwsErrors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link RepositoryImages} on the ECR API (DescribeRepositories, then DescribeImages page by page). */
public final class EcrRepositoryImages implements RepositoryImages {
    private final EcrClient ecr;

    public EcrRepositoryImages(EcrClient ecr) {
        this.ecr = ecr;
    }

    @Override
    public Optional<Listing> list(String repository) {
        String uri;
        try {
            uri = ecr.describeRepositories(r -> r.repositoryNames(repository)).repositories().get(0).repositoryUri();
        } catch (RepositoryNotFoundException notFound) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecr describe repository " + repository, e);
        }
        try {
            List<EcrImage> images = new ArrayList<>();
            for (ImageDetail d : ecr.describeImagesPaginator(r -> r.repositoryName(repository)).imageDetails()) {
                images.add(new EcrImage(d.imageDigest(), d.imageTags() == null ? List.of() : d.imageTags(), d.imagePushedAt(),
                        d.imageSizeInBytes() == null ? 0 : d.imageSizeInBytes()));
            }
            return Optional.of(new Listing(repository, uri, images));
        } catch (RepositoryNotFoundException deletedMeanwhile) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecr describe images of " + repository, e);
        }
    }
}
