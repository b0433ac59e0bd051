"""New IAM roles spread before other services can use them, and a fresh account lacks the service-linked roles
(AWS-BEHAVIOURS.md rows 1-4, 6, 8, 9, 24, 25). Each answer is AWS's code and message; each ends after its duration
on a clock twice AWS's speed (each exact duration at scale 1: test_durations_at_aws_speed)."""
import contextlib
import json
import time

import boto3
import botocore.exceptions
import pytest
from moto import mock_aws

from conftest import ecs_hooks, restored
from mysfits_sandbox import moto_fixes, realism_iam
from mysfits_sandbox.settings import Settings

SCALE = {"MYSFITS_SANDBOX_TIME_SCALE": "2"}  # windows long enough that a busy machine still asks within them
TRUST_ECS_TASKS = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
SPREAD = max(b.sandbox_seconds for b in (
    realism_iam.INSTANCE_PROFILE, realism_iam.SERVICE_LINKED_ROLE, realism_iam.ECS_SERVICE_ROLE,
    realism_iam.ECS_TASK_ROLE, realism_iam.AUTOSCALING_ROLE, realism_iam.CODEBUILD_ROLE)) / 2  # the longest, at scale 2
READ = realism_iam.ROLE_READ.sandbox_seconds / 2


@contextlib.contextmanager
def installed(environ):
    """The hooks as the server lays them, taken off again so that no other test meets them."""
    settings = Settings.for_port(5995, "/dev/null", environ=environ)
    with restored(*realism_iam.PATCHED):
        yield settings, realism_iam.install(settings, environ)


@pytest.fixture
def aws():
    with mock_aws():
        moto_fixes.install()
        with installed(SCALE) as (settings, spreading):
            yield spreading


@pytest.fixture
def fresh():
    with mock_aws():
        moto_fixes.install()
        with installed(dict(SCALE, MYSFITS_SANDBOX_FRESH_ACCOUNT="1")) as (settings, spreading):
            yield spreading


def error(call):
    with pytest.raises(botocore.exceptions.ClientError) as raised:
        call()
    return raised.value.response["Error"]["Code"], raised.value.response["Error"]["Message"]


def role(name="mysfits-w-task"):
    return boto3.client("iam").create_role(RoleName=name, AssumeRolePolicyDocument=TRUST_ECS_TASKS)["Role"]


def later(seconds, call):
    time.sleep(seconds + 0.02)
    return call()


# ------------------------------------------------------------------ row 1, 3: IAM reads

def test_get_role_right_after_create_role_answers_no_such_entity_for_a_moment(aws):
    iam = boto3.client("iam")
    made = role()
    assert error(lambda: iam.get_role(RoleName="mysfits-w-task")) == \
        ("NoSuchEntity", "The role with name mysfits-w-task cannot be found.")
    assert later(READ, lambda: iam.get_role(RoleName="mysfits-w-task"))["Role"]["Arn"] == made["Arn"]


def test_add_role_to_instance_profile_right_after_create_role_answers_no_such_entity(aws):
    iam = boto3.client("iam")
    iam.create_instance_profile(InstanceProfileName="mysfits-w-instances")
    role("mysfits-w-instances")
    assert error(lambda: iam.add_role_to_instance_profile(InstanceProfileName="mysfits-w-instances",
                                                          RoleName="mysfits-w-instances")) == \
        ("NoSuchEntity", "The role with name mysfits-w-instances cannot be found.")
    later(READ, lambda: iam.add_role_to_instance_profile(InstanceProfileName="mysfits-w-instances",
                                                         RoleName="mysfits-w-instances"))
    assert [r["RoleName"] for r in iam.get_instance_profile(InstanceProfileName="mysfits-w-instances")
            ["InstanceProfile"]["Roles"]] == ["mysfits-w-instances"]


def test_delete_role_with_a_policy_or_an_instance_profile_answers_delete_conflict(aws):
    """Row 2 is moto's own; this keeps it so."""
    iam = boto3.client("iam")
    role("r")
    iam.put_role_policy(RoleName="r", PolicyName="p", PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "logs:*", "Resource": "*"}]}))
    assert error(lambda: iam.delete_role(RoleName="r"))[0] == "DeleteConflict"


# ------------------------------------------------------------------ row 4: instance profiles

def launch_template(profile):
    ec2 = boto3.client("ec2")
    ec2.create_launch_template(LaunchTemplateName="mysfits-w", LaunchTemplateData={
        "ImageId": "ami-12c6146b", "InstanceType": "t3.small", "IamInstanceProfile": {"Name": profile}})
    return ec2.describe_subnets()["Subnets"][0]["SubnetId"]


def test_an_auto_scaling_group_refuses_a_new_instance_profile_until_it_has_spread(aws):
    subnet = launch_template("mysfits-w-instances")  # EC2 does not check the profile; Auto Scaling does
    boto3.client("iam").create_instance_profile(InstanceProfileName="mysfits-w-instances")
    asg = boto3.client("autoscaling")

    def create():
        return asg.create_auto_scaling_group(AutoScalingGroupName="mysfits-w", MinSize=0, MaxSize=1,
                                             LaunchTemplate={"LaunchTemplateName": "mysfits-w", "Version": "$Default"},
                                             VPCZoneIdentifier=subnet)
    assert error(create) == ("ValidationError", "You must use a valid fully-formed launch template. Value "
                             "(mysfits-w-instances) for parameter iamInstanceProfile.name is invalid. Invalid IAM "
                             "Instance Profile name")
    later(SPREAD, create)
    assert asg.describe_auto_scaling_groups()["AutoScalingGroups"][0]["AutoScalingGroupName"] == "mysfits-w"


# ------------------------------------------------------------------ row 6: service-linked roles

SLR_MESSAGE = "Unable to assume the service linked role. Please verify that the ECS service linked role exists."


def test_a_fresh_account_refuses_the_first_cluster_and_ecs_makes_its_role(fresh):
    ecs, iam = boto3.client("ecs"), boto3.client("iam")
    assert error(lambda: iam.get_role(RoleName="AWSServiceRoleForECS"))[0] == "NoSuchEntity"
    assert error(lambda: ecs.create_cluster(clusterName="w")) == ("InvalidParameterException", SLR_MESSAGE)
    made = later(READ, lambda: iam.get_role(RoleName="AWSServiceRoleForECS"))["Role"]
    assert made["Arn"] == "arn:aws:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS"
    assert ecs.list_clusters()["clusterArns"] == []
    assert later(SPREAD, lambda: ecs.create_cluster(clusterName="w"))["cluster"]["status"] == "ACTIVE"


def test_a_fresh_account_refuses_create_service_too(fresh):
    ecs = boto3.client("ecs")
    fresh.fresh = False
    ecs.create_cluster(clusterName="w")  # made before the account lost its role
    fresh.fresh = True
    ecs.register_task_definition(family="f", containerDefinitions=[{"name": "c", "image": "x", "memory": 128}])
    assert error(lambda: ecs.create_service(cluster="w", serviceName="s", taskDefinition="f", desiredCount=0)) == \
        ("InvalidParameterException", SLR_MESSAGE)
    later(SPREAD, lambda: ecs.create_service(cluster="w", serviceName="s", taskDefinition="f", desiredCount=0))


def test_create_service_linked_role_makes_it_at_once_and_twice_is_taken(fresh):
    iam, ecs = boto3.client("iam"), boto3.client("ecs")
    made = iam.create_service_linked_role(AWSServiceName="ecs.amazonaws.com")["Role"]
    assert made["RoleName"] == "AWSServiceRoleForECS"
    assert error(lambda: iam.create_service_linked_role(AWSServiceName="ecs.amazonaws.com")) == \
        ("InvalidInput", "Service role name AWSServiceRoleForECS has been taken in this account, please try a "
                         "different suffix.")
    # made, but like any new role not yet usable by ECS
    assert error(lambda: ecs.create_cluster(clusterName="w")) == ("InvalidParameterException", SLR_MESSAGE)
    later(SPREAD, lambda: ecs.create_cluster(clusterName="w"))


def test_application_auto_scalings_service_linked_role_has_awss_name(fresh):
    iam = boto3.client("iam")
    made = iam.create_service_linked_role(AWSServiceName="ecs.application-autoscaling.amazonaws.com")["Role"]
    assert made["RoleName"] == "AWSServiceRoleForApplicationAutoScaling_ECSService"
    assert made["Arn"].endswith(":role/aws-service-role/ecs.application-autoscaling.amazonaws.com/"
                                "AWSServiceRoleForApplicationAutoScaling_ECSService")
    assert error(lambda: iam.create_service_linked_role(AWSServiceName="ecs.application-autoscaling.amazonaws.com"))[0] \
        == "InvalidInput"


def test_an_account_that_is_not_fresh_has_ecs_usable_at_once(aws):
    assert boto3.client("ecs").create_cluster(clusterName="w")["cluster"]["status"] == "ACTIVE"


def test_an_account_that_is_not_fresh_has_both_service_linked_roles_from_the_start(aws):
    iam = boto3.client("iam")
    names = sorted(r["RoleName"] for r in iam.list_roles(PathPrefix="/aws-service-role/")["Roles"])
    assert names == ["AWSServiceRoleForApplicationAutoScaling_ECSService", "AWSServiceRoleForECS"]
    assert error(lambda: iam.create_service_linked_role(AWSServiceName="ecs.amazonaws.com")) == (
        "InvalidInput", "Service role name AWSServiceRoleForECS has been taken in this account, please try a different suffix.")


# ------------------------------------------------------------------ rows 8, 9: ECS with new roles

def fargate_definition(ecs, execution_role_arn):
    return ecs.register_task_definition(
        family="like", requiresCompatibilities=["FARGATE"], networkMode="awsvpc", cpu="256", memory="512",
        executionRoleArn=execution_role_arn,
        containerDefinitions=[{"name": "like", "image": "x", "essential": True}])["taskDefinition"]["taskDefinitionArn"]


def test_run_task_with_a_new_execution_role_answers_client_exception_until_it_has_spread(aws):
    ecs = boto3.client("ecs")
    ecs.create_cluster(clusterName="w")
    subnet = boto3.client("ec2").describe_subnets()["Subnets"][0]["SubnetId"]
    arn = role("mysfits-w-execution")["Arn"]
    definition = fargate_definition(ecs, arn)

    def run():
        return ecs.run_task(cluster="w", taskDefinition=definition, launchType="FARGATE",
                            networkConfiguration={"awsvpcConfiguration": {"subnets": [subnet]}})
    assert error(run) == ("ClientException", realism_iam.UNABLE_TO_ASSUME_TASK_ROLE % arn)
    assert "ECS was unable to assume the role '%s' that was provided for this task." % arn in error(run)[1]
    assert len(later(SPREAD, run)["tasks"]) == 1


def test_a_services_task_with_a_new_role_is_an_event_and_not_started(aws):
    with ecs_hooks(Settings.for_port(5996, "/dev/null", environ=SCALE)) as plane:
        ecs = boto3.client("ecs")
        ecs.create_cluster(clusterName="w")
        arn = role("mysfits-w-execution")["Arn"]
        definition = fargate_definition(ecs, arn)
        backend = next(iter(ecs_backends_of()))
        service = backend.create_service("w", "like", 1, definition, launch_type="FARGATE")
        plane.adopt_service(backend, service)
        assert plane.start_service_task(backend, service, plane.primary(service)) is None
        assert service.events[0]["message"] == "(service like) " + realism_iam.UNABLE_TO_ASSUME_TASK_ROLE % arn
        assert plane.start_service_task(backend, service, plane.primary(service)) is None
        assert len(service.events) == 1  # said once, not on every pass
        time.sleep(SPREAD + 0.02)
        assert realism_iam.young_task_role(aws, backend.account_id, backend.describe_task_definition(definition)) is None


def ecs_backends_of():
    from moto.ecs.models import ecs_backends
    return [ecs_backends["123456789012"]["us-east-1"]]


def test_create_service_with_a_new_service_role_cannot_validate_the_target_group(aws):
    ecs = boto3.client("ecs")
    ecs.create_cluster(clusterName="w")
    ecs.register_task_definition(family="f", containerDefinitions=[{"name": "c", "image": "x", "memory": 128}])
    arn = role("ecsServiceRole")["Arn"]

    def create():
        return ecs.create_service(cluster="w", serviceName="s", taskDefinition="f", desiredCount=0, role=arn)
    assert error(create) == ("InvalidParameterException", "Unable to assume role and validate the specified "
                             "targetGroupArn. Please verify that the ECS service role being passed has the proper "
                             "permissions.")
    later(SPREAD, create)


# ------------------------------------------------------------------ row 24: Application Auto Scaling

def ecs_service():
    ecs = boto3.client("ecs")
    ecs.create_cluster(clusterName="w")
    ecs.register_task_definition(family="f", containerDefinitions=[{"name": "c", "image": "x", "memory": 128}])
    ecs.create_service(cluster="w", serviceName="s", taskDefinition="f", desiredCount=1)


def register(**extra):
    return boto3.client("application-autoscaling").register_scalable_target(
        ServiceNamespace="ecs", ResourceId="service/w/s", ScalableDimension="ecs:service:DesiredCount",
        MinCapacity=1, MaxCapacity=3, **extra)


def test_register_scalable_target_with_a_new_role_cannot_assume_it(aws):
    ecs_service()
    arn = role("scaler")["Arn"]
    assert error(lambda: register(RoleARN=arn)) == ("ValidationException", "Unable to assume IAM role: %s" % arn)
    later(SPREAD, lambda: register(RoleARN=arn))


def test_in_a_fresh_account_the_first_register_makes_the_service_linked_role_which_then_spreads(fresh):
    fresh.fresh = False
    ecs_service()
    fresh.fresh = True
    slr = ("arn:aws:iam::123456789012:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/"
           "AWSServiceRoleForApplicationAutoScaling_ECSService")
    assert error(register) == ("ValidationException", "Unable to assume IAM role: %s" % slr)
    later(SPREAD, register)
    target = boto3.client("application-autoscaling").describe_scalable_targets(ServiceNamespace="ecs")
    assert target["ScalableTargets"][0]["RoleARN"] == slr


# ------------------------------------------------------------------ row 25: CodeBuild

def test_codebuild_create_project_with_a_new_role_is_not_authorized_to_assume_it(aws):
    arn = role("mysfits-w-codebuild")["Arn"]

    def create():
        return boto3.client("codebuild").create_project(
            name="mysfits-w-like", source={"type": "S3", "location": "bucket/source.zip", "buildspec": "version: 0.2"},
            artifacts={"type": "NO_ARTIFACTS"}, serviceRole=arn,
            environment={"type": "LINUX_CONTAINER", "image": "aws/codebuild/standard:7.0",
                         "computeType": "BUILD_GENERAL1_SMALL"})
    assert error(create) == ("InvalidInputException", "CodeBuild is not authorized to perform: sts:AssumeRole on %s" % arn)
    assert later(SPREAD, create)["project"]["serviceRole"] == arn


# ------------------------------------------------------------------ the switch

def test_realism_off_makes_new_roles_usable_at_once_and_keeps_the_service_linked_role_names():
    with mock_aws():
        moto_fixes.install()
        with installed(dict(SCALE, MYSFITS_SANDBOX_REALISM="off", MYSFITS_SANDBOX_FRESH_ACCOUNT="1")):
            iam = boto3.client("iam")
            role()
            iam.get_role(RoleName="mysfits-w-task")
            boto3.client("ecs").create_cluster(clusterName="w")
            assert error(lambda: iam.get_role(RoleName="AWSServiceRoleForECS"))[0] == "NoSuchEntity"
            made = iam.create_service_linked_role(AWSServiceName="ecs.application-autoscaling.amazonaws.com")
            assert made["Role"]["RoleName"] == "AWSServiceRoleForApplicationAutoScaling_ECSService"


def test_fresh_account_is_read_from_the_environment():
    assert realism_iam.fresh_account({"MYSFITS_SANDBOX_FRESH_ACCOUNT": "1"})
    assert not realism_iam.fresh_account({})
