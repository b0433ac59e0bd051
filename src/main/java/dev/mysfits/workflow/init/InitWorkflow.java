package dev.mysfits.workflow.init;

import dev.mysfits.workflow.Workflow;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mysfits.core.EcrRepositoryName;
import dev.mysfits.config.WorkshopConfigLoader;
import dev.mysfits.workflow.Confirmation;
import dev.mysfits.workflow.Events;
import dev.mysfits.core.AtomicFiles;
import dev.mysfits.core.MysfitsException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a directory with Dockerfiles into a workshop: proposes a service per Dockerfile, then writes mysfits.json and
 * a Fargate and an EC2 task-definition template per service. Everything is checked before the first file is written,
 * and an existing file is replaced only with force.
 */
public final class InitWorkflow implements Workflow<InitRequest, InitResult> {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,30}");
    /** Pretty, with "key": value as the hand-written files have it. */
    private static final com.fasterxml.jackson.databind.ObjectWriter JSON = new ObjectMapper().writer(
            new com.fasterxml.jackson.core.util.DefaultPrettyPrinter().withSeparators(
                    com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER)));

    private final Events events;
    private final Confirmation confirmation;

    public InitWorkflow(Events events, Confirmation confirmation) {
        this.events = events;
        this.confirmation = confirmation;
    }

    @Override
    public InitResult execute(InitRequest request) {
        Path dir = request.directory().toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw MysfitsException.usage("directory " + dir + " does not exist", "run mysfits init in your workshop's directory");
        }
        String workshop = request.workshop() != null ? request.workshop() : DockerfileScanner.serviceName(dir.getFileName().toString());
        if (!NAME.matcher(workshop).matches()) {
            throw MysfitsException.usage("workshop name '" + workshop + "' must be lowercase letters, digits and dashes, "
                    + "starting with a letter, at most 31 characters", "pass --workshop my-workshop");
        }
        events.stage((request.dryRun() ? "Planning" : "Writing") + " workshop " + workshop + " for " + dir);
        List<ServiceCandidate> services = request.chosen().isEmpty() ? propose(dir, workshop) : chosen(dir, workshop, request.chosen());
        Map<String, String> files = render(workshop, services);
        List<String> existing = files.keySet().stream().filter(f -> Files.exists(dir.resolve(f))).toList();
        if (!existing.isEmpty() && !request.force() && !request.dryRun()) {
            throw MysfitsException.usage(String.join(", ", existing) + " already exist" + (existing.size() == 1 ? "s" : "")
                    + " in " + dir, "keep them, or replace them with mysfits init --force");
        }
        if (!request.dryRun()) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                write(dir.resolve(file.getKey()), file.getValue());
                events.made("wrote " + file.getKey());
            }
        }
        return new InitResult(workshop, List.copyOf(files.keySet()), services, request.dryRun());
    }

    /** A service per Dockerfile found; on a terminal with several, the person picks. */
    private List<ServiceCandidate> propose(Path dir, String workshop) {
        List<Path> dockerfiles = DockerfileScanner.find(dir);
        if (dockerfiles.isEmpty()) {
            throw MysfitsException.usage("no Dockerfile in " + dir + " or below it (skipping "
                            + String.join(", ", new java.util.TreeSet<>(DockerfileScanner.SKIPPED)) + ")",
                    "run mysfits init where your services' Dockerfiles are, or name them: --service NAME=DIR");
        }
        List<ServiceCandidate> candidates = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Path dockerfile : dockerfiles) {
            Path context = dockerfile.getParent();
            String base = DockerfileScanner.serviceName(context.equals(dir) ? dir.getFileName().toString()
                    : context.getFileName().toString());
            String name = base;
            for (int i = 2; !names.add(name); i++) {
                name = base + "-" + i;
            }
            candidates.add(candidate(dir, workshop, name, context));
        }
        if (candidates.size() > 1 && confirmation.interactive()) {
            List<ServiceCandidate> picked = candidates.stream().filter(c -> confirmation.confirm("Add service " + c.name()
                    + " (" + c.context() + ", port " + c.containerPort() + ")?")).toList();
            if (picked.isEmpty()) {
                throw MysfitsException.usage("no service chosen", "answer y for at least one, or name them: --service NAME=DIR");
            }
            return picked;
        }
        candidates.forEach(c -> events.note("found " + c.context().resolve(c.dockerfile()) + ": service " + c.name()
                + ", port " + c.containerPort()));
        return candidates;
    }

    private List<ServiceCandidate> chosen(Path dir, String workshop, Map<String, String> chosen) {
        List<ServiceCandidate> services = new ArrayList<>();
        for (Map.Entry<String, String> choice : new java.util.TreeMap<>(chosen).entrySet()) {
            if (!NAME.matcher(choice.getKey()).matches()) {
                throw MysfitsException.usage("service name '" + choice.getKey() + "' must be lowercase letters, digits and "
                        + "dashes, starting with a letter", "pass --service " + DockerfileScanner.serviceName(choice.getKey())
                        + "=" + choice.getValue());
            }
            Path context = dir.resolve(choice.getValue()).normalize();
            if (!Files.isRegularFile(context.resolve("Dockerfile"))) {
                throw MysfitsException.usage("--service " + choice.getKey() + "=" + choice.getValue() + ": no Dockerfile in "
                        + context, "name a directory that has a Dockerfile");
            }
            services.add(candidate(dir, workshop, choice.getKey(), context));
        }
        return services;
    }

    private static ServiceCandidate candidate(Path dir, String workshop, String name, Path context) {
        String repository = workshop + "/" + name;
        EcrRepositoryName.validate(repository, "the workshop or service name");
        Path relative = dir.relativize(context);
        return new ServiceCandidate(name, relative.toString().isEmpty() ? Path.of(".") : relative, "Dockerfile",
                DockerfileScanner.exposedPort(context.resolve("Dockerfile")), repository);
    }

    /** File name (relative) to content: mysfits.json and two templates per service. */
    private static Map<String, String> render(String workshop, List<ServiceCandidate> services) {
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("workshop", workshop);
        Map<String, Object> byName = new LinkedHashMap<>();
        int localPort = 8000;
        boolean first = true;
        for (ServiceCandidate s : services) {
            Map<String, Object> service = new LinkedHashMap<>();
            service.put("context", s.context().toString().replace('\\', '/'));
            service.put("dockerfile", s.dockerfile());
            service.put("image", s.repository().replace('/', '-'));
            service.put("repository", s.repository());
            service.put("containerPort", s.containerPort());
            service.put("localPort", localPort++);
            service.put("healthPath", "/");
            service.put("path", first ? "/" : "/" + s.name() + "/*");
            service.put("taskDefinitions", Map.of("fargate", "task-defs/" + s.name() + "-fargate.json",
                    "ec2", "task-defs/" + s.name() + "-ec2.json"));
            byName.put(s.name(), service);
            files.put("task-defs/" + s.name() + "-fargate.json", TaskDefinitionTemplate.fargate(s.name()));
            files.put("task-defs/" + s.name() + "-ec2.json", TaskDefinitionTemplate.ec2(s.name()));
            first = false;
        }
        config.put("services", byName);
        try {
            Map<String, String> ordered = new LinkedHashMap<>();
            ordered.put(WorkshopConfigLoader.FILE_NAME, JSON.writeValueAsString(config) + "\n");
            ordered.putAll(files);
            return ordered;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            AtomicFiles.writeString(file, content);
        } catch (IOException e) {
            throw MysfitsException.failed("cannot write " + file + ": " + e.getMessage(), "check the directory's permissions", e);
        }
    }
}
