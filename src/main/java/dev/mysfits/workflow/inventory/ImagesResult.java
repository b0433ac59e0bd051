package dev.mysfits.workflow.inventory;

import java.util.List;

/** What `mysfits images` compared: per service, in the workshop file's order, its local tags beside ECR's. */
public record ImagesResult(List<ServiceImages> services) {
    public ImagesResult {
        services = List.copyOf(services);
    }
}
