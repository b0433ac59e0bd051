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
# A web server in the base image's perl: it answers its VERSION on port 80, with the status STATUS.
SERVE = ('use IO::Socket::INET; my $s = IO::Socket::INET->new(LocalPort => 80, Listen => 50, ReuseAddr => 1) '
         'or die "$!"; while (my $c = $s->accept) { while (my $l = <$c>) { last if $l =~ /^\\r?$/ } '
         'my $b = "$ENV{VERSION}\\n"; print $c "HTTP/1.1 $ENV{STATUS} X\\r\\nContent-Length: " . length($b) . '
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
        for version in ("blue", "green", "crash", "sick"):
            command = ["bash", "-c", "sleep 1; exit 3"] if version == "crash" else ["perl", "-e", SERVE]
            self.ecs.register_task_definition(
                family=name, requiresCompatibilities=["FARGATE"], networkMode="awsvpc", cpu="256", memory="512",
                containerDefinitions=[{"name": "web", "image": base, "memory": 64, "command": command,
                                       "portMappings": [{"containerPort": 80}],
                                       "environment": [{"name": "VERSION", "value": version},
                                                       {"name": "STATUS",
                                                        "value": "500" if version == "sick" else "200"}]}])
        self.revision = {"blue": name + ":1", "green": name + ":2", "crash": name + ":3", "sick": name + ":4"}
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

    def create(self, configuration, desired=2, **advanced):
        network = {"awsvpcConfiguration": {"subnets": self.subnets, "securityGroups": [self.group],
                                           "assignPublicIp": "ENABLED"}}
        deadline = time.monotonic() + 30
        while True:  # a group newly behind a listener rule reaches ECS some seconds later, as on AWS (realism)
            try:
                self.ecs.create_service(cluster=self.name, serviceName="web", taskDefinition=self.revision["blue"],
                                        desiredCount=desired, launchType="FARGATE", networkConfiguration=network,
                                        loadBalancers=self.load_balancers(**advanced),
                                        deploymentConfiguration=configuration)
                break
            except self.ecs.exceptions.InvalidParameterException as e:
                assert "does not have an associated load balancer" in str(e) and time.monotonic() < deadline, str(e)
                time.sleep(0.5)
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

    def test_rule(self):
        """A listener rule for test traffic: requests with the header X-Test: yes."""
        return self.elb.create_rule(
            ListenerArn=self.listener, Priority=10,
            Conditions=[{"Field": "http-header", "HttpHeaderConfig": {"HttpHeaderName": "X-Test", "Values": ["yes"]}}],
            Actions=[{"Type": "forward", "ForwardConfig": {"TargetGroups": [
                {"TargetGroupArn": self.primary, "Weight": 100},
                {"TargetGroupArn": self.alternate, "Weight": 0}]}}])["Rules"][0]["RuleArn"]

    def get(self, headers=None):
        connection = http.client.HTTPConnection(self.address, 80, timeout=10)
        try:
            connection.request("GET", "/", headers=dict(headers or {}, Host=self.dns))
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


def answers(stack, count, headers=None):
    """What count requests through the ALB got: {(status, body): how many}."""
    seen = {}
    for _ in range(count):
        answer = stack.get(headers)
        seen[answer] = seen.get(answer, 0) + 1
    return seen


@pytest.mark.docker
def test_canary_sends_its_share_to_green_for_its_bake_then_the_rest(sandbox):
    stack = Stack(sandbox, "canary")
    test_rule = stack.test_rule()
    stack.create({"strategy": "CANARY", "canaryConfiguration": {"canaryPercent": 10.0, "canaryBakeTimeInMinutes": 10},
                  "bakeTimeInMinutes": 0, "deploymentCircuitBreaker": {"enable": True, "rollback": True}},
                 testListenerRule=test_rule)
    assert answers(stack, 5, {"X-Test": "yes"}) == {(200, "blue"): 5}
    stack.deploy("green")
    eventually(lambda: assert_equal(stack.weights(), {stack.primary: 90, stack.alternate: 10}), 60)
    # Test traffic went all to green before production's share did.
    assert stack.weights(test_rule) == {stack.primary: 0, stack.alternate: 100}
    assert answers(stack, 20, {"X-Test": "yes"}) == {(200, "green"): 20}
    # Ten minutes of canary: ten seconds here, in which both revisions answer through the ALB, mostly blue.
    seen = answers(stack, 300)
    assert set(seen) == {(200, "blue"), (200, "green")}, seen
    assert seen[(200, "green")] < seen[(200, "blue")], seen
    assert stack.service()["deployments"][0]["rolloutState"] == "IN_PROGRESS"
    stack.wait_completed(stack.revision["green"], 60)
    assert stack.weights() == {stack.primary: 0, stack.alternate: 100}
    assert answers(stack, 10) == {(200, "green"): 10}


@pytest.mark.docker
def test_linear_shifts_a_step_at_a_time(sandbox):
    stack = Stack(sandbox, "linear")
    stack.create({"strategy": "LINEAR", "linearConfiguration": {"stepPercent": 25.0, "stepBakeTimeInMinutes": 3},
                  "bakeTimeInMinutes": 0})
    stack.deploy("green")
    seen, half = [], None
    deadline = time.monotonic() + 90
    while stack.service()["deployments"][0]["rolloutState"] == "IN_PROGRESS":
        assert time.monotonic() < deadline, "the linear deployment did not end within 90 s: %s" % seen
        weight = stack.weights()[stack.alternate]
        if not seen or seen[-1] != weight:
            seen.append(weight)
        if weight == 50 and half is None:
            half = answers(stack, 100)
        time.sleep(0.1)
    if seen[-1] != stack.weights()[stack.alternate]:
        seen.append(stack.weights()[stack.alternate])
    assert seen == [0, 25, 50, 75, 100], seen
    assert set(half) == {(200, "blue"), (200, "green")}, half
    stack.wait_completed(stack.revision["green"], 30)


@pytest.mark.docker
@pytest.mark.parametrize("version, why", [
    ("crash", "its containers exit"), ("sick", "it fails the target group's health checks")])
def test_a_failing_green_rolls_back_while_blue_serves(sandbox, version, why):
    stack = Stack(sandbox, version)
    stack.create({"strategy": "BLUE_GREEN", "bakeTimeInMinutes": 0,
                  "deploymentCircuitBreaker": {"enable": True, "rollback": True}})
    blue_id = stack.service()["deployments"][0]["id"]
    green_id = stack.deploy(version)["service"]["deployments"][0]["id"]
    served = {}
    deadline = time.monotonic() + 90
    while not any("rolling back to deployment" in e["message"] for e in stack.service()["events"]):
        assert time.monotonic() < deadline, "no rollback within 90 s of a green that " + why
        for answer, count in answers(stack, 5).items():
            served[answer] = served.get(answer, 0) + count
        assert stack.weights() == {stack.primary: 100, stack.alternate: 0}
    assert set(served) == {(200, "blue")}, served
    done = stack.wait_completed(stack.revision["blue"], 60)
    assert done["deployments"][0]["id"] == blue_id
    messages = [e["message"] for e in done["events"]]
    assert "(service web) (deployment %s) deployment failed: tasks failed to start." % green_id in messages
    assert "(service web) rolling back to deployment %s." % blue_id in messages
    assert stack.running_versions() == [stack.name + ":1"] * 2
    assert stack.weights() == {stack.primary: 100, stack.alternate: 0}
    assert answers(stack, 10) == {(200, "blue"): 10}


@pytest.mark.docker
def test_an_alarm_in_alarm_before_clean_up_rolls_back(sandbox):
    stack = Stack(sandbox, "alarm")
    stack.cloudwatch.put_metric_alarm(AlarmName="alarm-5xx", MetricName="HTTPCode_Target_5XX_Count",
                                      Namespace="AWS/ApplicationELB", Statistic="Sum", Period=60, EvaluationPeriods=1,
                                      Threshold=1, ComparisonOperator="GreaterThanOrEqualToThreshold")
    stack.cloudwatch.set_alarm_state(AlarmName="alarm-5xx", StateValue="OK", StateReason="fine")
    stack.create({"strategy": "BLUE_GREEN", "bakeTimeInMinutes": 30,
                  "alarms": {"alarmNames": ["alarm-5xx"], "enable": True, "rollback": True}})
    blue_id = stack.service()["deployments"][0]["id"]
    green_id = stack.deploy("green")["service"]["deployments"][0]["id"]
    # All traffic on green, baking (thirty minutes: thirty seconds here): then the alarm goes off.
    eventually(lambda: assert_equal(stack.weights(), {stack.primary: 0, stack.alternate: 100}), 60)
    assert answers(stack, 5) == {(200, "green"): 5}
    stack.cloudwatch.set_alarm_state(AlarmName="alarm-5xx", StateValue="ALARM", StateReason="errors")

    def rolled_back():
        s = stack.service()
        green = next(d for d in s["deployments"] if d["id"] == green_id)
        assert green["rolloutState"] == "FAILED" and green["status"] == "ACTIVE", green
        return s, green
    service, green = eventually(rolled_back, 10)
    assert green["rolloutStateReason"] == \
        "ECS deployment %s rolled back: CloudWatch alarm alarm-5xx is in ALARM." % green_id
    assert service["taskDefinition"].endswith(stack.revision["blue"])
    assert stack.weights() == {stack.primary: 100, stack.alternate: 0}
    assert answers(stack, 10) == {(200, "blue"): 10}
    done = stack.wait_completed(stack.revision["blue"], 60)
    assert [d["id"] for d in done["deployments"]] == [blue_id]
    assert stack.running_versions() == [stack.name + ":1"] * 2
