package dev.mysfits.workflow.setup;

/**
 * EC2 capacity for the EC2 launch type (setup --ec2): how many container instances of which type.
 *
 * @param amiParameter the public SSM parameter naming the ECS-optimized AMI of the region
 */
public record CapacityRequest(int instances, String instanceType, String amiParameter) {
    public static final String DEFAULT_INSTANCE_TYPE = "t3.small";
    public static final int DEFAULT_INSTANCES = 2;
    public static final int MAX_INSTANCES = 20;
    public static final String AMI_PARAMETER = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id";
}
