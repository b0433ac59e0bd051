package dev.mysfits.aws.ecr;

/** An ECR repository: its name and the URI images are pushed to (host/name). */
public record EcrRepository(String name, String uri) {
}
