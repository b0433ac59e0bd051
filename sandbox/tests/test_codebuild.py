"""CodeBuild answers as AWS does where moto differs: build times in epoch seconds, and UpdateProject."""
import json
import time

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


def _source_zip(files):
    import io
    import zipfile
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return data.getvalue()


def _run_build(client, s3, buildspec, variables=()):
    s3.create_bucket(Bucket="notes-src")
    s3.put_object(Bucket="notes-src", Key="src.zip", Body=_source_zip({"buildspec.yml": buildspec, "app.txt": "v1\n"}))
    project = dict(PROJECT, source={"type": "S3", "location": "notes-src/src.zip", "buildspec": "buildspec.yml"},
                   environment=dict(PROJECT["environment"], environmentVariables=[
                       {"name": k, "value": v, "type": "PLAINTEXT"} for k, v in variables]))
    client.create_project(**project)
    started = client.start_build(projectName="notes-backend")["build"]
    assert started["buildStatus"] == "IN_PROGRESS"
    seen = []
    deadline = time.time() + 30
    while time.time() < deadline:
        build = client.batch_get_builds(ids=[started["id"]])["builds"][0]
        seen.append(build["currentPhase"])
        if build["buildComplete"]:
            return build, seen
        time.sleep(0.05)
    raise AssertionError("the build did not end: %s" % seen)


def _log_lines(build):
    logs = boto3.client("logs", region_name="us-east-1")
    events = logs.get_log_events(logGroupName=build["logs"]["groupName"], logStreamName=build["logs"]["streamName"])
    return [e["message"] for e in events["events"]]


@mock_aws
def test_a_build_runs_its_phases_in_one_shell_with_the_projects_variables_and_logs_each_line():
    codebuild.install()
    client = boto3.client("codebuild", region_name="us-east-1")
    s3 = boto3.client("s3", region_name="us-east-1")
    spec = ("version: 0.2\nphases:\n  pre_build:\n    commands:\n      - GREETING=\"hello $WHO\"\n"
            "  build:\n    commands:\n      - echo \"$GREETING from $(cat app.txt)\"\n      - sleep 0.3\n"
            "  post_build:\n    commands:\n      - echo \"succeeding=$CODEBUILD_BUILD_SUCCEEDING\"\n")
    build, seen = _run_build(client, s3, spec, variables=[("WHO", "notes")])

    assert build["buildStatus"] == "SUCCEEDED"
    assert "BUILD" in seen, "BatchGetBuilds shows the phase in progress: %s" % seen
    phases = [(p["phaseType"], p.get("phaseStatus")) for p in build["phases"]]
    assert [t for t, _ in phases] == ["SUBMITTED", "QUEUED", "PROVISIONING", "DOWNLOAD_SOURCE", "INSTALL", "PRE_BUILD",
                                      "BUILD", "POST_BUILD", "UPLOAD_ARTIFACTS", "FINALIZING", "COMPLETED"]
    assert all(status == "SUCCEEDED" for t, status in phases if t != "COMPLETED"), phases
    assert all(isinstance(p["durationInSeconds"], int) for p in build["phases"] if p["phaseType"] != "COMPLETED")
    assert build["logs"]["groupName"] == "/aws/codebuild/notes-backend"
    assert build["logs"]["streamName"] == build["id"].split(":")[1]
    lines = _log_lines(build)
    assert "hello notes from v1" in lines, lines
    assert "succeeding=1" in lines, lines
    assert any("Running command echo" in line for line in lines), lines
    assert any("Phase complete: BUILD State: SUCCEEDED" in line for line in lines), lines


@mock_aws
def test_a_failing_command_fails_its_phase_and_the_build_post_build_still_runs():
    codebuild.install()
    client = boto3.client("codebuild", region_name="us-east-1")
    s3 = boto3.client("s3", region_name="us-east-1")
    spec = ("version: 0.2\nphases:\n  build:\n    commands:\n      - echo compiling\n      - exit 1\n      - echo never\n"
            "  post_build:\n    commands:\n      - echo \"succeeding=$CODEBUILD_BUILD_SUCCEEDING\"\n")
    build, _ = _run_build(client, s3, spec)

    assert build["buildStatus"] == "FAILED"
    by_type = {p["phaseType"]: p for p in build["phases"]}
    assert by_type["BUILD"]["phaseStatus"] == "FAILED"
    assert by_type["BUILD"]["contexts"][0]["statusCode"] == "COMMAND_EXECUTION_ERROR"
    assert "exit 1" in by_type["BUILD"]["contexts"][0]["message"]
    lines = _log_lines(build)
    assert "compiling" in lines and "never" not in lines, lines
    assert "succeeding=0" in lines, "post_build ran, told the build failed: %s" % lines


@mock_aws
def test_a_failing_pre_build_skips_the_build_and_a_missing_source_fails_download_source():
    codebuild.install()
    client = boto3.client("codebuild", region_name="us-east-1")
    s3 = boto3.client("s3", region_name="us-east-1")
    build, _ = _run_build(client, s3, "version: 0.2\nphases:\n  pre_build:\n    commands:\n      - 'false'\n"
                                      "  build:\n    commands:\n      - echo built\n")
    assert build["buildStatus"] == "FAILED"
    assert "BUILD" not in [p["phaseType"] for p in build["phases"]]
    assert "built" not in _log_lines(build)

    client.update_project(name="notes-backend", source={"type": "S3", "location": "notes-src/missing.zip"})
    missing = client.start_build(projectName="notes-backend")["build"]
    deadline = time.time() + 10
    while not client.batch_get_builds(ids=[missing["id"]])["builds"][0]["buildComplete"]:
        assert time.time() < deadline
        time.sleep(0.05)
    ended = client.batch_get_builds(ids=[missing["id"]])["builds"][0]
    assert ended["buildStatus"] == "FAILED"
    download = [p for p in ended["phases"] if p["phaseType"] == "DOWNLOAD_SOURCE"][0]
    assert download["phaseStatus"] == "FAILED" and "missing.zip" in download["contexts"][0]["message"]


def _a_build_in_its_sleep():
    """A build of an S3 source whose BUILD phase sleeps a minute, once it is in that phase; the client and the build."""
    codebuild.install()
    client = boto3.client("codebuild", region_name="us-east-1")
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket="notes-src")
    s3.put_object(Bucket="notes-src", Key="src.zip",
                  Body=_source_zip({"buildspec.yml": "version: 0.2\nphases:\n  build:\n    commands:\n      - sleep 60\n"}))
    client.create_project(**dict(PROJECT, source={"type": "S3", "location": "notes-src/src.zip"}))
    started = client.start_build(projectName="notes-backend")["build"]
    deadline = time.time() + 10
    while client.batch_get_builds(ids=[started["id"]])["builds"][0]["currentPhase"] != "BUILD":
        assert time.time() < deadline
        time.sleep(0.05)
    return client, started


@mock_aws
def test_stop_build_stops_a_running_build():
    client, started = _a_build_in_its_sleep()
    deadline = time.time() + 10
    client.stop_build(id=started["id"])
    while not client.batch_get_builds(ids=[started["id"]])["builds"][0]["buildComplete"]:
        assert time.time() < deadline, "stopped within seconds, not after the sleep"
        time.sleep(0.05)
    assert client.batch_get_builds(ids=[started["id"]])["builds"][0]["buildStatus"] == "STOPPED"


@mock_aws
def test_a_build_past_its_timeout_ends_timed_out():
    client, started = _a_build_in_its_sleep()
    deadline = time.time() + 10
    codebuild.builds._time_out(codebuild.builds.running[started["id"]])  # what the timer does at timeoutInMinutes
    while not client.batch_get_builds(ids=[started["id"]])["builds"][0]["buildComplete"]:
        assert time.time() < deadline
        time.sleep(0.05)
    ended = client.batch_get_builds(ids=[started["id"]])["builds"][0]
    assert ended["buildStatus"] == "TIMED_OUT"
    assert [p.get("phaseStatus") for p in ended["phases"] if p["phaseType"] == "BUILD"] == ["TIMED_OUT"]
