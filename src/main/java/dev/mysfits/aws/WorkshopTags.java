package dev.mysfits.aws;

import dev.mysfits.core.ResourceNames;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.TagFilter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What carries a workshop's tag, by ARN, from one Resource Groups Tagging API query: it finds a resource whatever
 * its name (a task-definition family that does not start with the workshop's name, a renamed log group), where
 * listing by name prefix would miss it.
 */
public final class WorkshopTags {
    /** The types the Tagging API covers here and the finders read from it. */
    static final List<String> TYPES = List.of("elasticloadbalancing:loadbalancer", "elasticloadbalancing:targetgroup",
            "ecs:cluster", "ecs:task-definition", "logs:loggroup");

    private final Map<String, Map<String, String>> tagsByArn;

    WorkshopTags(Map<String, Map<String, String>> tagsByArn) {
        this.tagsByArn = Map.copyOf(tagsByArn);
    }

    static WorkshopTags query(ResourceGroupsTaggingApiClient tagging, String workshop) {
        Map<String, Map<String, String>> found = new LinkedHashMap<>();
        TagFilter byWorkshop = TagFilter.builder().key(ResourceNames.TAG_WORKSHOP).values(workshop).build();
        tagging.getResourcesPaginator(r -> r.tagFilters(byWorkshop).resourceTypeFilters(TYPES)).forEach(page ->
                page.resourceTagMappingList().forEach(mapping -> {
                    Map<String, String> tags = new LinkedHashMap<>();
                    mapping.tags().forEach(t -> tags.put(t.key(), t.value()));
                    found.put(mapping.resourceARN(), tags);
                }));
        return new WorkshopTags(found);
    }

    /** The tagged ARNs with this marker (":targetgroup/", ":task-definition/"), and their tags. */
    public Map<String, Map<String, String>> arns(String marker) {
        Map<String, Map<String, String>> matching = new LinkedHashMap<>();
        tagsByArn.forEach((arn, tags) -> {
            if (arn.contains(marker)) {
                matching.put(arn, tags);
            }
        });
        return matching;
    }
}
