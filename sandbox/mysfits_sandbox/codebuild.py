"""CodeBuild as AWS answers it, where moto 5.2 differs. moto records builds and reports each SUCCEEDED at once with
made-up phases; the sandbox runs them instead (builds.py): phases, logs and the pushed image are real. Also:

- Build times come back as ISO strings with milliseconds, which AWS's JSON protocol sends as epoch seconds: the
  AWS SDK for Java refuses them ("Input timestamp string must be no longer than 20 characters").
- UpdateProject is missing, so changing a project's settings could not converge.
"""
import json
from datetime import datetime

from moto.codebuild.exceptions import ResourceNotFoundException
from moto.codebuild.models import CodeBuildBackend
from moto.codebuild.responses import CodeBuildResponse
from moto.core.utils import unix_time

from . import builds as builds_module, hooks

_installed = False
builds = builds_module.Builds()
_UPDATABLE = {"description": "description", "source": "source", "artifacts": "artifacts",
              "environment": "environment", "serviceRole": "serviceRole", "timeoutInMinutes": "timeoutInMinutes"}


def epoch_times(value):
    """Every "...Time" ISO string, anywhere in the document, as epoch seconds."""
    if isinstance(value, dict):
        return {k: _epoch(v) if k.endswith("Time") and isinstance(v, str) else epoch_times(v) for k, v in value.items()}
    if isinstance(value, list):
        return [epoch_times(v) for v in value]
    return value


def _epoch(text):
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return text


def _with_epoch_times(method):
    def patched(self):
        return json.dumps(epoch_times(json.loads(method(self))))
    return patched


def update_project(self):
    name = self._get_param("name")
    project = self.codebuild_backend.codebuild_projects.get(name)
    if project is None:
        raise ResourceNotFoundException(f"Project cannot be found: {name}")
    for param, key in _UPDATABLE.items():
        value = self._get_param(param)
        if value is not None:
            project.project_metadata[key] = value
    if self._get_param("serviceRole"):
        project.service_role = self._get_param("serviceRole")
    project.project_metadata["lastModifiedDate"] = unix_time()
    return json.dumps({"project": project.project_metadata})


def _start_build(original):
    def start_build(backend, project_name, source_version=None, artifact_override=None):
        metadata = original(backend, project_name, source_version, artifact_override)
        project = backend.codebuild_projects[project_name].project_metadata
        builds.start(backend, metadata, project, source_version)
        return builds_module.snapshot(metadata)
    return start_build


def batch_get_builds(backend, ids):
    found = []
    for history in backend.build_metadata_history.values():
        found.extend(builds_module.snapshot(b) for b in history if b["id"] in ids)
    return found


def stop_build(backend, build_id):
    for history in backend.build_metadata_history.values():
        for build in history:
            if build["id"] == build_id:
                builds.stop_id(build_id)
                return builds_module.snapshot(build)
    return None


def install(settings=None):
    """With settings, builds reach AWS at this sandbox's own endpoint."""
    global _installed
    if settings is not None:
        builds.endpoint_url = "http://127.0.0.1:%d" % settings.moto_port
    if _installed:
        return
    _installed = True
    hooks.lay_member(CodeBuildBackend, "start_build", _start_build(CodeBuildBackend.start_build))
    hooks.lay_member(CodeBuildBackend, "batch_get_builds", batch_get_builds)
    hooks.lay_member(CodeBuildBackend, "stop_build", stop_build)
    for name in ("start_build", "batch_get_builds", "stop_build"):
        hooks.lay_member(CodeBuildResponse, name, _with_epoch_times(getattr(CodeBuildResponse, name)))
    hooks.lay_member(CodeBuildResponse, "update_project", update_project)
