package dev.mysfits.cli;

import dev.mysfits.aws.AwsAdapters;
import dev.mysfits.core.WaitProgress;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.config.WorkshopConfigLoader;
import dev.mysfits.console.Console;
import dev.mysfits.core.Environment;
import dev.mysfits.core.GlobalSettings;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.docker.DockerAdapters;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.ledger.WorkshopLock;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.time.Duration;

/**
 * What every command may need, built lazily from the global options: the console, the workshop config, the
 * ledger, and the two places adapters come from (AWS and Docker). Commands take from it and hand down to one
 * workflow; no SDK or docker-java type passes through here.
 */
public final class AppContext implements AutoCloseable {
    private static final Duration LOCK_WAIT = Duration.ofSeconds(10);
    private final Environment environment;
    private final GlobalSettings settings;
    private final Console console;
    private WorkshopConfig workshop;
    private Ledger ledger;
    private AwsAdapters aws;
    private DockerAdapters docker;
    private WorkshopLock lock;

    public AppContext(Environment environment, GlobalSettings settings, Console console) {
        this.environment = environment;
        this.settings = settings;
        this.console = console;
    }

    public Environment environment() {
        return environment;
    }

    public GlobalSettings settings() {
        return settings;
    }

    public Console console() {
        return console;
    }

    public synchronized WorkshopConfig workshop() {
        if (workshop == null) {
            Path file = settings.configFile() != null
                    ? settings.configFile()
                    : WorkshopConfigLoader.locate(environment.workingDirectory());
            // Tables setup adopted from the labs' stack go by the stack's names: the ledger beside mysfits.json says which.
            Path ledgerFile = Ledger.defaultFile(file.toAbsolutePath().getParent());
            Map<String, String> adopted;
            try {
                adopted = new Ledger(ledgerFile, Clock.systemUTC()).adoptedTables();
            } catch (MysfitsException unreadable) {
                adopted = Map.of();  // the commands that use the ledger say what is wrong with it
            }
            workshop = new WorkshopConfigLoader().load(file, adopted);
        }
        return workshop;
    }

    public synchronized Ledger ledger() {
        if (ledger == null) {
            ledger = new Ledger(Ledger.defaultFile(workshop().directory()), Clock.systemUTC());
        }
        return ledger;
    }

    /**
     * Takes the workshop's lock for a command that changes AWS: a second one in the same workshop waits up to
     * 10 s, then refuses naming the holder. Released when the command ends.
     */
    public synchronized void lockWorkshop(String what) {
        if (lock == null) {
            lock = WorkshopLock.acquire(WorkshopLock.defaultFile(workshop().directory()), what, LOCK_WAIT,
                    holder -> console.info("waiting for another mysfits to finish: " + holder));
        }
    }

    public synchronized AwsAdapters aws() {
        if (aws == null) {
            aws = new AwsAdapters(settings, environment, new WaitProgress() {
                @Override
                public void waiting(String key, String line) {
                    console.progress(key, line);
                }

                @Override
                public void ready(String key, String line) {
                    console.progressDone(key, line);
                }
            });
        }
        return aws;
    }

    public synchronized DockerAdapters docker() {
        if (docker == null) {
            docker = new DockerAdapters(settings.dockerHost(), settings.dockerConfig());
        }
        return docker;
    }

    /** For --stats: wall time since start-up and the AWS API calls, by operation, on stderr. */
    synchronized void printStats() {
        long millis = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        int calls = aws == null ? 0 : aws.callCounter().total();
        console.info("stats: " + millis + " ms wall time (JVM uptime), " + calls + " AWS API calls"
                + (aws == null ? "" : " " + aws.callCounter().byOperation()));
        console.info("stats: " + (aws == null ? 0 : aws.callCounter().retries()) + " AWS API retries");
    }

    @Override
    public synchronized void close() {
        if (lock != null) {
            lock.close();
        }
        if (aws != null) {
            aws.close();
        }
        if (docker != null) {
            docker.close();
        }
    }
}
