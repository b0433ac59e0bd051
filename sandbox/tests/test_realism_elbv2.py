"""Elastic Load Balancing as AWS behaves (AWS-BEHAVIOURS 7, 15, 16, 17): each answer's code and words, and how long
it lasts at AWS's pace (scale 1), in the sandbox's own seconds."""
import time

import boto3
import botocore.exceptions
import pytest
from moto import mock_aws

from conftest import ecs_hooks, refused
from mysfits_sandbox import realism_elbv2
from mysfits_sandbox.settings import Settings

SCALE = 1  # the behaviours' own seconds: long enough that a busy machine still asks within them


def seconds_until(call, limit=10):
    """How long from now until call() stops raising ClientError."""
    start = time.monotonic()
    while True:
        try:
            call()
            return time.monotonic() - start
        except botocore.exceptions.ClientError:
            assert time.monotonic() - start < limit, "still refused after %s s" % limit
            time.sleep(0.01)


@pytest.fixture
def aws():
    with mock_aws():
        settings = Settings.for_port(5993, "/dev/null", environ={"MYSFITS_SANDBOX_TIME_SCALE": str(SCALE)})
        with ecs_hooks(settings):
            realism_elbv2.install(settings)
            elb, ec2 = boto3.client("elbv2"), boto3.client("ec2")
            vpc = ec2.describe_vpcs()["Vpcs"][0]["VpcId"]
            subnets = [s["SubnetId"] for s in ec2.describe_subnets()["Subnets"]][:2]
            yield settings, elb, vpc, subnets


def lasts(behaviour):
    return behaviour.sandbox_seconds / SCALE


def make_group(elb, vpc, name="web"):
    return elb.create_target_group(Name=name, Protocol="HTTP", Port=80, VpcId=vpc,
                                   TargetType="ip")["TargetGroups"][0]["TargetGroupArn"]


def fixed(code="404"):
    return [{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": code}}]


def forward(arn):
    return [{"Type": "forward", "TargetGroupArn": arn}]


def state(elb, arn):
    return elb.describe_load_balancers(LoadBalancerArns=[arn])["LoadBalancers"][0]["State"]["Code"]


def test_a_new_load_balancer_is_provisioning_for_its_seconds_then_active(aws):
    settings, elb, vpc, subnets = aws
    lb = elb.create_load_balancer(Name="shop", Subnets=subnets)["LoadBalancers"][0]
    assert lb["State"]["Code"] == "provisioning"
    assert state(elb, lb["LoadBalancerArn"]) == "provisioning"
    balancer = next(iter(realism_elbv2.elbv2_models.elbv2_backends["123456789012"]["us-east-1"]
                         .load_balancers.values()))
    assert realism_elbv2.provisioning(balancer), "the proxy does not answer for it yet"
    start = time.monotonic()
    while state(elb, lb["LoadBalancerArn"]) != "active":
        assert time.monotonic() - start < 10
        time.sleep(0.01)
    waited = time.monotonic() - start
    provisioning = lasts(realism_elbv2.PROVISIONING)
    assert provisioning - 0.1 <= waited <= provisioning + 2, "measured from just after create"
    assert not realism_elbv2.provisioning(balancer)


def test_reads_by_arn_right_after_create_answer_not_found_for_a_moment(aws):
    settings, elb, vpc, subnets = aws
    lb = elb.create_load_balancer(Name="shop", Subnets=subnets)["LoadBalancers"][0]["LoadBalancerArn"]
    group = make_group(elb, vpc)
    refused(lambda: elb.describe_target_groups(TargetGroupArns=[group]), "TargetGroupNotFound",
            "One or more target groups not found")
    refused(lambda: elb.describe_target_health(TargetGroupArn=group), "TargetGroupNotFound",
            "One or more target groups not found")
    assert elb.describe_target_groups(Names=["web"])["TargetGroups"][0]["TargetGroupArn"] == group, \
        "only reads by ARN are held back"
    listener = elb.create_listener(LoadBalancerArn=lb, Protocol="HTTP", Port=80,
                                   DefaultActions=fixed())["Listeners"][0]["ListenerArn"]
    refused(lambda: elb.describe_listeners(ListenerArns=[listener]), "ListenerNotFound",
            "One or more listeners not found")
    refused(lambda: elb.describe_rules(ListenerArn=listener), "ListenerNotFound",
            "One or more listeners not found")
    assert len(elb.describe_listeners(LoadBalancerArn=lb)["Listeners"]) == 1, "by its load balancer, it is listed"
    waited = seconds_until(lambda: elb.describe_rules(ListenerArn=listener))
    assert waited <= lasts(realism_elbv2.READ_AFTER_CREATE) + 2
    rule = elb.create_rule(ListenerArn=listener, Priority=1, Actions=forward(group), Conditions=[
        {"Field": "path-pattern", "PathPatternConfig": {"Values": ["/web*"]}}])["Rules"][0]["RuleArn"]
    refused(lambda: elb.describe_rules(RuleArns=[rule]), "RuleNotFound", "One or more rules not found")
    waited = seconds_until(lambda: elb.describe_rules(RuleArns=[rule]))
    assert waited <= lasts(realism_elbv2.READ_AFTER_CREATE) + 2
    elb.describe_target_groups(TargetGroupArns=[group])
    elb.describe_target_health(TargetGroupArn=group)


def test_a_taken_priority_is_refused_in_aws_words(aws):
    settings, elb, vpc, subnets = aws
    lb = elb.create_load_balancer(Name="shop", Subnets=subnets)["LoadBalancers"][0]["LoadBalancerArn"]
    group = make_group(elb, vpc)
    listener = elb.create_listener(LoadBalancerArn=lb, Protocol="HTTP", Port=80,
                                   DefaultActions=fixed())["Listeners"][0]["ListenerArn"]
    paths = lambda p: [{"Field": "path-pattern", "PathPatternConfig": {"Values": [p]}}]
    elb.create_rule(ListenerArn=listener, Priority=7, Actions=forward(group), Conditions=paths("/a*"))
    refused(lambda: elb.create_rule(ListenerArn=listener, Priority=7, Actions=forward(group), Conditions=paths("/b*")),
            "PriorityInUse", "Priority '7' is currently in use")


@pytest.mark.parametrize("release", ["delete the rule", "delete the listener", "delete the load balancer",
                                     "forward elsewhere"])
def test_a_target_group_stays_in_use_for_a_while_after_what_forwarded_to_it_goes(aws, release):
    settings, elb, vpc, subnets = aws
    lb = elb.create_load_balancer(Name="shop", Subnets=subnets)["LoadBalancers"][0]["LoadBalancerArn"]
    group = make_group(elb, vpc)
    listener = elb.create_listener(LoadBalancerArn=lb, Protocol="HTTP", Port=80,
                                   DefaultActions=fixed())["Listeners"][0]["ListenerArn"]
    rule = elb.create_rule(ListenerArn=listener, Priority=1, Actions=forward(group), Conditions=[
        {"Field": "path-pattern", "PathPatternConfig": {"Values": ["/web*"]}}])["Rules"][0]["RuleArn"]
    in_use = "Target group '%s' is currently in use by a listener or a rule" % group
    refused(lambda: elb.delete_target_group(TargetGroupArn=group), "ResourceInUse", in_use)
    released = time.monotonic()
    {"delete the rule": lambda: elb.delete_rule(RuleArn=rule),
     "delete the listener": lambda: elb.delete_listener(ListenerArn=listener),
     "delete the load balancer": lambda: elb.delete_load_balancer(LoadBalancerArn=lb),
     "forward elsewhere": lambda: elb.modify_rule(RuleArn=rule, Actions=fixed("503"))}[release]()
    refused(lambda: elb.delete_target_group(TargetGroupArn=group), "ResourceInUse", in_use)
    waited = seconds_until(lambda: elb.delete_target_group(TargetGroupArn=group))
    in_use_for = lasts(realism_elbv2.TARGET_GROUP_IN_USE)
    assert in_use_for - 0.1 <= time.monotonic() - released <= in_use_for + 2, "from just before the release"
    assert not elb.describe_target_groups()["TargetGroups"]


def test_ecs_refuses_a_target_group_that_nothing_forwards_to_and_briefly_one_just_routed(aws):
    settings, elb, vpc, subnets = aws
    ecs = boto3.client("ecs")
    ecs.create_cluster(clusterName="c")
    ecs.register_task_definition(family="web", containerDefinitions=[{"name": "web", "image": "x", "memory": 64}])
    lb = elb.create_load_balancer(Name="shop", Subnets=subnets)["LoadBalancers"][0]["LoadBalancerArn"]
    group = make_group(elb, vpc)
    listener = elb.create_listener(LoadBalancerArn=lb, Protocol="HTTP", Port=80,
                                   DefaultActions=fixed())["Listeners"][0]["ListenerArn"]
    create = lambda: ecs.create_service(cluster="c", serviceName="web", taskDefinition="web:1", desiredCount=0,
                                        loadBalancers=[{"targetGroupArn": group, "containerName": "web",
                                                        "containerPort": 80}])
    message = "The target group with targetGroupArn %s does not have an associated load balancer." % group
    time.sleep(lasts(realism_elbv2.NO_ASSOCIATED_LOAD_BALANCER) + 0.1)
    refused(create, "InvalidParameterException", message)   # permanent, past the behaviour: nothing forwards to it
    refused(create, "InvalidParameterException", message)
    elb.modify_listener(ListenerArn=listener, DefaultActions=forward(group))
    refused(create, "InvalidParameterException", message)   # the association has not reached ECS yet
    waited = seconds_until(create)
    assert waited <= lasts(realism_elbv2.NO_ASSOCIATED_LOAD_BALANCER) + 2
    assert ecs.describe_services(cluster="c", services=["web"])["services"][0]["status"] == "ACTIVE"

    other = make_group(elb, vpc, "other")
    refused(lambda: ecs.update_service(cluster="c", service="web", loadBalancers=[
        {"targetGroupArn": other, "containerName": "web", "containerPort": 80}]),
        "InvalidParameterException",
        "The target group with targetGroupArn %s does not have an associated load balancer." % other)


def test_each_behaviour_has_its_switch(aws):
    settings, elb, vpc, subnets = aws
    settings.realism.configure({"mode": "off"})
    lb = elb.create_load_balancer(Name="shop", Subnets=subnets)["LoadBalancers"][0]["LoadBalancerArn"]
    assert state(elb, lb) == "active"
    group = make_group(elb, vpc)
    elb.describe_target_groups(TargetGroupArns=[group])
    listener = elb.create_listener(LoadBalancerArn=lb, Protocol="HTTP", Port=80,
                                   DefaultActions=forward(group))["Listeners"][0]["ListenerArn"]
    elb.describe_listeners(ListenerArns=[listener])
    elb.delete_listener(ListenerArn=listener)
    elb.delete_target_group(TargetGroupArn=group)
