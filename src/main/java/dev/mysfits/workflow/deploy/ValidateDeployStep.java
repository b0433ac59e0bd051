package dev.mysfits.workflow.deploy;

import dev.mysfits.workflow.Events;
import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.workflow.infrastructure.RoutePlan;

import dev.mysfits.aws.ecs.ContainerInstances;
import dev.mysfits.aws.ec2.Network;
import dev.mysfits.aws.elbv2.LoadBalancerRouter;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;
import dev.mysfits.template.TaskDefinitionDocument.Container;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Looks at everything a deploy needs before anything changes: the template (rendered strictly), setup, the pushed
 * image (those three through {@link TaskDefinitionInputs}, which task run shares), the route and the existing service.
 * Any problem here is an error with nothing created.
 */
final class ValidateDeployStep implements Step<DeployContext> {
    private final ContainerService containers;
    private final LoadBalancerRouter router;
    private final Network network;
    private final TaskDefinitionInputs inputs;
    private final Events events;

    ValidateDeployStep(ContainerService containers, LoadBalancerRouter router, Network network, TaskDefinitionInputs inputs,
                       Events events) {
        this.containers = containers;
        this.router = router;
        this.network = network;
        this.inputs = inputs;
        this.events = events;
    }

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public Change plan(DeployContext ctx) {
        // Local input first: the path's shape, then the template (TaskDefinitionInputs checks it before AWS is asked).
        checkPathShape(ctx);
        checkPrivateShape(ctx);
        Path template = inputs.resolve(ctx);
        if (ctx.privateTasks) {
            checkPrivateSubnets(ctx);
        }
        ctx.existingTargetGroup = checkTargetGroup(ctx, ctx.names.targetGroup(ctx.service.name(), ctx.request.launchType()));
        if (ctx.strategy.shiftsTraffic()) {
            ctx.existingAlternateTargetGroup = checkTargetGroup(ctx,
                    ctx.names.alternateTargetGroup(ctx.service.name(), ctx.request.launchType()));
        }
        ctx.rules = router.rules(ctx.infrastructure.listenerArn());
        ctx.route = route(ctx);
        ctx.existingService = containers.describeService(ctx.infrastructure.clusterName(), ctx.names.ecsService(ctx.service.name())).orElse(null);
        if (ctx.existingService != null && ctx.existingService.launchType() != null
                && !ctx.existingService.launchType().equals(ctx.request.ecsLaunchType())) {
            throw MysfitsException.usage("service " + ctx.service.name() + " already runs on " + ctx.existingService.launchType()
                            + ": ECS cannot move a service to " + ctx.request.ecsLaunchType(),
                    "deploy with --" + ctx.existingService.launchType().toLowerCase(java.util.Locale.ROOT)
                            + ", or remove the service first (mysfits cleanup)");
        }
        checkStrategySwitch(ctx);
        if (!ctx.request.fargate()) {
            checkCapacity(ctx);
        }
        return Change.checked("deploy inputs", "template " + template.getFileName() + ", image " + ctx.image.imageReference()
                + ", " + ctx.route.describe());
    }

    @Override
    public void apply(DeployContext ctx, Change change) {
        // Validation only looks.
    }

    /**
     * EC2 tasks need a container instance with room: none at all, none big enough, or none with enough free is
     * said before anything is registered. A dry run only warns: it may be planning a cluster still to be filled.
     * An existing service is not checked: its own tasks hold room the new revision takes over.
     */
    private void checkCapacity(DeployContext ctx) {
        String cluster = ctx.infrastructure.clusterName();
        List<ContainerInstances.ContainerInstance> instances = containers.containerInstances(cluster).stream()
                .filter(i -> "ACTIVE".equals(i.status())).toList();
        int memory = 0;
        int cpu = 0;
        for (Container container : ctx.rendered.containerDefinitions()) {
            memory += container.memory() != null ? container.memory() : container.memoryReservation() == null ? 0 : container.memoryReservation();
            cpu += container.cpu() == null ? 0 : container.cpu();
        }
        String problem = null;
        String hint = null;
        int biggest = instances.stream().mapToInt(ContainerInstances.ContainerInstance::memoryTotal).max().orElse(0);
        final int needMemory = memory;
        final int needCpu = cpu;
        if (instances.isEmpty()) {
            problem = "cluster " + cluster + " has no container instances: EC2 tasks cannot be placed";
            hint = "start some: mysfits setup --ec2 --instances 2";
        } else if (biggest < memory) {
            problem = "the task needs " + memory + " MiB, more than any container instance has (" + biggest + " MiB)";
            hint = "use a bigger instance type: mysfits setup --ec2 --instance-type t3.large, or lower the template's memory";
        } else if (ctx.existingService == null && instances.stream().noneMatch(i -> i.memoryFree() >= needMemory && i.cpuFree() >= needCpu)) {
            problem = "no container instance has " + memory + " MiB" + (cpu > 0 ? " and " + cpu + " CPU units" : "") + " free";
            hint = "run mysfits setup --ec2 --instances " + (instances.size() + 1);
        }
        if (problem == null) {
            return;
        }
        if (ctx.request.dryRun()) {
            events.warn(problem + " (" + hint + ")");
            return;
        }
        throw MysfitsException.precondition(problem, hint);
    }

    /** An existing target group must fit: its target type for the launch type, its port for the container's. */
    private LoadBalancerRouter.TargetGroup checkTargetGroup(DeployContext ctx, String name) {
        LoadBalancerRouter.TargetGroup found = router.findTargetGroup(name).orElse(null);
        if (found == null) {
            return null;
        }
        String type = ctx.request.fargate() ? "ip" : "instance";
        if (!found.targetType().equals(type)) {
            throw MysfitsException.failed("target group " + name + " has target type " + found.targetType()
                    + ", " + ctx.request.launchType() + " needs " + type, "delete it (mysfits cleanup) and deploy again", null);
        }
        if (found.port() != ctx.service.containerPort()) {
            throw MysfitsException.precondition("target group " + name + " is for port " + found.port() + ", but container "
                            + ctx.containerName + " listens on " + ctx.service.containerPort(),
                    "set containerPort back to " + found.port() + " in " + ctx.workshop.file().getFileName()
                            + ", or remove the service (mysfits cleanup " + ctx.service.name() + ") and deploy again");
        }
        return found;
    }

    /**
     * A service that shifts traffic between two target groups may serve from the second one now; a rolling update
     * would register its tasks in the first alone, where the listener may send nothing. So it does not go back.
     */
    private static void checkStrategySwitch(DeployContext ctx) {
        ContainerService.Service existing = ctx.existingService;
        if (existing != null && existing.strategy() != null && existing.strategy().shiftsTraffic()
                && !ctx.strategy.shiftsTraffic()) {
            String live = existing.strategy().kind().label();
            throw MysfitsException.precondition("service " + ctx.service.name() + " deploys " + live
                            + " behind two target groups; mysfits does not switch it back to rolling",
                    "deploy with --strategy " + live + " (or set \"deployment\" in " + ctx.workshop.file().getFileName()
                            + "), or remove the service (mysfits cleanup " + ctx.service.name() + ") and deploy again");
        }
    }

    /** Private subnets are for Fargate's awsvpc tasks; EC2 tasks share their instance's network (bridge mode). */
    private static void checkPrivateShape(DeployContext ctx) {
        if (ctx.privateTasks && !ctx.request.fargate()) {
            boolean flag = Boolean.TRUE.equals(ctx.request.privateTasks());
            throw MysfitsException.usage((flag ? "--private" : "service " + ctx.service.name() + " is \"private\" in "
                            + ctx.workshop.file().getFileName() + ", which") + " goes with --fargate: EC2 tasks use their "
                            + "container instance's network, not subnets of their own",
                    flag ? "deploy with --fargate --private, or --ec2 without --private"
                            : "deploy with --fargate, or pass --public to deploy it on EC2");
        }
        if (ctx.request.privateTasks() != null && !ctx.privateTasks && !ctx.request.fargate()) {
            throw MysfitsException.usage("--public goes with --fargate: EC2 tasks use their container instance's network",
                    "deploy with --fargate --public, or --ec2 without --public");
        }
    }

    private void checkPrivateSubnets(DeployContext ctx) {
        boolean awslogs = ctx.rendered.containerDefinitions().stream()
                .anyMatch(c -> c.logConfiguration() != null && "awslogs".equals(c.logConfiguration().logDriver()));
        PrivateSubnetsCheck.require(network, ctx.infrastructure, Boolean.TRUE.equals(ctx.request.privateTasks())
                ? "deploy --private" : "service " + ctx.service.name() + " (\"private\": true)", awslogs);
    }

    private void checkPathShape(DeployContext ctx) {
        String wanted = ctx.request.path() != null ? ctx.request.path() : ctx.service.path();
        if (wanted != null && !wanted.startsWith("/")) {
            throw MysfitsException.usage("path pattern '" + wanted + "' must start with '/'", "pass --path like '/mysfits/*/like'");
        }
    }

    private RoutePlan route(DeployContext ctx) {
        String wanted = ctx.request.path() != null ? ctx.request.path() : ctx.service.path(); // its shape is checked first
        LoadBalancerRouter.Rule defaultRule = ctx.rules.stream().filter(LoadBalancerRouter.Rule::isDefault).findFirst().orElse(null);
        boolean root = wanted == null || wanted.equals("/") || wanted.equals("/*");
        if (root) {
            Optional<String> owner = otherOwner(ctx, defaultRule == null ? List.of() : defaultRule.forwardTargetGroupArns());
            if (owner.isPresent()) {
                throw MysfitsException.usage("the default route (/) of load balancer " + ctx.names.loadBalancer()
                                + " already belongs to " + owner.get(),
                        wanted == null ? "give " + ctx.service.name() + " its own path: --path '/" + ctx.service.name() + "/*'"
                                : "choose another --path for " + ctx.service.name());
            }
            return new RoutePlan(true, null);
        }
        for (LoadBalancerRouter.Rule rule : ctx.rules) {
            if (!rule.isDefault() && rule.pathPatterns().contains(wanted)) {
                Optional<String> owner = otherOwner(ctx, rule.forwardTargetGroupArns());
                if (owner.isPresent()) {
                    throw MysfitsException.usage("path pattern '" + wanted + "' already belongs to " + owner.get()
                                    + " (listener rule priority " + rule.priority() + ")",
                            "choose another --path for " + ctx.service.name());
                }
            }
        }
        return new RoutePlan(false, wanted);
    }

    /** The owner of a route when it is not this service: "service 'like'" or "target group 'x'". */
    private Optional<String> otherOwner(DeployContext ctx, List<String> targetGroupArns) {
        for (String arn : targetGroupArns) {
            String name = LoadBalancerRouter.targetGroupName(arn);
            String owner = null;
            for (String service : ctx.workshop.services().keySet()) {
                if (name.equals(ctx.names.targetGroup(service, "fargate")) || name.equals(ctx.names.targetGroup(service, "ec2"))
                        || name.equals(ctx.names.alternateTargetGroup(service, "fargate"))
                        || name.equals(ctx.names.alternateTargetGroup(service, "ec2"))) {
                    owner = service;
                }
            }
            if (owner == null) {
                return Optional.of("target group '" + name + "' (not made by mysfits for this workshop)");
            }
            if (!owner.equals(ctx.service.name())) {
                return Optional.of("service '" + owner + "'");
            }
        }
        return Optional.empty();
    }
}
