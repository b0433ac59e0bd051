package dev.mysfits.workflow.setup;

import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackOutputsTest {
    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        Path file = dir.resolve("cfn-output.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void flatObject_givesVpcAndPublicSubnets_inKeyOrder() throws IOException {
        var outputs = StackOutputs.read(write("""
                {"PublicSubnetTwo": "subnet-2", "VPCId": "vpc-1", "PrivateSubnetOne": "subnet-p",
                 "PublicSubnetOne": "subnet-1", "LoadBalancerDNS": "x.elb.amazonaws.com"}"""));

        assertEquals("vpc-1", outputs.vpcId());
        assertEquals(List.of("subnet-1", "subnet-2"), outputs.subnetIds());
    }

    @Test
    void cloudFormationList_andCommaSeparatedValues_areAccepted() throws IOException {
        var outputs = StackOutputs.read(write("""
                [{"OutputKey": "VpcId", "OutputValue": "vpc-9"},
                 {"OutputKey": "PublicSubnets", "OutputValue": "subnet-a,subnet-b"}]"""));

        assertEquals("vpc-9", outputs.vpcId());
        assertEquals(List.of("subnet-a", "subnet-b"), outputs.subnetIds());
    }

    @Test
    void describeStacksAnswer_isAccepted() throws IOException {
        var outputs = StackOutputs.read(write("""
                {"Stacks": [{"Outputs": [{"OutputKey": "VPC", "OutputValue": "vpc-3"},
                  {"OutputKey": "PublicSubnetOne", "OutputValue": "subnet-x"},
                  {"OutputKey": "PublicSubnetTwo", "OutputValue": "subnet-y"}]}]}"""));

        assertEquals("vpc-3", outputs.vpcId());
        assertEquals(List.of("subnet-x", "subnet-y"), outputs.subnetIds());
    }

    @Test
    void missingVpc_isUsageError() throws IOException {
        Path file = write("{\"PublicSubnetOne\": \"subnet-1\", \"PublicSubnetTwo\": \"subnet-2\"}");

        MysfitsException e = assertThrows(MysfitsException.class, () -> StackOutputs.read(file));

        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("no VPC"), e.getMessage());
    }

    @Test
    void onePublicSubnet_isUsageError() throws IOException {
        Path file = write("{\"VPCId\": \"vpc-1\", \"PublicSubnetOne\": \"subnet-1\"}");

        MysfitsException e = assertThrows(MysfitsException.class, () -> StackOutputs.read(file));

        assertTrue(e.getMessage().contains("1 public subnet"), e.getMessage());
    }

    @Test
    void invalidJson_namesFileAndLine() throws IOException {
        Path file = write("{\n\"VPCId\": \"vpc-1\",,\n}");

        MysfitsException e = assertThrows(MysfitsException.class, () -> StackOutputs.read(file));

        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("cfn-output.json:2:"), e.getMessage());
    }

    @Test
    void missingFile_isUsageError() {
        MysfitsException e = assertThrows(MysfitsException.class, () -> StackOutputs.read(dir.resolve("nope.json")));

        assertEquals(ExitCode.USAGE, e.exitCode());
    }

    @Test
    void privateSubnets_areTheOutputsNamedPrivateSubnet_inKeyOrder_andNoneIsEmpty() {
        assertEquals(java.util.List.of("subnet-p1", "subnet-p2", "subnet-p3"), StackOutputs.privateSubnets(new java.util.TreeMap<>(
                java.util.Map.of("PrivateSubnetTwo", "subnet-p2,subnet-p3", "PrivateSubnetOne", "subnet-p1",
                        "PublicSubnetOne", "subnet-a"))));
        assertEquals(java.util.List.of(), StackOutputs.privateSubnets(java.util.Map.of("PublicSubnetOne", "subnet-a")));
    }
}
