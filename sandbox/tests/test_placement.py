"""Container instances: EC2 instances whose user data sets ECS_CLUSTER join it; tasks go where they fit."""
import base64

import boto3
from moto import mock_aws

from mysfits_sandbox.elb import LoadBalancing
from mysfits_sandbox.placement import Placement, cluster_from_user_data
from mysfits_sandbox.settings import Settings

USER_DATA = "#!/bin/bash\necho ECS_CLUSTER=workshop >> /etc/ecs/ecs.config\n"


def test_cluster_is_read_from_plain_or_base64_user_data():
    assert cluster_from_user_data(USER_DATA) == "workshop"
    assert cluster_from_user_data(base64.b64encode(USER_DATA.encode()).decode()) == "workshop"
    assert cluster_from_user_data("#!/bin/bash\necho hello\n") is None
    assert cluster_from_user_data(None) is None


def cluster_with_two_instances():
    """A cluster 'workshop' and two t3.small instances whose user data joins them to it."""
    placement = Placement(LoadBalancing(Settings.for_port(5999, "/dev/null")))
    placement.install()
    ecs, ec2 = boto3.client("ecs"), boto3.client("ec2")
    ecs.create_cluster(clusterName="workshop")
    ami = ec2.describe_images()["Images"][0]["ImageId"]
    ec2.run_instances(ImageId=ami, MinCount=2, MaxCount=2, InstanceType="t3.small", UserData=USER_DATA)
    return placement, ecs, ec2, ami


@mock_aws
def test_instances_join_with_their_type_resources_and_tasks_are_placed_where_they_fit():
    placement, ecs, ec2, ami = cluster_with_two_instances()
    ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.small", UserData="#!/bin/bash\n")
    arns = ecs.list_container_instances(cluster="workshop")["containerInstanceArns"]
    assert len(arns) == 2  # the instance without ECS_CLUSTER stays out
    described = ecs.describe_container_instances(cluster="workshop", containerInstances=arns)["containerInstances"]
    memory = {r["name"]: r["integerValue"] for r in described[0]["registeredResources"] if r["name"] in ("CPU", "MEMORY")}
    assert memory == {"CPU": 2048, "MEMORY": 1900}

    from moto.ecs.models import ecs_backends
    backend = ecs_backends["123456789012"]["us-east-1"]
    big = {"CPU": 0, "MEMORY": 1500, "PORTS": [], "PORTS_UDP": []}
    assert placement.place(backend, "workshop", big) is not None
    assert placement.place(backend, "workshop", big) is not None  # the second instance
    assert placement.place(backend, "workshop", big) is None      # nothing has 1500 MiB left
    assert "insufficient memory" in placement.why_not(backend, "workshop", big)
    assert "No Container Instances" in placement.why_not(backend, "empty", big)

    instance_ids = [d["ec2InstanceId"] for d in described]
    ec2.terminate_instances(InstanceIds=instance_ids)
    assert ecs.list_container_instances(cluster="workshop")["containerInstanceArns"] == []


@mock_aws
def test_tasks_spread_over_the_instances():
    placement, _, _, _ = cluster_with_two_instances()
    from moto.ecs.models import ecs_backends
    backend = ecs_backends["123456789012"]["us-east-1"]
    small = {"CPU": 0, "MEMORY": 128, "PORTS": [], "PORTS_UDP": []}
    placed = [placement.place(backend, "workshop", small)[1] for _ in range(4)]
    assert len(set(placed)) == 2 and placed.count(placed[0]) == 2
