package dev.mysfits.aws;

import dev.mysfits.core.ResourceType;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One service's part of cleanup: the delete of each resource type it owns. {@link SdkResourceDeleter} puts every
 * service's part into one table, so the dispatch on type is written once, as the not-found and busy handling is in
 * {@link DeletionErrors}; a service's file keeps only its own calls.
 */
public interface ServiceDeleter {

    /** Deletes one resource, as {@link ResourceDeleter#delete} does. */
    @FunctionalInterface
    interface Delete {
        ResourceDeleter.Outcome delete(OwnedResource resource);
    }

    /** The delete of each resource type this service owns. */
    Map<ResourceType, Delete> deletes();

    /** The deletes of all the services, by type: every type has exactly one, or this fails. */
    static Map<ResourceType, Delete> table(List<ServiceDeleter> services) {
        Map<ResourceType, Delete> table = new EnumMap<>(ResourceType.class);
        for (ServiceDeleter service : services) {
            service.deletes().forEach((type, delete) -> {
                if (table.putIfAbsent(type, delete) != null) {
                    throw new IllegalStateException("two services delete " + type);
                }
            });
        }
        for (ResourceType type : ResourceType.values()) {
            if (!table.containsKey(type)) {
                throw new IllegalStateException("no service deletes " + type);
            }
        }
        return table;
    }
}
