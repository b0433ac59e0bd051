package dev.mysfits.aws;

import dev.mysfits.core.GlobalSettings;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.Environment;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.EcsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds the SDK clients, in one place, from the region, profile and optional endpoint override. Each client is
 * built on first use only, so a command pays for the clients it needs. All share one lightweight HTTP client.
 */
public final class AwsClients implements AutoCloseable {
    private final GlobalSettings settings;
    private final List<AutoCloseable> built = new ArrayList<>();
    private final ApiCallCounter callCounter = new ApiCallCounter();
    private SdkHttpClient http;
    private AwsCredentialsProvider credentials;

    private final Supplier<EcrClient> ecr = lazy(() -> configure(EcrClient.builder()).build());
    private final Supplier<EcsClient> ecs = lazy(() -> configure(EcsClient.builder()).build());
    private final Supplier<EcsClient> ecsSingleAttempt = lazy(() -> {
        EcsClientBuilder builder = configure(EcsClient.builder());
        return builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .retryStrategy(AwsRetryStrategy.doNotRetry()).build()).build();
    });
    private final Supplier<ElasticLoadBalancingV2Client> elb = lazy(() -> configure(ElasticLoadBalancingV2Client.builder()).build());
    private final Supplier<CloudWatchLogsClient> logs = lazy(() -> configure(CloudWatchLogsClient.builder()).build());
    private final Supplier<Ec2Client> ec2 = lazy(() -> configure(Ec2Client.builder()).build());
    private final Supplier<IamClient> iam = lazy(() -> configure(IamClient.builder()).build());
    private final Supplier<StsClient> sts = lazy(() -> configure(StsClient.builder()).build());
    private final Supplier<ApplicationAutoScalingClient> autoScaling =
            lazy(() -> configure(ApplicationAutoScalingClient.builder()).build());

    private final Supplier<AutoScalingClient> autoScalingGroups = lazy(() -> configure(AutoScalingClient.builder()).build());
    private final Supplier<SsmClient> ssm = lazy(() -> configure(SsmClient.builder()).build());
    private final Supplier<CodeBuildClient> codeBuild = lazy(() -> configure(CodeBuildClient.builder()).build());
    private final Supplier<DynamoDbClient> dynamoDb = lazy(() -> configure(DynamoDbClient.builder()).build());
    private final Supplier<ResourceGroupsTaggingApiClient> tagging =
            lazy(() -> configure(ResourceGroupsTaggingApiClient.builder()).build());

    private final Environment environment;

    public AwsClients(GlobalSettings settings, Environment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    public String region() {
        return requireRegion().id();
    }

    /** The AWS API calls this invocation made so far. */
    public ApiCallCounter callCounter() {
        return callCounter;
    }

    public EcrClient ecr() { return ecr.get(); }
    public CodeBuildClient codeBuild() { return codeBuild.get(); }
    public DynamoDbClient dynamoDb() { return dynamoDb.get(); }
    public EcsClient ecs() { return ecs.get(); }
    /** ECS without the SDK's retries, for RegisterTaskDefinition: see {@link AwsRetryPolicy#lookBeforeRetrying}. */
    public EcsClient ecsSingleAttempt() { return ecsSingleAttempt.get(); }
    public ElasticLoadBalancingV2Client elb() { return elb.get(); }
    public CloudWatchLogsClient logs() { return logs.get(); }
    public Ec2Client ec2() { return ec2.get(); }
    public IamClient iam() { return iam.get(); }
    public StsClient sts() { return sts.get(); }
    public ApplicationAutoScalingClient autoScaling() { return autoScaling.get(); }
    /** EC2 Auto Scaling (groups of instances), not Application Auto Scaling (service task counts). */
    public AutoScalingClient autoScalingGroups() { return autoScalingGroups.get(); }
    public SsmClient ssm() { return ssm.get(); }
    /** The Resource Groups Tagging API: finds tagged resources across services in one query. */
    public ResourceGroupsTaggingApiClient tagging() { return tagging.get(); }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        builder.region(requireRegion())
                .credentialsProvider(credentials())
                .overrideConfiguration(AwsRetryPolicy.apply(ClientOverrideConfiguration.builder())
                        .addExecutionInterceptor(callCounter)
                        .build());
        if (settings.endpointUrl() != null) {
            builder.endpointOverride(endpoint(settings.endpointUrl()));
        }
        if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClient(httpClient());
        }
        return builder;
    }

    private synchronized SdkHttpClient httpClient() {
        if (http == null) {
            http = UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(5))
                    .socketTimeout(Duration.ofSeconds(60))
                    .build();
            built.add(http);
        }
        return http;
    }

    private synchronized AwsCredentialsProvider credentials() {
        if (credentials == null) {
            credentials = resolveCredentials();
        }
        return credentials;
    }

    /**
     * The AWS CLI's precedence, from our Environment rather than the process's (tests pass their own):
     * an explicit --profile, then keys in the environment, then AWS_PROFILE, then the SDK's default chain
     * (SSO, container and instance credentials...). The keys are never logged: providers' toString hides them.
     */
    private AwsCredentialsProvider resolveCredentials() {
        if (settings.profile() != null && settings.profileFromFlag()) {
            return ProfileCredentialsProvider.builder().profileFile(ProfileFiles.of(environment)).profileName(settings.profile()).build();
        }
        var accessKey = environment.get("AWS_ACCESS_KEY_ID");
        var secretKey = environment.get("AWS_SECRET_ACCESS_KEY");
        if (accessKey.isPresent() && secretKey.isPresent()) {
            var sessionToken = environment.get("AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create(sessionToken.isPresent()
                    ? AwsSessionCredentials.create(accessKey.get(), secretKey.get(), sessionToken.get())
                    : AwsBasicCredentials.create(accessKey.get(), secretKey.get()));
        }
        if (settings.profile() != null) {
            return ProfileCredentialsProvider.builder().profileFile(ProfileFiles.of(environment)).profileName(settings.profile()).build();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private Region requireRegion() {
        if (settings.region() == null) {
            throw MysfitsException.precondition("no AWS region is set",
                    "pass --region, set AWS_REGION, or set a region in ~/.aws/config (aws configure)");
        }
        if (!REGION_NAME.matcher(settings.region()).matches()) {
            throw MysfitsException.usage("'" + settings.region() + "' is not an AWS region name",
                    "pass a region like us-east-1 or eu-west-3 (aws ec2 describe-regions lists them)");
        }
        return Region.of(settings.region());
    }

    /** us-east-1, ap-southeast-2, us-gov-west-1, mx-central-1: letters, dashes, a number at the end. */
    private static final java.util.regex.Pattern REGION_NAME = java.util.regex.Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    private static URI endpoint(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(url, "needs a scheme and a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw MysfitsException.usage("endpoint URL '" + url + "' is not a URL: " + e.getReason(),
                    "pass --endpoint-url like http://127.0.0.1:5123");
        }
    }

    private <T extends AutoCloseable> Supplier<T> lazy(Supplier<T> factory) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = factory.get();
                    synchronized (built) {
                        built.add(value);
                    }
                }
                return value;
            }
        };
    }

    @Override
    public void close() {
        synchronized (built) {
            for (AutoCloseable closeable : built) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // closing at exit: nothing useful to do with a failure here
                }
            }
            built.clear();
        }
    }
}
