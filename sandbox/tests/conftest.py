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
    with servers(tmp_path_factory, {}) as [started]:
        yield started


@contextlib.contextmanager
def servers(tmp_path_factory, *environments):
    """Real servers on free ports, one per dict of variables over this process's environment, started side by side.
    Each yields as (url, port, hosts file, process)."""
    started = []
    try:
        for variables in environments:
            port = free_port()
            hosts = tmp_path_factory.mktemp("etc") / "hosts"
            hosts.write_text("127.0.0.1 localhost\n")
            env = dict(os.environ, PYTHONPATH=SANDBOX, MYSFITS_SANDBOX_HOSTS_FILE=str(hosts), **variables)
            log = open(tmp_path_factory.mktemp("log") / "moto.log", "w")
            process = subprocess.Popen([sys.executable, "-m", "mysfits_sandbox", "-H", "127.0.0.1", "-p", str(port)],
                                       env=env, stdout=log, stderr=subprocess.STDOUT)
            started.append(("http://127.0.0.1:%d" % port, port, hosts, process, log))
        deadline = time.monotonic() + 60
        for url, port, hosts, process, log in started:
            while True:
                try:
                    urllib.request.urlopen(url + "/moto-api/", timeout=1)
                    break
                except OSError:
                    assert process.poll() is None, "the server exited: see " + log.name
                    assert time.monotonic() < deadline, "the server did not answer within 60 s: see " + log.name
                    time.sleep(0.2)
        yield [(url, port, hosts, process) for url, port, hosts, process, log in started]
    finally:
        for url, port, hosts, process, log in started:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for url, port, hosts, process, log in started:
            try:
                process.wait(30)
            finally:
                log.close()


def eventually(check, seconds=3):
    """check()'s answer once it stops failing (an assertion, an empty list, an AWS refusal), within seconds."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return check()
        except (AssertionError, IndexError, botocore.exceptions.ClientError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


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


SUMMARIES = []  # (title, lines) that tests leave for the end of the run, e.g. a table of what they measured


def pytest_terminal_summary(terminalreporter):
    for title, lines in SUMMARIES:
        terminalreporter.write_sep("-", title)
        for line in lines:
            terminalreporter.write_line(line)
