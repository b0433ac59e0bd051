"""CodeBuild as AWS answers it, where moto 5.2 differs. moto records projects and builds but runs no build; the
sandbox keeps it that way (a build would need CodeBuild's own images and a source host). Two gaps are filled:

- Build times come back as ISO strings with milliseconds, which AWS's JSON protocol sends as epoch seconds: the
  AWS SDK for Java refuses them ("Input timestamp string must be no longer than 20 characters").
- UpdateProject is missing, so changing a project's settings could not converge.
"""
import json
from datetime import datetime

from moto.codebuild.exceptions import ResourceNotFoundException
from moto.codebuild.responses import CodeBuildResponse
from moto.core.utils import unix_time

_installed = False
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


def install():
    global _installed
    if _installed:
        return
    _installed = True
    for name in ("start_build", "batch_get_builds", "stop_build"):
        setattr(CodeBuildResponse, name, _with_epoch_times(getattr(CodeBuildResponse, name)))
    CodeBuildResponse.update_project = update_project
