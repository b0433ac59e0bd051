"""EC2's side of AWS as it really behaves (AWS-BEHAVIOURS 5, 21, 22, 23), proven through boto3 at a clock ten times
AWS's speed: each timed behaviour lasts a tenth of its sandbox seconds (a new group's 1 s: 0.1 s)."""
import time

import boto3
import botocore.exceptions
import pytest
from moto import mock_aws

from conftest import refused
from mysfits_sandbox import moto_fixes, realism_ec2
from mysfits_sandbox.elb import LoadBalancing
from mysfits_sandbox.placement import Placement
from mysfits_sandbox.realism import Realism
from mysfits_sandbox.settings import Settings

ACCOUNT, REGION = "123456789012", "us-east-1"


def realism_at(scale, mode="on"):
    environ = {"MYSFITS_SANDBOX_TIME_SCALE": str(scale), "MYSFITS_SANDBOX_REALISM": mode}
    return Settings.for_port(5992, "/dev/null", environ=environ)


@pytest.fixture
def aws(request):
    mode = getattr(request, "param", "on")
    with mock_aws():
        settings = realism_at(10, mode)
        placement = Placement(LoadBalancing(settings))
        placement.install()
        plane = realism_ec2.Ec2Realism(settings, placement)
        plane.install()
        try:
            yield plane
        finally:
            # The hooks stay (once per process); with realism off they pass everything through for the other tests.
            realism_ec2.Ec2Realism(realism_at(1, "off")).install()


def group(ec2, name, settle=True):
    vpc = ec2.describe_vpcs()["Vpcs"][0]["VpcId"]
    group_id = ec2.create_security_group(GroupName=name, Description=name, VpcId=vpc)["GroupId"]
    if settle:
        time.sleep(0.12)  # past the 0.1 s a new group is not yet visible
    return group_id


def lasts(aws, behaviour):
    """How long the behaviour lasts on this test's clock."""
    return aws.settings.realism.seconds(behaviour)


def interfaces_in(ec2, group_id):
    return ec2.describe_network_interfaces(Filters=[{"Name": "group-id", "Values": [group_id]}])["NetworkInterfaces"]


def test_the_behaviours_are_registered_with_aws_durations():
    described = {b["name"]: b for b in Realism("aws").describe()["behaviours"]}
    assert described["ec2-network-interfaces-linger"]["catalogue"] == 21
    assert described["ec2-network-interfaces-linger"]["seconds"] == 600
    assert described["ec2-security-group-dependents"]["catalogue"] == 21
    assert described["ec2-security-group-propagation"]["catalogue"] == 22
    assert described["autoscaling-instances-terminate"]["catalogue"] == 23
    assert described["ecs-container-instances-join-late"]["seconds"] == 90


def test_a_new_group_is_not_found_by_id_for_a_moment(aws):
    # Three seconds (a clock slower than AWS's): the two refusals below come within them, however busy the machine.
    aws.settings.clock.scale = realism_ec2.NEW_GROUP_NOT_VISIBLE.sandbox_seconds / 3
    ec2 = boto3.client("ec2", region_name=REGION)
    group_id = group(ec2, "new", settle=False)
    message = "The security group '%s' does not exist" % group_id
    refused(lambda: ec2.describe_security_groups(GroupIds=[group_id]), "InvalidGroup.NotFound", message)
    refused(lambda: ec2.authorize_security_group_ingress(GroupId=group_id, IpProtocol="tcp", FromPort=80, ToPort=80,
                                                         CidrIp="0.0.0.0/0"), "InvalidGroup.NotFound", message)
    time.sleep(3.05)
    assert ec2.describe_security_groups(GroupIds=[group_id])["SecurityGroups"][0]["GroupName"] == "new"
    ec2.authorize_security_group_ingress(GroupId=group_id, IpProtocol="tcp", FromPort=80, ToPort=80, CidrIp="0.0.0.0/0")


def test_a_group_another_groups_rule_names_is_not_deleted_until_the_rule_is_revoked(aws):
    ec2 = boto3.client("ec2", region_name=REGION)
    alb, tasks = group(ec2, "alb"), group(ec2, "tasks")
    rule = {"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "UserIdGroupPairs": [{"GroupId": alb}]}
    ec2.authorize_security_group_ingress(GroupId=tasks, IpPermissions=[rule])
    refused(lambda: ec2.delete_security_group(GroupId=alb), "DependencyViolation",
            "resource %s has a dependent object" % alb)
    ec2.revoke_security_group_ingress(GroupId=tasks, IpPermissions=[rule])
    ec2.delete_security_group(GroupId=alb)
    ec2.delete_security_group(GroupId=tasks)


def test_a_released_task_interface_lingers_and_holds_its_group_for_the_behaviours_time(aws):
    ec2 = boto3.client("ec2", region_name=REGION)
    tasks = group(ec2, "tasks")
    subnet = ec2.describe_subnets()["Subnets"][0]["SubnetId"]
    eni = ec2.create_network_interface(SubnetId=subnet, Groups=[tasks])["NetworkInterface"]["NetworkInterfaceId"]
    from moto.ec2.models import ec2_backends
    released = time.monotonic()
    realism_ec2.release_interface(ec2_backends[ACCOUNT][REGION], eni)  # what the data plane does as a task stops
    refused(lambda: ec2.delete_security_group(GroupId=tasks), "DependencyViolation",
            "resource %s has a dependent object" % tasks)
    assert [i["NetworkInterfaceId"] for i in interfaces_in(ec2, tasks)] == [eni]
    linger = lasts(aws, realism_ec2.INTERFACES_LINGER)
    while interfaces_in(ec2, tasks):
        assert time.monotonic() - released < linger + 2, "the interface should go after %s s" % linger
        time.sleep(0.05)
    assert time.monotonic() - released >= linger
    ec2.delete_security_group(GroupId=tasks)


def test_creating_a_load_balancer_again_answers_the_one_there_is_with_its_interfaces_only(aws):
    # A client whose CreateLoadBalancer answer was lost asks again: the same balancer, not a second set of interfaces.
    moto_fixes.install()  # as the server lays it: moto alone made a second balancer of the same name
    ec2 = boto3.client("ec2", region_name=REGION)
    elb = boto3.client("elbv2", region_name=REGION)
    alb = group(ec2, "alb")
    subnets = [s["SubnetId"] for s in ec2.describe_subnets()["Subnets"][:2]]
    first = elb.create_load_balancer(Name="web", Subnets=subnets, SecurityGroups=[alb])["LoadBalancers"][0]
    again = elb.create_load_balancer(Name="web", Subnets=subnets, SecurityGroups=[alb])["LoadBalancers"][0]
    assert again["LoadBalancerArn"] == first["LoadBalancerArn"]
    assert len(interfaces_in(ec2, alb)) == 2
    elb.delete_load_balancer(LoadBalancerArn=first["LoadBalancerArn"])
    deadline = time.monotonic() + 5
    while interfaces_in(ec2, alb):
        assert time.monotonic() < deadline, "every interface of the balancer goes after it"
        time.sleep(0.05)


def test_a_load_balancer_has_interfaces_in_its_groups_that_linger_after_it_is_deleted(aws):
    ec2 = boto3.client("ec2", region_name=REGION)
    elb = boto3.client("elbv2", region_name=REGION)
    alb = group(ec2, "alb")
    subnets = [s["SubnetId"] for s in ec2.describe_subnets()["Subnets"][:2]]
    arn = elb.create_load_balancer(Name="web", Subnets=subnets, SecurityGroups=[alb])["LoadBalancers"][0]["LoadBalancerArn"]
    interfaces = interfaces_in(ec2, alb)
    assert len(interfaces) == 2
    assert {i["Status"] for i in interfaces} == {"in-use"}
    assert all(i["Description"].startswith("ELB app/web/") and i["RequesterManaged"] for i in interfaces)
    refused(lambda: ec2.delete_security_group(GroupId=alb), "DependencyViolation",
            "resource %s has a dependent object" % alb)

    deleted = time.monotonic()  # before the call: the interfaces' time starts inside it
    elb.delete_load_balancer(LoadBalancerArn=arn)
    refused(lambda: ec2.delete_security_group(GroupId=alb), "DependencyViolation",
            "resource %s has a dependent object" % alb)
    assert len(interfaces_in(ec2, alb)) == 2
    linger = lasts(aws, realism_ec2.INTERFACES_LINGER)
    while interfaces_in(ec2, alb):
        assert time.monotonic() - deleted < linger + 2
        time.sleep(0.05)
    assert time.monotonic() - deleted >= linger
    ec2.delete_security_group(GroupId=alb)


def auto_scaling_group(ec2, autoscaling, desired, user_data=None):
    ami = ec2.describe_images()["Images"][0]["ImageId"]
    data = {"ImageId": ami, "InstanceType": "t3.small"}
    if user_data:
        import base64
        data["UserData"] = base64.b64encode(user_data.encode()).decode()
    ec2.create_launch_template(LaunchTemplateName="web-lt", LaunchTemplateData=data)
    subnet = ec2.describe_subnets()["Subnets"][0]["SubnetId"]
    autoscaling.create_auto_scaling_group(AutoScalingGroupName="g", LaunchTemplate={"LaunchTemplateName": "web-lt"},
                                          MinSize=0, MaxSize=2, DesiredCapacity=desired, VPCZoneIdentifier=subnet)


def group_instances(autoscaling):
    groups = autoscaling.describe_auto_scaling_groups(AutoScalingGroupNames=["g"])["AutoScalingGroups"]
    return None if not groups else [(i["InstanceId"], i["LifecycleState"]) for i in groups[0]["Instances"]]


def test_an_auto_scaling_group_is_not_deleted_while_instances_remain_or_terminate(aws):
    ec2 = boto3.client("ec2", region_name=REGION)
    autoscaling = boto3.client("autoscaling", region_name=REGION)
    auto_scaling_group(ec2, autoscaling, 1)
    in_use = ("You cannot delete an AutoScalingGroup while there are instances or pending Spot instance request(s) "
              "still in the group.")
    refused(lambda: autoscaling.delete_auto_scaling_group(AutoScalingGroupName="g"), "ResourceInUse", in_use)

    scaled = time.monotonic()
    autoscaling.update_auto_scaling_group(AutoScalingGroupName="g", MinSize=0, DesiredCapacity=0)
    [(instance, state)] = group_instances(autoscaling)
    assert state == "Terminating"
    refused(lambda: autoscaling.delete_auto_scaling_group(AutoScalingGroupName="g"), "ScalingActivityInProgress",
            "You cannot delete an AutoScalingGroup while there are scaling activities in progress for that group.")
    terminating = lasts(aws, realism_ec2.GROUP_INSTANCES_TERMINATE)
    while group_instances(autoscaling):
        assert time.monotonic() - scaled < terminating + 2
        time.sleep(0.05)
    assert time.monotonic() - scaled >= terminating
    state = ec2.describe_instances(InstanceIds=[instance])["Reservations"][0]["Instances"][0]["State"]["Name"]
    assert state == "terminated"
    autoscaling.delete_auto_scaling_group(AutoScalingGroupName="g")
    assert group_instances(autoscaling) is None


def test_a_force_deleted_group_stays_listed_until_its_instances_are_gone(aws):
    ec2 = boto3.client("ec2", region_name=REGION)
    autoscaling = boto3.client("autoscaling", region_name=REGION)
    auto_scaling_group(ec2, autoscaling, 1)
    deleted = time.monotonic()
    autoscaling.delete_auto_scaling_group(AutoScalingGroupName="g", ForceDelete=True)
    assert [s for _, s in group_instances(autoscaling)] == ["Terminating"]
    terminating = lasts(aws, realism_ec2.GROUP_INSTANCES_TERMINATE)
    while group_instances(autoscaling) is not None:
        assert time.monotonic() - deleted < terminating + 2
        time.sleep(0.05)
    assert time.monotonic() - deleted >= terminating


def test_an_instance_joins_its_cluster_a_while_after_launch_and_never_once_terminated(aws):
    # 2 s: the terminate below comes well within it, however busy the machine
    aws.settings.clock.scale = realism_ec2.INSTANCES_JOIN_LATE.sandbox_seconds / 2
    ec2 = boto3.client("ec2", region_name=REGION)
    ecs = boto3.client("ecs", region_name=REGION)
    ecs.create_cluster(clusterName="workshop")
    ami = ec2.describe_images()["Images"][0]["ImageId"]
    launched = time.monotonic()
    user_data = "#!/bin/bash\necho ECS_CLUSTER=workshop >> /etc/ecs/ecs.config\n"
    ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.small", UserData=user_data)
    doomed = ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.small",
                               UserData=user_data)["Instances"][0]["InstanceId"]
    assert ecs.list_container_instances(cluster="workshop")["containerInstanceArns"] == []
    ec2.terminate_instances(InstanceIds=[doomed])
    while not ecs.list_container_instances(cluster="workshop")["containerInstanceArns"]:
        assert time.monotonic() - launched < 2 + 4
        time.sleep(0.05)
    assert time.monotonic() - launched >= 2
    time.sleep(0.1)
    assert len(ecs.list_container_instances(cluster="workshop")["containerInstanceArns"]) == 1


def test_a_terminated_instance_takes_its_primary_interface_and_frees_its_group(aws):
    ec2 = boto3.client("ec2", region_name=REGION)
    instances = group(ec2, "instances")
    ami = ec2.describe_images()["Images"][0]["ImageId"]
    instance = ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, SecurityGroupIds=[instances])["Instances"][0]
    refused(lambda: ec2.delete_security_group(GroupId=instances), "DependencyViolation",
            "resource %s has a dependent object" % instances)
    ec2.terminate_instances(InstanceIds=[instance["InstanceId"]])
    assert interfaces_in(ec2, instances) == []
    ec2.delete_security_group(GroupId=instances)


@pytest.mark.parametrize("aws", ["off"], indirect=True)
def test_with_realism_off_everything_is_at_once(aws):
    ec2 = boto3.client("ec2", region_name=REGION)
    elb = boto3.client("elbv2", region_name=REGION)
    alb = group(ec2, "alb", settle=False)
    ec2.describe_security_groups(GroupIds=[alb])
    subnets = [s["SubnetId"] for s in ec2.describe_subnets()["Subnets"][:2]]
    arn = elb.create_load_balancer(Name="web", Subnets=subnets, SecurityGroups=[alb])["LoadBalancers"][0]["LoadBalancerArn"]
    elb.delete_load_balancer(LoadBalancerArn=arn)
    assert interfaces_in(ec2, alb) == []
    ec2.delete_security_group(GroupId=alb)


@pytest.mark.docker
def test_a_stopped_fargate_tasks_interface_holds_its_group_for_its_seconds_at_awss_speed(server):
    """Through the data plane: the task really runs and stops, and its interface goes the behaviour's seconds later
    (scale 1)."""
    import docker
    from conftest import client
    url = server[0]
    ecs, ec2 = client(url, "ecs"), client(url, "ec2")
    image = next(t for i in docker.from_env().images.list() for t in i.tags if t.startswith("debian:"))
    vpc = ec2.describe_vpcs()["Vpcs"][0]["VpcId"]
    tasks = ec2.create_security_group(GroupName="lingering-tasks", Description="tasks", VpcId=vpc)["GroupId"]
    ecs.create_cluster(clusterName="lingers")
    ecs.register_task_definition(family="sleeper", requiresCompatibilities=["FARGATE"], networkMode="awsvpc",
                                 cpu="256", memory="512",
                                 containerDefinitions=[{"name": "sleeper", "image": image, "memory": 64,
                                                        "command": ["sleep", "600"]}])
    subnet = ec2.describe_subnets()["Subnets"][0]["SubnetId"]
    task = ecs.run_task(cluster="lingers", taskDefinition="sleeper", launchType="FARGATE",
                        networkConfiguration={"awsvpcConfiguration": {"subnets": [subnet], "securityGroups": [tasks]}}
                        )["tasks"][0]["taskArn"]
    [eni] = [i["NetworkInterfaceId"] for i in interfaces_in(ec2, tasks)]
    stop_asked = time.monotonic()
    ecs.stop_task(cluster="lingers", task=task, reason="done")
    while ecs.describe_tasks(cluster="lingers", tasks=[task])["tasks"][0]["lastStatus"] != "STOPPED":
        assert time.monotonic() - stop_asked < 60, "the task did not stop within 60 s"
        time.sleep(0.2)
    stopped = time.monotonic()
    assert [i["NetworkInterfaceId"] for i in interfaces_in(ec2, tasks)] == [eni], "it lingers after the task stopped"
    refused(lambda: ec2.delete_security_group(GroupId=tasks), "DependencyViolation",
            "resource %s has a dependent object" % tasks)
    linger = realism_ec2.INTERFACES_LINGER.sandbox_seconds
    while interfaces_in(ec2, tasks):
        assert time.monotonic() - stopped < linger + 3, "the interface should go %s s after the task stopped" % linger
        time.sleep(0.2)
    assert time.monotonic() - stop_asked >= linger
    ec2.delete_security_group(GroupId=tasks)
    ecs.delete_cluster(cluster="lingers")
