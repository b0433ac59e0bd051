"""BLUE_GREEN, CANARY and LINEAR deployments on a real sandbox (strategies.py): tasks run as containers behind the
ALB, the production listener rule's weights are read back with DescribeRules, and HTTP goes through the ALB.

The sandbox runs at time scale 60 here: a one-minute bake lasts a second."""
import http.client
import json
import time

import docker
import pytest

from conftest import client, eventually, servers
from mysfits_sandbox.settings import Settings

SCALE = 60
# A web server in the base image's perl: it answers its VERSION on port 80.
SERVE = ('use IO::Socket::INET; my $s = IO::Socket::INET->new(LocalPort => 80, Listen => 50, ReuseAddr => 1) '
         'or die "$!"; while (my $c = $s->accept) { while (my $l = <$c>) { last if $l =~ /^\\r?$/ } '
         'my $b = "$ENV{VERSION}\\n"; print $c "HTTP/1.1 200 OK\\r\\nContent-Length: " . length($b) . '
         '"\\r\\nConnection: close\\r\\n\\r\\n$b"; close $c }')


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    with servers(tmp_path_factory, {"MYSFITS_SANDBOX_TIME_SCALE": str(SCALE)}) as [started]:
        yield started


class Stack:
    """One cluster, ALB, listener, two target groups and a production rule: what mysfits deploy makes for a
    blue/green service."""

    def __init__(self, sandbox, name):
        url, port = sandbox[0], sandbox[1]
        self.name = name
        self.ecs, self.ec2, self.elb = client(url, "ecs"), client(url, "ec2"), client(url, "elbv2")
        self.iam, self.cloudwatch = client(url, "iam"), client(url, "cloudwatch")
        self.address = Settings.for_port(port, "/dev/null").alb_address
        base = next(t for i in docker.from_env().images.list() for t in i.tags if t.startswith("debian:"))
        self.ecs.create_cluster(clusterName=name)
        for version in ("blue", "green", "crash"):
            command = ["bash", "-c", "sleep 1; exit 3"] if version == "crash" else ["perl", "-e", SERVE]
            self.ecs.register_task_definition(
                family=name, requiresCompatibilities=["FARGATE"], networkMode="awsvpc", cpu="256", memory="512",
                containerDefinitions=[{"name": "web", "image": base, "memory": 64, "command": command,
                                       "portMappings": [{"containerPort": 80}],
                                       "environment": [{"name": "VERSION", "value": version}]}])
        self.revision = {"blue": name + ":1", "green": name + ":2", "crash": name + ":3"}
        vpc = self.ec2.describe_vpcs()["Vpcs"][0]["VpcId"]
        self.subnets = [s["SubnetId"] for s in self.ec2.describe_subnets()["Subnets"] if s["VpcId"] == vpc][:2]
        self.group = self.ec2.describe_security_groups()["SecurityGroups"][0]["GroupId"]
        lb = self.elb.create_load_balancer(Name=name, Subnets=self.subnets, SecurityGroups=[self.group])
        self.lb, self.dns = lb["LoadBalancers"][0]["LoadBalancerArn"], lb["LoadBalancers"][0]["DNSName"]
        self.primary, self.alternate = [self.elb.create_target_group(
            Name="%s-%s" % (name, which), Protocol="HTTP", Port=80, VpcId=vpc, TargetType="ip",
            HealthCheckIntervalSeconds=10, HealthCheckTimeoutSeconds=5, HealthyThresholdCount=2)["TargetGroups"][0]["TargetGroupArn"]
            for which in ("a", "b")]
        for arn in (self.primary, self.alternate):
            self.elb.modify_target_group_attributes(TargetGroupArn=arn, Attributes=[
                {"Key": "deregistration_delay.timeout_seconds", "Value": "5"}])
        self.listener = eventually(lambda: self.elb.create_listener(
            LoadBalancerArn=self.lb, Protocol="HTTP", Port=80,
            DefaultActions=[{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404"}}]),
            30)["Listeners"][0]["ListenerArn"]
        self.rule = self.elb.create_rule(
            ListenerArn=self.listener, Priority=50000,
            Conditions=[{"Field": "path-pattern", "PathPatternConfig": {"Values": ["/*"]}}],
            Actions=[{"Type": "forward", "ForwardConfig": {"TargetGroups": [
                {"TargetGroupArn": self.primary, "Weight": 100},
                {"TargetGroupArn": self.alternate, "Weight": 0}]}}])["Rules"][0]["RuleArn"]
        self.role = self.iam.create_role(RoleName=name + "-infra", AssumeRolePolicyDocument=json.dumps({
            "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                                    "Principal": {"Service": "ecs.amazonaws.com"}}]}))["Role"]["Arn"]

    def load_balancers(self, **advanced):
        configuration = {"alternateTargetGroupArn": self.alternate, "productionListenerRule": self.rule,
                         "roleArn": self.role}
        configuration.update(advanced)
        return [{"targetGroupArn": self.primary, "containerName": "web", "containerPort": 80,
                 "advancedConfiguration": {k: v for k, v in configuration.items() if v is not None}}]

    def create(self, configuration, desired=2):
        network = {"awsvpcConfiguration": {"subnets": self.subnets, "securityGroups": [self.group],
                                           "assignPublicIp": "ENABLED"}}
        self.ecs.create_service(cluster=self.name, serviceName="web", taskDefinition=self.revision["blue"],
                                desiredCount=desired, launchType="FARGATE", networkConfiguration=network,
                                loadBalancers=self.load_balancers(), deploymentConfiguration=configuration)
        self.wait_completed(self.revision["blue"])

    def service(self):
        return eventually(lambda: self.ecs.describe_services(cluster=self.name, services=["web"])["services"][0], 10)

    def deploy(self, version):
        return self.ecs.update_service(cluster=self.name, service="web", taskDefinition=self.revision[version])

    def wait_completed(self, revision, seconds=120):
        def completed():
            s = self.service()
            assert [(d["status"], d["rolloutState"]) for d in s["deployments"]] == [("PRIMARY", "COMPLETED")], \
                s["deployments"]
            assert s["taskDefinition"].endswith(revision) and s["runningCount"] == s["desiredCount"]
            return s
        return eventually(completed, seconds)

    def weights(self, rule=None):
        """The forward action's weights: {target group ARN: weight}."""
        rule = self.elb.describe_rules(RuleArns=[rule or self.rule])["Rules"][0]
        forward = next(a for a in rule["Actions"] if a["Type"] == "forward")
        return {g["TargetGroupArn"]: g["Weight"] for g in forward["ForwardConfig"]["TargetGroups"]}

    def get(self):
        connection = http.client.HTTPConnection(self.address, 80, timeout=10)
        try:
            connection.request("GET", "/", headers={"Host": self.dns})
            response = connection.getresponse()
            return response.status, response.read().decode().strip()
        finally:
            connection.close()

    def healthy_targets(self, group):
        return sorted(d["Target"]["Id"] for d in self.elb.describe_target_health(TargetGroupArn=group)[
            "TargetHealthDescriptions"] if d["TargetHealth"]["State"] == "healthy")

    def running_versions(self):
        arns = self.ecs.list_tasks(cluster=self.name, serviceName="web")["taskArns"]
        tasks = self.ecs.describe_tasks(cluster=self.name, tasks=arns)["tasks"] if arns else []
        return sorted(t["taskDefinitionArn"].rsplit("/", 1)[1] for t in tasks if t["lastStatus"] == "RUNNING")


@pytest.mark.docker
def test_blue_green_moves_all_traffic_to_green_and_stops_blue(sandbox):
    stack = Stack(sandbox, "bg")
    stack.create({"strategy": "BLUE_GREEN", "bakeTimeInMinutes": 5,
                  "deploymentCircuitBreaker": {"enable": True, "rollback": True}})
    assert stack.weights() == {stack.primary: 100, stack.alternate: 0}
    assert eventually(lambda: stack.get(), 10) == (200, "blue")
    assert len(stack.healthy_targets(stack.primary)) == 2

    stack.deploy("green")
    during = stack.service()
    assert [(d["status"], d["rolloutState"]) for d in during["deployments"]] == \
        [("PRIMARY", "IN_PROGRESS"), ("ACTIVE", "COMPLETED")]
    # Green starts at the full count in the group without production traffic; blue serves meanwhile.
    eventually(lambda: assert_equal(len(stack.healthy_targets(stack.alternate)), 2), 60)
    # The bake (five minutes: five seconds here) holds both revisions, all traffic on green.
    eventually(lambda: assert_equal(stack.weights(), {stack.primary: 0, stack.alternate: 100}), 30)
    assert stack.running_versions() == [stack.name + ":1"] * 2 + [stack.name + ":2"] * 2
    assert stack.get() == (200, "green")
    done = stack.wait_completed(stack.revision["green"], 60)
    assert done["deploymentConfiguration"]["strategy"] == "BLUE_GREEN"
    assert done["loadBalancers"][0]["advancedConfiguration"]["alternateTargetGroupArn"] == stack.alternate
    assert stack.running_versions() == [stack.name + ":2"] * 2
    assert stack.healthy_targets(stack.primary) == []
    assert stack.weights() == {stack.primary: 0, stack.alternate: 100}
    assert {stack.get() for _ in range(10)} == {(200, "green")}

    # The next deployment goes the other way: production is now the alternate group.
    stack.deploy("blue")
    eventually(lambda: assert_equal(len(stack.healthy_targets(stack.primary)), 2), 60)
    stack.wait_completed(stack.revision["blue"], 60)
    assert stack.weights() == {stack.primary: 100, stack.alternate: 0}
    assert {stack.get() for _ in range(10)} == {(200, "blue")}


def assert_equal(actual, expected):
    assert actual == expected, actual
