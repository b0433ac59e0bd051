package dev.mysfits.cli;

import picocli.CommandLine.Option;

/** --private or --public, at most one: where Fargate tasks run, over the service's "private" in mysfits.json. */
public final class TaskNetworkOptions {
    @Option(names = "--private", required = true, description = "Fargate tasks in the private subnets setup was given "
            + "(--private-subnets, or the stack outputs' PrivateSubnet*), without a public IP, as the immersion day's "
            + "service does. Checked first: those subnets need a NAT gateway route, or VPC endpoints for ecr.api, ecr.dkr, "
            + "logs (with awslogs) and s3 (gateway). Default: the service's \"private\" in mysfits.json, else public.")
    boolean privateTasks;

    @Option(names = "--public", required = true, description = "Fargate tasks in the load balancer's public subnets with "
            + "a public IP, even for a service that is \"private\" in mysfits.json.")
    boolean publicTasks;

    /** True for --private, false for --public. */
    Boolean privateTasks() {
        return privateTasks ? Boolean.TRUE : publicTasks ? Boolean.FALSE : null;
    }
}
