package dev.mysfits.workflow.setup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What a stack outputs file names besides the network: a table, a repository, a load balancer and its listener. */
class StackResourceOutputsTest {
    @TempDir
    Path dir;

    @Test
    void labOutputs_giveTheTable_theRepository_theLoadBalancerAndItsListener_andLeaveTheRestAlone() {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("VPCId", "vpc-0abc");
        outputs.put("PublicSubnetOne", "subnet-1");
        outputs.put("DynamoTable", "mysfits-stack-MysfitsTable-1AB2C3");
        outputs.put("MonolithRepository", "123456789012.dkr.ecr.us-east-1.amazonaws.com/mysfits/monolith-service");
        outputs.put("LoadBalancerDNS", "alb-container-labs-1234.us-east-1.elb.amazonaws.com");
        outputs.put("LoadBalancerSecurityGroup", "sg-0123");
        outputs.put("PublicRouteTable", "rtb-0123");
        outputs.put("ListenerArn", "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/alb/86a05a/0e0cff");
        outputs.put("EcsClusterName", "my_first_ecs_cluster");

        StackOutputs.ResourceOutputs found = StackOutputs.parseResources(outputs);

        assertEquals(Map.of("DynamoTable", "mysfits-stack-MysfitsTable-1AB2C3"), found.tables());
        assertEquals(Map.of("MonolithRepository", "mysfits/monolith-service"), found.repositories());
        assertEquals("alb-container-labs-1234.us-east-1.elb.amazonaws.com", found.loadBalancer());
        assertEquals("arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/alb/86a05a/0e0cff", found.listenerArn());
    }

    @Test
    void tableArn_countsByItsName_andLoadBalancerArn_isTheLoadBalancer() {
        StackOutputs.ResourceOutputs found = StackOutputs.parseResources(Map.of(
                "TableArn", "arn:aws:dynamodb:us-east-1:123456789012:table/Mysfits",
                "Alb", "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/alb/86a05a"));

        assertEquals(Map.of("TableArn", "Mysfits"), found.tables());
        assertEquals("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/alb/86a05a", found.loadBalancer());
        assertNull(found.listenerArn());
    }

    @Test
    void networkOnlyOutputs_nameNoResource() throws Exception {
        Path file = Files.writeString(dir.resolve("cfn-output.json"),
                "[{\"OutputKey\":\"VPCId\",\"OutputValue\":\"vpc-1\"},{\"OutputKey\":\"PublicSubnetOne\",\"OutputValue\":\"subnet-1\"}]");

        StackOutputs.ResourceOutputs found = StackOutputs.readResources(file);

        assertEquals(Map.of(), found.tables());
        assertEquals(Map.of(), found.repositories());
        assertNull(found.loadBalancer());
        assertNull(found.listenerArn());
    }
}
