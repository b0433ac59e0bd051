package dev.mysfits.aws;

import dev.mysfits.aws.autoscaling.AutoScalingResourceDeleter;
import dev.mysfits.aws.capacity.CapacityResourceDeleter;
import dev.mysfits.aws.codebuild.CodeBuildResourceDeleter;
import dev.mysfits.aws.dynamodb.DynamoDbResourceDeleter;
import dev.mysfits.aws.ec2.Ec2ResourceDeleter;
import dev.mysfits.aws.ecr.EcrResourceDeleter;
import dev.mysfits.aws.ecs.EcsResourceDeleter;
import dev.mysfits.aws.elbv2.Elbv2ResourceDeleter;
import dev.mysfits.aws.iam.IamResourceDeleter;
import dev.mysfits.aws.logs.CloudWatchLogsResourceDeleter;

import dev.mysfits.core.WaitProgress;

import java.time.Duration;

/** The SDK-backed deleter: hands each resource to the deleter of its service family. */
public final class SdkResourceDeleter implements ResourceDeleter {
    private final AutoScalingResourceDeleter autoScaling;
    private final EcsResourceDeleter ecs;
    private final Elbv2ResourceDeleter elb;
    private final EcrResourceDeleter ecr;
    private final CloudWatchLogsResourceDeleter logs;
    private final IamResourceDeleter iam;
    private final Ec2ResourceDeleter ec2;
    private final CapacityResourceDeleter capacity;
    private final CodeBuildResourceDeleter codeBuild;
    private final DynamoDbResourceDeleter dynamoDb;

    /** @param waitTimeout how long to wait for a service to drain, a task to stop or a load balancer to go */
    public SdkResourceDeleter(AwsClients aws, Duration waitTimeout) {
        this(aws, Eventually.system(WaitProgress.NONE), waitTimeout);
    }

    /** @param eventually waits out what AWS frees in its own time (lingering network interfaces, terminating instances) */
    public SdkResourceDeleter(AwsClients aws, Eventually eventually, Duration waitTimeout) {
        this(aws, new WaitUntilGone(eventually, waitTimeout), eventually);
    }

    SdkResourceDeleter(AwsClients aws, WaitUntilGone gone, Eventually eventually) {
        this.autoScaling = new AutoScalingResourceDeleter(aws.autoScaling());
        this.ecs = new EcsResourceDeleter(aws.ecs(), gone);
        this.elb = new Elbv2ResourceDeleter(aws.elb(), gone);
        this.ecr = new EcrResourceDeleter(aws.ecr());
        this.logs = new CloudWatchLogsResourceDeleter(aws.logs());
        this.iam = new IamResourceDeleter(aws.iam());
        this.ec2 = new Ec2ResourceDeleter(aws.ec2(), eventually);
        this.capacity = new CapacityResourceDeleter(aws, gone, eventually);
        this.codeBuild = new CodeBuildResourceDeleter(aws::codeBuild);
        this.dynamoDb = new DynamoDbResourceDeleter(aws::dynamoDb, gone);
    }

    @Override
    public Outcome delete(OwnedResource resource) {
        return switch (resource.type()) {
            case SCALING_POLICY -> autoScaling.deletePolicy(resource);
            case SCALABLE_TARGET -> autoScaling.deleteTarget(resource);
            case SERVICE -> ecs.deleteService(resource);
            case TASK -> ecs.stopTask(resource);
            case LISTENER_RULE -> elb.deleteRule(resource);
            case TARGET_GROUP -> elb.deleteTargetGroup(resource);
            case LISTENER -> elb.deleteListener(resource);
            case LOAD_BALANCER -> elb.deleteLoadBalancer(resource);
            case AUTO_SCALING_GROUP -> capacity.deleteGroup(resource);
            case LAUNCH_TEMPLATE -> capacity.deleteLaunchTemplate(resource);
            case INSTANCE_PROFILE -> capacity.deleteInstanceProfile(resource);
            case CODEBUILD_PROJECT -> codeBuild.deleteProject(resource);
            case ECR_REPOSITORY -> ecr.deleteRepository(resource);
            case LOG_GROUP -> logs.deleteLogGroup(resource);
            case DYNAMODB_TABLE -> dynamoDb.deleteTable(resource);
            case TASK_DEFINITION -> ecs.deregisterTaskDefinition(resource);
            case IAM_ROLE -> iam.deleteRole(resource);
            case SECURITY_GROUP -> ec2.deleteSecurityGroup(resource);
            case CLUSTER -> ecs.deleteCluster(resource);
        };
    }

    @Override
    public void resetDefaultAction(OwnedResource listener) {
        elb.resetDefaultAction(listener);
    }
}
