package dev.mysfits.cli;

import dev.mysfits.console.InitRenderer;
import dev.mysfits.workflow.init.InitRequest;
import dev.mysfits.workflow.init.InitResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {
                "Make a workshop of any directory: mysfits.json and task-definition templates from its Dockerfiles.",
                "Finds the Dockerfiles (skipping .git, node_modules, virtualenvs and build output) and proposes a service "
                        + "for each: the name from its directory, containerPort from EXPOSE, health path /, an ECR repository "
                        + "<workshop>/<service>. On a terminal with several, asks which; otherwise takes them all, or the "
                        + "--service choices. Writes mysfits.json and task-defs/<service>-fargate.json and -ec2.json; an "
                        + "existing file is replaced only with --force."})
public final class InitCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The workshop directory (default: the current one).")
    Path directory;

    @Option(names = "--workshop", paramLabel = "NAME", description = "The workshop name (default: from the directory's name).")
    String workshop;

    @Option(names = "--service", paramLabel = "NAME=DIR",
            description = "Take this service, built from DIR's Dockerfile, instead of proposing. Repeatable.")
    Map<String, String> services = new LinkedHashMap<>();

    @Mixin
    DryRunOption dryRun = new DryRunOption();

    @Option(names = "--force", description = "Replace existing mysfits.json and templates.")
    boolean force;

    @Override
    protected void execute() {
        Path working = context().environment().workingDirectory();
        Path dir = directory == null ? working : working.resolve(directory);
        InitResult result = context().workflows().init().execute(new InitRequest(dir, workshop, services, dryRun.on(), force));
        new InitRenderer(console()).render(result, "mysfits init" + (directory == null ? "" : " " + directory));
    }
}
