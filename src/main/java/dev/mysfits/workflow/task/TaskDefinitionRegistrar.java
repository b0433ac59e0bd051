package dev.mysfits.workflow.task;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.workflow.deploy.RegisteredRevision;

/** Makes sure the service's template has a registered revision, as deploy does, and names it. */
@FunctionalInterface
public interface TaskDefinitionRegistrar {
    /**
     * @param launchType "fargate" or "ec2": the template to render
     * @param tag        the image tag to pin, or null for the image 'latest' points at, named by its digest
     */
    RegisteredRevision register(WorkshopConfig workshop, String service, String launchType, String tag);
}
