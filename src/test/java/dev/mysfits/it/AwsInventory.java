package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import static dev.mysfits.it.TestSandbox.aws;

/**
 * What exists in this JVM's moto, taken with the AWS CLI (an independent client): ECR repositories and images,
 * ECS clusters, services and task definitions (ACTIVE only), ELBv2 load balancers, listeners, rules and target
 * groups, log groups, IAM roles, security groups (but the default ones), scalable targets and scaling policies.
 */
final class AwsInventory {
    private AwsInventory() {
    }

    static SortedSet<String> take() {
        SortedSet<String> items = new TreeSet<>();
        for (JsonNode repo : aws("ecr", "describe-repositories").path("repositories")) {
            String name = repo.path("repositoryName").asText();
            items.add("ecr repository " + name);
            for (JsonNode image : aws("ecr", "describe-images", "--repository-name", name).path("imageDetails")) {
                items.add("ecr image " + name + "@" + image.path("imageDigest").asText());
            }
        }
        List<String> clusters = texts(aws("ecs", "list-clusters").path("clusterArns"));
        if (!clusters.isEmpty()) {
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
        }
        texts(aws("ecs", "list-task-definitions", "--status", "ACTIVE").path("taskDefinitionArns"))
                .forEach(arn -> items.add("ecs task definition " + arn));
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
        for (JsonNode tg : aws("elbv2", "describe-target-groups").path("TargetGroups")) {
            items.add("elbv2 target group " + tg.path("TargetGroupName").asText());
        }
        for (JsonNode group : aws("logs", "describe-log-groups").path("logGroups")) {
            items.add("log group " + group.path("logGroupName").asText());
        }
        for (JsonNode role : aws("iam", "list-roles").path("Roles")) {
            items.add("iam role " + role.path("RoleName").asText());
        }
        for (JsonNode group : aws("ec2", "describe-security-groups").path("SecurityGroups")) {
            if (!"default".equals(group.path("GroupName").asText())) {
                items.add("security group " + group.path("GroupName").asText() + " " + group.path("GroupId").asText());
            }
        }
        // The EC2 launch type's capacity: groups, launch templates, instance profiles, instances not terminated.
        for (JsonNode group : aws("autoscaling", "describe-auto-scaling-groups").path("AutoScalingGroups")) {
            items.add("autoscaling group " + group.path("AutoScalingGroupName").asText());
        }
        for (JsonNode template : aws("ec2", "describe-launch-templates").path("LaunchTemplates")) {
            items.add("launch template " + template.path("LaunchTemplateName").asText());
        }
        for (JsonNode profile : aws("iam", "list-instance-profiles").path("InstanceProfiles")) {
            items.add("instance profile " + profile.path("InstanceProfileName").asText());
        }
        for (JsonNode reservation : aws("ec2", "describe-instances").path("Reservations")) {
            for (JsonNode instance : reservation.path("Instances")) {
                if (!"terminated".equals(instance.path("State").path("Name").asText())) {
                    items.add("ec2 instance " + instance.path("InstanceId").asText());
                }
            }
        }
        for (JsonNode target : aws("application-autoscaling", "describe-scalable-targets", "--service-namespace", "ecs")
                .path("ScalableTargets")) {
            items.add("scalable target " + target.path("ResourceId").asText());
        }
        for (JsonNode policy : aws("application-autoscaling", "describe-scaling-policies", "--service-namespace", "ecs")
                .path("ScalingPolicies")) {
            items.add("scaling policy " + policy.path("PolicyName").asText());
        }
        return items;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
