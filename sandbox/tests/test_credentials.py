"""The task role's credentials as ECS hands them to a task (credentials.py): the agent's answer on the relative URI,
credentials moto takes as the role's, the sandbox's AWS endpoint behind the same server, and inside a task's
container the ECS address 169.254.170.2 leading there."""
import json
import time
import urllib.error
import urllib.request

import boto3
import docker
import pytest
from botocore.credentials import ContainerProvider
from moto.server import ThreadedMotoServer

from conftest import client, free_port
from mysfits_sandbox.credentials import TaskCredentials

ROLE = "arn:aws:iam::123456789012:role/ws-task-monolith"
TASK = "arn:aws:ecs:us-east-1:123456789012:task/ws/0123456789abcdef0123456789abcdef"


@pytest.fixture
def endpoint():
    """A moto in this process (the credentials come from its STS) behind the credentials server, both on loopback."""
    moto_port = free_port()
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=moto_port, verbose=False)
    moto.start()
    credentials = TaskCredentials(moto_port)
    credentials.start("127.0.0.1", free_port())
    try:
        yield credentials
    finally:
        credentials.close()
        moto.stop()


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def test_the_relative_uri_answers_the_task_roles_credentials_in_the_agents_shape(endpoint):
    relative = endpoint.register("123456789012", ROLE, TASK)

    status, body = get(endpoint.url() + relative)

    assert relative.startswith("/v2/credentials/")
    assert status == 200
    assert set(body) == {"RoleArn", "AccessKeyId", "SecretAccessKey", "Token", "Expiration"}
    assert body["RoleArn"] == ROLE
    assert body["AccessKeyId"].startswith("ASIA"), "temporary credentials, as STS makes them"
    expires = time.mktime(time.strptime(body["Expiration"], "%Y-%m-%dT%H:%M:%SZ")) - time.timezone
    assert expires > time.time() + 3600, "valid for hours, as the agent's: " + body["Expiration"]


def test_moto_takes_them_as_the_roles_and_the_same_server_is_the_aws_endpoint(endpoint):
    body = get(endpoint.url() + endpoint.register("123456789012", ROLE, TASK))[1]
    sts = boto3.client("sts", endpoint_url=endpoint.url(), region_name="us-east-1", aws_access_key_id=body["AccessKeyId"],
                       aws_secret_access_key=body["SecretAccessKey"], aws_session_token=body["Token"])

    arn = sts.get_caller_identity()["Arn"]

    assert arn.startswith("arn:aws:sts::123456789012:assumed-role/ws-task-monolith/ecs-task-"), arn


def test_the_sdks_container_provider_reads_them(endpoint, monkeypatch):
    relative = endpoint.register("123456789012", ROLE, TASK)
    # The SDK's own reader, told the full URI (loopback is allowed): it parses the agent's answer.
    monkeypatch.setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", endpoint.url() + relative)

    credentials = ContainerProvider().load()

    assert credentials is not None
    frozen = credentials.get_frozen_credentials()
    assert frozen.access_key.startswith("ASIA") and frozen.token


def test_an_unknown_or_stopped_tasks_id_is_refused_as_the_agent_does(endpoint):
    relative = endpoint.register("123456789012", ROLE, TASK)
    assert get(endpoint.url() + "/v2/credentials/made-up")[0] == 400

    endpoint.forget(TASK)

    status, body = get(endpoint.url() + relative)
    assert status == 400
    assert body["code"] == "InvalidIdInRequest"


@pytest.mark.docker
def test_a_tasks_container_gets_its_roles_credentials_from_169_254_170_2(server):
    url, port = server[0], server[1]
    ecs, ec2, iam = client(url, "ecs"), client(url, "ec2"), client(url, "iam")
    engine = docker.from_env()
    base = next(t for i in engine.images.list() for t in i.tags if t.startswith("debian:"))
    role = iam.create_role(RoleName="cred-test-task", AssumeRolePolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"},
                                                "Action": "sts:AssumeRole"}]}))["Role"]["Arn"]
    # What an SDK does, with bash alone: GET http://169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI. The route
    # is laid in the first milliseconds after the container starts (credentials.py), so this asks until it answers.
    fetch = ('for i in $(seq 40); do exec 3<>/dev/tcp/169.254.170.2/80 && printf "GET %s HTTP/1.0\\r\\nHost: x\\r\\n\\r\\n" '
             '"$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI" >&3 && answer=$(cat <&3); case "$answer" in *AccessKeyId*) break;; esac;'
             ' sleep 0.25; done; echo "$answer"; echo "ENDPOINT=$AWS_ENDPOINT_URL REGION=$AWS_REGION"; sleep 600')
    ecs.create_cluster(clusterName="creds")
    ecs.register_task_definition(family="creds", requiresCompatibilities=["FARGATE"], networkMode="awsvpc",
                                 cpu="256", memory="512", taskRoleArn=role,
                                 containerDefinitions=[{"name": "app", "image": base, "memory": 64,
                                                        "command": ["bash", "-c", fetch]}])
    subnet = ec2.describe_subnets()["Subnets"][0]["SubnetId"]
    group = ec2.describe_security_groups()["SecurityGroups"][0]["GroupId"]
    deadline = time.monotonic() + 60
    while True:  # a new role reaches ECS some seconds after it is made (realism_iam), as on AWS
        try:
            task = ecs.run_task(cluster="creds", taskDefinition="creds", launchType="FARGATE",
                                networkConfiguration={"awsvpcConfiguration": {
                                    "subnets": [subnet], "securityGroups": [group], "assignPublicIp": "ENABLED"}})
            break
        except ecs.exceptions.ClientException as e:
            assert "unable to assume the role" in str(e) and time.monotonic() < deadline, str(e)
            time.sleep(0.5)
    task = task["tasks"][0]["taskArn"]
    try:
        deadline = time.monotonic() + 60
        output = ""
        while "ENDPOINT=" not in output:
            assert time.monotonic() < deadline, "the container printed no credentials within 60 s: " + output
            time.sleep(0.5)
            mine = engine.containers.list(all=True, filters={"label": "mysfits-sandbox.instance=%d" % port})
            output = "".join(c.logs().decode() for c in mine)
        assert "{" in output, "no answer from 169.254.170.2: " + output
        body = json.loads(output[output.index("{"):output.rindex("}") + 1])
        assert body["RoleArn"] == role and body["AccessKeyId"].startswith("ASIA"), output
        gateway = engine.networks.get("mysfits-sandbox-%d" % port).attrs["IPAM"]["Config"][0]["Gateway"]
        assert "ENDPOINT=http://%s:%d REGION=us-east-1" % (gateway, port) in output, output
        sts = boto3.client("sts", endpoint_url=url, region_name="us-east-1", aws_access_key_id=body["AccessKeyId"],
                           aws_secret_access_key=body["SecretAccessKey"], aws_session_token=body["Token"])
        assert ":assumed-role/cred-test-task/" in sts.get_caller_identity()["Arn"]
    finally:
        ecs.stop_task(cluster="creds", task=task, reason="done")
