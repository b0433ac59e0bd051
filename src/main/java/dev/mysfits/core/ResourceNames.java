package dev.mysfits.core;

import java.util.Locale;

/**
 * The names mysfits gives AWS resources. Setup, deploy and cleanup find each other's resources by these names
 * (and by the mysfits:workshop tag), so no extra state file is needed to connect them.
 */
public final class ResourceNames {
    public static final String TAG_WORKSHOP = "mysfits:workshop";
    public static final String TAG_SERVICE = "mysfits:service";
    /** On the tasks' security group: the private subnets setup was given, space-separated (deploy --private). */
    public static final String TAG_PRIVATE_SUBNETS = "mysfits:private-subnets";

    private final String workshop;

    public ResourceNames(String workshop) {
        this.workshop = workshop;
    }

    public String workshop() {
        return workshop;
    }

    public String cluster() {
        return workshop;
    }

    public String loadBalancer() {
        return limit(workshop + "-alb", 32);
    }

    public String loadBalancerSecurityGroup() {
        return workshop + "-alb";
    }

    public String tasksSecurityGroup() {
        return workshop + "-tasks";
    }

    public String executionRole() {
        return limit(workshop + "-ecs-execution", 64);
    }

    public String taskRole() {
        return limit(workshop + "-ecs-task", 64);
    }

    /**
     * A service's own task role ("taskRole" in mysfits.json), within IAM's 64 characters. Its second word ("task")
     * keeps it apart from the shared roles ("-ecs-task", "-ecs-execution"), whatever the service is called.
     */
    public String serviceTaskRole(String service) {
        return limit(workshop + "-task-" + service, 64);
    }

    /** The IAM path of the services' own task roles: cleanup lists them by it, as IAM is outside the Tagging API. */
    public String serviceTaskRolePath() {
        return "/mysfits/" + workshop + "/";
    }

    /** A DynamoDB table of "tables" in mysfits.json: the workshop's name first, so workshops never share one. */
    public String table(String name) {
        return workshop + "-" + name;
    }

    /** The role ECS shifts a service's load balancer traffic with, for strategies other than rolling. */
    public String infrastructureRole() {
        return limit(workshop + "-ecs-infrastructure", 64);
    }

    /** The EC2 launch type's container instances: their role and instance profile (one name for both). */
    public String instanceRole() {
        return limit(workshop + "-ecs-instance", 64);
    }

    public String instancesSecurityGroup() {
        return workshop + "-instances";
    }

    public String launchTemplate() {
        return workshop + "-ecs-instances";
    }

    public String autoScalingGroup() {
        return workshop + "-ecs-instances";
    }

    /** One role for the workshop's CodeBuild projects; each service adds its own push policy. */
    public String codeBuildRole() {
        return workshop + "-codebuild";
    }

    public String codeBuildProject(String service) {
        return workshop + "-" + service;
    }

    public String logGroup(String service) {
        return "/mysfits/" + workshop + "/" + service;
    }

    public String taskFamily(String service) {
        return workshop + "-" + service;
    }

    public String ecsService(String service) {
        return service;
    }

    /** Target groups: at most 32 characters, one per service and launch type (ip for Fargate, instance for EC2). */
    public String targetGroup(String service, String launchType) {
        String suffix = launchType.toLowerCase(Locale.ROOT).startsWith("f") ? "fg" : "ec2";
        return limit(workshop + "-" + service, 32 - suffix.length() - 1) + "-" + suffix;
    }

    /**
     * The second target group of a service that deploys blue/green, canary or linear: the new revision's tasks
     * register there while the old ones serve from the first, then the two swap roles.
     */
    public String alternateTargetGroup(String service, String launchType) {
        String suffix = launchType.toLowerCase(Locale.ROOT).startsWith("f") ? "fg-b" : "ec2-b";
        return limit(workshop + "-" + service, 32 - suffix.length() - 1) + "-" + suffix;
    }

    private static String limit(String name, int max) {
        return name.length() <= max ? name : name.substring(0, max);
    }
}
