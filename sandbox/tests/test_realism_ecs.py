"""ECS, ECR and Logs as a fresh account meets them (AWS-BEHAVIOURS 10, 12, 13, 14, 26), and the default VPC."""
import contextlib
import time

import boto3
import botocore.exceptions
import pytest
from moto import mock_aws
from moto.ec2.models import EC2Backend
from moto.ec2.models.elastic_network_interfaces import NetworkInterface
from moto.ecr.models import ECRBackend
from moto.ecs.models import Task
from moto.ecr.responses import ECRResponse
from moto.logs.models import LogsBackend

from conftest import ecs_hooks, eventually, refused, restored
from mysfits_sandbox import realism_ecs
from mysfits_sandbox.settings import Settings

FARGATE_REASON_START = ("ResourceInitializationError: unable to pull secrets or registry auth: execution resource "
                        "retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 "
                        "time(s): RequestError: send request failed caused by: Post "
                        "\"https://api.ecr.us-east-1.amazonaws.com/\": dial tcp ")


@contextlib.contextmanager
def realism_hooks(environ=None, scale="1"):
    """The ECS hooks, moto_fixes and this module's, as the server lays them; all taken off afterwards."""
    environ = dict(environ or {}, MYSFITS_SANDBOX_TIME_SCALE=scale)
    settings = Settings.for_port(5993, "/dev/null", environ=environ)
    with restored(ECRBackend, ECRResponse, LogsBackend, EC2Backend, NetworkInterface, Task), ecs_hooks(settings) as plane:
        realism_ecs.install(settings, plane, environ)
        try:
            yield settings, plane
        finally:
            realism_ecs._default_vpc["wanted"] = True


# ------------------------------------------------------------------ 10

def test_describe_services_answers_missing_right_after_create_service_then_the_service():
    with mock_aws(), realism_hooks():
        ecs = boto3.client("ecs")
        ecs.create_cluster(clusterName="c")
        ecs.register_task_definition(family="web", containerDefinitions=[{"name": "web", "image": "x", "memory": 64}])
        created = ecs.create_service(cluster="c", serviceName="web", taskDefinition="web:1", desiredCount=0,
                                     launchType="EC2")["service"]
        answer = ecs.describe_services(cluster="c", services=["web"])
        assert answer["services"] == []
        assert answer["failures"] == [{"arn": created["serviceArn"], "reason": "MISSING"}]
        started = time.monotonic()
        found = eventually(lambda: ecs.describe_services(cluster="c", services=["web"])["services"][0])
        assert found["serviceName"] == "web" and found["status"] == "ACTIVE"
        assert time.monotonic() - started < 1.5


def test_describe_services_sees_a_new_service_at_once_with_the_behaviour_off():
    with mock_aws(), realism_hooks({"MYSFITS_SANDBOX_REALISM_OFF": "ecs-describe-missing"}):
        ecs = boto3.client("ecs")
        ecs.create_cluster(clusterName="c")
        ecs.register_task_definition(family="web", containerDefinitions=[{"name": "web", "image": "x", "memory": 64}])
        ecs.create_service(cluster="c", serviceName="web", taskDefinition="web:1", desiredCount=0, launchType="EC2")
        assert ecs.describe_services(cluster="c", services=["web"])["failures"] == []


# ------------------------------------------------------------------ 26

def test_ecr_reads_answer_repository_not_found_right_after_create_repository():
    with mock_aws(), realism_hooks():
        ecr = boto3.client("ecr")
        account = ecr.create_repository(repositoryName="like")["repository"]["registryId"]
        message = "The repository with name 'like' does not exist in the registry with id '%s'" % account
        refused(lambda: ecr.describe_repositories(repositoryNames=["like"]), "RepositoryNotFoundException", message)
        refused(lambda: ecr.describe_images(repositoryName="like"), "RepositoryNotFoundException", message)
        refused(lambda: ecr.list_images(repositoryName="like"), "RepositoryNotFoundException", message)
        assert ecr.describe_repositories()["repositories"] == []
        found = eventually(lambda: ecr.describe_repositories(repositoryNames=["like"])["repositories"])
        assert [r["repositoryName"] for r in found] == ["like"]
        assert ecr.describe_images(repositoryName="like")["imageDetails"] == []
        assert [r["repositoryName"] for r in ecr.describe_repositories()["repositories"]] == ["like"]


# ------------------------------------------------------------------ 14

def test_log_group_retention_and_delete_right_after_a_write_answer_operation_aborted():
    message = "A conflicting operation is currently in progress against this resource. Please try again."
    with mock_aws(), realism_hooks():
        logs = boto3.client("logs")
        logs.create_log_group(logGroupName="/ecs/like")
        refused(lambda: logs.put_retention_policy(logGroupName="/ecs/like", retentionInDays=7),
                "OperationAbortedException", message)
        eventually(lambda: logs.put_retention_policy(logGroupName="/ecs/like", retentionInDays=7))
        refused(lambda: logs.delete_log_group(logGroupName="/ecs/like"), "OperationAbortedException", message)
        eventually(lambda: logs.delete_log_group(logGroupName="/ecs/like"))
        assert logs.describe_log_groups(logGroupNamePrefix="/ecs/like")["logGroups"] == []


# ------------------------------------------------------------------ 12, and the default VPC

def test_the_default_vpc_routes_to_an_internet_gateway_as_on_aws():
    with mock_aws(), realism_hooks():
        ec2 = boto3.client("ec2")
        vpc = ec2.describe_vpcs(Filters=[{"Name": "isDefault", "Values": ["true"]}])["Vpcs"][0]["VpcId"]
        gateways = ec2.describe_internet_gateways(Filters=[{"Name": "attachment.vpc-id", "Values": [vpc]}])
        gateway = gateways["InternetGateways"][0]["InternetGatewayId"]
        main = ec2.describe_route_tables(Filters=[{"Name": "vpc-id", "Values": [vpc]},
                                                  {"Name": "association.main", "Values": ["true"]}])["RouteTables"][0]
        assert {"DestinationCidrBlock": "0.0.0.0/0", "GatewayId": gateway} in \
            [{k: r[k] for k in ("DestinationCidrBlock", "GatewayId") if k in r} for r in main["Routes"]]
        subnets = ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["Subnets"]
        assert len({s["AvailabilityZone"] for s in subnets}) >= 2
        assert all(s["MapPublicIpOnLaunch"] for s in subnets)


def test_without_a_default_vpc_the_region_has_none_and_create_default_vpc_still_makes_one():
    with mock_aws(), realism_hooks({"MYSFITS_SANDBOX_DEFAULT_VPC": "off"}):
        ec2 = boto3.client("ec2", region_name="eu-west-1")
        assert ec2.describe_vpcs()["Vpcs"] == []
        assert ec2.describe_subnets()["Subnets"] == []
        made = ec2.create_default_vpc()["Vpc"]
        assert made["IsDefault"] is True


def test_default_vpc_switch_refuses_other_values():
    with pytest.raises(ValueError, match="MYSFITS_SANDBOX_DEFAULT_VPC must be on or off"):
        realism_ecs.default_vpc_wanted({"MYSFITS_SANDBOX_DEFAULT_VPC": "maybe"})


def vpc_with_subnet(ec2, cidr="10.9.0.0/16"):
    vpc = ec2.create_vpc(CidrBlock=cidr)["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock=cidr.replace("0.0/16", "1.0/24"))["Subnet"]["SubnetId"]
    return vpc, subnet


def own_route_table(ec2, vpc, subnet):
    table = ec2.create_route_table(VpcId=vpc)["RouteTable"]["RouteTableId"]
    ec2.associate_route_table(RouteTableId=table, SubnetId=subnet)
    return table


def test_which_subnets_reach_ecr():
    from moto.ec2.models import ec2_backends
    with mock_aws(), realism_hooks():
        ec2 = boto3.client("ec2")
        backend = lambda: ec2_backends["123456789012"]["us-east-1"]
        default_subnet = ec2.describe_subnets(Filters=[{"Name": "default-for-az", "Values": ["true"]}])["Subnets"][0]
        assert realism_ecs.reaches_ecr(backend(), default_subnet["SubnetId"], public_ip=True)
        assert not realism_ecs.reaches_ecr(backend(), default_subnet["SubnetId"], public_ip=False)

        vpc, subnet = vpc_with_subnet(ec2)
        assert not realism_ecs.reaches_ecr(backend(), subnet, public_ip=True), "only the local route"
        table = own_route_table(ec2, vpc, subnet)
        public = ec2.create_subnet(VpcId=vpc, CidrBlock="10.9.2.0/24")["Subnet"]["SubnetId"]
        public_table = own_route_table(ec2, vpc, public)
        nat = ec2.create_nat_gateway(SubnetId=public)["NatGateway"]["NatGatewayId"]
        ec2.create_route(RouteTableId=table, DestinationCidrBlock="0.0.0.0/0", NatGatewayId=nat)
        assert not realism_ecs.reaches_ecr(backend(), subnet, public_ip=False), "the NAT's own subnet has no way out"
        gateway = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
        ec2.attach_internet_gateway(InternetGatewayId=gateway, VpcId=vpc)
        ec2.create_route(RouteTableId=public_table, DestinationCidrBlock="0.0.0.0/0", GatewayId=gateway)
        assert realism_ecs.reaches_ecr(backend(), subnet, public_ip=False), "a private subnet behind a NAT gateway"
        assert not realism_ecs.reaches_ecr(backend(), public, public_ip=False), "an internet gateway, no public IP"

        vpc2, subnet2 = vpc_with_subnet(ec2, "10.7.0.0/16")
        table2 = own_route_table(ec2, vpc2, subnet2)
        for service in ("ecr.api", "ecr.dkr"):
            assert not realism_ecs.reaches_ecr(backend(), subnet2, public_ip=False)
            ec2.create_vpc_endpoint(VpcId=vpc2, ServiceName="com.amazonaws.us-east-1." + service,
                                    VpcEndpointType="Interface", SubnetIds=[subnet2])
        assert not realism_ecs.reaches_ecr(backend(), subnet2, public_ip=False), "the layers are in S3"
        assert realism_ecs.unreachable_reason(backend(), subnet2, False, "us-east-1").startswith(
            "CannotPullContainerError: "), "ECR's API answers; the layers' download times out"
        other_table = ec2.create_route_table(VpcId=vpc2)["RouteTable"]["RouteTableId"]
        ec2.create_vpc_endpoint(VpcId=vpc2, ServiceName="com.amazonaws.us-east-1.s3", VpcEndpointType="Gateway",
                                RouteTableIds=[other_table])
        assert not realism_ecs.reaches_ecr(backend(), subnet2, public_ip=False), "S3's endpoint on another table"
        ec2.create_vpc_endpoint(VpcId=vpc2, ServiceName="com.amazonaws.us-east-1.s3", VpcEndpointType="Gateway",
                                RouteTableIds=[table2])
        assert realism_ecs.reaches_ecr(backend(), subnet2, public_ip=False), "ECR's interface endpoints and S3's gateway"
        assert realism_ecs.unreachable_reason(backend(), subnet2, False, "us-east-1", awslogs=True).startswith(
            "ResourceInitializationError: failed to validate logger args: "), "awslogs needs CloudWatch Logs"
        ec2.create_vpc_endpoint(VpcId=vpc2, ServiceName="com.amazonaws.us-east-1.logs", VpcEndpointType="Interface",
                                SubnetIds=[subnet2])
        assert realism_ecs.unreachable_reason(backend(), subnet2, False, "us-east-1", awslogs=True) is None
        assert realism_ecs.unreachable_reason(backend(), subnet, False, "us-east-1", awslogs=True) is None, \
            "behind a NAT gateway CloudWatch Logs is on the internet"


def test_a_private_nat_gateway_is_no_way_to_ecr():
    from moto.ec2.models import ec2_backends
    with mock_aws(), realism_hooks():
        ec2 = boto3.client("ec2")
        vpc, subnet = vpc_with_subnet(ec2)
        table = own_route_table(ec2, vpc, subnet)
        default_subnet = ec2.describe_subnets(Filters=[{"Name": "default-for-az", "Values": ["true"]}])["Subnets"][0]
        nat = ec2.create_nat_gateway(SubnetId=default_subnet["SubnetId"], ConnectivityType="private")
        ec2.create_route(RouteTableId=table, DestinationCidrBlock="0.0.0.0/0",
                         NatGatewayId=nat["NatGateway"]["NatGatewayId"])
        assert not realism_ecs.reaches_ecr(ec2_backends["123456789012"]["us-east-1"], subnet, public_ip=False)


def test_a_task_has_a_public_ip_on_its_interface_only_with_assign_public_ip_enabled():
    with mock_aws(), realism_hooks() as (settings, plane):
        ecs, ec2 = boto3.client("ecs"), boto3.client("ec2")
        subnet = ec2.describe_subnets(Filters=[{"Name": "default-for-az", "Values": ["true"]}])["Subnets"][0]["SubnetId"]
        plane._start = lambda managed: None
        for public_ip in (True, False):
            task = fargate_task(ecs, subnet, public_ip)["tasks"][0]
            details = {d["name"]: d["value"] for d in task["attachments"][0]["details"]}
            interface = ec2.describe_network_interfaces(
                NetworkInterfaceIds=[details["networkInterfaceId"]])["NetworkInterfaces"][0]
            assert interface["SubnetId"] == subnet
            assert ("PublicIp" in interface.get("Association", {})) is public_ip, interface


def fargate_task(ecs, subnet, public_ip):
    ecs.create_cluster(clusterName="c")
    ecs.register_task_definition(family="web", requiresCompatibilities=["FARGATE"], networkMode="awsvpc",
                                 cpu="256", memory="512",
                                 containerDefinitions=[{"name": "web", "image": "x", "memory": 64}])
    return ecs.run_task(cluster="c", taskDefinition="web:1", launchType="FARGATE", networkConfiguration={
        "awsvpcConfiguration": {"subnets": [subnet], "assignPublicIp": "ENABLED" if public_ip else "DISABLED"}})


def test_a_fargate_task_without_a_public_ip_in_a_public_subnet_stops_with_resource_initialization_error():
    with mock_aws(), realism_hooks(scale="100") as (settings, plane):
        ecs, ec2 = boto3.client("ecs"), boto3.client("ec2")
        subnet = ec2.describe_subnets(Filters=[{"Name": "default-for-az", "Values": ["true"]}])["Subnets"][0]["SubnetId"]
        plane._start = lambda managed: None   # no Docker here: only the checks are under test
        task = fargate_task(ecs, subnet, public_ip=False)["tasks"][0]
        managed = plane.tasks[task["taskArn"]]
        started = time.monotonic()
        reasons = [check(managed) for check in plane.start_checks]
        assert time.monotonic() - started >= 0.03 - 0.005, "PENDING for the behaviour's 3 s (0.03 s on this clock)"
        assert len(reasons) == 1 and reasons[0].startswith(FARGATE_REASON_START)
        assert reasons[0].endswith(":443: i/o timeout. Please check your task network configuration.")

        with_ip = fargate_task(ecs, subnet, public_ip=True)["tasks"][0]
        assert [check(plane.tasks[with_ip["taskArn"]]) for check in plane.start_checks] == [None]


def test_the_route_check_is_a_switch():
    with mock_aws(), realism_hooks({"MYSFITS_SANDBOX_REALISM_OFF": "ecs-fargate-no-route-to-ecr"}) as (settings, plane):
        ecs, ec2 = boto3.client("ecs"), boto3.client("ec2")
        _, subnet = vpc_with_subnet(ec2)
        plane._start = lambda managed: None
        task = fargate_task(ecs, subnet, public_ip=False)["tasks"][0]
        assert [check(plane.tasks[task["taskArn"]]) for check in plane.start_checks] == [None]


@pytest.mark.docker
def test_through_the_server_a_fargate_task_without_a_way_to_ecr_is_pending_then_stopped(server):
    from conftest import client
    url = server[0]
    ec2, ecs = client(url, "ec2"), client(url, "ecs")
    vpc, subnet = vpc_with_subnet(ec2, "10.31.0.0/16")
    ecs.create_cluster(clusterName="no-route")
    ecs.register_task_definition(family="no-route", requiresCompatibilities=["FARGATE"], networkMode="awsvpc",
                                 cpu="256", memory="512",
                                 containerDefinitions=[{"name": "web", "image": "debian:bookworm-slim"}])
    task = ecs.run_task(cluster="no-route", taskDefinition="no-route:1", launchType="FARGATE", networkConfiguration={
        "awsvpcConfiguration": {"subnets": [subnet], "assignPublicIp": "ENABLED"}})["tasks"][0]

    seen = set()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        described = ecs.describe_tasks(cluster="no-route", tasks=[task["taskArn"]])["tasks"][0]
        seen.add(described["lastStatus"])
        if described["lastStatus"] == "STOPPED":
            break
        time.sleep(0.2)
    assert "PENDING" in seen and "RUNNING" not in seen, seen
    assert described["lastStatus"] == "STOPPED"
    assert described["stopCode"] == "TaskFailedToStart"
    assert described["stoppedReason"].startswith(FARGATE_REASON_START), described["stoppedReason"]
    assert described["stoppedReason"].endswith("Please check your task network configuration.")


@pytest.mark.docker
def test_through_the_server_a_task_whose_awslogs_group_does_not_exist_stops_with_resource_initialization_error(server):
    """AWS-BEHAVIOURS 13: before any image is pulled; a group the task may create itself is no obstacle."""
    from conftest import client
    url = server[0]
    ec2, ecs, logs = client(url, "ec2"), client(url, "ecs"), client(url, "logs")
    subnet = ec2.describe_subnets(Filters=[{"Name": "default-for-az", "Values": ["true"]}])["Subnets"][0]["SubnetId"]
    ecs.create_cluster(clusterName="no-logs")

    def task_logging_to(group, **options):
        family = "logs-" + group.strip("/").replace("/", "-")
        ecs.register_task_definition(family=family, requiresCompatibilities=["FARGATE"], networkMode="awsvpc",
                                     cpu="256", memory="512", containerDefinitions=[{
                                         "name": "web", "image": "debian:bookworm-slim", "command": ["sleep", "600"],
                                         "logConfiguration": {"logDriver": "awslogs", "options": dict({
                                             "awslogs-group": group, "awslogs-region": "us-east-1",
                                             "awslogs-stream-prefix": "web"}, **options)}}])
        return ecs.run_task(cluster="no-logs", taskDefinition=family, launchType="FARGATE", networkConfiguration={
            "awsvpcConfiguration": {"subnets": [subnet], "assignPublicIp": "ENABLED"}})["tasks"][0]["taskArn"]

    def settled(arn):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            described = ecs.describe_tasks(cluster="no-logs", tasks=[arn])["tasks"][0]
            if described["lastStatus"] in ("RUNNING", "STOPPED"):
                return described
            time.sleep(0.2)
        raise AssertionError("task %s neither ran nor stopped within 60 s" % arn)

    missing = settled(task_logging_to("/no/such/group"))
    assert missing["lastStatus"] == "STOPPED"
    assert missing["stopCode"] == "TaskFailedToStart"
    assert missing["stoppedReason"].startswith("ResourceInitializationError: failed to validate logger args:")
    assert "The specified log group does not exist." in missing["stoppedReason"], missing["stoppedReason"]

    created = settled(task_logging_to("/made/by/the/task", **{"awslogs-create-group": "true"}))
    assert created["lastStatus"] == "RUNNING", created.get("stoppedReason")
    assert [g["logGroupName"] for g in logs.describe_log_groups(logGroupNamePrefix="/made/")["logGroups"]] == \
        ["/made/by/the/task"]
    ecs.stop_task(cluster="no-logs", task=created["taskArn"], reason="done")
