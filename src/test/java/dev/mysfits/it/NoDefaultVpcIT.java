package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mysfits.cli.CommandHarness;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.SortedSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An account without a default VPC (some have deleted theirs; some never had one): setup says so before it makes
 * anything, and works in a VPC the user made, once that VPC gives tasks a way to ECR.
 */
@SandboxEnvironment("MYSFITS_SANDBOX_DEFAULT_VPC=off")
class NoDefaultVpcIT {
    private static final String FAST = "--poll-interval=1s";

    @Test
    void setup_withoutADefaultVpc_isPreconditionCreatingNothing_andInAVpcOfTheUsers_setupAndDeployWork() throws Exception {
        assertEquals(0, TestSandbox.aws("ec2", "describe-vpcs").path("Vpcs").size(), "the region starts without any VPC");
        DeployFixture ws = new DeployFixture("novpc");
        SortedSet<String> before = AwsInventory.take();

        CommandHarness.Result refused = ws.run("setup");

        assertEquals(3, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("Error: region us-east-1 has no default VPC"), refused.err());
        assertTrue(refused.err().contains("Hint: pass --vpc-id and --subnets"), refused.err());
        assertFalse(refused.err().contains("\tat "), refused.err());
        assertEquals(before, AwsInventory.take(), "setup made nothing");
        assertFalse(Files.exists(ws.dir.resolve(".mysfits/ledger.json")));

        // A VPC as a user makes one with the AWS CLI: two zones, no route out yet.
        String vpc = TestSandbox.aws("ec2", "create-vpc", "--cidr-block", "10.20.0.0/16").path("Vpc").path("VpcId").asText();
        String a = subnet(vpc, "10.20.1.0/24", "us-east-1a");
        String b = subnet(vpc, "10.20.2.0/24", "us-east-1b");
        SortedSet<String> withVpc = AwsInventory.take();

        CommandHarness.Result stranded = ws.run("setup", "--vpc-id", vpc, "--subnets", a + "," + b);

        assertEquals(3, stranded.exitCode(), stranded.err());
        assertTrue(stranded.err().contains("Error: tasks in subnet " + a + " (us-east-1a), " + b + " (us-east-1b) of " + vpc
                + " could not pull their images"), stranded.err());
        assertTrue(stranded.err().contains("Hint: route 0.0.0.0/0 to an internet gateway"), stranded.err());
        assertEquals(withVpc, AwsInventory.take(), "setup made nothing");

        // The public route the labs' template makes: an internet gateway, and 0.0.0.0/0 through it for both subnets.
        String gateway = TestSandbox.aws("ec2", "create-internet-gateway").path("InternetGateway").path("InternetGatewayId").asText();
        TestSandbox.aws("ec2", "attach-internet-gateway", "--internet-gateway-id", gateway, "--vpc-id", vpc);
        String table = TestSandbox.aws("ec2", "create-route-table", "--vpc-id", vpc).path("RouteTable").path("RouteTableId").asText();
        TestSandbox.aws("ec2", "create-route", "--route-table-id", table, "--destination-cidr-block", "0.0.0.0/0", "--gateway-id", gateway);
        TestSandbox.aws("ec2", "associate-route-table", "--route-table-id", table, "--subnet-id", a);
        TestSandbox.aws("ec2", "associate-route-table", "--route-table-id", table, "--subnet-id", b);

        CommandHarness.Result setup = ws.run("setup", "--vpc-id", vpc, "--subnets", a + "," + b);
        assertEquals(0, setup.exitCode(), setup.err());
        JsonNode lb = TestSandbox.aws("elbv2", "describe-load-balancers", "--names", "novpc-alb").path("LoadBalancers").get(0);
        assertEquals(vpc, lb.path("VpcId").asText());

        ws.pushed("monolith", "latest");
        CommandHarness.Result deploy = ws.run("deploy", "monolith", "--fargate", FAST);

        assertEquals(0, deploy.exitCode(), deploy.err());
        JsonNode service = ws.service("monolith");
        assertEquals("ACTIVE", service.path("status").asText());
        assertEquals(1, service.path("runningCount").asInt(), service.toString());
        JsonNode network = service.path("networkConfiguration").path("awsvpcConfiguration");
        assertTrue(network.path("subnets").toString().contains(a), network.toString());
        assertEquals("ENABLED", network.path("assignPublicIp").asText());
        TestSandbox.assertNoRequestAwsWouldRefuse();
    }

    private static String subnet(String vpc, String cidr, String zone) {
        return TestSandbox.aws("ec2", "create-subnet", "--vpc-id", vpc, "--cidr-block", cidr, "--availability-zone", zone)
                .path("Subnet").path("SubnetId").asText();
    }
}
