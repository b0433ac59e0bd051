package dev.mysfits.cli;

import picocli.CommandLine.Option;

/** --fargate or --ec2, exactly one. */
public final class LaunchTypeOptions {
    @Option(names = "--fargate", required = true, description = "Run on AWS Fargate (awsvpc, no servers to manage).")
    boolean fargate;

    @Option(names = "--ec2", required = true, description = "Run on the cluster's EC2 container instances (bridge network, dynamic host ports).")
    boolean ec2;

    public String launchType() {
        return ec2 ? "ec2" : "fargate";
    }
}
