package dev.mysfits.workflow.lab;

import dev.mysfits.aws.logs.LogLine;
import dev.mysfits.aws.logs.LogReader;
import dev.mysfits.config.ServiceConfig;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.core.Interrupted;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.core.Sleeper;
import dev.mysfits.docker.ContainerRunner;
import dev.mysfits.docker.ContainerState;
import dev.mysfits.docker.LocalContainers;
import dev.mysfits.docker.LogQuery;
import dev.mysfits.lab.Probe;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A log line holding some text: in the service's CloudWatch log group (the last hour), or its local container's logs.
 * CloudWatch shows a line a few seconds after the container wrote it: when the group is there but the line is not,
 * the probe reads the group again, once a second for {@link #CLOUD_SETTLE} at most, before it fails (it only reads).
 */
public final class LogProbes implements ProbeEvaluator<Probe.Log> {
    /** How far back CloudWatch is read. */
    public static final Duration CLOUD_WINDOW = Duration.ofHours(1);
    /** How long a line may take to show in CloudWatch, and how often the group is read again meanwhile. */
    static final Duration CLOUD_SETTLE = Duration.ofSeconds(10);
    static final Duration CLOUD_POLL = Duration.ofSeconds(1);
    /** How many of the local container's last lines are read, and how long reading them may take. */
    static final int LOCAL_TAIL = 5_000;
    static final Duration LOCAL_TIMEOUT = Duration.ofSeconds(10);

    private final Supplier<LogReader> cloud;
    private final Supplier<ContainerRunner> local;
    private final Clock clock;
    private final Sleeper sleeper;

    public LogProbes(Supplier<LogReader> cloud, Supplier<ContainerRunner> local, Clock clock) {
        this(cloud, local, clock, Sleeper.system());
    }

    public LogProbes(Supplier<LogReader> cloud, Supplier<ContainerRunner> local, Clock clock, Sleeper sleeper) {
        this.cloud = cloud;
        this.local = local;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public String describe(Probe.Log probe, WorkshopConfig workshop) {
        String where = "cloud".equals(probe.where()) ? "CloudWatch logs (last hour)" : "local container's logs";
        return probe.service() + "'s " + where + " show \"" + probe.contains() + "\"";
    }

    @Override
    public Optional<String> problem(Probe.Log probe, WorkshopConfig workshop) {
        ServiceConfig service = workshop.service(probe.service());
        if ("cloud".equals(probe.where())) {
            String group = new ResourceNames(workshop.name()).logGroup(service.name());
            LogReader reader = cloud.get();
            Optional<List<LogLine>> lines = reader.read(group, clock.instant().minus(CLOUD_WINDOW));
            for (long waited = 0; lines.isPresent() && !holds(lines.get(), probe.contains())
                    && waited < CLOUD_SETTLE.toMillis(); waited += CLOUD_POLL.toMillis()) {
                pause();
                lines = reader.read(group, clock.instant().minus(CLOUD_WINDOW));
            }
            if (lines.isEmpty()) {
                return Optional.of("no log group " + group);
            }
            if (holds(lines.get(), probe.contains())) {
                return Optional.empty();
            }
            return Optional.of(lines.get().isEmpty() ? group + " has no lines from the last hour"
                    : "none of the " + lines.get().size() + " lines of the last hour in " + group + " holds it");
        }
        ContainerRunner runner = local.get();
        Optional<ContainerState> container = LocalContainerLookup.find(runner, workshop, service);
        if (container.isEmpty()) {
            return Optional.of("no container " + LocalContainers.containerName(workshop.name(), service.name())
                    + " (nor " + service.name() + ") on the local engine");
        }
        StringBuilder text = new StringBuilder();
        runner.logs(container.get().name(), new LogQuery(false, LOCAL_TAIL, LOCAL_TIMEOUT), text::append);
        if (text.indexOf(probe.contains()) >= 0) {
            return Optional.empty();
        }
        long lines = text.chars().filter(c -> c == '\n').count();
        return Optional.of(text.isEmpty() ? "container " + container.get().name() + " has logged nothing"
                : "none of the " + lines + " lines container " + container.get().name() + " logged holds it");
    }

    private static boolean holds(List<LogLine> lines, String text) {
        return lines.stream().anyMatch(l -> l.message() != null && l.message().contains(text));
    }

    private void pause() {
        try {
            sleeper.sleep(CLOUD_POLL);
        } catch (InterruptedException e) {
            throw new Interrupted(e);
        }
    }
}
