package dev.mysfits.aws.ecr;

import dev.mysfits.aws.AwsClients;
import dev.mysfits.aws.AwsErrors;
import dev.mysfits.aws.Eventually;
import dev.mysfits.aws.TransientErrors;
import dev.mysfits.registry.RegistryCredentials;

import dev.mysfits.core.MysfitsException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.Tag;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ImageRegistry} on the ECR API. */
public final class EcrImageRegistry implements ImageRegistry {
    private final AwsClients aws;
    private final Eventually eventually;

    public EcrImageRegistry(AwsClients aws, Eventually eventually) {
        this.aws = aws;
        this.eventually = eventually;
    }

    @Override
    public String region() {
        return aws.region();
    }

    @Override
    public Optional<EcrRepository> findRepository(String name) {
        try {
            return aws.ecr().describeRepositories(r -> r.repositoryNames(name)).repositories().stream()
                    .findFirst().map(EcrImageRegistry::toRepository);
        } catch (RepositoryNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecr describe repository " + name, e);
        }
    }

    @Override
    public EcrRepository createRepository(String name, Map<String, String> tags) {
        try {
            Repository created = aws.ecr().createRepository(r -> r.repositoryName(name)
                    .imageTagMutability(ImageTagMutability.MUTABLE)
                    .imageScanningConfiguration(s -> s.scanOnPush(false))
                    .tags(tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList()))
                    .repository();
            // ECR's API answers RepositoryNotFoundException for a new repository a moment; the push and deploy read it.
            eventually.run("ECR repository " + name + " to show in the ECR API", Eventually.PROPAGATION,
                    TransientErrors.NOT_YET_VISIBLE, () -> aws.ecr().describeRepositories(r -> r.repositoryNames(name)));
            return toRepository(created);
        } catch (RepositoryAlreadyExistsException e) {
            // Made meanwhile, by someone else or by an attempt whose answer was lost: use it, once the API shows it.
            try {
                Repository existing = eventually.call("ECR repository " + name + " to show in the ECR API",
                        Eventually.PROPAGATION, TransientErrors.NOT_YET_VISIBLE,
                        () -> aws.ecr().describeRepositories(r -> r.repositoryNames(name)).repositories().get(0));
                return toRepository(existing);
            } catch (SdkException notFound) {
                throw AwsErrors.wrap("ecr create repository " + name, notFound);
            }
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecr create repository " + name, e);
        }
    }

    @Override
    public RegistryCredentials authenticate() {
        AuthorizationData data;
        try {
            List<AuthorizationData> all = aws.ecr().getAuthorizationToken().authorizationData();
            if (all.isEmpty()) {
                throw MysfitsException.failed("ecr get authorization token: the answer holds no token", null, null);
            }
            data = all.get(0);
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecr get authorization token", e);
        }
        // The token is base64 of "user:password". It is valid for 12 hours and used at once, never cached, so its
        // expiresAt is not needed.
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(data.authorizationToken()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw MysfitsException.failed("ecr get authorization token: the token is not base64", null, null);
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            throw MysfitsException.failed("ecr get authorization token: the token is not user:password", null, null);
        }
        return new RegistryCredentials(decoded.substring(0, colon), decoded.substring(colon + 1), data.proxyEndpoint());
    }

    private static EcrRepository toRepository(Repository repository) {
        return new EcrRepository(repository.repositoryName(), repository.repositoryUri());
    }
}
