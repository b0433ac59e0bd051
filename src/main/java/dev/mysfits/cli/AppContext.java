package dev.mysfits.cli;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.config.WorkshopConfigLoader;
import dev.mysfits.console.Console;
import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.console.TerminalConfirmation;
import dev.mysfits.core.Environment;
import dev.mysfits.core.GlobalSettings;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.ledger.WorkshopLock;
import dev.mysfits.workflow.Workflows;

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
    private Path workshopFile;
    private Ledger ledger;
    private Workflows workflows;
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

    /**
     * A lab command works in the workshop its lab names, not the one around the working directory: called before
     * anything reads the workshop.
     */
    public synchronized void useWorkshopFile(Path file) {
        if (workshop != null && !workshop.file().toAbsolutePath().equals(file.toAbsolutePath())) {
            throw new IllegalStateException("the workshop was read before the lab named " + file);
        }
        workshopFile = file;
    }

    public synchronized WorkshopConfig workshop() {
        if (workshop == null) {
            Path file = workshopFile != null ? workshopFile
                    : settings.configFile() != null
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

    /** Every workflow, wired: commands take theirs from here. */
    public synchronized Workflows workflows() {
        if (workflows == null) {
            workflows = new Workflows(settings, environment, new ConsoleEvents(console), TerminalConfirmation.system(console), this::workshop, this::ledger);
        }
        return workflows;
    }

    /** For --stats: wall time since start-up and the AWS API calls, by operation, on stderr. */
    synchronized void printStats() {
        long millis = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        Workflows.ApiCalls calls = workflows == null ? new Workflows.ApiCalls(0, Map.of(), 0) : workflows.apiCalls();
        console.info("stats: " + millis + " ms wall time (JVM uptime), " + calls.total() + " AWS API calls"
                + (calls.total() == 0 ? "" : " " + calls.byOperation()));
        console.info("stats: " + calls.retries() + " AWS API retries");
    }

    @Override
    public synchronized void close() {
        if (lock != null) {
            lock.close();
        }
        if (workflows != null) {
            workflows.close();
        }
    }
}
