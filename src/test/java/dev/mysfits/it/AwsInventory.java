package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.mysfits.it.TestSandbox.aws;

/**
 * What exists in this JVM's moto, taken with the AWS CLI (an independent client): ECR repositories and images,
 * ECS clusters, services and task definitions (ACTIVE only), ELBv2 load balancers, listeners, rules and target
 * groups, log groups, IAM roles, security groups (but the default ones), scalable targets and scaling policies,
 * DynamoDB tables.
 */
final class AwsInventory {
    private AwsInventory() {
    }

    static SortedSet<String> take() {
        // Each service's listing is its own chain of calls: they run side by side, as a person would open several
        // terminals; the longest chain (load balancers, listeners, rules) sets how long the inventory takes.
        List<Callable<List<String>>> parts = List.of(AwsInventory::ecr, AwsInventory::ecsClustersAndServices,
                AwsInventory::taskDefinitions, AwsInventory::loadBalancers, AwsInventory::targetGroups,
                AwsInventory::logGroups, AwsInventory::roles, AwsInventory::securityGroups,
                AwsInventory::autoScalingGroups, AwsInventory::launchTemplates, AwsInventory::instanceProfiles,
                AwsInventory::instances, AwsInventory::scalableTargets, AwsInventory::scalingPolicies,
                AwsInventory::tables);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            SortedSet<String> items = new TreeSet<>();
            for (Future<List<String>> part : pool.invokeAll(parts)) {
                items.addAll(part.get());
            }
            return items;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while taking the inventory", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError failed) {
                throw failed;
            }
            throw new AssertionError("taking the inventory failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Tasks meant to run in any ACTIVE cluster, as `aws ecs list-tasks` shows them: what still runs and bills. */
    static List<String> runningTasks() {
        List<String> items = new ArrayList<>();
        for (String cluster : texts(aws("ecs", "list-clusters").path("clusterArns"))) {
            for (String task : texts(aws("ecs", "list-tasks", "--cluster", cluster).path("taskArns"))) {
                items.add("ecs task " + task);
            }
        }
        return items;
    }

    private static List<String> ecr() {
        List<String> items = new ArrayList<>();
        for (JsonNode repo : aws("ecr", "describe-repositories").path("repositories")) {
            String name = repo.path("repositoryName").asText();
            items.add("ecr repository " + name);
            for (JsonNode image : aws("ecr", "describe-images", "--repository-name", name).path("imageDetails")) {
                items.add("ecr image " + name + "@" + image.path("imageDigest").asText());
            }
        }
        return items;
    }

    private static List<String> ecsClustersAndServices() {
        List<String> items = new ArrayList<>();
        List<String> clusters = texts(aws("ecs", "list-clusters").path("clusterArns"));
        if (clusters.isEmpty()) {
            return items;
        }
        List<String> args = new ArrayList<>(List.of("ecs", "describe-clusters", "--clusters"));
        args.addAll(clusters);
        for (JsonNode cluster : aws(args.toArray(String[]::new)).path("clusters")) {
            if (!"ACTIVE".equals(cluster.path("status").asText())) {
                continue;
            }
            String name = cluster.path("clusterName").asText();
            items.add("ecs cluster " + name);
            List<String> services = texts(aws("ecs", "list-services", "--cluster", name).path("serviceArns"));
            for (int i = 0; i < services.size(); i += 10) {
                List<String> describe = new ArrayList<>(List.of("ecs", "describe-services", "--cluster", name, "--services"));
                describe.addAll(services.subList(i, Math.min(services.size(), i + 10)));
                for (JsonNode service : aws(describe.toArray(String[]::new)).path("services")) {
                    if ("ACTIVE".equals(service.path("status").asText())) {
                        items.add("ecs service " + name + "/" + service.path("serviceName").asText());
                    }
                }
            }
        }
        return items;
    }

    private static List<String> taskDefinitions() {
        List<String> items = new ArrayList<>();
        texts(aws("ecs", "list-task-definitions", "--status", "ACTIVE").path("taskDefinitionArns"))
                .forEach(arn -> items.add("ecs task definition " + arn));
        return items;
    }

    private static List<String> loadBalancers() {
        List<String> items = new ArrayList<>();
        for (JsonNode lb : aws("elbv2", "describe-load-balancers").path("LoadBalancers")) {
            items.add("elbv2 load balancer " + lb.path("LoadBalancerName").asText());
            for (JsonNode listener : aws("elbv2", "describe-listeners", "--load-balancer-arn",
                    lb.path("LoadBalancerArn").asText()).path("Listeners")) {
                items.add("elbv2 listener " + listener.path("ListenerArn").asText());
                for (JsonNode rule : aws("elbv2", "describe-rules", "--listener-arn",
                        listener.path("ListenerArn").asText()).path("Rules")) {
                    if (!rule.path("IsDefault").asBoolean()) {
                        items.add("elbv2 rule " + rule.path("RuleArn").asText());
                    }
                }
            }
        }
        return items;
    }

    private static List<String> targetGroups() {
        return named(aws("elbv2", "describe-target-groups").path("TargetGroups"), "elbv2 target group ", "TargetGroupName");
    }

    private static List<String> logGroups() {
        return named(aws("logs", "describe-log-groups").path("logGroups"), "log group ", "logGroupName");
    }

    private static List<String> roles() {
        return named(aws("iam", "list-roles").path("Roles"), "iam role ", "RoleName");
    }

    private static List<String> tables() {
        return texts(aws("dynamodb", "list-tables").path("TableNames")).stream().map(t -> "dynamodb table " + t).toList();
    }

    private static List<String> securityGroups() {
        List<String> items = new ArrayList<>();
        for (JsonNode group : aws("ec2", "describe-security-groups").path("SecurityGroups")) {
            if (!"default".equals(group.path("GroupName").asText())) {
                items.add("security group " + group.path("GroupName").asText() + " " + group.path("GroupId").asText());
            }
        }
        return items;
    }

    // The EC2 launch type's capacity: groups, launch templates, instance profiles, instances not terminated.
    private static List<String> autoScalingGroups() {
        return named(aws("autoscaling", "describe-auto-scaling-groups").path("AutoScalingGroups"), "autoscaling group ",
                "AutoScalingGroupName");
    }

    private static List<String> launchTemplates() {
        return named(aws("ec2", "describe-launch-templates").path("LaunchTemplates"), "launch template ", "LaunchTemplateName");
    }

    private static List<String> instanceProfiles() {
        return named(aws("iam", "list-instance-profiles").path("InstanceProfiles"), "instance profile ", "InstanceProfileName");
    }

    private static List<String> instances() {
        List<String> items = new ArrayList<>();
        for (JsonNode reservation : aws("ec2", "describe-instances").path("Reservations")) {
            for (JsonNode instance : reservation.path("Instances")) {
                if (!"terminated".equals(instance.path("State").path("Name").asText())) {
                    items.add("ec2 instance " + instance.path("InstanceId").asText());
                }
            }
        }
        return items;
    }

    private static List<String> scalableTargets() {
        return named(aws("application-autoscaling", "describe-scalable-targets", "--service-namespace", "ecs")
                .path("ScalableTargets"), "scalable target ", "ResourceId");
    }

    private static List<String> scalingPolicies() {
        return named(aws("application-autoscaling", "describe-scaling-policies", "--service-namespace", "ecs")
                .path("ScalingPolicies"), "scaling policy ", "PolicyName");
    }

    private static List<String> named(JsonNode array, String prefix, String field) {
        List<String> items = new ArrayList<>();
        array.forEach(n -> items.add(prefix + n.path(field).asText()));
        return items;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
