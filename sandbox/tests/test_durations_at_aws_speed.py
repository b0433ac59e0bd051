"""Every timed AWS behaviour lasts its registered time at AWS's speed (sandbox clock scale 1, realism "on").

Each probe triggers its behaviour through boto3 against a real server and watches AWS's refusal (or the transitional
state) until it ends. The durations are read from the registry, never written here. The window is bounded honestly:
- at least: from the moment the trigger call had returned to the moment the last refused request was sent (the
  server began the window no later than the former and judged that request no earlier than the latter);
- at most: from the moment the trigger call was sent to the moment the first accepted answer arrived.
It must be at least the registered time less EARLY, and at most the registered time plus LATE. EARLY is a quarter
second: how late one request near a window's end may be answered on a busy machine, and a small part of any window.

The probes run side by side against one sandbox (and one fresh-account sandbox, for the service-linked role), each
on its own resources. Their triggers are staggered so that no two triggers or window ends fall together.
"""
import concurrent.futures
import json
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass

import botocore.exceptions
import pytest

from conftest import SANDBOX, SUMMARIES, client, eventually, refused, servers
from mysfits_sandbox import server as _server  # noqa: F401  (imports every module that registers behaviours)
from mysfits_sandbox.realism import BEHAVIOURS

EARLY = 0.25    # the window may look this much shorter than registered: one request's way there and back
LATE = 2.0      # and this much longer (the data plane's half-second pass, a busy machine)
TIGHT = 0.3     # from this long before the registered end, the probe asks back to back
SPACING = 0.15  # no two triggers or window ends closer than this
DEFAULT_ACCOUNT = "123456789012"

PROBES = {}     # behaviour name -> Probe


@dataclass
class Probe:
    behaviour: str
    answer: str       # what AWS answers meanwhile: an error code, or the transitional state
    run: callable     # run(clients, window) -> None; calls window(trigger, held) once
    fresh: bool = False


def probe(behaviour, answer, fresh=False):
    def register(run):
        PROBES[behaviour] = Probe(behaviour, answer, run, fresh)
        return run
    return register


def timed_behaviours():
    """The sandbox's own timed behaviours: those its modules register. Other test modules register behaviours of
    their own in this process (test_realism's "test-timed"), so the registry here is read in a fresh interpreter."""
    listing = subprocess.run([sys.executable, "-c", SANDBOX_BEHAVIOURS], cwd=SANDBOX, check=True,
                             capture_output=True, text=True).stdout
    names = json.loads(listing)
    return {name: BEHAVIOURS[name] for name in names if BEHAVIOURS[name].sandbox_seconds > 0}


SANDBOX_BEHAVIOURS = "import json; from mysfits_sandbox import server, realism; print(json.dumps(list(realism.BEHAVIOURS)))"


def test_every_timed_behaviour_has_a_probe():
    missing = sorted(set(timed_behaviours()) - set(PROBES))
    assert not missing, "timed behaviours without a probe in this module: %s" % missing
    untimed = sorted(set(PROBES) - set(timed_behaviours()))
    assert not untimed, "probes for behaviours that are not registered as timed: %s" % untimed


# ------------------------------------------------------------------ measuring

class Clients:
    """One boto3 client per service (clients are thread-safe; making them is not)."""

    account = DEFAULT_ACCOUNT

    def __init__(self, url):
        self.url = url
        self._made = {}
        self._lock = threading.Lock()

    def __getattr__(self, service):
        service = service.replace("_", "-")
        with self._lock:
            if service not in self._made:
                self._made[service] = client(self.url, service)
            return self._made[service]


def is_refused(call, code, message):
    """True while call() is refused with this code and message, False once it is accepted; any other answer fails."""
    try:
        call()
        return False
    except botocore.exceptions.ClientError as e:
        error = e.response["Error"]
        assert (error["Code"], error["Message"]) == (code, message), e
        assert 400 <= e.response["ResponseMetadata"]["HTTPStatusCode"] < 500, e.response["ResponseMetadata"]
        return True


@dataclass
class Measured:
    behaviour: str
    seconds: float        # registered
    at_least: float = 0.0
    at_most: float = 0.0

    def shown(self):
        return self.at_least >= self.seconds - EARLY and self.at_most <= self.seconds + LATE


class Window:
    """Runs one probe's trigger at its moment and watches held() until it answers False."""

    def __init__(self, measured, start, offset):
        self.measured, self.start, self.offset = measured, start, offset

    def __call__(self, trigger, held):
        self.start.wait()
        time.sleep(max(0.0, self.start.at + self.offset - time.monotonic()))
        seconds, last_held = self.measured.seconds, None
        sent = time.monotonic()
        made = trigger()
        returned = time.monotonic()
        while True:
            asked = time.monotonic()
            assert asked - sent < seconds + LATE + 1, "%s: still held after %.2f s" % (self.measured.behaviour,
                                                                                     asked - sent)
            still = held(made)
            answered = time.monotonic()
            if last_held is None:
                assert still, "%s: not held right after the trigger" % self.measured.behaviour
            if not still:
                break
            last_held = asked
            if answered < sent + seconds - TIGHT:
                time.sleep(min(1.0, sent + seconds - TIGHT - answered))  # seldom until then: others' ends are near
            elif answered > sent + seconds + TIGHT:
                time.sleep(0.02)
        self.measured.at_least = last_held - returned
        self.measured.at_most = answered - sent
        return made


class Start:
    """The moment every probe's setup is done: the staggered triggers count from it."""

    def __init__(self, parties):
        self.at = None
        self._barrier = threading.Barrier(parties, action=self._now)

    def _now(self):
        self.at = time.monotonic() + 0.1

    def wait(self):
        self._barrier.wait(timeout=120)

    def abort(self):
        self._barrier.abort()


def staggered(seconds_by_name):
    """Each behaviour's trigger offset, longest first, with no two triggers or window ends within SPACING."""
    moments, offsets = [], {}
    for name, seconds in sorted(seconds_by_name.items(), key=lambda item: (-item[1], item[0])):
        k = 0
        while any(abs(k * SPACING - m) < SPACING - 1e-9 or abs(k * SPACING + seconds - m) < SPACING - 1e-9
                  for m in moments):
            k += 1
        offsets[name] = k * SPACING
        moments += [k * SPACING, k * SPACING + seconds]
    return offsets


def measure(behaviours, urls):
    """Runs these behaviours' probes side by side; returns what each measured."""
    established, fresh = urls
    offsets = staggered({b.name: b.sandbox_seconds for b in behaviours})
    start = Start(len(behaviours))
    measured = {b.name: Measured(b.name, b.sandbox_seconds) for b in behaviours}

    def run(name):
        try:
            window = Window(measured[name], start, offsets[name])
            PROBES[name].run(Clients(fresh if PROBES[name].fresh else established), window)
        except BaseException:
            start.abort()
            raise

    failures = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(behaviours)) as pool:
        for name, future in [(b.name, pool.submit(run, b.name)) for b in behaviours]:
            try:
                future.result()
            except threading.BrokenBarrierError:
                pass  # another probe failed first: its error is the one to see
            except Exception as e:
                failures.append("%s: %s: %s" % (name, type(e).__name__, e))
    assert not failures, "\n".join(failures)
    return measured


def realism_of(url):
    with urllib.request.urlopen(url + "/mysfits-sandbox/realism", timeout=10) as answer:
        return json.load(answer)


def warm(c):
    """A first read of every service the probes use: moto makes an account's backend for a service on its first
    request (IAM's takes a second), which would otherwise fall inside some probe's trigger. Makes nothing."""
    c.iam.list_roles()
    c.ecs.list_clusters()
    c.ec2.describe_images()
    c.ec2.describe_security_groups()
    c.elbv2.describe_load_balancers()
    c.logs.describe_log_groups()
    c.ecr.describe_repositories()
    c.autoscaling.describe_auto_scaling_groups()
    c.application_autoscaling.describe_scalable_targets(ServiceNamespace="ecs")
    c.codebuild.list_projects()


@pytest.fixture(scope="module")
def sandboxes(tmp_path_factory):
    """A sandbox at AWS's speed, and one whose accounts are fresh (without the service-linked roles)."""
    at_aws_speed = {"MYSFITS_SANDBOX_TIME_SCALE": "1", "MYSFITS_SANDBOX_REALISM": "on",
                    "MYSFITS_SANDBOX_REALISM_OFF": "", "MYSFITS_SANDBOX_DEFAULT_VPC": "on",
                    "MYSFITS_SANDBOX_FRESH_ACCOUNT": ""}
    with servers(tmp_path_factory, at_aws_speed, dict(at_aws_speed, MYSFITS_SANDBOX_FRESH_ACCOUNT="1")) as started:
        urls = [s[0] for s in started]
        with concurrent.futures.ThreadPoolExecutor(max_workers=len(urls)) as pool:
            list(pool.map(lambda url: warm(Clients(url)), urls))
        yield urls


@pytest.mark.docker
def test_each_timed_behaviour_lasts_its_registered_seconds_at_awss_speed(sandboxes):
    timed = timed_behaviours()
    for url in sandboxes:
        described = realism_of(url)
        assert described["mode"] == "on"
        running = {b["name"]: b for b in described["behaviours"]}
        for name, b in timed.items():
            assert running[name]["on"], name
            assert running[name]["seconds"] == pytest.approx(b.sandbox_seconds), "%s: not at scale 1" % name

    results = measure(list(timed.values()), sandboxes)

    measured = sorted(results.values(), key=lambda m: (timed[m.behaviour].catalogue, m.behaviour))
    lines = ["%-40s %4s  %-42s %8s  %s" % ("behaviour", "row", "AWS answers meanwhile", "expected",
                                         "held at least .. at most")]
    for m in measured:
        lines.append("%-40s %4d  %-42s %7.2fs  %6.3fs .. %6.3fs" % (
            m.behaviour, timed[m.behaviour].catalogue, PROBES[m.behaviour].answer, m.seconds, m.at_least, m.at_most))
    SUMMARIES.append(("timed behaviours at AWS's speed (sandbox clock scale 1)", lines))
    print("\n" + "\n".join(lines))
    wrong = ["%s: held at least %.3f s and at most %.3f s, registered %.2f s"
             % (m.behaviour, m.at_least, m.at_most, m.seconds) for m in measured if not m.shown()]
    assert not wrong, "\n".join(wrong)


# ------------------------------------------------------------------ the probes

def role(c, name, service):
    trust = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}]}
    return c.iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]


def cluster_with_definition(c, name, **definition):
    c.ecs.create_cluster(clusterName=name)
    c.ecs.register_task_definition(family=name, **(definition or {
        "containerDefinitions": [{"name": "web", "image": "x", "memory": 64}]}))


def visible_group(c, name):
    """A security group past its own propagation (row 22)."""
    group = c.ec2.create_security_group(GroupName=name, Description=name, VpcId=default_vpc(c))["GroupId"]
    eventually(lambda: c.ec2.describe_security_groups(GroupIds=[group]), seconds=10)
    return group


def default_subnets(c):
    return [s["SubnetId"] for s in c.ec2.describe_subnets(
        Filters=[{"Name": "default-for-az", "Values": ["true"]}])["Subnets"]][:2]


def balancer(c, name, groups=()):
    return c.elbv2.create_load_balancer(Name=name, Subnets=default_subnets(c), SecurityGroups=list(groups)
                                        )["LoadBalancers"][0]["LoadBalancerArn"]


def target_group(c, name, vpc):
    return c.elbv2.create_target_group(Name=name, Protocol="HTTP", Port=80, VpcId=vpc,
                                       TargetType="ip")["TargetGroups"][0]["TargetGroupArn"]


def default_vpc(c):
    return c.ec2.describe_vpcs(Filters=[{"Name": "isDefault", "Values": ["true"]}])["Vpcs"][0]["VpcId"]


@probe("iam-role-read-after-create", "NoSuchEntity")
def _role_read(c, window):
    window(lambda: role(c, "dur-read", "ecs-tasks.amazonaws.com"),
           lambda arn: is_refused(lambda: c.iam.get_role(RoleName="dur-read"), "NoSuchEntity",
                                  "The role with name dur-read cannot be found."))


@probe("iam-instance-profile-propagation", "ValidationError")
def _instance_profile(c, window):
    ami = c.ec2.describe_images()["Images"][0]["ImageId"]
    c.ec2.create_launch_template(LaunchTemplateName="dur-profile", LaunchTemplateData={
        "ImageId": ami, "InstanceType": "t3.small", "IamInstanceProfile": {"Name": "dur-profile"}})
    subnet = default_subnets(c)[0]
    message = ("You must use a valid fully-formed launch template. Value (dur-profile) for parameter "
               "iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name")
    window(lambda: c.iam.create_instance_profile(InstanceProfileName="dur-profile"),
           lambda made: is_refused(lambda: c.autoscaling.create_auto_scaling_group(
               AutoScalingGroupName="dur-profile", MinSize=0, MaxSize=1, VPCZoneIdentifier=subnet,
               LaunchTemplate={"LaunchTemplateName": "dur-profile", "Version": "$Default"}),
               "ValidationError", message))


@probe("ecs-container-instances-join-late", "no container instance listed")
def _join_late(c, window):
    c.ecs.create_cluster(clusterName="dur-join")
    ami = c.ec2.describe_images()["Images"][0]["ImageId"]
    user_data = "#!/bin/bash\necho ECS_CLUSTER=dur-join >> /etc/ecs/ecs.config\n"
    window(lambda: c.ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.small",
                                       UserData=user_data),
           lambda made: c.ecs.list_container_instances(cluster="dur-join")["containerInstanceArns"] == [])


SLR_MESSAGE = "Unable to assume the service linked role. Please verify that the ECS service linked role exists."


@probe("ecs-service-linked-role", "InvalidParameterException", fresh=True)
def _service_linked_role(c, window):
    create = lambda: c.ecs.create_cluster(clusterName="dur-linked")
    # The first CreateCluster of a fresh account is refused, and makes the role: its window starts there.
    window(lambda: refused(create, "InvalidParameterException", SLR_MESSAGE),
           lambda made: is_refused(create, "InvalidParameterException", SLR_MESSAGE))


@probe("ecs-target-group-without-load-balancer", "InvalidParameterException")
def _target_group_without_balancer(c, window):
    cluster_with_definition(c, "dur-no-lb")
    vpc = default_vpc(c)
    lb, group = balancer(c, "dur-no-lb"), target_group(c, "dur-no-lb", vpc)
    listener = c.elbv2.create_listener(LoadBalancerArn=lb, Protocol="HTTP", Port=80, DefaultActions=[
        {"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404"}}])["Listeners"][0]["ListenerArn"]
    create = lambda: c.ecs.create_service(cluster="dur-no-lb", serviceName="dur-no-lb", taskDefinition="dur-no-lb",
                                          desiredCount=0, loadBalancers=[{"targetGroupArn": group,
                                                                          "containerName": "web", "containerPort": 80}])
    message = "The target group with targetGroupArn %s does not have an associated load balancer." % group
    refused(create, "InvalidParameterException", message)  # nothing forwards to it yet: refused for good
    window(lambda: c.elbv2.modify_listener(ListenerArn=listener, DefaultActions=[
        {"Type": "forward", "TargetGroupArn": group}]),
        lambda made: is_refused(create, "InvalidParameterException", message))


@probe("ecs-new-service-role", "InvalidParameterException")
def _new_service_role(c, window):
    cluster_with_definition(c, "dur-service-role")
    message = ("Unable to assume role and validate the specified targetGroupArn. Please verify that the ECS service "
               "role being passed has the proper permissions.")
    window(lambda: role(c, "dur-service-role", "ecs.amazonaws.com"),
           lambda arn: is_refused(lambda: c.ecs.create_service(
               cluster="dur-service-role", serviceName="dur-service-role", taskDefinition="dur-service-role",
               desiredCount=0, role=arn), "InvalidParameterException", message))


@probe("ecs-new-task-role", "ClientException")
def _new_task_role(c, window):
    from mysfits_sandbox.realism_iam import UNABLE_TO_ASSUME_TASK_ROLE
    arn = "arn:aws:iam::%s:role/dur-task-role" % c.account
    # ECS does not look at the role when the definition is registered; RunTask assumes it.
    cluster_with_definition(c, "dur-task-role", requiresCompatibilities=["FARGATE"], networkMode="awsvpc",
                            cpu="256", memory="512", executionRoleArn=arn,
                            containerDefinitions=[{"name": "web", "image": "x", "essential": True}])
    subnet = default_subnets(c)[0]

    def made():
        assert role(c, "dur-task-role", "ecs-tasks.amazonaws.com") == arn

    # No public IP in a public subnet: once accepted, the task stops before it would pull (row 12), without Docker.
    window(made, lambda _: is_refused(lambda: c.ecs.run_task(
        cluster="dur-task-role", taskDefinition="dur-task-role", launchType="FARGATE",
        networkConfiguration={"awsvpcConfiguration": {"subnets": [subnet], "assignPublicIp": "DISABLED"}}),
        "ClientException", UNABLE_TO_ASSUME_TASK_ROLE % arn))


@probe("ecs-describe-missing", "failures[].reason MISSING")
def _describe_missing(c, window):
    cluster_with_definition(c, "dur-missing")

    def missing(service):
        answer = c.ecs.describe_services(cluster="dur-missing", services=["dur-missing"])
        if answer["services"]:
            assert answer["services"][0]["status"] == "ACTIVE" and not answer["failures"], answer
            return False
        assert answer["failures"] == [{"arn": service["serviceArn"], "reason": "MISSING"}], answer
        return True

    window(lambda: c.ecs.create_service(cluster="dur-missing", serviceName="dur-missing", taskDefinition="dur-missing",
                                        desiredCount=0)["service"], missing)


FARGATE_REASON_START = "ResourceInitializationError: unable to pull secrets or registry auth: "


@probe("ecs-fargate-no-route-to-ecr", "lastStatus PROVISIONING/PENDING")
def _no_route(c, window):
    cluster_with_definition(c, "dur-no-route", requiresCompatibilities=["FARGATE"], networkMode="awsvpc",
                            cpu="256", memory="512",
                            containerDefinitions=[{"name": "web", "image": "debian:bookworm-slim", "essential": True}])
    subnet = default_subnets(c)[0]
    last = {}

    def pending(arn):
        last.update(c.ecs.describe_tasks(cluster="dur-no-route", tasks=[arn])["tasks"][0])
        assert last["lastStatus"] in ("PROVISIONING", "PENDING", "STOPPED"), last["lastStatus"]
        return last["lastStatus"] != "STOPPED"

    window(lambda: c.ecs.run_task(cluster="dur-no-route", taskDefinition="dur-no-route", launchType="FARGATE",
                                  networkConfiguration={"awsvpcConfiguration": {
                                      "subnets": [subnet], "assignPublicIp": "DISABLED"}})["tasks"][0]["taskArn"],
           pending)
    assert last["stopCode"] == "TaskFailedToStart"
    assert last["stoppedReason"].startswith(FARGATE_REASON_START), last["stoppedReason"]
    assert last["stoppedReason"].endswith("Please check your task network configuration."), last["stoppedReason"]


@probe("logs-conflicting-operation", "OperationAbortedException")
def _log_group_busy(c, window):
    message = "A conflicting operation is currently in progress against this resource. Please try again."
    window(lambda: c.logs.create_log_group(logGroupName="/dur/busy"),
           lambda made: is_refused(lambda: c.logs.put_retention_policy(logGroupName="/dur/busy", retentionInDays=7),
                                   "OperationAbortedException", message))


@probe("elbv2-load-balancer-provisioning", "State provisioning")
def _provisioning(c, window):
    subnets = default_subnets(c)

    def create():
        lb = c.elbv2.create_load_balancer(Name="dur-provisioning", Subnets=subnets)["LoadBalancers"][0]
        assert lb["State"]["Code"] == "provisioning"
        return lb["LoadBalancerArn"]

    def provisioning(arn):
        code = c.elbv2.describe_load_balancers(LoadBalancerArns=[arn])["LoadBalancers"][0]["State"]["Code"]
        assert code in ("provisioning", "active"), code
        return code == "provisioning"

    window(create, provisioning)


@probe("elbv2-read-after-create", "TargetGroupNotFound")
def _read_after_create(c, window):
    vpc = default_vpc(c)
    window(lambda: target_group(c, "dur-read", vpc),
           lambda arn: is_refused(lambda: c.elbv2.describe_target_groups(TargetGroupArns=[arn]),
                                  "TargetGroupNotFound", "One or more target groups not found"))


@probe("elbv2-target-group-in-use", "ResourceInUse")
def _target_group_in_use(c, window):
    vpc = default_vpc(c)
    lb, group = balancer(c, "dur-in-use"), target_group(c, "dur-in-use", vpc)
    listener = c.elbv2.create_listener(LoadBalancerArn=lb, Protocol="HTTP", Port=80, DefaultActions=[
        {"Type": "forward", "TargetGroupArn": group}])["Listeners"][0]["ListenerArn"]
    delete = lambda: c.elbv2.delete_target_group(TargetGroupArn=group)
    message = "Target group '%s' is currently in use by a listener or a rule" % group
    refused(delete, "ResourceInUse", message)
    window(lambda: c.elbv2.delete_listener(ListenerArn=listener),
           lambda made: is_refused(delete, "ResourceInUse", message))


@probe("ecs-service-draining", "InvalidParameterException (CreateService)")
def _draining(c, window):
    cluster_with_definition(c, "dur-draining")
    create = lambda: c.ecs.create_service(cluster="dur-draining", serviceName="dur-draining",
                                          taskDefinition="dur-draining", desiredCount=0)
    create()
    eventually(lambda: c.ecs.describe_services(cluster="dur-draining", services=["dur-draining"])["services"][0], seconds=10)

    looked = []

    def draining(made):
        if not looked:  # once, right after DeleteService: DRAINING, and UpdateService refused
            status = c.ecs.describe_services(cluster="dur-draining", services=["dur-draining"])["services"][0]["status"]
            assert status == "DRAINING"
            refused(lambda: c.ecs.update_service(cluster="dur-draining", service="dur-draining", desiredCount=1),
                    "ServiceNotActiveException", "Service was not ACTIVE.")
            looked.append(status)
        # Its name is not free until it is INACTIVE (row 19).
        return is_refused(create, "InvalidParameterException", "Creation of service was not idempotent.")

    window(lambda: c.ecs.delete_service(cluster="dur-draining", service="dur-draining"), draining)


@probe("ec2-network-interfaces-linger", "DependencyViolation")
def _interfaces_linger(c, window):
    # A load balancer's interfaces; a Fargate task's linger the same way (test_realism_ec2 runs one at scale 1).
    group = visible_group(c, "dur-linger")
    lb = balancer(c, "dur-linger", [group])
    delete = lambda: c.ec2.delete_security_group(GroupId=group)
    message = "resource %s has a dependent object" % group
    refused(delete, "DependencyViolation", message)  # the load balancer's interfaces are in it
    window(lambda: c.elbv2.delete_load_balancer(LoadBalancerArn=lb),
           lambda made: is_refused(delete, "DependencyViolation", message))


@probe("ec2-security-group-propagation", "InvalidGroup.NotFound")
def _group_propagation(c, window):
    vpc = default_vpc(c)
    window(lambda: c.ec2.create_security_group(GroupName="dur-new", Description="new", VpcId=vpc)["GroupId"],
           lambda group: is_refused(lambda: c.ec2.describe_security_groups(GroupIds=[group]),
                                    "InvalidGroup.NotFound", "The security group '%s' does not exist" % group))


@probe("autoscaling-instances-terminate", "ScalingActivityInProgress")
def _instances_terminate(c, window):
    ami = c.ec2.describe_images()["Images"][0]["ImageId"]
    c.ec2.create_launch_template(LaunchTemplateName="dur-terminate",
                                 LaunchTemplateData={"ImageId": ami, "InstanceType": "t3.small"})
    c.autoscaling.create_auto_scaling_group(AutoScalingGroupName="dur-terminate", MinSize=0, MaxSize=1,
                                            DesiredCapacity=1, VPCZoneIdentifier=default_subnets(c)[0],
                                            LaunchTemplate={"LaunchTemplateName": "dur-terminate"})
    delete = lambda: c.autoscaling.delete_auto_scaling_group(AutoScalingGroupName="dur-terminate")
    refused(delete, "ResourceInUse", "You cannot delete an AutoScalingGroup while there are instances or pending "
                                     "Spot instance request(s) still in the group.")
    window(lambda: c.autoscaling.update_auto_scaling_group(AutoScalingGroupName="dur-terminate", MinSize=0,
                                                           DesiredCapacity=0),
           lambda made: is_refused(delete, "ScalingActivityInProgress", "You cannot delete an AutoScalingGroup while "
                                   "there are scaling activities in progress for that group."))


@probe("application-autoscaling-new-role", "ValidationException")
def _autoscaling_role(c, window):
    cluster_with_definition(c, "dur-scaling")
    c.ecs.create_service(cluster="dur-scaling", serviceName="dur-scaling", taskDefinition="dur-scaling",
                         desiredCount=0)
    window(lambda: role(c, "dur-scaling", "application-autoscaling.amazonaws.com"),
           lambda arn: is_refused(lambda: c.application_autoscaling.register_scalable_target(
               ServiceNamespace="ecs", ResourceId="service/dur-scaling/dur-scaling",
               ScalableDimension="ecs:service:DesiredCount", MinCapacity=0, MaxCapacity=2, RoleARN=arn),
               "ValidationException", "Unable to assume IAM role: %s" % arn))


@probe("codebuild-new-role", "InvalidInputException")
def _codebuild_role(c, window):
    def create(arn):
        return c.codebuild.create_project(
            name="dur-codebuild", source={"type": "S3", "location": "bucket/source.zip", "buildspec": "version: 0.2"},
            artifacts={"type": "NO_ARTIFACTS"}, serviceRole=arn,
            environment={"type": "LINUX_CONTAINER", "image": "aws/codebuild/standard:7.0",
                         "computeType": "BUILD_GENERAL1_SMALL"})
    window(lambda: role(c, "dur-codebuild", "codebuild.amazonaws.com"),
           lambda arn: is_refused(lambda: create(arn), "InvalidInputException",
                                  "CodeBuild is not authorized to perform: sts:AssumeRole on %s" % arn))


@probe("ecr-repository-not-yet-visible", "RepositoryNotFoundException")
def _repository_not_yet(c, window):
    window(lambda: c.ecr.create_repository(repositoryName="dur-not-yet")["repository"]["registryId"],
           lambda registry: is_refused(lambda: c.ecr.describe_repositories(repositoryNames=["dur-not-yet"]),
                                       "RepositoryNotFoundException", "The repository with name 'dur-not-yet' does "
                                       "not exist in the registry with id '%s'" % registry))
