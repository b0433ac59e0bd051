"""The strategy driver on moto's records, in this process, with tasks that are healthy as soon as they start (no
Docker): what the API accepts and refuses, the shared record on the deployment dicts (lifecycle stage, weights,
rollback) that ListServiceDeployments is served from, a StopServiceDeployment ROLLBACK, and a switch from ROLLING."""
import itertools
import time

import boto3
import pytest
from moto import mock_aws
from moto.core.utils import utcnow
from moto.ecs.models import ecs_backends

from conftest import ecs_hooks, refused
from mysfits_sandbox.health import HEALTHY
from mysfits_sandbox.settings import Settings

SCALE = 600  # a minute of AWS's is a tenth of a second here
ADDRESSES = ("10.9.%d.%d" % (n // 250, n % 250 + 1) for n in itertools.count())


class World:
    def __init__(self, plane):
        self.plane = plane
        plane.balancing.install()
        plane.launch = self._launch
        self.ecs, self.elb, self.ec2 = boto3.client("ecs"), boto3.client("elbv2"), boto3.client("ec2")
        self.ecs.create_cluster(clusterName="c")
        for version in ("blue", "green"):
            self.ecs.register_task_definition(
                family="web", networkMode="awsvpc", requiresCompatibilities=["FARGATE"], cpu="256", memory="512",
                containerDefinitions=[{"name": "web", "image": version, "portMappings": [{"containerPort": 80}]}])
        vpc = self.ec2.describe_vpcs()["Vpcs"][0]["VpcId"]
        self.subnets = [s["SubnetId"] for s in self.ec2.describe_subnets()["Subnets"] if s["VpcId"] == vpc][:2]
        lb = self.elb.create_load_balancer(Name="lb", Subnets=self.subnets)["LoadBalancers"][0]["LoadBalancerArn"]
        self.primary, self.alternate = [self.elb.create_target_group(
            Name=name, Protocol="HTTP", Port=80, VpcId=vpc, TargetType="ip")["TargetGroups"][0]["TargetGroupArn"]
            for name in ("a", "b")]
        listener = self.elb.create_listener(LoadBalancerArn=lb, Protocol="HTTP", Port=80, DefaultActions=[
            {"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404"}}])["Listeners"][0]["ListenerArn"]
        self.rule, self.test_rule = [self.elb.create_rule(
            ListenerArn=listener, Priority=priority, Conditions=[{"Field": "path-pattern", "Values": [path]}],
            Actions=[{"Type": "forward", "ForwardConfig": {"TargetGroups": [
                {"TargetGroupArn": self.primary, "Weight": 100},
                {"TargetGroupArn": self.alternate, "Weight": 0}]}}])["Rules"][0]["RuleArn"]
            for priority, path in ((50000, "/*"), (10, "/test/*"))]
        self.backend = ecs_backends["123456789012"]["us-east-1"]

    def _launch(self, managed):
        """A task that runs and is healthy in its target groups at once."""
        task = managed.task
        task.status = "RUNNING"
        task.containers = []
        managed.address = next(ADDRESSES)
        managed.running_since = time.monotonic()
        managed.started.set()
        self.plane.tasks[managed.arn] = managed
        self.plane._register_targets(managed)
        for arn, target_id, port in managed.targets:
            self.plane.balancing.registry.get(arn, target_id, port)._set(HEALTHY, None, None, None)

    def load_balancers(self, **advanced):
        configuration = {"alternateTargetGroupArn": self.alternate, "productionListenerRule": self.rule,
                         "roleArn": "arn:aws:iam::123456789012:role/ecs-infrastructure"}
        configuration.update(advanced)
        return [{"targetGroupArn": self.primary, "containerName": "web", "containerPort": 80,
                 "advancedConfiguration": {k: v for k, v in configuration.items() if v is not None}}]

    def create(self, configuration, balancers=None, desired=2):
        return self.ecs.create_service(
            cluster="c", serviceName="web", taskDefinition="web:1", desiredCount=desired, launchType="FARGATE",
            networkConfiguration={"awsvpcConfiguration": {"subnets": self.subnets}},
            loadBalancers=self.load_balancers() if balancers is None else balancers,
            deploymentConfiguration=configuration)["service"]

    def service(self):
        return self.backend.services["c:web"]

    def turn(self, times=1):
        """Scheduler passes; a task asked to stop has stopped by the next one."""
        for _ in range(times):
            self.plane.reconcile_service(self.backend, self.service())
            for managed in self.plane.tasks.values():
                if managed.stopping and managed.task.status != "STOPPED":
                    managed.task.status = "STOPPED"
                    managed.task.stopped_at = utcnow()

    def turn_until(self, condition, seconds=10):
        deadline = time.monotonic() + seconds
        while not condition():
            assert time.monotonic() < deadline, "not within %d s: %s" % (seconds, self.service().deployments)
            self.turn()
            time.sleep(0.01)

    def weights(self, rule=None):
        rule = self.elb.describe_rules(RuleArns=[rule or self.rule])["Rules"][0]
        forward = next(a for a in rule["Actions"] if a["Type"] == "forward")
        return {g["TargetGroupArn"]: g["Weight"] for g in forward["ForwardConfig"]["TargetGroups"]}

    def versions(self, group):
        """The task definition revisions of the tasks registered in a target group and not stopping."""
        return sorted(m.task_definition.revision for m in self.plane.service_tasks(self.service())
                      if not m.stopping and any(arn == group for arn, _, _ in m.targets))


@pytest.fixture
def world():
    with mock_aws():
        settings = Settings.for_port(5993, "/dev/null", environ={"MYSFITS_SANDBOX_TIME_SCALE": str(SCALE)})
        with ecs_hooks(settings) as plane:
            yield World(plane)


CANARY = {"strategy": "CANARY", "canaryConfiguration": {"canaryPercent": 10.0, "canaryBakeTimeInMinutes": 1},
          "bakeTimeInMinutes": 2, "alarms": {"alarmNames": ["errors"], "enable": True, "rollback": True},
          "deploymentCircuitBreaker": {"enable": True, "rollback": True}}


def test_the_configuration_and_advanced_load_balancers_are_echoed(world):
    created = world.create(CANARY, world.load_balancers(testListenerRule=world.test_rule))
    assert created["deploymentConfiguration"] == dict(CANARY, maximumPercent=200, minimumHealthyPercent=100)
    assert created["loadBalancers"][0]["advancedConfiguration"] == {
        "alternateTargetGroupArn": world.alternate, "productionListenerRule": world.rule,
        "testListenerRule": world.test_rule, "roleArn": "arn:aws:iam::123456789012:role/ecs-infrastructure"}
    linear = {"strategy": "LINEAR", "linearConfiguration": {"stepPercent": 20.0, "stepBakeTimeInMinutes": 3}}
    updated = world.ecs.update_service(cluster="c", service="web", deploymentConfiguration=linear)["service"]
    assert updated["deploymentConfiguration"]["linearConfiguration"] == linear["linearConfiguration"]
    described = world.ecs.describe_services(cluster="c", services=["web"])["services"][0]
    assert described["deploymentConfiguration"]["strategy"] == "LINEAR"
    assert described["loadBalancers"] == created["loadBalancers"]


def test_what_create_and_update_refuse(world):
    def create(configuration, balancers):
        return lambda: world.create(configuration, balancers)
    missing = world.primary.replace("/a/", "/gone/")
    refused(create({"strategy": "BLUE_GREEN"}, [{"targetGroupArn": world.primary, "containerName": "web",
                                                 "containerPort": 80}]), "InvalidParameterException",
            "advancedConfiguration is required for each load balancer when the deployment strategy is BLUE_GREEN.")
    refused(create({"strategy": "BLUE_GREEN"}, world.load_balancers(alternateTargetGroupArn=missing)),
            "InvalidParameterException", "The target group %s does not exist." % missing)
    refused(create({"strategy": "BLUE_GREEN"}, world.load_balancers(productionListenerRule=world.rule + "0")),
            "InvalidParameterException",
            "The listener rule %s0 (productionListenerRule) does not exist." % world.rule)
    refused(create({"strategy": "CANARY"}, world.load_balancers(roleArn=None)), "InvalidParameterException",
            "advancedConfiguration.roleArn is required for the CANARY deployment strategy.")
    refused(create({"strategy": "CANARY", "canaryConfiguration": {"canaryPercent": 0}}, world.load_balancers()),
            "InvalidParameterException", "canaryPercent must be between 0.1 and 100.")
    refused(create({"strategy": "LINEAR", "linearConfiguration": {"stepPercent": 1}}, world.load_balancers()),
            "InvalidParameterException", "stepPercent must be between 3 and 100.")
    refused(create({"strategy": "BLUE_GREEN", "bakeTimeInMinutes": 1441}, world.load_balancers()),
            "InvalidParameterException", "bakeTimeInMinutes must be between 0 and 1440.")
    assert world.ecs.list_services(cluster="c")["serviceArns"] == [], "nothing refused was made"

    rolling = world.create({"maximumPercent": 200}, [{"targetGroupArn": world.primary, "containerName": "web",
                                                      "containerPort": 80}])
    refused(lambda: world.ecs.update_service(cluster="c", service="web", deploymentConfiguration={
        "strategy": "BLUE_GREEN"}), "InvalidParameterException",
        "advancedConfiguration is required for each load balancer when the deployment strategy is BLUE_GREEN.")
    refused(lambda: world.ecs.update_service(cluster="c", service="web", taskDefinition="web:2",
                                             deploymentConfiguration={"strategy": "LINEAR",
                                                                      "linearConfiguration": {"stepPercent": 101}},
                                             loadBalancers=world.load_balancers()),
            "InvalidParameterException", "stepPercent must be between 3 and 100.")
    after = world.ecs.describe_services(cluster="c", services=["web"])["services"][0]
    assert after["taskDefinition"] == rolling["taskDefinition"] and len(after["deployments"]) == 1
    assert "strategy" not in after["deploymentConfiguration"]


def test_a_canary_deployment_leaves_its_stages_and_weights_on_the_deployment(world):
    world.create(CANARY, world.load_balancers(testListenerRule=world.test_rule))
    world.turn_until(lambda: world.service().deployments[0]["rolloutState"] == "COMPLETED")
    first = world.service().deployments[0]
    assert (first["_lifecycleStage"], first["_productionWeight"], first["_testWeight"]) == ("CLEAN_UP", 100, 100)
    assert world.versions(world.primary) == [1, 1] and world.weights() == {world.primary: 100, world.alternate: 0}

    world.ecs.update_service(cluster="c", service="web", taskDefinition="web:2")
    seen = []
    green = None

    def record():
        nonlocal green
        green = world.service().deployments[0]
        entry = (green.get("_lifecycleStage"), green.get("_productionWeight"), green.get("_testWeight"),
                 world.weights()[world.alternate], world.weights(world.test_rule)[world.alternate])
        if not seen or seen[-1] != entry:
            seen.append(entry)
        return green["rolloutState"] == "COMPLETED"
    world.turn_until(record)
    # Each pass moves through the stages that need no waiting; these are where it waited (green's tasks start
    # in one pass and are healthy by the next), and the end.
    assert seen == [(None, None, None, 0, 0),
                    ("SCALE_UP", 0, 0, 0, 0),
                    ("PRODUCTION_TRAFFIC_SHIFT", 10, 100, 10, 100),
                    ("BAKE_TIME", 100, 100, 100, 100),
                    ("CLEAN_UP", 100, 100, 100, 100)], seen
    assert "_rollback" not in green and green["status"] == "PRIMARY"
    assert world.versions(world.alternate) == [2, 2] and world.versions(world.primary) == []
    assert [d["id"] for d in world.service().deployments] == [green["id"]], "blue is gone once its tasks are"


def test_a_rollback_requested_while_baking_puts_blue_back(world):
    world.create(dict(CANARY, strategy="BLUE_GREEN", bakeTimeInMinutes=1440))
    world.turn_until(lambda: world.service().deployments[0]["rolloutState"] == "COMPLETED")
    blue = world.service().deployments[0]
    world.ecs.update_service(cluster="c", service="web", taskDefinition="web:2")
    green = world.service().deployments[0]
    world.turn_until(lambda: green.get("_lifecycleStage") == "BAKE_TIME")
    assert world.weights() == {world.primary: 0, world.alternate: 100}
    assert world.versions(world.primary) == [1, 1] and world.versions(world.alternate) == [2, 2]
    assert world.service().task_definition.endswith("web:2")

    green["_stopRequested"] = "ROLLBACK"  # what StopServiceDeployment with stopType ROLLBACK leaves
    world.turn()
    assert world.weights() == {world.primary: 100, world.alternate: 0}
    assert (green["status"], green["rolloutState"]) == ("ACTIVE", "FAILED")
    assert green["rolloutStateReason"] == "ECS deployment %s rolled back: a rollback was requested " \
                                          "(StopServiceDeployment)." % green["id"]
    assert green["_rollback"]["toDeploymentId"] == blue["id"] and green["_rollback"]["reason"]
    assert green["_productionWeight"] == 0
    assert blue["status"] == "PRIMARY" and world.service().task_definition.endswith("web:1")
    assert world.versions(world.alternate) == [], "green's tasks stop"
    world.turn(3)
    assert world.service().deployments == [blue] and world.versions(world.primary) == [1, 1]
    described = world.ecs.describe_services(cluster="c", services=["web"])["services"][0]
    assert [(d["id"], d["rolloutState"]) for d in described["deployments"]] == [(blue["id"], "COMPLETED")]


def test_an_alarm_rolls_back_only_before_clean_up(world):
    cloudwatch = boto3.client("cloudwatch")
    cloudwatch.put_metric_alarm(AlarmName="errors", MetricName="m", Namespace="n", Statistic="Sum", Period=60,
                                EvaluationPeriods=1, Threshold=1, ComparisonOperator="GreaterThanThreshold")
    world.create(dict(CANARY, bakeTimeInMinutes=1440, canaryConfiguration={"canaryPercent": 20,
                                                                           "canaryBakeTimeInMinutes": 1440}))
    world.turn_until(lambda: world.service().deployments[0]["rolloutState"] == "COMPLETED")
    world.ecs.update_service(cluster="c", service="web", taskDefinition="web:2")
    green = world.service().deployments[0]
    world.turn_until(lambda: green.get("_productionWeight") == 20)
    assert world.weights() == {world.primary: 80, world.alternate: 20}
    cloudwatch.set_alarm_state(AlarmName="errors", StateValue="ALARM", StateReason="errors")
    world.turn()
    assert green["rolloutStateReason"].endswith("rolled back: CloudWatch alarm errors is in ALARM.")
    assert world.weights() == {world.primary: 100, world.alternate: 0}


def test_a_rolling_service_switched_to_blue_green_deploys_into_the_alternate_group(world):
    world.create({}, [{"targetGroupArn": world.primary, "containerName": "web", "containerPort": 80}])
    world.turn_until(lambda: world.service().deployments[0]["rolloutState"] == "COMPLETED")
    rolling = world.service().deployments[0]
    assert "_lifecycleStage" not in rolling and "_productionWeight" not in rolling, "ROLLING keeps no stages"
    world.ecs.update_service(cluster="c", service="web", taskDefinition="web:2", loadBalancers=world.load_balancers(),
                             deploymentConfiguration={"strategy": "BLUE_GREEN", "bakeTimeInMinutes": 0})
    green = world.service().deployments[0]
    world.turn_until(lambda: green["rolloutState"] == "COMPLETED")
    assert world.weights() == {world.primary: 0, world.alternate: 100}
    assert world.versions(world.alternate) == [2, 2] and world.versions(world.primary) == []

    # And back to ROLLING: the new revision replaces tasks in the group that carries production now.
    world.ecs.update_service(cluster="c", service="web", taskDefinition="web:1",
                             deploymentConfiguration={"strategy": "ROLLING"})
    world.turn_until(lambda: world.service().deployments[0]["rolloutState"] == "COMPLETED"
                     and len(world.service().deployments) == 1)
    assert world.versions(world.alternate) == [1, 1]


def test_a_deployment_replaced_midway_gives_way_and_blue_stays_blue(world):
    world.create(dict(CANARY, canaryConfiguration={"canaryPercent": 10, "canaryBakeTimeInMinutes": 1440}))
    world.turn_until(lambda: world.service().deployments[0]["rolloutState"] == "COMPLETED")
    blue = world.service().deployments[0]
    world.ecs.update_service(cluster="c", service="web", taskDefinition="web:2")
    first_green = world.service().deployments[0]
    world.turn_until(lambda: first_green.get("_productionWeight") == 10)
    assert world.weights() == {world.primary: 90, world.alternate: 10}

    world.ecs.update_service(cluster="c", service="web", taskDefinition="web:1", forceNewDeployment=True)
    second = world.service().deployments[0]
    world.turn()
    assert second["_blueId"] == blue["id"] and second["_targetGroup"] == world.alternate
    assert world.weights() == {world.primary: 100, world.alternate: 0}, "production goes back to blue"
    assert all(m.stopping for m in world.plane.service_tasks(world.service()) if m.deployment_id == first_green["id"])
    world.turn_until(lambda: second.get("_productionWeight") == 10)
    assert first_green not in world.service().deployments, "the replaced deployment's tasks are gone"
    assert world.versions(world.primary) == [1, 1] and world.versions(world.alternate) == [1, 1]


def test_an_abort_puts_traffic_back_on_blue_without_a_rollback(world):
    world.create(dict(CANARY, canaryConfiguration={"canaryPercent": 50, "canaryBakeTimeInMinutes": 1440}))
    world.turn_until(lambda: world.service().deployments[0]["rolloutState"] == "COMPLETED")
    blue = world.service().deployments[0]
    world.ecs.update_service(cluster="c", service="web", taskDefinition="web:2")
    green = world.service().deployments[0]
    world.turn_until(lambda: green.get("_productionWeight") == 50)
    green["_stopRequested"] = "ABORT"
    world.turn()
    assert world.weights() == {world.primary: 100, world.alternate: 0}
    assert green["rolloutState"] == "FAILED" and "_rollback" not in green
    assert green["rolloutStateReason"] == "ECS deployment %s stopped: the deployment was stopped " \
                                          "(StopServiceDeployment ABORT)." % green["id"]
    assert blue["status"] == "PRIMARY" and world.service().task_definition.endswith("web:1")
    world.turn(3)
    assert world.service().deployments == [blue] and world.versions(world.primary) == [1, 1]


def test_a_rollback_after_blue_is_gone_brings_its_revision_back_in_a_new_deployment(world):
    world.create(dict(CANARY, strategy="BLUE_GREEN", bakeTimeInMinutes=0))
    world.turn_until(lambda: world.service().deployments[0]["rolloutState"] == "COMPLETED")
    world.ecs.update_service(cluster="c", service="web", taskDefinition="web:2")
    green = world.service().deployments[0]
    world.turn_until(lambda: green.get("_lifecycleStage") == "CLEAN_UP")
    # Blue's tasks have stopped since that pass; before the next one completes green, its record goes and a
    # rollback is asked for.
    assert green["rolloutState"] == "IN_PROGRESS" and world.versions(world.primary) == []
    world.service().deployments.remove(next(d for d in world.service().deployments if d is not green))
    green["_stopRequested"] = "ROLLBACK"
    world.turn()
    primary = world.service().deployments[0]
    assert primary is not green and primary["taskDefinition"].endswith("web:1") and primary["status"] == "PRIMARY"
    assert green["_rollback"]["reason"] and green["status"] == "ACTIVE"
    world.turn_until(lambda: primary["rolloutState"] == "COMPLETED")
    assert world.service().task_definition.endswith("web:1")


def fail_green_tasks(world, green, count):
    for managed in [m for m in world.plane.service_tasks(world.service())
                    if m.deployment_id == green["id"] and not m.stopping][:count]:
        world.plane.fail(managed, "Essential container in task exited", stop_code="EssentialContainerExited")


def test_a_failed_green_without_rollback_stays_as_it_failed(world):
    world.create(dict(CANARY, strategy="BLUE_GREEN", deploymentCircuitBreaker={"enable": True, "rollback": False}),
                 desired=3)
    world.turn_until(lambda: world.service().deployments[0]["rolloutState"] == "COMPLETED")
    blue = world.service().deployments[0]
    world.ecs.update_service(cluster="c", service="web", taskDefinition="web:2")
    green = world.service().deployments[0]
    world.turn()
    assert green["_lifecycleStage"] == "SCALE_UP"
    fail_green_tasks(world, green, 3)  # the threshold for 3 desired
    assert green["rolloutState"] == "FAILED"
    world.turn(5)
    assert green["status"] == "PRIMARY" and "_rollback" not in green and green["_lifecycleStage"] == "SCALE_UP"
    assert world.weights() == {world.primary: 100, world.alternate: 0}
    assert world.versions(world.primary) == [1, 1, 1] and world.versions(world.alternate) == []
    assert [d["id"] for d in world.service().deployments] == [green["id"], blue["id"]]


def test_a_tripped_breaker_with_rollback_rolls_back_at_the_next_pass(world):
    world.create(dict(CANARY, strategy="LINEAR", linearConfiguration={"stepPercent": 50,
                                                                       "stepBakeTimeInMinutes": 1440}))
    world.turn_until(lambda: world.service().deployments[0]["rolloutState"] == "COMPLETED")
    blue = world.service().deployments[0]
    world.ecs.update_service(cluster="c", service="web", taskDefinition="web:2")
    green = world.service().deployments[0]
    world.turn_until(lambda: green.get("_productionWeight") == 50)
    fail_green_tasks(world, green, 2)
    world.turn_until(lambda: world.versions(world.alternate) == [2, 2])  # replaced after ECS's back-off
    fail_green_tasks(world, green, 1)
    assert green["failedTasks"] == 3, green
    assert green["rolloutStateReason"] == "ECS deployment circuit breaker: tasks failed to start."
    world.turn()
    assert green["rolloutStateReason"] == "ECS deployment %s rolled back: tasks failed to start." % green["id"]
    assert green["_rollback"]["toDeploymentId"] == blue["id"] and blue["status"] == "PRIMARY"
    assert world.weights() == {world.primary: 100, world.alternate: 0}


def test_without_load_balancers_green_scales_up_bakes_and_replaces_blue(world):
    world.create({"strategy": "BLUE_GREEN", "bakeTimeInMinutes": 1}, balancers=[])
    world.turn_until(lambda: world.service().deployments[0]["rolloutState"] == "COMPLETED")
    blue = world.service().deployments[0]
    world.ecs.update_service(cluster="c", service="web", taskDefinition="web:2")
    green = world.service().deployments[0]
    world.turn_until(lambda: green.get("_lifecycleStage") == "BAKE_TIME")
    revisions = sorted(m.task_definition.revision for m in world.plane.service_tasks(world.service()))
    assert revisions == [1, 1, 2, 2], "both revisions run through the bake"
    world.turn_until(lambda: green["rolloutState"] == "COMPLETED")
    assert sorted(m.task_definition.revision for m in world.plane.service_tasks(world.service())) == [2, 2]
    assert world.service().deployments == [green] and blue not in world.service().deployments
    assert world.weights() == {world.primary: 100, world.alternate: 0}, "no rule of this service's is touched"
