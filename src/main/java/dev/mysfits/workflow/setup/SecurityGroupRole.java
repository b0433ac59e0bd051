package dev.mysfits.workflow.setup;

/** The two security groups setup makes: one in front (the load balancer), one behind it (the tasks). */
public enum SecurityGroupRole {
    LOAD_BALANCER("load balancer, HTTP from anywhere"),
    TASKS("ECS tasks, from the load balancer only");

    private final String purpose;

    SecurityGroupRole(String purpose) {
        this.purpose = purpose;
    }

    String purpose() {
        return purpose;
    }
}
