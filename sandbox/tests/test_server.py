"""The real server, as scripts/sandbox starts it: moto's API with the data plane, the fault switch on its port,
and nothing left behind after SIGTERM. Needs the Docker engine (scripts/test starts it)."""
import json
import signal
import urllib.request

import botocore.exceptions
import docker
import pytest

from conftest import client

pytestmark = pytest.mark.docker


def faults(url, method, setting=None):
    data = json.dumps(setting).encode() if setting is not None else None
    request = urllib.request.Request(url + "/mysfits-sandbox/faults", data=data, method=method)
    return json.load(urllib.request.urlopen(request, timeout=5))


def test_fault_switch_answers_throttling_and_resets_then_turns_off(server):
    url = server[0]
    ecs = client(url, "ecs")
    faults(url, "POST", {"rate": 1.0, "seed": 1, "services": ["ecs"], "kinds": ["throttle"]})
    with pytest.raises(botocore.exceptions.ClientError) as throttled:
        ecs.list_clusters()
    assert throttled.value.response["Error"]["Code"] == "ThrottlingException"
    client(url, "sts").get_caller_identity()  # other services are left alone
    faults(url, "POST", {"rate": 1.0, "seed": 1, "services": ["ecs"], "kinds": ["reset"]})
    with pytest.raises((botocore.exceptions.ConnectionError, botocore.exceptions.ConnectionClosedError)):
        ecs.create_cluster(clusterName="made-before-the-reset")
    report = faults(url, "DELETE")
    assert report["rate"] == 0
    # The reset came after moto handled the call: the cluster exists, which is what makes resets hard for clients.
    assert ecs.describe_clusters(clusters=["made-before-the-reset"])["clusters"][0]["status"] == "ACTIVE"


def test_load_balancer_names_go_to_the_hosts_file_and_sigterm_leaves_nothing(server):
    url, port, hosts, process = server
    ec2, elb = client(url, "ec2"), client(url, "elbv2")
    subnets = [s["SubnetId"] for s in ec2.describe_subnets()["Subnets"]][:2]
    dns = elb.create_load_balancer(Name="srv-test", Subnets=subnets)["LoadBalancers"][0]["DNSName"]
    assert "%s # mysfits-sandbox:%d" % (dns, port) in hosts.read_text()
    engine = docker.from_env()
    assert engine.networks.list(names=["mysfits-sandbox-%d" % port])
    process.send_signal(signal.SIGTERM)
    process.wait(30)
    assert hosts.read_text() == "127.0.0.1 localhost\n"
    assert not engine.networks.list(names=["mysfits-sandbox-%d" % port])

