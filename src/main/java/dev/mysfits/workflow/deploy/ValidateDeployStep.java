package dev.mysfits.workflow.deploy;

import dev.mysfits.console.Console;
import dev.mysfits.aws.logs.LogGroups;
import dev.mysfits.aws.iam.Roles;
import dev.mysfits.workflow.infrastructure.TaskDefinitionTemplates;
import dev.mysfits.workflow.infrastructure.InfrastructureLookup;
import dev.mysfits.aws.sts.CallerIdentity;
import dev.mysfits.aws.ecr.PushedImages;
import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.workflow.infrastructure.Infrastructure;
import dev.mysfits.workflow.infrastructure.RoutePlan;

import dev.mysfits.aws.ecs.ContainerInstances;
import dev.mysfits.aws.elbv2.LoadBalancerRouter;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;
import dev.mysfits.template.TaskDefinitionDocument;
import dev.mysfits.template.TaskDefinitionDocument.Container;
import dev.mysfits.template.TaskDefinitionDocument.PortMapping;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks at everything a deploy needs before anything changes: the template (rendered strictly), setup, the pushed
 * image, the route and the existing service. Any problem here is an error with nothing created.
 */
final class ValidateDeployStep implements Step<DeployContext> {
    private final ContainerService containers;
    private final LoadBalancerRouter router;
    private final PushedImages images;
    private final CallerIdentity identity;
    private final InfrastructureLookup infrastructureLookup;
    private final TaskDefinitionTemplates templates;
    private final Roles roles;
    private final LogGroups logGroups;
    private final Console console;

    ValidateDeployStep(ContainerService containers, LoadBalancerRouter router, PushedImages images, CallerIdentity identity, InfrastructureLookup infrastructureLookup, TaskDefinitionTemplates templates, Roles roles, LogGroups logGroups, Console console) {
        this.containers = containers;
        this.router = router;
        this.images = images;
        this.identity = identity;
        this.infrastructureLookup = infrastructureLookup;
        this.templates = templates;
        this.roles = roles;
        this.logGroups = logGroups;
        this.console = console;
    }

    private static final String ECS_TASKS = "ecs-tasks.amazonaws.com";

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public Change plan(DeployContext ctx) {
        // Local input first, before any AWS call: the path's shape, and the template rendered with stand-ins for
        // what AWS will tell (so an unknown placeholder or a wrong type shows even before setup).
        Path template = template(ctx);
        checkPathShape(ctx);
        var standIn = templates.render(template, ctx.request.launchType(), standInValues(ctx));
        containerName(ctx, template, standIn);
        ctx.infrastructure = infrastructureLookup.require();
        ctx.image = images.find(ctx.service.repository(), ctx.request.imageTag());
        if (ctx.request.tag() != null) {
            ctx.image = ctx.image.pinnedToTag();
        }
        if (ctx.image.repositoryUri() == null) {
            throw MysfitsException.precondition("service " + ctx.service.name() + " is not pushed: no ECR repository '"
                    + ctx.service.repository() + "' in region " + ctx.infrastructure.region(), "push it first: mysfits push " + ctx.service.name());
        }
        if (!ctx.image.tagExists()) {
            throw MysfitsException.precondition("service " + ctx.service.name() + " is not pushed: ECR repository '"
                    + ctx.service.repository() + "' has no image tagged '" + ctx.request.imageTag() + "'", "push it first: mysfits push " + ctx.service.name());
        }
        ctx.rendered = templates.render(template, ctx.request.launchType(), values(ctx));
        ctx.containerName = containerName(ctx, template, ctx.rendered);
        checkRoles(ctx, template);
        checkLogGroups(ctx, template);
        ctx.existingTargetGroup = checkTargetGroup(ctx);
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
            console.warn(problem + " (" + hint + ")");
            return;
        }
        throw MysfitsException.precondition(problem, hint);
    }

    /** The roles the task definition names exist and let ECS tasks assume them; else every task fails on AWS. */
    private void checkRoles(DeployContext ctx, Path template) {
        var request = ctx.rendered;
        Map<String, String> named = new LinkedHashMap<>();
        if (request.executionRoleArn() != null) {
            named.put("executionRoleArn", request.executionRoleArn());
        }
        if (request.taskRoleArn() != null) {
            named.put("taskRoleArn", request.taskRoleArn());
        }
        for (Map.Entry<String, String> entry : named.entrySet()) {
            String name = entry.getValue().substring(entry.getValue().lastIndexOf('/') + 1);
            var role = roles.find(name).orElseThrow(() -> MysfitsException.precondition("IAM role " + name + " ("
                            + entry.getKey() + " in " + template.getFileName() + ") does not exist: ECS could not start the tasks",
                    "run mysfits setup, or name an existing role in the template"));
            if (!role.trustedServices().contains(ECS_TASKS)) {
                throw MysfitsException.precondition("IAM role " + name + " (" + entry.getKey() + ") does not trust "
                                + ECS_TASKS + ": ECS could not assume it for the tasks",
                        "add " + ECS_TASKS + " as a service principal to the role's trust policy, or run mysfits setup");
            }
        }
    }

    /** The awslogs groups exist: a missing one stops every task with ResourceInitializationError on AWS. */
    private void checkLogGroups(DeployContext ctx, Path template) {
        for (Container container : ctx.rendered.containerDefinitions()) {
            var logging = container.logConfiguration();
            if (logging == null || !"awslogs".equals(logging.logDriver())) {
                continue;
            }
            String group = logging.options().get("awslogs-group");
            if (group == null || "true".equals(logging.options().get("awslogs-create-group"))) {
                continue;
            }
            if (logGroups.find(group).isEmpty()) {
                throw MysfitsException.precondition("log group " + group + " (container " + container.name() + " in "
                                + template.getFileName() + ") does not exist: tasks would stop with ResourceInitializationError",
                        "run mysfits setup, or create it: aws logs create-log-group --log-group-name " + group);
            }
        }
    }

    /** An existing target group must fit: its target type for the launch type, its port for the container's. */
    private LoadBalancerRouter.TargetGroup checkTargetGroup(DeployContext ctx) {
        String name = ctx.names.targetGroup(ctx.service.name(), ctx.request.launchType());
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

    private Path template(DeployContext ctx) {
        Path template = ctx.service.taskDefinitions().get(ctx.request.launchType());
        if (template == null) {
            throw MysfitsException.usage("service " + ctx.service.name() + " has no " + ctx.request.launchType()
                            + " task definition template" + (ctx.service.taskDefinitions().isEmpty() ? ""
                            : " (it has: " + String.join(", ", ctx.service.taskDefinitions().keySet()) + ")"),
                    "add services." + ctx.service.name() + ".taskDefinitions." + ctx.request.launchType() + " to "
                            + ctx.workshop.file().getFileName() + ", or deploy with another launch type");
        }
        if (!Files.isRegularFile(template)) {
            throw MysfitsException.usage("task definition template " + template + " does not exist",
                    "create it, or fix services." + ctx.service.name() + ".taskDefinitions." + ctx.request.launchType()
                            + " in " + ctx.workshop.file().getFileName());
        }
        return template;
    }

    private Map<String, String> values(DeployContext ctx) {
        Infrastructure infra = ctx.infrastructure;
        return values(ctx, ctx.image.imageReference(), identity.accountId(), infra.region(), infra.executionRoleArn(),
                taskRoleArn(ctx, infra), infra.url());
    }

    /** The service's own task role when it asks for one ("taskRole"), else the workshop's shared one. */
    private String taskRoleArn(DeployContext ctx, Infrastructure infra) {
        if (ctx.service.taskRole() == null) {
            return infra.taskRoleArn();
        }
        String name = ctx.names.serviceTaskRole(ctx.service.name());
        return roles.findExpected(name).map(Roles.Role::arn).orElseThrow(() -> MysfitsException.precondition(
                "IAM role " + name + " (the task role of " + ctx.service.name() + ", services." + ctx.service.name()
                        + ".taskRole in " + ctx.workshop.file().getFileName() + ") does not exist",
                "run mysfits setup: it makes the role with the policies the service asks for"));
    }

    /** Values of the right shape for checking a template before AWS is asked anything. */
    private Map<String, String> standInValues(DeployContext ctx) {
        String account = "123456789012";
        return values(ctx, account + ".dkr.ecr.us-east-1.amazonaws.com/" + ctx.service.repository() + "@sha256:" + "0".repeat(64),
                account, "us-east-1", "arn:aws:iam::" + account + ":role/execution", "arn:aws:iam::" + account + ":role/task",
                "http://stand-in.us-east-1.elb.amazonaws.com");
    }

    private Map<String, String> values(DeployContext ctx, String image, String account, String region,
                                              String executionRole, String taskRole, String baseUrl) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("FAMILY", ctx.names.taskFamily(ctx.service.name()));
        values.put("SERVICE", ctx.service.name());
        values.put("IMAGE", image);
        values.put("ACCOUNT_ID", account);
        values.put("REGION", region);
        values.put("LOG_GROUP", ctx.names.logGroup(ctx.service.name()));
        values.put("EXECUTION_ROLE_ARN", executionRole);
        values.put("TASK_ROLE_ARN", taskRole);
        values.put("CONTAINER_PORT", String.valueOf(ctx.service.containerPort()));
        values.put("MONOLITH_URL", baseUrl);
        values.put("WORKSHOP", ctx.names.workshop());
        ctx.workshop.tables().values().forEach(t -> values.put(t.placeholder(), ctx.names.table(t.name())));
        return values;
    }

    private void checkPathShape(DeployContext ctx) {
        String wanted = ctx.request.path() != null ? ctx.request.path() : ctx.service.path();
        if (wanted != null && !wanted.startsWith("/")) {
            throw MysfitsException.usage("path pattern '" + wanted + "' must start with '/'", "pass --path like '/mysfits/*/like'");
        }
    }

    private String containerName(DeployContext ctx, Path template, TaskDefinitionDocument rendered) {
        int port = ctx.service.containerPort();
        List<Container> containers = rendered.containerDefinitions();
        for (Container container : containers) {
            for (PortMapping mapping : container.portMappings()) {
                if (mapping.containerPort() != null && mapping.containerPort() == port) {
                    return container.name();
                }
            }
        }
        throw MysfitsException.usage("task definition template " + template + " has no container with containerPort " + port,
                "add a portMappings entry with \"containerPort\": " + port + " (the service's containerPort in "
                        + ctx.workshop.file().getFileName() + ")");
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
                if (name.equals(ctx.names.targetGroup(service, "fargate")) || name.equals(ctx.names.targetGroup(service, "ec2"))) {
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
