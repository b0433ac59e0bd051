package dev.mysfits.workflow.diff;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.core.DeploymentStrategy;

/**
 * What diff compares: the service as deploy would leave it with these options, beside what runs. The options are
 * deploy's, with the same meaning.
 *
 * @param launchType   "fargate" or "ec2"
 * @param tag          the image tag deploy would pin; null: the image 'latest' points at, by digest
 * @param count        the desired count deploy would set; null leaves it out of the comparison, as deploy leaves it
 * @param path         the path pattern deploy would route; null: the service's in mysfits.json
 * @param privateTasks --private (true) or --public (false); null: the service's "private" in mysfits.json
 * @param strategy     --strategy deploy would roll out with; null: the service's "deployment" in mysfits.json, else rolling
 */
public record DiffRequest(WorkshopConfig workshop, String service, String launchType, String tag, Integer count, String path,
                          Boolean privateTasks, DeploymentStrategy.Kind strategy) {

    public DiffRequest(WorkshopConfig workshop, String service, String launchType, String tag, Integer count, String path,
                       Boolean privateTasks) {
        this(workshop, service, launchType, tag, count, path, privateTasks, null);
    }
}
