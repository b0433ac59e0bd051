package dev.mysfits.cli;

import dev.mysfits.console.Console;
import dev.mysfits.core.Environment;
import dev.mysfits.core.GlobalSettings;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.workflow.Workflows;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The root command: global options (inherited by every subcommand) and the list of subcommands. */
@Command(name = "mysfits",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "The AWS container workshops as a few commands: build, run, push, deploy, clean up.",
        subcommands = {
                picocli.CommandLine.HelpCommand.class,
                InitCommand.class,
                BuildCommand.class,
                RunCommand.class,
                RunImageCommand.class,
                LogsCommand.class,
                StopCommand.class,
                UpCommand.class,
                DownCommand.class,
                PsCommand.class,
                BuildspecCommand.class,
                CodeBuildCommand.class,
                PushCommand.class,
                ImagesCommand.class,
                SetupCommand.class,
                DeployCommand.class,
                DiffCommand.class,
                TaskCommand.class,
                RevisionsCommand.class,
                RollbackCommand.class,
                ScaleCommand.class,
                AutoscaleCommand.class,
                StatusCommand.class,
                CleanupCommand.class,
                LabCommand.class,
                TrainClassDataCommand.class,
        })
public final class MysfitsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--region", scope = ScopeType.INHERIT, paramLabel = "REGION",
            description = "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile's region).")
    String region;

    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "AWS profile from ~/.aws/config (default: AWS_PROFILE).")
    String profile;

    @Option(names = "--endpoint-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Send AWS calls to this endpoint, e.g. the local sandbox (default: AWS_ENDPOINT_URL).")
    String endpointUrl;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Workshop file (default: mysfits.json in this directory or a parent).")
    Path configFile;

    @Option(names = "--output", scope = ScopeType.INHERIT, paramLabel = "FORMAT", defaultValue = "text",
            converter = OutputFormatConverter.class,
            description = "Output format on stdout: text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Option(names = "--no-color", scope = ScopeType.INHERIT,
            description = "No colours (also when NO_COLOR is set or stderr is not a terminal).")
    boolean noColor;

    @Option(names = "--stats", scope = ScopeType.INHERIT, hidden = true,
            description = "At exit, print the wall time and the AWS API calls made, on stderr (for benchmarks).")
    boolean stats;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Show stack traces and SDK/Docker details on errors.")
    boolean debug;

    private final Environment environment;
    private final ConsoleFactory consoleFactory;
    private AppContext context;

    public MysfitsCommand() {
        this(Environment.ofSystem(), ConsoleFactory.system());
    }

    public MysfitsCommand(Environment environment, ConsoleFactory consoleFactory) {
        this.environment = environment;
        this.consoleFactory = consoleFactory;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    public boolean debug() {
        return debug;
    }

    /** The context of this invocation, built on first use from the options and the environment. */
    public synchronized AppContext context() {
        if (context == null) {
            GlobalSettings settings = settings();
            Console console = consoleFactory.create(spec.commandLine(), settings, environment);
            context = new AppContext(environment, settings, console);
        }
        return context;
    }

    public synchronized Console console() {
        return context().console();
    }

    /**
     * Said once when the process is stopped (Ctrl-C, kill) before the command finished: what was in progress. The
     * JVM then exits 130 (SIGINT) or 143 (SIGTERM).
     */
    public void reportInterrupted() {
        AppContext current;
        synchronized (this) {
            current = context;
        }
        String hint = "run the same command again: every step looks before it acts, so it continues where this stopped";
        if (current == null) {
            System.err.println("Error: interrupted\nHint: " + hint);
            return;
        }
        String doing = current.console().lastStep();
        current.console().error("interrupted" + (doing == null ? "" : " while: " + doing), hint);
    }

    synchronized void close() {
        if (context != null) {
            if (stats) {
                context.printStats();
            }
            context.close();
        }
    }

    /**
     * Runs another mysfits command in this process, in a workshop, with this one's global options: `lab run` solves
     * its steps so. Its stdout goes to this one's stderr, so that the lab's own answer stays alone on stdout.
     */
    int runNested(Path workshopFile, List<String> arguments) {
        MysfitsCommand nested = new MysfitsCommand(environment, consoleFactory);
        CommandLine line = Cli.create(nested);
        line.setOut(spec.commandLine().getErr());
        line.setErr(spec.commandLine().getErr());
        List<String> args = new ArrayList<>();
        if (region != null) {
            args.addAll(List.of("--region", region));
        }
        if (profile != null) {
            args.addAll(List.of("--profile", profile));
        }
        if (endpointUrl != null) {
            args.addAll(List.of("--endpoint-url", endpointUrl));
        }
        if (noColor) {
            args.add("--no-color");
        }
        if (debug) {
            args.add("--debug");
        }
        args.addAll(List.of("--config", workshopFile.toString(), "--output", "text"));
        args.addAll(arguments);
        return Cli.execute(nested, line, args.toArray(String[]::new));
    }

    GlobalSettings settings() {
        String resolvedProfile = Optional.ofNullable(profile).or(() -> environment.get("AWS_PROFILE")).orElse(null);
        String resolvedRegion = Optional.ofNullable(region)
                .or(() -> environment.get("AWS_REGION"))
                .or(() -> environment.get("AWS_DEFAULT_REGION"))
                .or(() -> Workflows.profileRegion(environment, resolvedProfile))
                .orElse(null);
        String endpoint = Optional.ofNullable(endpointUrl).or(() -> environment.get("AWS_ENDPOINT_URL")).orElse(null);
        boolean color = !noColor && environment.get("NO_COLOR").isEmpty() && !"dumb".equals(environment.get("TERM").orElse(""));
        return new GlobalSettings(resolvedRegion, resolvedProfile, profile != null, endpoint, debug, color, output,
                configFile == null ? null : environment.workingDirectory().resolve(configFile),
                environment.get("DOCKER_HOST").orElse(null),
                environment.get("DOCKER_CONFIG").map(Path::of).orElse(environment.homeDirectory().resolve(".docker")));
    }

}
