"""The real server, as scripts/sandbox starts it: moto's API with the data plane, the fault switch on its port,
and nothing left behind after SIGTERM. Needs the Docker engine (scripts/test starts it)."""
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import boto3
import botocore.exceptions
import docker
import pytest
from botocore.config import Config

SANDBOX = os.path.join(os.path.dirname(__file__), "..")
pytestmark = pytest.mark.docker


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = free_port()
    hosts = tmp_path_factory.mktemp("etc") / "hosts"
    hosts.write_text("127.0.0.1 localhost\n")
    env = dict(os.environ, PYTHONPATH=SANDBOX, MYSFITS_SANDBOX_HOSTS_FILE=str(hosts))
    log = open(tmp_path_factory.mktemp("log") / "moto.log", "w")
    process = subprocess.Popen([sys.executable, "-m", "mysfits_sandbox", "-H", "127.0.0.1", "-p", str(port)],
                               env=env, stdout=log, stderr=subprocess.STDOUT)
    url = "http://127.0.0.1:%d" % port
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/moto-api/", timeout=1)
            break
        except OSError:
            assert process.poll() is None, "the server exited: see " + log.name
            time.sleep(0.2)
    yield url, port, hosts, process
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        process.wait(30)


def client(url, service):
    return boto3.client(service, endpoint_url=url, region_name="us-east-1", aws_access_key_id="k",
                        aws_secret_access_key="s", config=Config(retries={"max_attempts": 1}))


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

