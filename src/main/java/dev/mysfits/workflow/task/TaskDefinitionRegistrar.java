package dev.mysfits.workflow.task;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.workflow.deploy.RegisteredRevision;

/** Makes sure the service's template has a registered revision, as deploy does, and names it. */
@FunctionalInterface
public interface TaskDefinitionRegistrar {
    /** @param launchType "fargate" or "ec2": the template to render */
    RegisteredRevision register(WorkshopConfig workshop, String service, String launchType);
}
