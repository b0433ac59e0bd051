package dev.mysfits.aws.logs;

import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.WorkshopTags;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.core.ResourceType;

import java.util.ArrayList;
import java.util.List;

/** A workshop's log groups, by their tag alone: the Tagging API names them, whatever prefix they have. */
public final class LogsTaggedResources {
    private static final String LOG_GROUP_MARK = ":log-group:";

    private LogsTaggedResources() {
    }

    public static List<OwnedResource> logGroups(WorkshopTags tagged, ResourceNames names) {
        String prefix = names.logGroup("");
        List<OwnedResource> ours = new ArrayList<>();
        tagged.arns(LOG_GROUP_MARK).forEach((arn, tags) -> {
            String name = arn.substring(arn.indexOf(LOG_GROUP_MARK) + LOG_GROUP_MARK.length());
            if (name.endsWith(":*")) {
                name = name.substring(0, name.length() - 2);
            }
            String fallback = name.startsWith(prefix) ? name.substring(prefix.length()) : null;
            ours.add(OwnedResource.of(ResourceType.LOG_GROUP, name, name, tags.getOrDefault(ResourceNames.TAG_SERVICE, fallback), null));
        });
        return ours;
    }
}
