package dev.mysfits.config;

import dev.mysfits.core.MysfitsException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The workshop: its name (used in resource names and the mysfits:workshop tag), its directory, its services and its
 * DynamoDB tables.
 */
public record WorkshopConfig(String name, Path file, Path directory, Map<String, ServiceConfig> services,
                             Map<String, TableConfig> tables) {

    public WorkshopConfig(String name, Path file, Path directory, Map<String, ServiceConfig> services) {
        this(name, file, directory, services, Map.of());
    }

    public List<TableConfig> tablesInOrder() {
        return List.copyOf(tables.values());
    }

    public ServiceConfig service(String serviceName) {
        ServiceConfig service = services.get(serviceName);
        if (service == null) {
            throw MysfitsException.usage("unknown service '" + serviceName + "': " + file.getFileName()
                            + " defines " + String.join(", ", services.keySet()),
                    "use one of those names, or add the service to " + file);
        }
        return service;
    }

    public List<ServiceConfig> servicesInOrder() {
        return List.copyOf(services.values());
    }
}
