package dev.mysfits.workflow.deploy;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.core.DeploymentStrategy;
import java.time.Duration;

/**
 * What the user asked deploy to do.
 *
 * @param workshop     the workshop file the service is in
 * @param launchType   "fargate" or "ec2"
 * @param tag          an image tag to pin the task definition to; null deploys what 'latest' points at, by digest
 * @param count        desired tasks; null keeps an existing service's count (1 for a new one)
 * @param path         path pattern to route to the service; null uses the config's
 * @param pollInterval how often the rollout is polled
 * @param privateTasks --private (true) or --public (false); null follows the service's "private" in mysfits.json
 * @param strategy     --strategy; null follows the service's "deployment" in mysfits.json (rolling without one)
 */
public record DeployRequest(WorkshopConfig workshop, String service, String launchType, String tag, Integer count, String path, boolean waitForStable,
                            Duration timeout, Duration pollInterval, boolean dryRun, Boolean privateTasks,
                            DeploymentStrategy.Kind strategy) {

    public DeployRequest(WorkshopConfig workshop, String service, String launchType, String tag, Integer count, String path,
                         boolean waitForStable, Duration timeout, Duration pollInterval, boolean dryRun, Boolean privateTasks) {
        this(workshop, service, launchType, tag, count, path, waitForStable, timeout, pollInterval, dryRun, privateTasks, null);
    }

    public DeployRequest(WorkshopConfig workshop, String service, String launchType, String tag, Integer count, String path,
                         boolean waitForStable, Duration timeout, Duration pollInterval, boolean dryRun) {
        this(workshop, service, launchType, tag, count, path, waitForStable, timeout, pollInterval, dryRun, null);
    }

    /** What registering the service's task definition needs, and no more (task run). */
    public static DeployRequest taskDefinitionOnly(WorkshopConfig workshop, String service, String launchType) {
        return taskDefinitionOnly(workshop, service, launchType, null);
    }

    /** Only the task definition, with the image of this tag (null: the one 'latest' points at). */
    public static DeployRequest taskDefinitionOnly(WorkshopConfig workshop, String service, String launchType, String tag) {
        return new DeployRequest(workshop, service, launchType, tag, null, null, false, Duration.ZERO, Duration.ZERO, false);
    }

    public boolean fargate() {
        return "fargate".equals(launchType);
    }

    /** The tag looked up in ECR. */
    public String imageTag() {
        return tag == null ? "latest" : tag;
    }

    /** The ECS name of the launch type. */
    public String ecsLaunchType() {
        return fargate() ? "FARGATE" : "EC2";
    }
}
