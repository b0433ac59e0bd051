"""moto is pinned (sandbox/requirements.txt) because the sandbox reaches into its classes. These tests fail loudly
when a moto member the sandbox replaces or calls is gone or takes other parameters, which would otherwise leave a
hook unused beside the renamed original, or break at the first request that needs it."""
import importlib
import inspect
import json
import os
import subprocess
import sys

from mysfits_sandbox import pins

SANDBOX = os.path.join(os.path.dirname(__file__), "..")

# Members the sandbox adds, which moto as pinned does not have.
ADDED = {
    "moto.codebuild.responses.CodeBuildResponse.update_project",
    "moto.iam.responses.IamResponse.list_instance_profile_tags",
    # ECS service deployments and revisions (service_deployments.py): moto 5.2.1 serves none of them.
    "moto.ecs.responses.EC2ContainerServiceResponse.list_service_deployments",
    "moto.ecs.responses.EC2ContainerServiceResponse.describe_service_deployments",
    "moto.ecs.responses.EC2ContainerServiceResponse.describe_service_revisions",
    "moto.ecs.responses.EC2ContainerServiceResponse.stop_service_deployment",
    "moto.ecs.models.Service.current_service_deployment",
    "moto.ecs.models.Service.current_service_revisions",
}

# Private members the sandbox calls, and the parameters it calls them with.
CALLED = {
    "moto.ecs.models.EC2ContainerServiceBackend._get_service": ["self", "cluster_str", "service_str"],
    "moto.ecs.models.EC2ContainerServiceBackend._get_cluster": ["self", "name"],
    "moto.ecs.models.EC2ContainerServiceBackend._can_be_placed": ["container_instance", "task_resource_requirements"],
    "moto.ecs.models.EC2ContainerServiceBackend._calculate_task_resource_requirements": ["task_definition"],
    "moto.ecs.responses.EC2ContainerServiceResponse._get_param": ["self", "param_name", "if_none"],
    "moto.ecs.responses.EC2ContainerServiceResponse._get_int_param": ["self", "param_name", "if_none"],
    "moto.elbv2.models.ELBv2Backend._get_target_group_arns_from": ["self", "action_data"],
    "moto.applicationautoscaling.models.ApplicationAutoscalingBackend._scalable_target_exists": ["self", "r_id", "dimension"],
    "moto.applicationautoscaling.models.FakeApplicationAutoscalingPolicy.formulate_key":
        ["service_namespace", "resource_id", "scalable_dimension", "policy_name"],
}

# Every member the data plane lays, recorded in a fresh interpreter: moto's classes as shipped, hooks laid once.
_LAY_ALL = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from mysfits_sandbox import hooks, server
from mysfits_sandbox.settings import Settings

class NoEngine:  # laying hooks needs no Docker engine
    def __init__(self, settings):
        pass

server.DockerRuntime = NoEngine
server.DataPlane(Settings.for_port(5999, hosts_file=sys.argv[2])).install()
print(json.dumps([["%s.%s" % (cls.__module__, cls.__qualname__), name, existed] for cls, name, existed in hooks.LAID]))
"""


def _laid(tmp_path):
    hosts = tmp_path / "hosts"
    hosts.write_text("127.0.0.1 localhost\n")
    result = subprocess.run([sys.executable, "-c", _LAY_ALL, SANDBOX, str(hosts)], capture_output=True, text=True,
                            timeout=120, env=dict(os.environ, DOCKER_HOST="unix:///nonexistent.sock"))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_installed_versions_are_the_pinned_ones():
    assert pins.mismatches() == []


def test_a_version_other_than_the_pinned_one_is_named_with_both():
    installed = {"moto": "5.3.0", "boto3": "1.43.11", "botocore": "1.43.11", "docker": None, "pytest": "9.0.3"}
    assert pins.mismatches(installed=installed.get) == ["moto 5.3.0 (pinned 5.2.1)", "docker not installed (pinned 7.1.0)"]


def test_every_member_the_data_plane_lays_was_on_moto_s_class_except_the_ones_it_adds(tmp_path):
    laid = _laid(tmp_path)
    assert len(laid) > 50, "the data plane lays its hooks through hooks.lay_member: %d seen" % len(laid)
    lost = sorted({"%s.%s" % (cls, name) for cls, name, existed in laid if not existed} - ADDED)
    assert lost == [], "moto no longer has these members the sandbox hooks; read the new moto and move the hooks"
    still_added = {"%s.%s" % (cls, name) for cls, name, existed in laid if not existed}
    assert still_added == ADDED, "moto now has a member the sandbox added; use moto's, or replace it knowingly"


def test_every_private_member_the_sandbox_calls_takes_the_parameters_it_passes():
    for path, parameters in CALLED.items():
        module, cls, name = path.rsplit(".", 2)
        member = getattr(getattr(importlib.import_module(module), cls), name, None)
        assert member is not None, "moto has no %s any more" % path
        assert list(inspect.signature(member).parameters) == parameters, path
