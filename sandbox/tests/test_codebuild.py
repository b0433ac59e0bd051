"""CodeBuild answers as AWS does where moto differs: build times in epoch seconds, and UpdateProject."""
import json

import boto3
from moto import mock_aws

from mysfits_sandbox import codebuild

PROJECT = dict(
    name="notes-backend",
    source={"type": "GITHUB", "location": "https://github.com/example/notes.git", "buildspec": "buildspec.yml"},
    artifacts={"type": "NO_ARTIFACTS"},
    environment={"type": "LINUX_CONTAINER", "image": "aws/codebuild/amazonlinux2-x86_64-standard:5.0",
                 "computeType": "BUILD_GENERAL1_SMALL"},
    serviceRole="arn:aws:iam::123456789012:role/notes-codebuild",
)


def test_epoch_times_converts_only_time_strings():
    doc = {"build": {"startTime": "2026-11-30T11:30:00.123Z", "phases": [{"endTime": "2026-11-30T11:30:01.000Z"}],
                     "buildStatus": "IN_PROGRESS"}}
    converted = codebuild.epoch_times(doc)
    assert converted["build"]["startTime"] == 1796038200.123
    assert converted["build"]["phases"][0]["endTime"] == 1796038201.0
    assert converted["build"]["buildStatus"] == "IN_PROGRESS"


@mock_aws
def test_start_build_sends_epoch_seconds_and_update_project_updates():
    codebuild.install()
    client = boto3.client("codebuild", region_name="us-east-1")
    raw = {}
    client.meta.events.register("before-parse.codebuild.StartBuild",
                                lambda response_dict, **_: raw.update(json.loads(response_dict["body"])))
    client.create_project(**PROJECT)

    build = client.start_build(projectName="notes-backend")["build"]
    assert isinstance(raw["build"]["startTime"], float), raw["build"]["startTime"]
    assert build["buildStatus"] == "IN_PROGRESS"

    changed = dict(PROJECT, source=dict(PROJECT["source"], buildspec="app/buildspec.yml"))
    updated = client.update_project(**changed)["project"]
    assert updated["source"]["buildspec"] == "app/buildspec.yml"
    assert client.batch_get_projects(names=["notes-backend"])["projects"][0]["source"]["buildspec"] == "app/buildspec.yml"
