"""Valid requests moto answered with HTTP 500, and moto's other differences from AWS, answered as AWS does.

In process, a request that makes moto answer 500 on its server raises moto's own Python error here instead: each
"no 500" test makes the request that used to fail and checks AWS's answer."""
import base64
import json
import time

import boto3
import botocore.exceptions
import pytest
from moto import mock_aws

from conftest import ecs_hooks
from mysfits_sandbox import moto_fixes
from mysfits_sandbox.settings import Settings

FARGATE_NO_CONTAINER_MEMORY = dict(
    family="like", requiresCompatibilities=["FARGATE"], networkMode="awsvpc", cpu="256", memory="512",
    containerDefinitions=[{"name": "like", "image": "x", "essential": True, "portMappings": [{"containerPort": 80}]}])


@pytest.fixture
def aws():
    with mock_aws():
        moto_fixes.install()
        yield


@pytest.fixture
def plane(aws):
    with ecs_hooks(Settings.for_port(5994, "/dev/null")) as installed:
        yield installed.balancing


def error(call):
    with pytest.raises(botocore.exceptions.ClientError) as raised:
        call()
    return raised.value.response["Error"]["Code"], raised.value.response["Error"]["Message"]


def default_subnet():
    return boto3.client("ec2").describe_subnets(Filters=[{"Name": "default-for-az", "Values": ["true"]}])["Subnets"][0]


# ------------------------------------------------------------------ no 500

def test_tagging_api_answers_with_a_cluster_made_without_tags(aws):
    ecs = boto3.client("ecs")
    ecs.create_cluster(clusterName="my_first_ecs_cluster")
    tagged = ecs.create_cluster(clusterName="w", tags=[{"key": "mysfits:workshop", "value": "w"}])["cluster"]
    tagging = boto3.client("resourcegroupstaggingapi")

    found = tagging.get_resources(TagFilters=[{"Key": "mysfits:workshop", "Values": ["w"]}])["ResourceTagMappingList"]
    assert [r["ResourceARN"] for r in found] == [tagged["clusterArn"]]
    everything = [r["ResourceARN"] for r in tagging.get_resources()["ResourceTagMappingList"]]
    assert tagged["clusterArn"] in everything
    ecs.tag_resource(resourceArn=ecs.describe_clusters(clusters=["my_first_ecs_cluster"])["clusters"][0]["clusterArn"],
                     tags=[{"key": "team", "value": "a"}])
    assert ecs.describe_clusters(clusters=["my_first_ecs_cluster"], include=["TAGS"])["clusters"][0]["tags"] == \
        [{"key": "team", "value": "a"}]


def test_run_task_and_service_with_only_task_level_memory_reserve_the_task_size(plane):
    ecs = boto3.client("ecs")
    ecs.create_cluster(clusterName="c")
    ecs.register_task_definition(**FARGATE_NO_CONTAINER_MEMORY)
    network = {"awsvpcConfiguration": {"subnets": [default_subnet()["SubnetId"]], "assignPublicIp": "ENABLED"}}

    task = ecs.run_task(cluster="c", taskDefinition="like", launchType="FARGATE",
                        networkConfiguration=network)["tasks"][0]
    assert task["lastStatus"] in ("PROVISIONING", "PENDING", "RUNNING")
    service = ecs.create_service(cluster="c", serviceName="like", taskDefinition="like", desiredCount=1,
                                 launchType="FARGATE", networkConfiguration=network)["service"]
    assert service["status"] == "ACTIVE"
    from moto.ecs.models import ecs_backends
    backend = ecs_backends["123456789012"]["us-east-1"]
    requirements = backend._calculate_task_resource_requirements(backend.describe_task_definition("like"))
    assert (requirements["CPU"], requirements["MEMORY"], requirements["PORTS"]) == (256, 512, [])


def test_ec2_requirements_add_up_container_memory_and_keep_dynamic_ports_free(plane):
    ecs = boto3.client("ecs")
    ecs.register_task_definition(family="interstella", containerDefinitions=[
        {"name": "a", "image": "x", "memoryReservation": 128, "portMappings": [{"containerPort": 5000, "hostPort": 0}]},
        {"name": "b", "image": "x", "memory": 64, "cpu": 10, "portMappings": [{"containerPort": 80, "hostPort": 8080}]}])
    from moto.ecs.models import ecs_backends
    backend = ecs_backends["123456789012"]["us-east-1"]
    requirements = backend._calculate_task_resource_requirements(backend.describe_task_definition("interstella"))
    assert (requirements["CPU"], requirements["MEMORY"], requirements["PORTS"]) == (10, 192, [8080])


def test_awsvpc_without_security_groups_takes_the_default_and_bad_groups_are_still_refused(aws):
    ecs = boto3.client("ecs")
    ecs.create_cluster(clusterName="c")
    ecs.register_task_definition(**FARGATE_NO_CONTAINER_MEMORY)
    subnet = default_subnet()["SubnetId"]
    created = ecs.create_service(cluster="c", serviceName="like", taskDefinition="like", desiredCount=0,
                                 launchType="FARGATE",
                                 networkConfiguration={"awsvpcConfiguration": {"subnets": [subnet]}})["service"]
    assert created["networkConfiguration"]["awsvpcConfiguration"]["subnets"] == [subnet]
    task = ecs.run_task(cluster="c", taskDefinition="like", launchType="FARGATE",
                        networkConfiguration={"awsvpcConfiguration": {"subnets": [subnet]}})["tasks"][0]
    eni = next(d["value"] for d in task["attachments"][0]["details"] if d["name"] == "networkInterfaceId")
    ec2 = boto3.client("ec2")
    groups = ec2.describe_network_interfaces(NetworkInterfaceIds=[eni])["NetworkInterfaces"][0]["Groups"]
    assert [g["GroupName"] for g in groups] == ["default"]
    code, message = error(lambda: ecs.create_service(
        cluster="c", serviceName="other", taskDefinition="like", desiredCount=0, launchType="FARGATE",
        networkConfiguration={"awsvpcConfiguration": {"subnets": [subnet], "securityGroups": ["sg-00000000"]}}))
    assert code == "InvalidParameterException" and "sg-00000000" in message


def test_run_task_on_ec2_without_container_instances_is_refused_as_ecs_does(aws):
    ecs = boto3.client("ecs")
    ecs.create_cluster(clusterName="c")
    ecs.register_task_definition(family="interstella",
                                 containerDefinitions=[{"name": "a", "image": "x", "memoryReservation": 128}])
    for launch_type in ({"launchType": "EC2"}, {}):
        assert error(lambda: ecs.run_task(cluster="c", taskDefinition="interstella", **launch_type)) == \
            ("InvalidParameterException", "No Container Instances were found in your cluster.")


def test_run_task_where_no_container_instance_has_room_names_each_and_what_it_lacks(aws):
    ecs, ec2 = boto3.client("ecs"), boto3.client("ec2")
    ecs.create_cluster(clusterName="c")
    ami = ec2.describe_images()["Images"][0]["ImageId"]
    instance = ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.small")["Instances"][0]
    document = json.dumps({"instanceId": instance["InstanceId"], "region": "us-east-1"})
    arn = ecs.register_container_instance(cluster="c", instanceIdentityDocument=document
                                          )["containerInstance"]["containerInstanceArn"]
    ecs.register_task_definition(family="huge", containerDefinitions=[{"name": "a", "image": "x", "memory": 10 ** 6}])
    ecs.register_task_definition(family="busy", containerDefinitions=[{"name": "a", "image": "x", "memory": 64,
                                                                        "cpu": 10 ** 6}])
    huge = ecs.run_task(cluster="c", taskDefinition="huge", launchType="EC2")
    assert huge["tasks"] == []
    assert huge["failures"] == [{"arn": arn, "reason": "RESOURCE:MEMORY"}]
    busy = ecs.run_task(cluster="c", taskDefinition="busy")
    assert busy["tasks"] == [] and busy["failures"] == [{"arn": arn, "reason": "RESOURCE:CPU"}]
    ecs.register_task_definition(family="small", containerDefinitions=[{"name": "a", "image": "x", "memory": 64}])
    small = ecs.run_task(cluster="c", taskDefinition="small", launchType="EC2")
    assert len(small["tasks"]) == 1 and small["failures"] == []


def test_describe_container_instances_of_an_empty_cluster_reports_them_missing(aws):
    ecs = boto3.client("ecs")
    ecs.create_cluster(clusterName="c")
    answer = ecs.describe_container_instances(cluster="c", containerInstances=["0123456789abcdef"])
    assert answer["containerInstances"] == []
    assert [f["reason"] for f in answer["failures"]] == ["MISSING"]


# ------------------------------------------------------------------ moto's other differences

def test_list_services_lists_only_active_services(aws):
    ecs = boto3.client("ecs")
    ecs.create_cluster(clusterName="c")
    ecs.register_task_definition(family="web", containerDefinitions=[{"name": "web", "image": "x", "memory": 64}])
    kept = ecs.create_service(cluster="c", serviceName="kept", taskDefinition="web", desiredCount=0)["service"]
    ecs.create_service(cluster="c", serviceName="gone", taskDefinition="web", desiredCount=0)
    ecs.delete_service(cluster="c", service="gone")
    assert ecs.describe_services(cluster="c", services=["gone"])["services"][0]["status"] != "ACTIVE"
    assert ecs.list_services(cluster="c")["serviceArns"] == [kept["serviceArn"]]


def test_create_service_with_a_taken_name_is_not_idempotent_unless_it_repeats_the_client_token(aws):
    ecs = boto3.client("ecs")
    ecs.create_cluster(clusterName="c")
    for family in ("web", "other"):
        ecs.register_task_definition(family=family, containerDefinitions=[{"name": "web", "image": "x", "memory": 64}])
    first = ecs.create_service(cluster="c", serviceName="web", taskDefinition="web", desiredCount=0,
                               clientToken="token-1")["service"]

    assert error(lambda: ecs.create_service(cluster="c", serviceName="web", taskDefinition="other", desiredCount=0)) \
        == ("InvalidParameterException", "Creation of service was not idempotent.")
    assert error(lambda: ecs.create_service(cluster="c", serviceName="web", taskDefinition="web", desiredCount=0,
                                            clientToken="token-2"))[0] == "InvalidParameterException"
    repeat = ecs.create_service(cluster="c", serviceName="web", taskDefinition="web", desiredCount=0,
                                clientToken="token-1")["service"]
    assert repeat["serviceArn"] == first["serviceArn"] and repeat["taskDefinition"] == first["taskDefinition"]
    assert ecs.describe_services(cluster="c", services=["web"])["services"][0]["taskDefinition"].endswith("web:1")

    ecs.delete_service(cluster="c", service="web")
    again = ecs.create_service(cluster="c", serviceName="web", taskDefinition="other", desiredCount=0)["service"]
    assert again["status"] == "ACTIVE" and again["taskDefinition"].endswith("other:1"), "an INACTIVE name is free"


def scaling_setup():
    ecs = boto3.client("ecs")
    ecs.create_cluster(clusterName="c")
    ecs.register_task_definition(family="web", containerDefinitions=[{"name": "web", "image": "x", "memory": 64}])
    scaling = boto3.client("application-autoscaling")
    for name in ("web", "web-2"):
        ecs.create_service(cluster="c", serviceName=name, taskDefinition="web", desiredCount=1)
        scaling.register_scalable_target(ServiceNamespace="ecs", ResourceId="service/c/" + name,
                                         ScalableDimension="ecs:service:DesiredCount", MinCapacity=1, MaxCapacity=3)
        for policy in ("cpu", "memory"):
            scaling.put_scaling_policy(
                PolicyName=policy, ServiceNamespace="ecs", ResourceId="service/c/" + name,
                ScalableDimension="ecs:service:DesiredCount", PolicyType="TargetTrackingScaling",
                TargetTrackingScalingPolicyConfiguration={"TargetValue": 50.0, "PredefinedMetricSpecification": {
                    "PredefinedMetricType": "ECSServiceAverageCPUUtilization"}})
    return scaling


def test_describe_scaling_policies_honours_policy_names_and_matches_the_resource_exactly(aws):
    scaling = scaling_setup()

    def names(**kwargs):
        policies = scaling.describe_scaling_policies(ServiceNamespace="ecs", **kwargs)["ScalingPolicies"]
        return sorted((p["ResourceId"], p["PolicyName"]) for p in policies)

    assert names(ResourceId="service/c/web", PolicyNames=["cpu"]) == [("service/c/web", "cpu")]
    assert names(ResourceId="service/c/web-2") == [("service/c/web-2", "cpu"), ("service/c/web-2", "memory")]
    assert names(ResourceId="service/c/we") == [], "no substring match"
    assert names(PolicyNames=["memory"]) == [("service/c/web", "memory"), ("service/c/web-2", "memory")]
    first = scaling.describe_scaling_policies(ServiceNamespace="ecs", MaxResults=3)
    rest = scaling.describe_scaling_policies(ServiceNamespace="ecs", MaxResults=3, NextToken=first["NextToken"])
    assert len(first["ScalingPolicies"]) == 3 and len(rest["ScalingPolicies"]) == 1 and "NextToken" not in rest


def test_deleting_what_is_missing_answers_object_not_found_and_a_target_takes_its_policies(aws):
    scaling = scaling_setup()
    target = dict(ServiceNamespace="ecs", ResourceId="service/c/web", ScalableDimension="ecs:service:DesiredCount")
    code, message = error(lambda: scaling.delete_scaling_policy(PolicyName="nope", **target))
    assert code == "ObjectNotFoundException" and message.startswith("No scaling policy found for service namespace: ecs")

    scaling.deregister_scalable_target(**target)
    assert scaling.describe_scaling_policies(ServiceNamespace="ecs", ResourceId="service/c/web")["ScalingPolicies"] == []
    assert len(scaling.describe_scaling_policies(ServiceNamespace="ecs")["ScalingPolicies"]) == 2
    code, message = error(lambda: scaling.deregister_scalable_target(**target))
    assert code == "ObjectNotFoundException" and message.startswith("No scalable target found for service namespace")


def test_list_instance_profile_tags(aws):
    iam = boto3.client("iam")
    iam.create_instance_profile(InstanceProfileName="mysfits-ecs-instance",
                                Tags=[{"Key": "mysfits:workshop", "Value": "w"}])
    iam.create_instance_profile(InstanceProfileName="bare")
    assert iam.list_instance_profile_tags(InstanceProfileName="mysfits-ecs-instance")["Tags"] == \
        [{"Key": "mysfits:workshop", "Value": "w"}]
    assert iam.list_instance_profile_tags(InstanceProfileName="bare")["Tags"] == []
    assert error(lambda: iam.list_instance_profile_tags(InstanceProfileName="missing"))[0] == "NoSuchEntity"


def test_service_linked_role_names_are_aws_names(aws):
    iam = boto3.client("iam")
    iam.create_service_linked_role(AWSServiceName="ecs.amazonaws.com")
    role = iam.get_role(RoleName="AWSServiceRoleForECS")["Role"]
    assert role["Path"] == "/aws-service-role/ecs.amazonaws.com/"


def test_ecr_token_is_valid_for_twelve_hours(aws):
    data = boto3.client("ecr").get_authorization_token()["authorizationData"][0]
    remaining = data["expiresAt"].timestamp() - time.time()
    assert 12 * 3600 - 60 < remaining <= 12 * 3600
    assert base64.b64decode(data["authorizationToken"]).decode() == "AWS:123456789012-auth-token"


def test_task_definitions_say_when_they_were_registered(aws):
    ecs = boto3.client("ecs")
    before = time.time()
    registered = ecs.register_task_definition(**FARGATE_NO_CONTAINER_MEMORY)["taskDefinition"]
    described = ecs.describe_task_definition(taskDefinition="like:1")["taskDefinition"]

    assert before - 1 <= registered["registeredAt"].timestamp() <= time.time() + 1
    assert described["registeredAt"] == registered["registeredAt"]


def test_install_puts_the_fixes_back_on_top_of_hooks_laid_since(aws):
    from moto.ecs.models import EC2ContainerServiceBackend
    moto_fixes.install()
    ours = EC2ContainerServiceBackend.list_services
    moto_fixes.install()
    assert EC2ContainerServiceBackend.list_services is ours, "installing twice lays nothing twice"

    def other_hook(backend, *args, **kwargs):
        return ours(backend, *args, **kwargs)

    EC2ContainerServiceBackend.list_services = other_hook
    try:
        moto_fixes.install()
        assert EC2ContainerServiceBackend.list_services is not other_hook
        assert getattr(EC2ContainerServiceBackend.list_services, "_mysfits_fix")
    finally:
        EC2ContainerServiceBackend.list_services = ours
