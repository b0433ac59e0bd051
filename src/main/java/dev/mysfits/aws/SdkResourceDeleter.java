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

import dev.mysfits.core.ResourceType;
import dev.mysfits.core.WaitProgress;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The SDK-backed deleter: hands each resource to the delete its service owns for its type. */
public final class SdkResourceDeleter implements ResourceDeleter {
    private final Elbv2ResourceDeleter elb;
    private final Map<ResourceType, ServiceDeleter.Delete> byType;

    /** @param waitTimeout how long to wait for a service to drain, a task to stop or a load balancer to go */
    public SdkResourceDeleter(AwsClients aws, Duration waitTimeout) {
        this(aws, Eventually.system(WaitProgress.NONE), waitTimeout);
    }

    /** @param eventually waits out what AWS frees in its own time (lingering network interfaces, terminating instances) */
    public SdkResourceDeleter(AwsClients aws, Eventually eventually, Duration waitTimeout) {
        this(aws, new WaitUntilGone(eventually, waitTimeout), eventually);
    }

    SdkResourceDeleter(AwsClients aws, WaitUntilGone gone, Eventually eventually) {
        this.elb = new Elbv2ResourceDeleter(aws.elb(), gone);
        this.byType = ServiceDeleter.table(List.of(
                new AutoScalingResourceDeleter(aws.autoScaling()),
                new EcsResourceDeleter(aws.ecs(), gone),
                elb,
                new EcrResourceDeleter(aws.ecr()),
                new CloudWatchLogsResourceDeleter(aws.logs()),
                new IamResourceDeleter(aws.iam()),
                new Ec2ResourceDeleter(aws.ec2(), eventually),
                new CapacityResourceDeleter(aws, gone, eventually),
                new CodeBuildResourceDeleter(aws::codeBuild),
                new DynamoDbResourceDeleter(aws::dynamoDb, gone)));
    }

    @Override
    public Outcome delete(OwnedResource resource) {
        return byType.get(resource.type()).delete(resource);
    }

    @Override
    public void resetDefaultAction(OwnedResource listener) {
        elb.resetDefaultAction(listener);
    }
}
