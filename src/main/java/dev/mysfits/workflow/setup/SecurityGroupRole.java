package dev.mysfits.workflow.setup;

/**
 * The security groups setup makes: one in front (the load balancer), one behind it (the tasks), and for the EC2
 * launch type one for the container instances, whose dynamic host ports only the load balancer may reach.
 */
public enum SecurityGroupRole {
    LOAD_BALANCER("load balancer, HTTP from anywhere"),
    TASKS("ECS tasks, from the load balancer only"),
    INSTANCES("ECS container instances, dynamic host ports from the load balancer only");

    private final String purpose;

    SecurityGroupRole(String purpose) {
        this.purpose = purpose;
    }

    String purpose() {
        return purpose;
    }
}
