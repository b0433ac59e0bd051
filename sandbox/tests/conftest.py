import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import contextlib

import boto3
import botocore.exceptions
import pytest
from botocore.config import Config

SANDBOX = os.path.join(os.path.dirname(__file__), "..")

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
os.environ["AWS_DEFAULT_REGION"] = "us-east-1"
# The in-process mocks intercept calls to AWS itself: a sandbox endpoint in the environment would bypass them.
for variable in ("AWS_ENDPOINT_URL", "AWS_PROFILE", "AWS_REGION"):
    os.environ.pop(variable, None)


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




@contextlib.contextmanager
def ecs_hooks(settings):
    """The data plane's ECS hooks as the server lays them: first the plane's, then moto_fixes on top. Taken off
    again afterwards: the plane's hooks wrap whatever is there, so a second plane in this process would hook twice."""
    from moto.ecs.models import EC2ContainerServiceBackend
    from moto.ecs.responses import EC2ContainerServiceResponse
    from mysfits_sandbox import moto_fixes
    from mysfits_sandbox.ecs import EcsPlane
    from mysfits_sandbox.elb import LoadBalancing
    from mysfits_sandbox.placement import Placement
    with restored(EC2ContainerServiceBackend, EC2ContainerServiceResponse):
        balancing = LoadBalancing(settings)
        plane = EcsPlane(settings, None, balancing, Placement(balancing))
        plane.install()
        moto_fixes.install()
        yield plane


@contextlib.contextmanager
def restored(*classes):
    """Whatever hooks are laid on these classes inside, they are as before afterwards: no other test meets them."""
    saved = {cls: dict(vars(cls)) for cls in classes}
    try:
        yield
    finally:
        for cls, attributes in saved.items():
            for name in set(vars(cls)) - set(attributes):
                delattr(cls, name)
            for name, value in attributes.items():
                if vars(cls).get(name) is not value:
                    setattr(cls, name, value)


def refused(call, code, message):
    with pytest.raises(botocore.exceptions.ClientError) as error:
        call()
    assert error.value.response["Error"]["Code"] == code
    assert error.value.response["Error"]["Message"] == message
    assert error.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
