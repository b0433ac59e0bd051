package dev.mysfits.workflow.deploy;

import dev.mysfits.aws.ecr.PushedImages;
import dev.mysfits.aws.iam.Roles;
import dev.mysfits.aws.logs.LogGroups;
import dev.mysfits.aws.sts.CallerIdentity;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.template.TaskDefinitionDocument;
import dev.mysfits.template.TemplatePlaceholders;
import dev.mysfits.template.TaskDefinitionDocument.Container;
import dev.mysfits.template.TaskDefinitionDocument.PortMapping;
import dev.mysfits.workflow.infrastructure.Infrastructure;
import dev.mysfits.workflow.infrastructure.InfrastructureLookup;
import dev.mysfits.workflow.infrastructure.TaskDefinitionTemplates;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a task-definition revision is made of, as deploy and task run both need it: the template (checked with
 * stand-ins before AWS is asked anything), setup, the pushed image, the template rendered strictly with them, and
 * the roles and log groups it names. Writes infrastructure, image, rendered and containerName into the context.
 */
final class TaskDefinitionInputs {
    private static final String ECS_TASKS = "ecs-tasks.amazonaws.com";

    private final PushedImages images;
    private final CallerIdentity identity;
    private final InfrastructureLookup infrastructureLookup;
    private final TaskDefinitionTemplates templates;
    private final Roles roles;
    private final LogGroups logGroups;

    /** The inputs from the adapters deploy and task run work through. */
    static TaskDefinitionInputs of(dev.mysfits.workflow.infrastructure.ServiceAdapters adapters) {
        return new TaskDefinitionInputs(adapters.images(), adapters.identity(), adapters.infrastructure(), adapters.templates(),
                adapters.roles(), adapters.logGroups());
    }

    TaskDefinitionInputs(PushedImages images, CallerIdentity identity, InfrastructureLookup infrastructureLookup,
                         TaskDefinitionTemplates templates, Roles roles, LogGroups logGroups) {
        this.images = images;
        this.identity = identity;
        this.infrastructureLookup = infrastructureLookup;
        this.templates = templates;
        this.roles = roles;
        this.logGroups = logGroups;
    }

    /** Looks only; returns the template it rendered. */
    Path resolve(DeployContext ctx) {
        Path template = template(ctx);
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
        return template;
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
                taskRoleArn(ctx, infra), infra.url(), infra.host());
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
                "http://stand-in.us-east-1.elb.amazonaws.com", "stand-in.us-east-1.elb.amazonaws.com");
    }

    private Map<String, String> values(DeployContext ctx, String image, String account, String region,
                                              String executionRole, String taskRole, String baseUrl, String host) {
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
        values.put(TemplatePlaceholders.MONOLITH_URL, baseUrl);
        values.put(TemplatePlaceholders.ALB_URL, baseUrl);
        values.put(TemplatePlaceholders.ALB_HOST, host);
        values.put("WORKSHOP", ctx.names.workshop());
        ctx.workshop.tables().values().forEach(t -> values.put(t.placeholder(), t.tableName(ctx.names)));
        return values;
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
}
