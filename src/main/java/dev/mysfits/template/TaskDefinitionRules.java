package dev.mysfits.template;

import dev.mysfits.core.MysfitsException;

import dev.mysfits.template.TaskDefinitionDocument.Container;
import dev.mysfits.template.TaskDefinitionDocument.LogConfiguration;
import dev.mysfits.template.TaskDefinitionDocument.PortMapping;

import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules ECS would enforce at RegisterTaskDefinition or at RunTask/CreateService time, for the launch type
 * the user asked for, checked up front so a bad template fails before anything is created.
 */
final class TaskDefinitionRules {
    private static final Set<String> NETWORK_MODES = Set.of("bridge", "host", "awsvpc", "none");
    private static final Set<String> COMPATIBILITIES = Set.of("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES");
    private static final Pattern FAMILY = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private final String file;
    private final String json;

    TaskDefinitionRules(String file, String json) {
        this.file = file;
        this.json = json;
    }

    void check(String launchType, TaskDefinitionDocument request) {
        common(request);
        if (launchType.equals("fargate")) {
            fargate(request);
        } else {
            ec2(request);
        }
    }

    private void common(TaskDefinitionDocument request) {
        if (request.family() == null || request.family().isBlank()) {
            throw error("family", "the task definition has no family", "add \"family\": \"${FAMILY}\" at the top level");
        }
        if (!FAMILY.matcher(request.family()).matches()) {
            throw error("family", "family \"" + request.family() + "\" may only have letters, digits, '-' and '_' (at most 255)",
                    "use \"${FAMILY}\", which deploy sets to <workshop>-<service>");
        }
        if (request.networkMode() != null && !NETWORK_MODES.contains(request.networkMode())) {
            throw error("networkMode", "networkMode \"" + request.networkMode() + "\" is not a network mode",
                    "use awsvpc (Fargate), or bridge, host or awsvpc (EC2)");
        }
        for (String compatibility : request.requiresCompatibilities()) {
            if (!COMPATIBILITIES.contains(compatibility)) {
                throw error("requiresCompatibilities", "requiresCompatibilities has \"" + compatibility + "\", which ECS does not know",
                        "use \"FARGATE\" or \"EC2\"");
            }
        }
        List<Container> containers = request.containerDefinitions();
        if (containers.isEmpty()) {
            throw error("containerDefinitions", "the task definition has no containers",
                    "add at least one entry to \"containerDefinitions\" with a name and an image");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < containers.size(); i++) {
            Container container = containers.get(i);
            String where = "containerDefinitions[" + i + "]";
            if (container.name() == null || container.name().isBlank()) {
                throw error("containerDefinitions", where + " has no name", "add \"name\" to that container");
            }
            where += " (\"" + container.name() + "\")";
            if (!names.add(container.name())) {
                throw error("containerDefinitions", where + ": the container name is used twice", "give each container its own name");
            }
            if (container.image() == null || container.image().isBlank()) {
                throw error("containerDefinitions", where + " has no image", "add \"image\": \"${IMAGE}\" to that container");
            }
            for (PortMapping port : container.portMappings()) {
                if (port.containerPort() == null || port.containerPort() < 1 || port.containerPort() > 65535) {
                    throw error("containerPort", where + " has a port mapping without a containerPort from 1 to 65535",
                            "set \"containerPort\": ${CONTAINER_PORT}");
                }
                if (port.hostPort() != null && (port.hostPort() < 0 || port.hostPort() > 65535)) {
                    throw error("hostPort", where + " has hostPort " + port.hostPort() + ", outside 0 to 65535",
                            "use 0 (a dynamic port) or a port number");
                }
            }
        }
    }

    private void fargate(TaskDefinitionDocument request) {
        if (!"awsvpc".equals(request.networkMode())) {
            throw error("networkMode", "Fargate needs networkMode awsvpc, the template says "
                            + (request.networkMode() == null ? "nothing" : request.networkMode()),
                    "use a Fargate template (networkMode awsvpc) or --ec2");
        }
        if (!request.requiresCompatibilities().contains("FARGATE")) {
            throw error("requiresCompatibilities", "Fargate needs \"FARGATE\" in requiresCompatibilities, the template says "
                            + request.requiresCompatibilities(),
                    "add \"requiresCompatibilities\": [\"FARGATE\"], or use --ec2");
        }
        if (request.cpu() == null || request.memory() == null) {
            throw error(request.cpu() == null ? "cpu" : "memory",
                    "Fargate needs task-level cpu and memory, the template sets no " + (request.cpu() == null ? "cpu" : "memory"),
                    "add \"cpu\": \"256\", \"memory\": \"512\" at the top level (or another pair from task-defs/README.md)");
        }
        OptionalInt cpu = FargateSizes.cpuUnits(request.cpu());
        if (cpu.isEmpty() || !FargateSizes.knownCpu(cpu.getAsInt())) {
            throw error("cpu", "Fargate does not accept task cpu \"" + request.cpu() + "\"",
                    "use one of " + FargateSizes.cpuChoices() + " (CPU units; 1024 = 1 vCPU)");
        }
        OptionalInt memory = FargateSizes.memoryMiB(request.memory());
        if (memory.isEmpty() || !FargateSizes.accepts(cpu.getAsInt(), memory.getAsInt())) {
            throw error("memory", "Fargate does not accept cpu " + request.cpu() + " with memory " + request.memory()
                            + ": with cpu " + cpu.getAsInt() + " it takes memory " + FargateSizes.memoryChoices(cpu.getAsInt()) + " (MiB)",
                    "pick a pair from Fargate's table in task-defs/README.md");
        }
        for (Container container : request.containerDefinitions()) {
            String where = "container \"" + container.name() + "\"";
            for (PortMapping port : container.portMappings()) {
                if (port.hostPort() != null && !port.hostPort().equals(port.containerPort())) {
                    throw error("hostPort", where + " maps hostPort " + port.hostPort() + " to containerPort " + port.containerPort()
                                    + ", but with awsvpc they must be equal", "remove hostPort (or use --ec2 for dynamic ports)");
                }
            }
            LogConfiguration log = container.logConfiguration();
            if (log != null && "awslogs".equals(log.logDriver())
                    && !log.options().containsKey("awslogs-stream-prefix")) {
                throw error("logConfiguration", where + " logs with awslogs but has no awslogs-stream-prefix, which Fargate needs",
                        "add \"awslogs-stream-prefix\": \"${SERVICE}\" to its logConfiguration options");
            }
        }
    }

    private void ec2(TaskDefinitionDocument request) {
        String mode = request.networkMode();
        if (mode != null && !Set.of("bridge", "host", "awsvpc").contains(mode)) {
            throw error("networkMode", "EC2 tasks here need networkMode bridge, host or awsvpc, the template says " + request.networkMode(),
                    "use \"bridge\" (with hostPort 0 for dynamic ports behind the load balancer)");
        }
        List<String> compatibilities = request.requiresCompatibilities();
        if (!compatibilities.isEmpty() && !compatibilities.contains("EC2")) {
            throw error("requiresCompatibilities", "the template requires " + compatibilities + ", which cannot run on EC2",
                    "use an EC2 template (requiresCompatibilities [\"EC2\"]) or --fargate");
        }
        if (request.memory() == null) {
            for (Container container : request.containerDefinitions()) {
                if (container.memory() == null && container.memoryReservation() == null) {
                    throw error("containerDefinitions", "container \"" + container.name()
                                    + "\" has no memory or memoryReservation, and the task sets no memory, which EC2 needs",
                            "add \"memoryReservation\": 128 (a soft limit in MiB) to that container");
                }
            }
        }
    }

    private MysfitsException error(String key, String message, String hint) {
        int line = lineOf(key);
        return MysfitsException.usage(file + (line > 0 ? ":" + line : "") + ": " + message, hint);
    }

    /** The line of the first occurrence of "key", so the error points near the cause; 0 when absent. */
    private int lineOf(String key) {
        int index = json.indexOf("\"" + key + "\"");
        if (index < 0) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (json.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
