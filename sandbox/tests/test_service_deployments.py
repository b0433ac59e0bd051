"""ECS service deployments and service revisions (service_deployments.py): ListServiceDeployments,
DescribeServiceDeployments, DescribeServiceRevisions, StopServiceDeployment, and DescribeServices'
currentServiceDeployment and currentServiceRevisions, as ECS answers them.

The first tests drive moto in this process with the data plane's ECS hooks (no Docker: the scheduler's passes are
called by hand, and the deployment dicts are set as the scheduler or a strategy would set them). The Docker tests
run a server of their own and watch real rollouts: an update, the circuit breaker's rollback, and StopServiceDeployment
ROLLBACK and ABORT on a deployment that cannot finish.
"""
import contextlib
import datetime
import json
import os
import subprocess
import time

import boto3
import botocore.exceptions
import pytest
from moto import mock_aws
from moto.ecs import models as ecs_models

from conftest import client, ecs_hooks, eventually, refused, restored, servers
from mysfits_sandbox import ecr, service_deployments
from mysfits_sandbox.settings import Settings

DIGEST = "sha256:" + "ab" * 32


@contextlib.contextmanager
def in_process(tmp_path):
    """moto in this process with the data plane's hooks; ECR reads no registry (no CA for its host here)."""
    saved = dict(ecr._settings)
    ecr._settings["certs"] = str(tmp_path)
    try:
        with mock_aws(), restored(ecs_models.Service), ecs_hooks(Settings.for_port(5991, "/dev/null")) as plane:
            yield plane
    finally:
        ecr._settings.update(saved)


def service_record(name="web", cluster="c"):
    from moto.ecs.models import ecs_backends
    backend = ecs_backends["123456789012"]["us-east-1"]
    return backend, backend.services["%s:%s" % (cluster, name)]


def a_service(ecs, images=("x",), desired=1, **settings):
    ecs.create_cluster(clusterName="c")
    for image in images:
        ecs.register_task_definition(family="web", containerDefinitions=[
            {"name": "web", "image": image, "memory": 64}, {"name": "side", "image": "busybox", "memory": 32}])
    return ecs.create_service(cluster="c", serviceName="web", taskDefinition="web:1", desiredCount=desired,
                              launchType="EC2", **settings)["service"]


def listed(ecs, **filters):
    return ecs.list_service_deployments(cluster="c", service="web", **filters)["serviceDeployments"]


def described(ecs, arns):
    return ecs.describe_service_deployments(serviceDeploymentArns=arns)["serviceDeployments"]


def complete(service, deployment):
    """What the scheduler does when a deployment reaches a steady state."""
    deployment["rolloutState"] = "COMPLETED"
    deployment["rolloutStateReason"] = "ECS deployment %s completed." % deployment["id"]
    service._last_completed = deployment["taskDefinition"]


def an_update_in_progress(ecs, **settings):
    """web:1 deployed and complete, then an update to web:2 in progress. Returns the backend, the service record, the
    first service revision's ARN and the update's service deployment ARN."""
    a_service(ecs, images=("x", "y"), **settings)
    backend, service = service_record()
    complete(service, service.deployments[0])
    first_revision = listed(ecs)[0]["targetServiceRevisionArn"]
    arn = ecs.update_service(cluster="c", service="web", taskDefinition="web:2")["service"]["currentServiceDeployment"]
    return backend, service, first_revision, arn


def test_create_and_update_each_record_a_deployment_and_a_revision_newest_first(tmp_path):
    with in_process(tmp_path):
        ecs = boto3.client("ecs")
        created = a_service(ecs, images=("x", "123456789012.dkr.ecr.us-east-1.amazonaws.com/web@" + DIGEST))
        first = created["currentServiceDeployment"]
        assert first.startswith("arn:aws:ecs:us-east-1:123456789012:service-deployment/c/web/")
        [revision] = created["currentServiceRevisions"]
        assert revision["arn"].startswith("arn:aws:ecs:us-east-1:123456789012:service-revision/c/web/")
        assert revision["requestedTaskCount"] == 1 and revision["runningTaskCount"] == 0

        [only] = listed(ecs)
        assert only["serviceDeploymentArn"] == first and only["status"] == "IN_PROGRESS"
        assert only["targetServiceRevisionArn"] == revision["arn"]
        assert only["serviceArn"] == created["serviceArn"] and only["clusterArn"] == created["clusterArn"]

        backend, service = service_record()
        complete(service, service.deployments[0])
        updated = ecs.update_service(cluster="c", service="web", taskDefinition="web:2")["service"]
        second = updated["currentServiceDeployment"]
        assert second != first
        assert [d["serviceDeploymentArn"] for d in listed(ecs)] == [second, first], "newest first"
        assert [d["status"] for d in listed(ecs)] == ["IN_PROGRESS", "SUCCESSFUL"]
        assert listed(ecs)[1]["finishedAt"] >= listed(ecs)[1]["startedAt"]

        [new, old] = described(ecs, [second, first])
        assert old["status"] == "SUCCESSFUL" and old["sourceServiceRevisions"] == []
        assert old["targetServiceRevision"]["arn"] == revision["arn"]
        assert [s["arn"] for s in new["sourceServiceRevisions"]] == [revision["arn"]]
        assert new["deploymentConfiguration"]["deploymentCircuitBreaker"] == {"enable": False, "rollback": False}
        assert new["deploymentCircuitBreaker"] == {"status": "DISABLED", "failureCount": 0, "threshold": 3}
        assert "lifecycleStage" not in new, "a rolling deployment has no lifecycle stages"

        revisions = ecs.describe_service_revisions(serviceRevisionArns=[
            new["targetServiceRevision"]["arn"], revision["arn"]])
        assert revisions["failures"] == []
        [two, one] = revisions["serviceRevisions"]
        assert one["taskDefinition"].endswith(":task-definition/web:1")
        assert two["taskDefinition"].endswith(":task-definition/web:2")
        assert one["launchType"] == "EC2" and one["serviceArn"] == created["serviceArn"]
        assert one["containerImages"] == [{"containerName": "web", "image": "x"},
                                          {"containerName": "side", "image": "busybox"}]
        assert two["containerImages"][0] == {
            "containerName": "web", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/web@" + DIGEST,
            "imageDigest": DIGEST}
        assert two["createdAt"] >= one["createdAt"]


def test_force_new_deployment_and_a_new_network_each_record_one_and_a_count_change_none(tmp_path):
    with in_process(tmp_path):
        ecs, ec2 = boto3.client("ecs"), boto3.client("ec2")
        subnets = [s["SubnetId"] for s in ec2.describe_subnets()["Subnets"]][:2]
        ecs.create_cluster(clusterName="c")
        ecs.register_task_definition(family="web", networkMode="awsvpc", requiresCompatibilities=["FARGATE"],
                                     cpu="256", memory="512", containerDefinitions=[{"name": "web", "image": "x"}])
        ecs.create_service(cluster="c", serviceName="web", taskDefinition="web:1", desiredCount=1,
                           launchType="FARGATE", networkConfiguration={"awsvpcConfiguration": {
                               "subnets": [subnets[0]], "assignPublicIp": "ENABLED"}})
        ecs.update_service(cluster="c", service="web", forceNewDeployment=True)
        ecs.update_service(cluster="c", service="web", desiredCount=2)
        ecs.update_service(cluster="c", service="web", networkConfiguration={"awsvpcConfiguration": {
            "subnets": [subnets[1]], "assignPublicIp": "DISABLED"}})
        deployments = listed(ecs)
        assert len(deployments) == 3
        assert [d["status"] for d in deployments] == ["IN_PROGRESS", "STOPPED", "STOPPED"], \
            "a deployment replaced before it finished is STOPPED"
        revisions = ecs.describe_service_revisions(serviceRevisionArns=[
            d["targetServiceRevisionArn"] for d in deployments])["serviceRevisions"]
        assert [r["networkConfiguration"]["awsvpcConfiguration"]["subnets"] for r in revisions] == \
            [[subnets[1]], [subnets[0]], [subnets[0]]]
        assert [r["platformVersion"] for r in revisions] == ["LATEST"] * 3
        assert len({r["serviceRevisionArn"] for r in revisions}) == 3


def test_the_status_and_created_at_filters_and_pages(tmp_path):
    with in_process(tmp_path):
        ecs = boto3.client("ecs")
        a_service(ecs, images=("x", "y"))
        backend, service = service_record()
        complete(service, service.deployments[0])
        ecs.update_service(cluster="c", service="web", taskDefinition="web:2")
        [newest, oldest] = listed(ecs)
        assert [d["serviceDeploymentArn"] for d in listed(ecs, status=["SUCCESSFUL"])] == [oldest["serviceDeploymentArn"]]
        assert [d["serviceDeploymentArn"] for d in listed(ecs, status=["IN_PROGRESS", "SUCCESSFUL"])] == \
            [newest["serviceDeploymentArn"], oldest["serviceDeploymentArn"]]
        assert listed(ecs, status=["ROLLBACK_SUCCESSFUL"]) == []
        later = newest["createdAt"] + datetime.timedelta(seconds=1)
        assert listed(ecs, createdAt={"after": later}) == []
        assert len(listed(ecs, createdAt={"before": later})) == 2
        page = ecs.list_service_deployments(cluster="c", service="web", maxResults=1)
        assert [d["serviceDeploymentArn"] for d in page["serviceDeployments"]] == [newest["serviceDeploymentArn"]]
        rest = ecs.list_service_deployments(cluster="c", service="web", maxResults=1, nextToken=page["nextToken"])
        assert [d["serviceDeploymentArn"] for d in rest["serviceDeployments"]] == [oldest["serviceDeploymentArn"]]
        assert "nextToken" not in rest


def test_the_errors_are_ecs_s(tmp_path):
    with in_process(tmp_path):
        ecs = boto3.client("ecs")
        created = a_service(ecs, images=("x", "y"))
        arn = created["currentServiceDeployment"]
        refused(lambda: ecs.list_service_deployments(cluster="c", service="nope"),
                "ServiceNotFoundException", "Service not found.")
        refused(lambda: ecs.list_service_deployments(cluster="nope", service="web"),
                "ClusterNotFoundException", "Cluster not found.")
        refused(lambda: ecs.describe_service_deployments(serviceDeploymentArns=["not-an-arn"]),
                "InvalidParameterException", "Invalid service deployment ARN: not-an-arn")
        refused(lambda: ecs.describe_service_revisions(serviceRevisionArns=[arn]),
                "InvalidParameterException", "Invalid service revision ARN: %s" % arn)
        unknown = arn.rsplit("/", 1)[0] + "/NoSuchDeployment00000"
        assert ecs.describe_service_deployments(serviceDeploymentArns=[unknown])["failures"] == \
            [{"arn": unknown, "reason": "MISSING"}]
        refused(lambda: ecs.stop_service_deployment(serviceDeploymentArn=unknown),
                "ServiceDeploymentNotFoundException", "The service deployment %s does not exist." % unknown)
        refused(lambda: ecs.stop_service_deployment(serviceDeploymentArn="arn:aws:ecs:us-east-1:1:x"),
                "InvalidParameterException", "Invalid service deployment ARN: arn:aws:ecs:us-east-1:1:x")
        refused(lambda: ecs.stop_service_deployment(serviceDeploymentArn=arn, stopType="ROLLBACK"),
                "ConflictException", "The service deployment %s has no earlier successful service revision to "
                                     "roll back to." % arn)

        backend, service = service_record()
        complete(service, service.deployments[0])
        refused(lambda: ecs.stop_service_deployment(serviceDeploymentArn=arn, stopType="ABORT"),
                "ConflictException", "The service deployment %s is SUCCESSFUL: only a deployment in progress can "
                                     "be stopped." % arn)


def test_stop_rollback_on_a_rolling_deployment_goes_back_to_the_last_successful_revision(tmp_path):
    with in_process(tmp_path) as plane:
        ecs = boto3.client("ecs")
        backend, service, first_revision, arn = an_update_in_progress(ecs)

        assert ecs.stop_service_deployment(serviceDeploymentArn=arn, stopType="ROLLBACK")["serviceDeploymentArn"] == arn
        assert described(ecs, [arn])[0]["status"] == "ROLLBACK_REQUESTED"
        assert ecs.stop_service_deployment(serviceDeploymentArn=arn)["serviceDeploymentArn"] == arn, \
            "a stop of a deployment already stopping goes on"

        service_deployments.on_pass(plane, service)   # the scheduler's next pass
        rolled, failed = service.deployments[0], service.deployments[1]
        assert rolled["taskDefinition"].endswith("web:1") and rolled["status"] == "PRIMARY"
        assert failed["rolloutState"] == "FAILED" and failed["status"] == "ACTIVE"
        assert service.task_definition.endswith("web:1")
        [deployment] = described(ecs, [arn])
        assert deployment["status"] == "ROLLBACK_IN_PROGRESS"
        assert deployment["rollback"]["serviceRevisionArn"] == first_revision
        assert deployment["rollback"]["reason"] == "A rollback was requested with StopServiceDeployment."
        assert "stoppedAt" in deployment
        assert len(listed(ecs)) == 2, "a rollback is part of the deployment it rolls back, no new one"
        current = ecs.describe_services(cluster="c", services=["web"])["services"][0]
        assert current["currentServiceDeployment"] == arn
        assert [r["arn"] for r in current["currentServiceRevisions"]][0] == first_revision

        complete(service, rolled)
        service.deployments.remove(failed)   # its tasks are gone
        [deployment] = described(ecs, [arn])
        assert deployment["status"] == "ROLLBACK_SUCCESSFUL" and "finishedAt" in deployment
        assert listed(ecs, status=["ROLLBACK_SUCCESSFUL"])[0]["serviceDeploymentArn"] == arn


def test_stop_abort_on_a_rolling_deployment_stops_it_where_it_is(tmp_path):
    with in_process(tmp_path) as plane:
        ecs = boto3.client("ecs")
        backend, service, _, arn = an_update_in_progress(ecs)
        ecs.stop_service_deployment(serviceDeploymentArn=arn, stopType="ABORT")
        assert described(ecs, [arn])[0]["status"] == "STOP_REQUESTED"
        service_deployments.on_pass(plane, service)
        assert [d["taskDefinition"].rsplit(":", 1)[1] for d in service.deployments] == ["2", "1"], "no new deployment"
        assert service.deployments[0]["rolloutState"] == "FAILED" and service.deployments[0]["status"] == "PRIMARY"
        [deployment] = described(ecs, [arn])
        assert deployment["status"] == "STOPPED" and "stoppedAt" in deployment and "finishedAt" in deployment
        assert "rollback" not in deployment
        refused(lambda: ecs.stop_service_deployment(serviceDeploymentArn=arn, stopType="ROLLBACK"),
                "ConflictException", "The service deployment %s is STOPPED: only a deployment in progress can be "
                                     "stopped." % arn)


def test_a_stop_that_a_newer_deployment_overtakes_leaves_the_deployment_stopped(tmp_path):
    with in_process(tmp_path) as plane:
        ecs = boto3.client("ecs")
        backend, service, _, arn = an_update_in_progress(ecs)
        ecs.stop_service_deployment(serviceDeploymentArn=arn, stopType="ROLLBACK")
        ecs.update_service(cluster="c", service="web", forceNewDeployment=True)
        service_deployments.on_pass(plane, service)
        assert [d["taskDefinition"].rsplit(":", 1)[1] for d in service.deployments] == ["2", "2", "1"], \
            "the newer deployment, not a rollback"
        [stopped] = described(ecs, [arn])
        assert stopped["status"] == "STOPPED" and "rollback" not in stopped
        assert stopped["statusReason"] == "A newer deployment of the service replaced this one before it finished."


def test_the_circuit_breaker_s_rollback_is_the_failed_deployment_s(tmp_path):
    with in_process(tmp_path) as plane:
        ecs = boto3.client("ecs")
        backend, service, first_revision, arn = an_update_in_progress(ecs, deploymentConfiguration={
            "deploymentCircuitBreaker": {"enable": True, "rollback": True}})
        broken = service.deployments[0]
        from mysfits_sandbox.tasks import ManagedTask
        for _ in range(3):
            plane._count_failure(ManagedTask(None, backend, None, service, broken["id"]))
        [deployment] = described(ecs, [arn])
        assert deployment["status"] == "ROLLBACK_IN_PROGRESS"
        assert deployment["rollback"]["reason"] == "ECS deployment circuit breaker: tasks failed to start."
        assert deployment["rollback"]["serviceRevisionArn"] == first_revision
        assert deployment["deploymentCircuitBreaker"] == {"status": "TRIGGERED", "failureCount": 3, "threshold": 3}
        complete(service, service.deployments[0])
        service.deployments.remove(broken)
        assert described(ecs, [arn])[0]["status"] == "ROLLBACK_SUCCESSFUL"
        assert len(listed(ecs)) == 2


def test_the_strategies_keys_show_as_stage_weights_and_rollback(tmp_path):
    """What S-strategy's blue/green, canary and linear set on the deployment dicts, set here by hand."""
    with in_process(tmp_path):
        ecs = boto3.client("ecs")
        a_service(ecs, images=("x", "y"), desired=2, deploymentConfiguration={
            "strategy": "CANARY", "bakeTimeInMinutes": 0,
            "canaryConfiguration": {"canaryPercent": 10.0, "canaryBakeTimeInMinutes": 1},
            "alarms": {"alarmNames": ["errors"], "enable": True, "rollback": True}})
        backend, service = service_record()
        complete(service, service.deployments[0])
        blue = service.deployments[0]
        arn = ecs.update_service(cluster="c", service="web", taskDefinition="web:2")["service"]["currentServiceDeployment"]
        green = service.deployments[0]
        blue["runningCount"], green["runningCount"] = 2, 2
        green.update({"_lifecycleStage": "PRODUCTION_TRAFFIC_SHIFT", "_productionWeight": 10, "_testWeight": 100})

        [deployment] = described(ecs, [arn])
        assert deployment["status"] == "IN_PROGRESS" and deployment["lifecycleStage"] == "PRODUCTION_TRAFFIC_SHIFT"
        assert deployment["targetServiceRevision"]["requestedProductionTrafficWeight"] == 10.0
        assert deployment["targetServiceRevision"]["requestedTestTrafficWeight"] == 100.0
        [source] = deployment["sourceServiceRevisions"]
        assert source["requestedProductionTrafficWeight"] == 90.0 and source["requestedTestTrafficWeight"] == 0.0
        assert source["requestedTaskCount"] == 2 and source["runningTaskCount"] == 2, "blue keeps its tasks"
        assert deployment["alarms"] == {"status": "MONITORING", "alarmNames": ["errors"], "triggeredAlarmNames": []}
        assert deployment["deploymentConfiguration"]["canaryConfiguration"] == \
            {"canaryPercent": 10.0, "canaryBakeTimeInMinutes": 1}
        current = ecs.describe_services(cluster="c", services=["web"])["services"][0]["currentServiceRevisions"]
        assert [(r["requestedTaskCount"], r["runningTaskCount"]) for r in current] == [(2, 2), (2, 2)], \
            "both revisions hold their tasks until CLEAN_UP"

        green.update({"rolloutState": "FAILED", "_productionWeight": 0,
                      "_rollback": {"reason": "CloudWatch alarm errors is in ALARM: rolled back",
                                    "startedAt": green["createdAt"], "toDeploymentId": blue["id"]}})
        [deployment] = described(ecs, [arn])
        assert deployment["status"] == "ROLLBACK_IN_PROGRESS", "green's tasks still run"
        assert deployment["alarms"]["status"] == "TRIGGERED" and deployment["alarms"]["triggeredAlarmNames"] == ["errors"]
        green["runningCount"] = 0
        [deployment] = described(ecs, [arn])
        assert deployment["status"] == "ROLLBACK_SUCCESSFUL"
        assert deployment["rollback"]["reason"] == "CloudWatch alarm errors is in ALARM: rolled back"
        started = green["createdAt"].replace(tzinfo=datetime.timezone.utc).timestamp()
        assert abs(deployment["rollback"]["startedAt"].timestamp() - started) < 0.001

        # A stop of a non-rolling deployment is the strategy's to carry out: the request stays on the dict.
        complete(service, blue)
        arn = ecs.update_service(cluster="c", service="web", forceNewDeployment=True)["service"]["currentServiceDeployment"]
        ecs.stop_service_deployment(serviceDeploymentArn=arn, stopType="ROLLBACK")
        assert service.deployments[0]["_stopRequested"] == "ROLLBACK"
        assert described(ecs, [arn])[0]["status"] == "ROLLBACK_REQUESTED"


def test_a_deleted_service_keeps_its_deployments_but_not_its_revisions(tmp_path):
    with in_process(tmp_path):
        ecs = boto3.client("ecs")
        created = a_service(ecs, desired=0)
        revision = created["currentServiceRevisions"][0]["arn"]
        ecs.delete_service(cluster="c", service="web")
        [deployment] = listed(ecs)
        assert deployment["status"] == "STOPPED"
        assert ecs.describe_service_revisions(serviceRevisionArns=[revision])["failures"] == \
            [{"arn": revision, "reason": "MISSING"}]


def test_a_moto_reset_forgets_them(tmp_path):
    with in_process(tmp_path):
        ecs = boto3.client("ecs")
        arn = a_service(ecs)["currentServiceDeployment"]
        from moto.moto_api._internal.models import moto_api_backend
        moto_api_backend.reset()
        ecs.create_cluster(clusterName="c")
        assert ecs.describe_service_deployments(serviceDeploymentArns=[arn])["failures"] == \
            [{"arn": arn, "reason": "MISSING"}]


def test_a_tag_the_sandbox_s_ecr_knows_is_resolved_to_its_digest(tmp_path):
    with in_process(tmp_path):
        ecs, ecr_client = boto3.client("ecs"), boto3.client("ecr")
        ecr_client.create_repository(repositoryName="mysfits/like")
        manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                               "config": {"digest": "sha256:" + "cd" * 32, "size": 2}, "layers": []})
        pushed = ecr_client.put_image(repositoryName="mysfits/like", imageManifest=manifest, imageTag="v1")
        digest = pushed["image"]["imageId"]["imageDigest"]
        image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/mysfits/like:v1"
        unknown = "123456789012.dkr.ecr.us-east-1.amazonaws.com/mysfits/like:v2"
        created = a_service(ecs, images=(image,))
        ecs.register_task_definition(family="other", containerDefinitions=[{"name": "web", "image": unknown,
                                                                            "memory": 64}])
        ecs.update_service(cluster="c", service="web", taskDefinition="other:1")
        [new, old] = ecs.describe_service_revisions(serviceRevisionArns=[
            d["targetServiceRevisionArn"] for d in listed(ecs)])["serviceRevisions"]
        assert old["containerImages"][0] == {"containerName": "web", "image": image, "imageDigest": digest}
        assert new["containerImages"] == [{"containerName": "web", "image": unknown}], "a tag ECR does not hold"
        assert created["currentServiceRevisions"][0]["arn"] == old["serviceRevisionArn"]


# ------------------------------------------------------------------ through a server, with real tasks

def fargate_service(ecs, ec2, name, commands, breaker=None, desired=1):
    """A Fargate service of `name` whose revisions run these commands (one task definition revision each)."""
    subnet = ec2.describe_subnets(Filters=[{"Name": "default-for-az", "Values": ["true"]}])["Subnets"][0]["SubnetId"]
    ecs.create_cluster(clusterName=name)
    for command in commands:
        ecs.register_task_definition(family=name, requiresCompatibilities=["FARGATE"], networkMode="awsvpc",
                                     cpu="256", memory="512", containerDefinitions=[{
                                         "name": "app", "image": "debian:bookworm-slim", "command": command}])
    configuration = {"deploymentCircuitBreaker": breaker or {"enable": False, "rollback": False},
                     "minimumHealthyPercent": 100, "maximumPercent": 200}
    return ecs.create_service(cluster=name, serviceName=name, taskDefinition="%s:1" % name, desiredCount=desired,
                              launchType="FARGATE", deploymentConfiguration=configuration, networkConfiguration={
                                  "awsvpcConfiguration": {"subnets": [subnet], "assignPublicIp": "ENABLED"}})["service"]


SLEEP = ["sleep", "600"]
CRASH = ["sh", "-c", "exit 3"]


def statuses(ecs, name):
    return [d["status"] for d in ecs.list_service_deployments(cluster=name, service=name)["serviceDeployments"]]


def until(ecs, name, wanted, seconds=90):
    def check():
        seen = statuses(ecs, name)
        assert seen == wanted, seen
        return seen
    return eventually(check, seconds)


def running_revisions(ecs, name):
    arns = ecs.list_tasks(cluster=name, serviceName=name)["taskArns"]
    if not arns:
        return []
    return sorted(t["taskDefinitionArn"].rsplit(":", 1)[1] for t in ecs.describe_tasks(cluster=name, tasks=arns)["tasks"]
                  if t["lastStatus"] == "RUNNING")


def stop_all(ecs, name):
    ecs.update_service(cluster=name, service=name, desiredCount=0)
    ecs.delete_service(cluster=name, service=name, force=True)


@pytest.mark.docker
def test_through_the_server_an_update_is_a_second_deployment_and_the_first_successful(server):
    url = server[0]
    ecs, ec2 = client(url, "ecs"), client(url, "ec2")
    created = fargate_service(ecs, ec2, "sd-update", [SLEEP, ["sleep", "601"]])
    first = created["currentServiceDeployment"]
    until(ecs, "sd-update", ["SUCCESSFUL"])
    second = ecs.update_service(cluster="sd-update", service="sd-update",
                                taskDefinition="sd-update:2")["service"]["currentServiceDeployment"]
    assert statuses(ecs, "sd-update") == ["IN_PROGRESS", "SUCCESSFUL"]
    until(ecs, "sd-update", ["SUCCESSFUL", "SUCCESSFUL"])
    listed_now = ecs.list_service_deployments(cluster="sd-update", service="sd-update")["serviceDeployments"]
    assert [d["serviceDeploymentArn"] for d in listed_now] == [second, first]
    [new, old] = ecs.describe_service_deployments(serviceDeploymentArns=[second, first])["serviceDeployments"]
    assert new["targetServiceRevision"]["runningTaskCount"] == 1
    assert new["sourceServiceRevisions"][0]["arn"] == old["targetServiceRevision"]["arn"]
    assert new["sourceServiceRevisions"][0]["runningTaskCount"] == 0, "the old task is gone"
    assert new["finishedAt"] >= new["startedAt"]
    revisions = ecs.describe_service_revisions(serviceRevisionArns=[new["targetServiceRevision"]["arn"],
                                                                    old["targetServiceRevision"]["arn"]])
    assert [r["taskDefinition"].rsplit("/", 1)[1] for r in revisions["serviceRevisions"]] == \
        ["sd-update:2", "sd-update:1"]
    assert revisions["serviceRevisions"][0]["containerImages"] == [{"containerName": "app",
                                                                     "image": "debian:bookworm-slim"}]
    service = ecs.describe_services(cluster="sd-update", services=["sd-update"])["services"][0]
    assert service["currentServiceDeployment"] == second
    assert service["currentServiceRevisions"] == [{"arn": new["targetServiceRevision"]["arn"], "requestedTaskCount": 1,
                                                   "runningTaskCount": 1, "pendingTaskCount": 0}]
    assert running_revisions(ecs, "sd-update") == ["2"]
    stop_all(ecs, "sd-update")


@pytest.mark.docker
def test_through_the_server_the_circuit_breaker_s_rollback_ends_rollback_successful(server):
    url = server[0]
    ecs, ec2 = client(url, "ecs"), client(url, "ec2")
    fargate_service(ecs, ec2, "sd-breaker", [SLEEP, CRASH], breaker={"enable": True, "rollback": True})
    until(ecs, "sd-breaker", ["SUCCESSFUL"])
    arn = ecs.update_service(cluster="sd-breaker", service="sd-breaker",
                             taskDefinition="sd-breaker:2")["service"]["currentServiceDeployment"]
    until(ecs, "sd-breaker", ["ROLLBACK_SUCCESSFUL", "SUCCESSFUL"], seconds=120)
    [deployment] = ecs.describe_service_deployments(serviceDeploymentArns=[arn])["serviceDeployments"]
    assert deployment["rollback"]["reason"] == "ECS deployment circuit breaker: tasks failed to start."
    first = ecs.list_service_deployments(cluster="sd-breaker", service="sd-breaker")["serviceDeployments"][1]
    assert deployment["rollback"]["serviceRevisionArn"] == first["targetServiceRevisionArn"]
    assert deployment["deploymentCircuitBreaker"]["status"] == "TRIGGERED"
    assert deployment["deploymentCircuitBreaker"]["failureCount"] >= 3
    service = ecs.describe_services(cluster="sd-breaker", services=["sd-breaker"])["services"][0]
    assert service["taskDefinition"].endswith("sd-breaker:1")
    assert [r["arn"] for r in service["currentServiceRevisions"]] == [first["targetServiceRevisionArn"]]
    assert running_revisions(ecs, "sd-breaker") == ["1"]
    stop_all(ecs, "sd-breaker")


@pytest.mark.docker
def test_through_the_server_stop_rollback_on_a_rolling_deployment_brings_the_old_revision_back(server):
    url = server[0]
    ecs, ec2 = client(url, "ecs"), client(url, "ec2")
    fargate_service(ecs, ec2, "sd-stop", [SLEEP, CRASH])
    until(ecs, "sd-stop", ["SUCCESSFUL"])
    arn = ecs.update_service(cluster="sd-stop", service="sd-stop",
                             taskDefinition="sd-stop:2")["service"]["currentServiceDeployment"]
    # Without the circuit breaker a crashing revision never finishes: the deployment stays in progress.
    eventually(lambda: ecs.describe_service_deployments(serviceDeploymentArns=[arn])["serviceDeployments"][0]
               ["targetServiceRevision"]["arn"] and _failed_at_least(ecs, "sd-stop", 1), 60)
    assert statuses(ecs, "sd-stop") == ["IN_PROGRESS", "SUCCESSFUL"]
    assert ecs.stop_service_deployment(serviceDeploymentArn=arn, stopType="ROLLBACK")["serviceDeploymentArn"] == arn
    until(ecs, "sd-stop", ["ROLLBACK_SUCCESSFUL", "SUCCESSFUL"], seconds=60)
    [deployment] = ecs.describe_service_deployments(serviceDeploymentArns=[arn])["serviceDeployments"]
    assert deployment["rollback"]["reason"] == "A rollback was requested with StopServiceDeployment."
    assert deployment["stoppedAt"] >= deployment["startedAt"]
    service = ecs.describe_services(cluster="sd-stop", services=["sd-stop"])["services"][0]
    assert service["taskDefinition"].endswith("sd-stop:1")
    assert [d["taskDefinition"].rsplit(":", 1)[1] for d in service["deployments"]] == ["1"]
    assert running_revisions(ecs, "sd-stop") == ["1"]
    refused(lambda: ecs.stop_service_deployment(serviceDeploymentArn=arn, stopType="ROLLBACK"),
            "ConflictException", "The service deployment %s is ROLLBACK_SUCCESSFUL: only a deployment in progress "
                                 "can be stopped." % arn)
    stop_all(ecs, "sd-stop")


def _failed_at_least(ecs, name, count):
    primary = ecs.describe_services(cluster=name, services=[name])["services"][0]["deployments"][0]
    assert primary["failedTasks"] >= count, primary
    return True


@pytest.mark.docker
def test_through_the_server_stop_abort_leaves_the_deployment_where_it_is(server):
    url = server[0]
    ecs, ec2 = client(url, "ecs"), client(url, "ec2")
    fargate_service(ecs, ec2, "sd-abort", [SLEEP, CRASH])
    until(ecs, "sd-abort", ["SUCCESSFUL"])
    arn = ecs.update_service(cluster="sd-abort", service="sd-abort",
                             taskDefinition="sd-abort:2")["service"]["currentServiceDeployment"]
    eventually(lambda: _failed_at_least(ecs, "sd-abort", 1), 60)
    ecs.stop_service_deployment(serviceDeploymentArn=arn, stopType="ABORT")
    until(ecs, "sd-abort", ["STOPPED", "SUCCESSFUL"], seconds=10)
    service = ecs.describe_services(cluster="sd-abort", services=["sd-abort"])["services"][0]
    assert service["taskDefinition"].endswith("sd-abort:2"), "no rollback"
    assert service["deployments"][0]["rolloutState"] == "FAILED"
    failed = service["deployments"][0]["failedTasks"]
    time.sleep(3)
    later = ecs.describe_services(cluster="sd-abort", services=["sd-abort"])["services"][0]
    assert later["deployments"][0]["failedTasks"] == failed, "a stopped deployment starts no more tasks"
    assert running_revisions(ecs, "sd-abort") == ["1"], "the old revision's task serves on"
    stop_all(ecs, "sd-abort")


@pytest.mark.docker
def test_through_the_server_the_aws_cli_lists_them(server):
    url = server[0]
    ecs, ec2 = client(url, "ecs"), client(url, "ec2")
    created = fargate_service(ecs, ec2, "sd-cli", [SLEEP])
    until(ecs, "sd-cli", ["SUCCESSFUL"])
    env = dict(os.environ, AWS_ACCESS_KEY_ID="k", AWS_SECRET_ACCESS_KEY="s", AWS_DEFAULT_REGION="us-east-1",
               AWS_PAGER="")
    listing = subprocess.run(["aws", "--endpoint-url", url, "ecs", "list-service-deployments", "--cluster", "sd-cli",
                              "--service", "sd-cli", "--status", "SUCCESSFUL", "--output", "json"],
                             capture_output=True, text=True, env=env, timeout=60)
    assert listing.returncode == 0, listing.stderr
    [deployment] = json.loads(listing.stdout)["serviceDeployments"]
    assert deployment["serviceDeploymentArn"] == created["currentServiceDeployment"]
    assert deployment["status"] == "SUCCESSFUL"
    missing = subprocess.run(["aws", "--endpoint-url", url, "ecs", "stop-service-deployment",
                              "--service-deployment-arn", created["currentServiceDeployment"]],
                             capture_output=True, text=True, env=env, timeout=60)
    assert missing.returncode != 0
    assert "An error occurred (ConflictException) when calling the StopServiceDeployment operation: The service " \
           "deployment %s is SUCCESSFUL" % created["currentServiceDeployment"] in missing.stderr, missing.stderr
    stop_all(ecs, "sd-cli")
