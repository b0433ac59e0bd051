package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mysfits.cli.CommandHarness;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

import static dev.mysfits.it.TestSandbox.aws;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The immersion day's network (lab 002's ecs-service.json): a VPC with public subnets for the load balancer and
 * private ones for the tasks, made with the AWS CLI. deploy --private refuses while the private subnets have no way
 * to ECR, changing nothing; behind a NAT gateway it moves the service there, and the task runs without a public IP
 * in a private subnet and answers through the load balancer.
 */
class PrivateSubnetsIT {
    private static final String FAST = "--poll-interval=1s";

    @Test
    void deployPrivate_refusesWithoutAWayToEcr_thenBehindANatGateway_runsTheTaskPrivately_andServes() throws Exception {
        String vpc = aws("ec2", "create-vpc", "--cidr-block", "10.40.0.0/16").path("Vpc").path("VpcId").asText();
        String gateway = aws("ec2", "create-internet-gateway").path("InternetGateway").path("InternetGatewayId").asText();
        aws("ec2", "attach-internet-gateway", "--internet-gateway-id", gateway, "--vpc-id", vpc);
        String publicTable = table(vpc);
        aws("ec2", "create-route", "--route-table-id", publicTable, "--destination-cidr-block", "0.0.0.0/0", "--gateway-id", gateway);
        String publicA = subnet(vpc, "10.40.1.0/24", "us-east-1a", publicTable);
        String publicB = subnet(vpc, "10.40.2.0/24", "us-east-1b", publicTable);
        String privateTable = table(vpc);  // only the local route, as the private subnets start
        String privateA = subnet(vpc, "10.40.11.0/24", "us-east-1a", privateTable);
        String privateB = subnet(vpc, "10.40.12.0/24", "us-east-1b", privateTable);

        DeployFixture ws = new DeployFixture("privnet");
        ws.run("setup", "--vpc-id", vpc, "--subnets", publicA + "," + publicB, "--private-subnets", privateA + "," + privateB).ok();
        JsonNode tasksGroup = aws("ec2", "describe-security-groups", "--filters", "Name=vpc-id,Values=" + vpc,
                "Name=group-name,Values=privnet-tasks").path("SecurityGroups").get(0);
        assertTrue(tasksGroup.path("Tags").toString().contains("\"Value\":\"" + privateA + " " + privateB + "\""),
                "setup remembers the private subnets: " + tasksGroup.path("Tags"));
        ws.pushed("monolith", "latest");
        ws.run("deploy", "monolith", "--fargate", FAST).ok();
        assertEquals("ENABLED", awsvpc(ws).path("assignPublicIp").asText(), "public by default");
        JsonNode publicEni = interfaceOf(onlyTask());
        assertTrue(Set.of(publicA, publicB).contains(publicEni.path("SubnetId").asText()), publicEni.toString());
        assertFalse(publicEni.path("Association").path("PublicIp").asText().isEmpty(), "a public IP: " + publicEni);

        SortedSet<String> before = AwsInventory.take();
        JsonNode serviceBefore = ws.service("monolith");
        CommandHarness.Result refused = ws.run("deploy", "monolith", "--fargate", "--private", FAST);

        assertEquals(3, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("Error: tasks without a public IP in private subnet " + privateA + " (us-east-1a), "
                + privateB + " (us-east-1b) of " + vpc + " could not pull their images: no route to a NAT gateway"), refused.err());
        assertTrue(refused.err().contains("Hint: route their 0.0.0.0/0 to a NAT gateway"), refused.err());
        assertFalse(refused.err().contains("\tat "), refused.err());
        assertEquals(before, AwsInventory.take(), "deploy changed nothing");
        assertEquals(serviceBefore.path("networkConfiguration"), ws.service("monolith").path("networkConfiguration"));
        assertEquals(serviceBefore.path("deployments").size(), ws.service("monolith").path("deployments").size());

        // The lab stack's way out: a NAT gateway in a public subnet, with an Elastic IP, as the private route.
        String address = aws("ec2", "allocate-address", "--domain", "vpc").path("AllocationId").asText();
        String nat = aws("ec2", "create-nat-gateway", "--subnet-id", publicA, "--allocation-id", address)
                .path("NatGateway").path("NatGatewayId").asText();
        aws("ec2", "create-route", "--route-table-id", privateTable, "--destination-cidr-block", "0.0.0.0/0", "--nat-gateway-id", nat);

        CommandHarness.Result deploy = ws.run("deploy", "monolith", "--fargate", "--private", FAST);

        deploy.ok();
        String url = deploy.out().trim();
        JsonNode network = awsvpc(ws);
        assertEquals("DISABLED", network.path("assignPublicIp").asText());
        assertEquals(Set.of(privateA, privateB), texts(network.path("subnets")));
        JsonNode task = onlyTask();
        String subnet = detail(task, "subnetId");
        assertTrue(Set.of(privateA, privateB).contains(subnet), "the task sits in a private subnet: " + subnet);
        JsonNode eni = interfaceOf(task);
        assertEquals(subnet, eni.path("SubnetId").asText());
        assertTrue(eni.path("Association").path("PublicIp").isMissingNode(), "no public IP: " + eni);

        TestSandbox.ProcessResult curl = TestSandbox.run(List.of("curl", "-sS", "-f", "--max-time", "20", url), Map.of(),
                Duration.ofSeconds(30));
        assertEquals(0, curl.exitCode(), "curl " + url + ": " + curl.err());
        assertFalse(curl.out().isBlank(), "the monolith answers through the load balancer");
        TestSandbox.assertNoRequestAwsWouldRefuse();

        ws.run("cleanup", "--yes").ok();
    }


    /** The service's one task meant to run, as aws ecs describe-tasks shows it. */
    private static JsonNode onlyTask() {
        List<String> arns = texts(aws("ecs", "list-tasks", "--cluster", "privnet", "--service-name", "monolith",
                "--desired-status", "RUNNING").path("taskArns")).stream().toList();
        assertEquals(1, arns.size(), "one task: " + arns);
        return aws("ecs", "describe-tasks", "--cluster", "privnet", "--tasks", arns.get(0)).path("tasks").get(0);
    }

    /** The task's network interface, as aws ec2 describe-network-interfaces shows it. */
    private static JsonNode interfaceOf(JsonNode task) {
        return aws("ec2", "describe-network-interfaces", "--network-interface-ids", detail(task, "networkInterfaceId"))
                .path("NetworkInterfaces").get(0);
    }

    private static JsonNode awsvpc(DeployFixture ws) {
        return ws.service("monolith").path("networkConfiguration").path("awsvpcConfiguration");
    }

    private static String table(String vpc) {
        return aws("ec2", "create-route-table", "--vpc-id", vpc).path("RouteTable").path("RouteTableId").asText();
    }

    private static String subnet(String vpc, String cidr, String zone, String table) {
        String id = aws("ec2", "create-subnet", "--vpc-id", vpc, "--cidr-block", cidr, "--availability-zone", zone)
                .path("Subnet").path("SubnetId").asText();
        aws("ec2", "associate-route-table", "--route-table-id", table, "--subnet-id", id);
        return id;
    }

    private static String detail(JsonNode task, String name) {
        for (JsonNode attachment : task.path("attachments")) {
            for (JsonNode detail : attachment.path("details")) {
                if (name.equals(detail.path("name").asText())) {
                    return detail.path("value").asText();
                }
            }
        }
        throw new AssertionError("task has no " + name + ": " + task);
    }

    private static Set<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return new java.util.LinkedHashSet<>(out);
    }
}
