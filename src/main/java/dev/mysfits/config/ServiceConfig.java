package dev.mysfits.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * One service of the workshop, as mysfits.json names it. Paths are resolved against the workshop directory.
 *
 * @param name           the service name used on the command line ("monolith")
 * @param context        the Docker build context
 * @param dockerfile     the Dockerfile, relative to the context
 * @param image          the local image name ("monolith-service")
 * @param repository     the ECR repository name ("mysfits/monolith-service")
 * @param containerPort  the port the app listens on inside the container
 * @param localPort      the host port `mysfits run` and `up` publish, 0 when it is not published ("localPort": null)
 * @param healthPath     the HTTP path that answers 200 when the app is up
 * @param path           the ALB path pattern this service claims ("/" is the listener's default action)
 * @param environment    environment variables for run and for task definitions (values may use placeholders)
 * @param buildArgs      Docker build arguments
 * @param taskDefinitions task-definition templates by launch type ("fargate", "ec2")
 * @param healthCheck    the target group's health check and deregistration delay, and ECS's grace period
 * @param local          how `mysfits up` runs it beside the other services
 * @param taskRole       the service's own task role and its policies, or null for the workshop's shared task role
 * @param privateTasks   "private": Fargate tasks in the private subnets setup remembered, without a public IP
 * @param deployment     "deployment": how ECS rolls out a new revision (rolling unless it says otherwise)
 */
public record ServiceConfig(
        String name,
        Path context,
        String dockerfile,
        String image,
        String repository,
        int containerPort,
        int localPort,
        String healthPath,
        String path,
        Map<String, String> environment,
        Map<String, String> buildArgs,
        Map<String, Path> taskDefinitions,
        HealthCheckConfig healthCheck,
        LocalRunConfig local,
        TaskRoleConfig taskRole,
        boolean privateTasks,
        DeploymentConfig deployment) {

    public ServiceConfig(String name, Path context, String dockerfile, String image, String repository, int containerPort,
                         int localPort, String healthPath, String path, Map<String, String> environment,
                         Map<String, String> buildArgs, Map<String, Path> taskDefinitions, HealthCheckConfig healthCheck,
                         LocalRunConfig local, TaskRoleConfig taskRole, boolean privateTasks) {
        this(name, context, dockerfile, image, repository, containerPort, localPort, healthPath, path, environment, buildArgs,
                taskDefinitions, healthCheck, local, taskRole, privateTasks, DeploymentConfig.NONE);
    }

    public ServiceConfig(String name, Path context, String dockerfile, String image, String repository, int containerPort,
                         int localPort, String healthPath, String path, Map<String, String> environment,
                         Map<String, String> buildArgs, Map<String, Path> taskDefinitions, HealthCheckConfig healthCheck,
                         LocalRunConfig local, TaskRoleConfig taskRole) {
        this(name, context, dockerfile, image, repository, containerPort, localPort, healthPath, path, environment, buildArgs,
                taskDefinitions, healthCheck, local, taskRole, false);
    }

    public ServiceConfig(String name, Path context, String dockerfile, String image, String repository, int containerPort,
                         int localPort, String healthPath, String path, Map<String, String> environment,
                         Map<String, String> buildArgs, Map<String, Path> taskDefinitions, HealthCheckConfig healthCheck,
                         LocalRunConfig local) {
        this(name, context, dockerfile, image, repository, containerPort, localPort, healthPath, path, environment, buildArgs,
                taskDefinitions, healthCheck, local, null);
    }

    public ServiceConfig(String name, Path context, String dockerfile, String image, String repository, int containerPort,
                         int localPort, String healthPath, String path, Map<String, String> environment,
                         Map<String, String> buildArgs, Map<String, Path> taskDefinitions, HealthCheckConfig healthCheck) {
        this(name, context, dockerfile, image, repository, containerPort, localPort, healthPath, path, environment, buildArgs,
                taskDefinitions, healthCheck, LocalRunConfig.NONE);
    }

    /** False for a service only other services reach, like the 003 lab's database. */
    public boolean publishesPort() {
        return localPort > 0;
    }

    public Path dockerfilePath() {
        return buildContext().resolve(dockerfile);
    }

    /** False for a service whose image is pulled, not built: the workshop file gives it no "context". */
    public boolean builtHere() {
        return context != null;
    }

    /** The build context; a service without one is refused with what to do. */
    public Path buildContext() {
        if (context == null) {
            throw dev.mysfits.core.MysfitsException.usage("service " + name + " has no build context: its image " + image
                    + " is pulled, not built", "add \"context\" (the directory with its Dockerfile) to the service in the workshop file");
        }
        return context;
    }

    public boolean isDefaultRoute() {
        return path == null || path.equals("/") || path.equals("/*");
    }
}
