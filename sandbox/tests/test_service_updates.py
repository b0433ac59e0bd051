"""UpdateService as ECS answers it: a new task definition or force-new-deployment starts a new PRIMARY deployment
and the old one stays ACTIVE under its own id, so callers (and the AWS CLI's waiter) see two deployments."""
import boto3
from moto import mock_aws

from conftest import ecs_hooks
from mysfits_sandbox.settings import Settings


@mock_aws
def test_force_new_deployment_and_a_new_revision_each_start_a_deployment():
    with ecs_hooks(Settings.for_port(5995, "/dev/null")):
        updates_start_deployments()


def updates_start_deployments():
    ecs = boto3.client("ecs")
    ecs.create_cluster(clusterName="c")
    for revision in (1, 2):
        ecs.register_task_definition(family="web", containerDefinitions=[{"name": "web", "image": "x", "memory": 64}])
    ecs.create_service(cluster="c", serviceName="web", taskDefinition="web:1", desiredCount=1, launchType="EC2")
    first = ecs.describe_services(cluster="c", services=["web"])["services"][0]["deployments"]
    assert [d["status"] for d in first] == ["PRIMARY"]

    forced = ecs.update_service(cluster="c", service="web", forceNewDeployment=True)["service"]["deployments"]
    assert [d["status"] for d in forced] == ["PRIMARY", "ACTIVE"]
    assert forced[1]["id"] == first[0]["id"], "the old deployment keeps its id"
    assert forced[0]["id"] != first[0]["id"]

    updated = ecs.update_service(cluster="c", service="web", taskDefinition="web:2")["service"]
    assert updated["taskDefinition"].endswith("web:2")
    assert [d["taskDefinition"].rsplit(":", 1)[1] for d in updated["deployments"]] == ["2", "1", "1"]

    scaled = ecs.update_service(cluster="c", service="web", desiredCount=3)["service"]
    assert len(scaled["deployments"]) == 3, "a count change starts no deployment"
    assert scaled["deployments"][0]["desiredCount"] == 3
    assert scaled["runningCount"] == 0, "nothing runs until the data plane starts it"


@mock_aws
def test_a_new_network_configuration_starts_a_deployment_and_the_same_one_does_not():
    with ecs_hooks(Settings.for_port(5995, "/dev/null")):
        ecs, ec2 = boto3.client("ecs"), boto3.client("ec2")
        subnets = [s["SubnetId"] for s in ec2.describe_subnets()["Subnets"]][:2]
        ecs.create_cluster(clusterName="c")
        ecs.register_task_definition(family="web", networkMode="awsvpc", requiresCompatibilities=["FARGATE"],
                                     cpu="256", memory="512", containerDefinitions=[{"name": "web", "image": "x"}])
        network = {"awsvpcConfiguration": {"subnets": [subnets[0]], "assignPublicIp": "ENABLED"}}
        ecs.create_service(cluster="c", serviceName="web", taskDefinition="web:1", desiredCount=0,
                           launchType="FARGATE", networkConfiguration=network)

        same = ecs.update_service(cluster="c", service="web", networkConfiguration=network)["service"]
        assert len(same["deployments"]) == 1, "the same network is no new deployment"

        private = {"awsvpcConfiguration": {"subnets": [subnets[1]], "assignPublicIp": "DISABLED"}}
        moved = ecs.update_service(cluster="c", service="web", networkConfiguration=private)["service"]
        assert [d["status"] for d in moved["deployments"]] == ["PRIMARY", "ACTIVE"]
        assert moved["networkConfiguration"]["awsvpcConfiguration"]["assignPublicIp"] == "DISABLED"
        assert moved["networkConfiguration"]["awsvpcConfiguration"]["subnets"] == [subnets[1]]
