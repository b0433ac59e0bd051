package dev.mysfits.aws;

import dev.mysfits.core.WaitProgress;
import dev.mysfits.aws.autoscaling.AppAutoScalingServiceScaler;
import dev.mysfits.aws.autoscaling.ServiceAutoScaler;
import dev.mysfits.aws.capacity.Capacity;
import dev.mysfits.aws.capacity.SdkCapacity;
import dev.mysfits.aws.codebuild.BuildProjects;
import dev.mysfits.aws.codebuild.CodeBuildProjects;
import dev.mysfits.aws.dynamodb.DynamoDbTables;
import dev.mysfits.aws.dynamodb.Tables;
import dev.mysfits.aws.ec2.Ec2Network;
import dev.mysfits.aws.ec2.Network;
import dev.mysfits.aws.ecr.EcrImageRegistry;
import dev.mysfits.aws.ecr.EcrPushedImages;
import dev.mysfits.aws.ecr.EcrRepositoryImages;
import dev.mysfits.aws.ecr.ImageRegistry;
import dev.mysfits.aws.ecr.PushedImages;
import dev.mysfits.aws.ecr.RepositoryImages;
import dev.mysfits.aws.ecs.ClusterTasks;
import dev.mysfits.aws.ecs.Clusters;
import dev.mysfits.aws.ecs.EcsClusterTasks;
import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.aws.ecs.EcsClusters;
import dev.mysfits.aws.ecs.EcsContainerService;
import dev.mysfits.aws.ecs.EcsTaskDefinitionSchema;
import dev.mysfits.aws.elbv2.Elbv2LoadBalancerRouter;
import dev.mysfits.aws.elbv2.Elbv2LoadBalancers;
import dev.mysfits.aws.elbv2.LoadBalancerRouter;
import dev.mysfits.aws.elbv2.LoadBalancers;
import dev.mysfits.aws.iam.IamRoles;
import dev.mysfits.aws.iam.Roles;
import dev.mysfits.aws.logs.CloudWatchLogGroups;
import dev.mysfits.aws.logs.CloudWatchLogReader;
import dev.mysfits.aws.logs.LogGroups;
import dev.mysfits.aws.logs.LogReader;
import dev.mysfits.aws.sts.CallerIdentity;
import dev.mysfits.aws.sts.StsCallerIdentity;
import dev.mysfits.core.Environment;
import dev.mysfits.core.GlobalSettings;
import dev.mysfits.template.TaskDefinitionSchema;

import java.time.Duration;

/**
 * The one place the AWS adapters are built, once per command, from the SDK clients; it hands out our interfaces
 * only, so no SDK type leaves this package. Clients are made on first use: a command pays for what it calls.
 */
public final class AwsAdapters implements AutoCloseable {
    private final AwsClients clients;
    private final Eventually eventually;

    /** @param progress where waits on AWS's eventual consistency are shown */
    public AwsAdapters(GlobalSettings settings, Environment environment, WaitProgress progress) {
        this.clients = new AwsClients(settings, environment);
        this.eventually = Eventually.system(progress);
    }

    /** Retries of what AWS answers while a change spreads, shown as waits. */
    public Eventually eventually() {
        return eventually;
    }

    public String region() {
        return clients.region();
    }

    public ApiCallCounter callCounter() {
        return clients.callCounter();
    }

    public ContainerService containers() {
        return new EcsContainerService(clients.ecs(), clients.ecsSingleAttempt(), eventually);
    }

    public ClusterTasks clusterTasks() {
        return new EcsClusterTasks(clients.ecs());
    }

    public Clusters clusters() {
        return new EcsClusters(clients.ecs(), eventually);
    }

    public LoadBalancerRouter router() {
        return new Elbv2LoadBalancerRouter(clients.elb(), eventually);
    }

    public LoadBalancers loadBalancers() {
        return new Elbv2LoadBalancers(clients.elb(), eventually);
    }

    public Network network() {
        return new Ec2Network(clients.ec2(), eventually);
    }

    public Capacity capacity() {
        return new SdkCapacity(clients, eventually);
    }

    public PushedImages pushedImages() {
        return new EcrPushedImages(clients.ecr());
    }

    public RepositoryImages repositoryImages() {
        return new EcrRepositoryImages(clients.ecr());
    }

    public ImageRegistry imageRegistry() {
        return new EcrImageRegistry(clients, eventually);
    }

    public CallerIdentity identity() {
        return new StsCallerIdentity(clients.sts());
    }

    public Roles roles() {
        return new IamRoles(clients.iam(), eventually);
    }

    public Tables tables() {
        return new DynamoDbTables(clients.dynamoDb(), eventually);
    }

    public LogGroups logGroups() {
        return new CloudWatchLogGroups(clients.logs(), eventually);
    }

    public LogReader logReader() {
        return CloudWatchLogReader.from(clients);
    }

    public ServiceAutoScaler serviceScaler() {
        return new AppAutoScalingServiceScaler(clients, eventually);
    }

    public BuildProjects buildProjects() {
        return new CodeBuildProjects(clients.codeBuild(), eventually);
    }

    public TaggedResourceFinder taggedResources() {
        return new SdkTaggedResourceFinder(clients);
    }

    /** @param waitTimeout how long to wait for a service to drain, a task to stop or a load balancer to go */
    public ResourceDeleter deleter(Duration waitTimeout) {
        return new SdkResourceDeleter(clients, eventually, waitTimeout);
    }

    /** Needs no client: it checks a rendered template against ECS's request model. */
    public static TaskDefinitionSchema taskDefinitionSchema() {
        return new EcsTaskDefinitionSchema();
    }

    /** Builds every client the commands use and makes one call, for the class-data training run only. */
    public void warmUp() {
        clients.ecr();
        clients.ecs();
        clients.elb();
        clients.logs();
        clients.ec2();
        clients.iam();
        clients.autoScaling();
        clients.dynamoDb();
        try {
            clients.sts().getCallerIdentity();
        } catch (RuntimeException expected) {
            // nothing listens where the training run points: loading the classes on the way was the point
        }
    }

    @Override
    public void close() {
        clients.close();
    }
}
