"""Teardown as ECS does it (AWS-BEHAVIOURS 18-20): a deleted service drains before it is INACTIVE, its name is
not free meanwhile, and a cluster is not deleted while services, tasks or container instances remain."""
import io
import time

import boto3
import botocore.exceptions
import docker
import pytest
from moto import mock_aws

from conftest import client, ecs_hooks, refused
from mysfits_sandbox.scheduler import SERVICE_DRAINING
from mysfits_sandbox.settings import Settings

SCALE = 20  # the draining hold lasts a twentieth of its seconds here: long enough to be seen, however busy


@pytest.fixture
def ecs():
    with mock_aws():
        settings = Settings.for_port(5994, "/dev/null", environ={"MYSFITS_SANDBOX_TIME_SCALE": str(SCALE)})
        with ecs_hooks(settings) as plane:
            ecs = boto3.client("ecs")
            ecs.create_cluster(clusterName="c")
            ecs.register_task_definition(family="web", containerDefinitions=[{"name": "web", "image": "x", "memory": 64}])
            ecs.create_service(cluster="c", serviceName="web", taskDefinition="web:1", desiredCount=0, launchType="EC2")
            yield ecs, plane


def status(ecs, name="web"):
    return ecs.describe_services(cluster="c", services=[name])["services"][0]["status"]


def test_a_deleted_service_drains_then_goes_inactive_and_its_name_is_free_again(ecs):
    ecs, plane = ecs
    ecs.delete_service(cluster="c", service="web")
    assert status(ecs) == "DRAINING"
    refused(lambda: ecs.update_service(cluster="c", service="web", desiredCount=1),
            "ServiceNotActiveException", "Service was not ACTIVE.")
    refused(lambda: ecs.delete_service(cluster="c", service="web"),
            "ServiceNotActiveException", "Service was not ACTIVE.")
    refused(lambda: ecs.create_service(cluster="c", serviceName="web", taskDefinition="web:1", desiredCount=0),
            "InvalidParameterException", "Creation of service was not idempotent.")
    refused(lambda: ecs.delete_cluster(cluster="c"),
            "ClusterContainsServicesException", "The Cluster cannot be deleted while Services are active.")

    service = next(iter(plane_backend_services(plane)))
    service._draining_since = time.monotonic()  # the hold starts now, whatever the calls above took
    plane.reconcile_service(None, service)
    assert status(ecs) == "DRAINING", "no task left, but the behaviour's hold has not passed"
    time.sleep(SERVICE_DRAINING.sandbox_seconds / SCALE + 0.01)
    plane.reconcile_service(None, service)
    assert status(ecs) == "INACTIVE"
    ecs.create_service(cluster="c", serviceName="web", taskDefinition="web:1", desiredCount=0)
    assert status(ecs) == "ACTIVE"


def plane_backend_services(plane):
    from moto.ecs.models import ecs_backends
    return [s for s in ecs_backends["123456789012"]["us-east-1"].services.values() if s.status == "DRAINING"]


def test_a_cluster_with_container_instances_is_not_deleted(ecs):
    ecs, plane = ecs
    ecs.delete_service(cluster="c", service="web")
    for service in plane_backend_services(plane):
        service._draining_since = -1e9
        plane.reconcile_service(None, service)
    ec2 = boto3.client("ec2")
    image = ec2.describe_images()["Images"][0]["ImageId"]
    instance = ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1)["Instances"][0]
    document = {"instanceId": instance["InstanceId"], "region": "us-east-1"}
    import json
    arn = ecs.register_container_instance(cluster="c", instanceIdentityDocument=json.dumps(document))[
        "containerInstance"]["containerInstanceArn"]
    refused(lambda: ecs.delete_cluster(cluster="c"), "ClusterContainsContainerInstancesException",
            "The Cluster cannot be deleted while Container Instances are active or draining.")
    ecs.deregister_container_instance(cluster="c", containerInstance=arn, force=True)
    assert ecs.delete_cluster(cluster="c")["cluster"]["status"] == "INACTIVE"


@pytest.mark.docker
def test_a_running_task_keeps_its_cluster_until_it_is_stopped(server):
    url = server[0]
    ecs, ec2 = client(url, "ecs"), client(url, "ec2")
    engine = docker.from_env()
    base = next(t for i in engine.images.list() for t in i.tags if t.startswith("debian:"))
    # An image labelled as a local tool labels its own: the task's container must not look like that tool's.
    image = "sandbox-test-labelled:%d" % server[1]  # this server's own: another run on the engine removes its own
    engine.images.build(fileobj=io.BytesIO(("FROM %s\nLABEL mysfits.workshop=lab\n" % base).encode()), tag=image, rm=True)
    ecs.create_cluster(clusterName="keeps")
    ecs.register_task_definition(family="sleeper", requiresCompatibilities=["FARGATE"], networkMode="awsvpc",
                                 cpu="256", memory="512",
                                 containerDefinitions=[{"name": "sleeper", "image": image, "memory": 64,
                                                        "command": ["sleep", "600"]}])
    subnet = ec2.describe_subnets()["Subnets"][0]["SubnetId"]
    group = ec2.describe_security_groups()["SecurityGroups"][0]["GroupId"]
    task = ecs.run_task(cluster="keeps", taskDefinition="sleeper", launchType="FARGATE",
                        # A public IP: a default subnet reaches ECR through its internet gateway (AWS-BEHAVIOURS 12).
                        networkConfiguration={"awsvpcConfiguration": {"subnets": [subnet], "securityGroups": [group],
                                                                      "assignPublicIp": "ENABLED"}})["tasks"][0]["taskArn"]
    refused(lambda: ecs.delete_cluster(cluster="keeps"),
            "ClusterContainsTasksException", "The Cluster cannot be deleted while Tasks are active.")
    deadline = time.monotonic() + 60
    while ecs.describe_tasks(cluster="keeps", tasks=[task])["tasks"][0]["lastStatus"] != "RUNNING":
        assert time.monotonic() < deadline, "the task did not start within 60 s"
        time.sleep(0.2)
    mine = engine.containers.list(all=True, filters={"label": "mysfits-sandbox.instance=%d" % server[1]})
    assert [c.labels.get("mysfits.workshop") for c in mine] == [""], "the image's label is blanked on the task's container"
    assert engine.containers.list(all=True, filters={"label": "mysfits.workshop=lab"}) == []
    ecs.stop_task(cluster="keeps", task=task, reason="done")
    deadline = time.monotonic() + 60
    while ecs.describe_tasks(cluster="keeps", tasks=[task])["tasks"][0]["lastStatus"] != "STOPPED":
        assert time.monotonic() < deadline, "the task did not stop within 60 s"
        time.sleep(0.2)
    assert ecs.list_tasks(cluster="keeps")["taskArns"] == []
    assert ecs.delete_cluster(cluster="keeps")["cluster"]["status"] == "INACTIVE"
    port = str(server[1])
    left = docker.from_env().containers.list(all=True, filters={"label": "mysfits-sandbox.instance=" + port})
    assert left == [], "a STOPPED task's containers are gone"
    engine.images.remove(image, force=True)
