"""ECR lists what the registry holds: a manifest pushed to the ECR stand-in is seen by the ECR API, as on AWS.

The Docker tests run a server of their own (as scripts/sandbox starts it) against the sandbox's shared registry,
each in a repository named for this run, and push through the registry's HTTP API v2 as `docker push` does.
"""
import datetime
import gzip
import hashlib
import json
import os
import time
import uuid

import boto3
import botocore.exceptions
import pytest
import requests
from moto import mock_aws

from mysfits_sandbox import ecr
from conftest import client

ACCOUNT = "123456789012"
REGION = "us-east-1"
HOST = "%s.dkr.ecr.%s.amazonaws.com" % (ACCOUNT, REGION)
CA = os.path.join(ecr.CERTS_DIRECTORY, HOST, "ca.crt")
SCHEMA2 = "application/vnd.docker.distribution.manifest.v2+json"


def registry_session():
    session = requests.Session()
    session.verify = CA
    session.auth = ("AWS", ecr.registry_password(ACCOUNT))
    session.trust_env = False
    return session


def upload_blob(session, repository, data):
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    start = session.post("https://%s/v2/%s/blobs/uploads/" % (HOST, repository), timeout=10)
    assert start.status_code == 202, start.text
    location = start.headers["Location"]
    if location.startswith("/"):
        location = "https://" + HOST + location
    done = session.put(location, params={"digest": digest}, data=data,
                       headers={"Content-Type": "application/octet-stream"}, timeout=10)
    assert done.status_code == 201, done.text
    return {"digest": digest, "size": len(data)}


def push(repository, tag, content):
    """Pushes a one-layer image as `docker push` does: blobs, then the manifest under the tag. Returns the digest
    the registry answers (what docker prints), the manifest's bytes and the layer's size."""
    session = registry_session()
    layer = upload_blob(session, repository, gzip.compress(content))
    config = upload_blob(session, repository, json.dumps(
        {"architecture": "amd64", "os": "linux", "rootfs": {"type": "layers", "diff_ids": [
            "sha256:" + hashlib.sha256(content).hexdigest()]}}).encode())
    manifest = json.dumps({"schemaVersion": 2, "mediaType": SCHEMA2,
                           "config": dict(config, mediaType="application/vnd.docker.container.image.v1+json"),
                           "layers": [dict(layer, mediaType="application/vnd.docker.image.rootfs.diff.tar.gzip")]},
                          indent=3).encode()
    r = session.put("https://%s/v2/%s/manifests/%s" % (HOST, repository, tag), data=manifest,
                    headers={"Content-Type": SCHEMA2}, timeout=10)
    assert r.status_code == 201, r.text
    return r.headers["Docker-Content-Digest"], manifest, layer["size"]


def registry_digest(repository, tag):
    r = registry_session().head("https://%s/v2/%s/manifests/%s" % (HOST, repository, tag),
                                headers={"Accept": SCHEMA2}, timeout=10)
    return r.headers.get("Docker-Content-Digest") if r.status_code == 200 else None


def create_repository(ecr_api, name):
    """Creates it, then waits until the ECR API shows it: as on AWS, a moment after (AWS-BEHAVIOURS 26)."""
    ecr_api.create_repository(repositoryName=name)
    deadline = time.monotonic() + 10
    while True:
        try:
            ecr_api.describe_repositories(repositoryNames=[name])
            return
        except ecr_api.exceptions.RepositoryNotFoundException:
            assert time.monotonic() < deadline, "repository %s never became visible" % name
            time.sleep(0.1)


@pytest.fixture
def repository(server):  # noqa: F811
    url = server[0]
    name = "ecr-sync-%s/app" % uuid.uuid4().hex[:8]
    create_repository(client(url, "ecr"), name)
    yield name
    try:
        client(url, "ecr").delete_repository(repositoryName=name, force=True)
    except botocore.exceptions.ClientError:
        pass


@pytest.mark.docker
def test_pushedManifest_isListedWithTagDigestSizeAndPushTime(server, repository):  # noqa: F811
    ecr_api = client(server[0], "ecr")
    before = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    digest, manifest, layer_size = push(repository, "v1", b"layer one " * 100)

    details = ecr_api.describe_images(repositoryName=repository)["imageDetails"]
    after = datetime.datetime.now(datetime.timezone.utc)
    assert len(details) == 1, details
    assert details[0]["imageTags"] == ["v1"]
    assert details[0]["imageDigest"] == digest
    assert details[0]["imageSizeInBytes"] == layer_size
    assert before <= details[0]["imagePushedAt"] <= after
    assert details[0]["imageManifestMediaType"] == SCHEMA2

    assert ecr_api.list_images(repositoryName=repository)["imageIds"] == [{"imageDigest": digest, "imageTag": "v1"}]
    got = ecr_api.batch_get_image(repositoryName=repository, imageIds=[{"imageTag": "v1"}])
    assert got["failures"] == []
    assert got["images"][0]["imageId"] == {"imageDigest": digest, "imageTag": "v1"}
    assert got["images"][0]["imageManifest"].encode() == manifest
    # The first sighting stays the push time: a later answer does not move it.
    again = ecr_api.describe_images(repositoryName=repository, imageIds=[{"imageDigest": digest}])["imageDetails"]
    assert again[0]["imagePushedAt"] == details[0]["imagePushedAt"]


@pytest.mark.docker
def test_tagPushedAgain_movesToTheNewManifest_andTheOldOneStaysUntagged(server, repository):  # noqa: F811
    ecr_api = client(server[0], "ecr")
    first, _, _ = push(repository, "latest", b"first")
    assert [d["imageTags"] for d in ecr_api.describe_images(repositoryName=repository)["imageDetails"]] == [["latest"]]
    second, _, _ = push(repository, "latest", b"second")

    details = {d["imageDigest"]: d for d in ecr_api.describe_images(repositoryName=repository)["imageDetails"]}
    assert set(details) == {first, second}
    assert details[second]["imageTags"] == ["latest"]
    assert "imageTags" not in details[first]


@pytest.mark.docker
def test_batchDeleteImage_removesItFromEcrAndTheRegistry_forGood(server, repository):  # noqa: F811
    ecr_api = client(server[0], "ecr")
    digest, _, _ = push(repository, "v1", b"to be deleted")
    kept, _, _ = push(repository, "v2", b"to be kept")

    deleted = ecr_api.batch_delete_image(repositoryName=repository, imageIds=[{"imageTag": "v1"}])
    assert deleted["failures"] == []
    assert deleted["imageIds"] == [{"imageDigest": digest, "imageTag": "v1"}]
    assert registry_digest(repository, "v1") is None
    listed = ecr_api.describe_images(repositoryName=repository)["imageDetails"]
    assert [(d["imageDigest"], d["imageTags"]) for d in listed] == [(kept, ["v2"])]
    assert registry_digest(repository, "v2") == kept


@pytest.mark.docker
def test_untaggingOneOfTwoTags_keepsTheImageUnderTheOther(server, repository):  # noqa: F811
    ecr_api = client(server[0], "ecr")
    digest, manifest, _ = push(repository, "v1", b"two tags")
    r = registry_session().put("https://%s/v2/%s/manifests/stable" % (HOST, repository), data=manifest,
                               headers={"Content-Type": SCHEMA2}, timeout=10)
    assert r.status_code == 201, r.text
    assert sorted(ecr_api.describe_images(repositoryName=repository)["imageDetails"][0]["imageTags"]) == ["stable", "v1"]

    ecr_api.batch_delete_image(repositoryName=repository, imageIds=[{"imageTag": "v1"}])

    listed = ecr_api.describe_images(repositoryName=repository)["imageDetails"]
    assert [(d["imageDigest"], d["imageTags"]) for d in listed] == [(digest, ["stable"])]
    assert registry_digest(repository, "v1") is None
    assert registry_digest(repository, "stable") == digest


@pytest.mark.docker
def test_deleteRepository_refusesOneTheRegistryHoldsImagesFor_andForceEmptiesIt(server, repository):  # noqa: F811
    ecr_api = client(server[0], "ecr")
    push(repository, "v1", b"not empty")

    with pytest.raises(botocore.exceptions.ClientError) as refused:
        ecr_api.delete_repository(repositoryName=repository)
    assert refused.value.response["Error"]["Code"] == "RepositoryNotEmptyException"
    assert "cannot be deleted because it still contains images" in refused.value.response["Error"]["Message"]
    assert ecr_api.describe_repositories(repositoryNames=[repository])["repositories"]

    ecr_api.delete_repository(repositoryName=repository, force=True)
    assert registry_digest(repository, "v1") is None
    create_repository(ecr_api, repository)
    assert ecr_api.describe_images(repositoryName=repository)["imageDetails"] == []


@pytest.mark.docker
def test_putImage_retagsAsAwsDocuments_andDockerFindsTheNewTagToo(server, repository):  # noqa: F811
    ecr_api = client(server[0], "ecr")
    digest, manifest, _ = push(repository, "v1", b"retag me")
    got = ecr_api.batch_get_image(repositoryName=repository, imageIds=[{"imageTag": "v1"}])["images"][0]

    ecr_api.put_image(repositoryName=repository, imageManifest=got["imageManifest"], imageTag="release")

    listed = ecr_api.describe_images(repositoryName=repository)["imageDetails"]
    assert [(d["imageDigest"], sorted(d["imageTags"])) for d in listed] == [(digest, ["release", "v1"])]
    assert registry_digest(repository, "release") == digest
    with pytest.raises(botocore.exceptions.ClientError) as again:
        ecr_api.put_image(repositoryName=repository, imageManifest=got["imageManifest"], imageTag="v1")
    assert again.value.response["Error"]["Code"] == "ImageAlreadyExistsException"


# ------------------------------------------------------------------ without a registry


@pytest.fixture
def no_registry(tmp_path):
    ecr.install(certs=str(tmp_path))   # Docker trusts no registry here: ECR answers from moto alone
    yield
    ecr.install(certs=ecr.CERTS_DIRECTORY)


def test_withoutARegistry_ecrAnswersFromMotoAlone(no_registry):
    manifest = json.dumps({"schemaVersion": 2, "mediaType": SCHEMA2,
                           "config": {"digest": "sha256:" + "a" * 64, "size": 10, "mediaType": "x"},
                           "layers": [{"digest": "sha256:" + "b" * 64, "size": 20, "mediaType": "y"}]})
    with mock_aws():
        api = boto3.client("ecr", region_name=REGION)
        api.create_repository(repositoryName="alone/app")
        api.put_image(repositoryName="alone/app", imageManifest=manifest, imageTag="v1")
        details = api.describe_images(repositoryName="alone/app")["imageDetails"]
        assert [d["imageTags"] for d in details] == [["v1"]]
        with pytest.raises(botocore.exceptions.ClientError) as refused:
            api.delete_repository(repositoryName="alone/app")
        assert refused.value.response["Error"]["Code"] == "RepositoryNotEmptyException"
        api.batch_delete_image(repositoryName="alone/app", imageIds=[{"imageTag": "v1"}])
        assert api.list_images(repositoryName="alone/app")["imageIds"] == []
        api.delete_repository(repositoryName="alone/app")


def test_aRegistryNameThatLeavesLoopback_isNotARegistry(tmp_path):
    # A CA alone is not enough: this host name has no loopback line in /etc/hosts, so it would leave the machine.
    host = "%s.dkr.ecr.eu-west-3.amazonaws.com" % ACCOUNT
    (tmp_path / host).mkdir()
    (tmp_path / host / "ca.crt").write_text("unused")
    assert ecr.Registry.locate(ACCOUNT, "eu-west-3", certs=str(tmp_path)) is None
    assert ecr.Registry.locate(ACCOUNT, REGION, certs=str(tmp_path)) is None   # no CA for this one
    assert ecr._resolves_to_loopback("localhost")
    assert not ecr._resolves_to_loopback("192.0.2.1")
