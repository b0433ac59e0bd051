"""ECS service deployments and service revisions: the service's deployment history, as ECS keeps it.

ECS records a service deployment, and the service revision it deploys, whenever it starts a deployment: CreateService,
an UpdateService with a new task definition, forceNewDeployment or a new network configuration. moto 5.2.1 has none
of this. Here the scheduler's one call in new_deployment (record) adds both; ListServiceDeployments,
DescribeServiceDeployments, DescribeServiceRevisions and StopServiceDeployment answer from them, and DescribeServices
(and CreateService, UpdateService) shows the service's currentServiceDeployment and currentServiceRevisions.

A service deployment holds references to the scheduler's deployment dicts (scheduler.py), so its final state shows
after the scheduler drops them from service.deployments. Its status is derived from those dicts: rolloutState, and the
keys the strategies set (_lifecycleStage, _productionWeight, _testWeight, _rollback); see status().

Readings of the docs where they are silent or where this differs from a first guess (write-ups in the report):
- A rollback is no deployment of its own. "Amazon ECS doesn't create a new service revision for a rollback operation.
  Amazon ECS uses the last successful service revision" (service revisions guide), and the rollback states
  (ROLLBACK_IN_PROGRESS, ROLLBACK_SUCCESSFUL) belong to the deployment that failed. So the circuit breaker's rollback,
  which the scheduler carries out as a new ECS deployment of the last completed task definition, is recorded as the
  failed service deployment's rollback (rollback.serviceRevisionArn: the last successful revision), not as a third
  service deployment.
- StopServiceDeployment ABORT on a rolling deployment: the API reference names only ROLLBACK as valid while its enum
  has ABORT, and the guide's states have STOP_REQUESTED then STOPPED, "when a user manually stops the deployment".
  The sandbox stops it where it is, as the circuit breaker stops a deployment without rollback: rolloutState FAILED,
  no new tasks start, the tasks of both revisions stay (older ones still go while minimumHealthyPercent allows); the
  service deployment is STOP_REQUESTED until the scheduler's next pass, then STOPPED.
- A stop is accepted while the deployment is ongoing (PENDING, IN_PROGRESS, STOP_REQUESTED, ROLLBACK_REQUESTED,
  ROLLBACK_IN_PROGRESS: the stopping guide) and refused with ConflictException once it has finished. A ROLLBACK with
  no earlier successful revision to go back to is refused with ConflictException too.
- A deployment that a newer one replaced before it finished is STOPPED.
- A deleted service: "Amazon ECS deletes the service revision when you delete a service", so its revisions answer
  MISSING; its service deployments stay listable (ECS keeps 90 days of them) for as long as the sandbox keeps the
  INACTIVE service, i.e. until a service of the same name replaces it; an unfinished one is STOPPED.
- The history lives on moto's Service records, so a moto reset (EcsPlane.reset) leaves none of it.
"""
import copy
import logging
import random
import re
import string
import threading

from moto.core.responses import ActionResult
from moto.core.utils import utcnow
from moto.ecs import models as ecs_models
from moto.ecs import responses as ecs_responses
from moto.ecs.exceptions import ECSException

from . import hooks, rollout

log = logging.getLogger("mysfits_sandbox.service_deployments")

ROLLING = "ROLLING"
ONGOING = ("PENDING", "IN_PROGRESS", "STOP_REQUESTED", "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS")
FINISHED = ("SUCCESSFUL", "STOPPED", "ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED")
MAX_ARNS = 20            # DescribeServiceDeployments and DescribeServiceRevisions take at most 20 ARNs
DEFAULT_PAGE = 20
MAX_PAGE = 100
USER_ROLLBACK_REASON = "A rollback was requested with StopServiceDeployment."

_ARN = re.compile(r"arn:aws[a-z-]*:ecs:([a-z0-9-]+):(\d{12}):(service-deployment|service-revision)/([^/]+)/([^/]+)/([^/]+)")
_ID_CHARACTERS = string.ascii_letters + string.digits + "_-"
_lock = threading.RLock()


class Error(ECSException):
    def __init__(self, code, message):
        super().__init__(code, message)


def _invalid(message):
    return Error("InvalidParameterException", message)


# ------------------------------------------------------------------ the records

class Revision:
    """A service revision: what one deployment deploys, fixed when it starts."""

    def __init__(self, service, arn, task_definition, images):
        self.arn = arn
        self.service = service
        self.task_definition = task_definition
        self.launch_type = service.launch_type
        self.platform_version = service.platform_version
        self.capacity_provider_strategy = copy.deepcopy(getattr(service, "capacity_provider_strategy", None) or None)
        self.load_balancers = copy.deepcopy(getattr(service, "load_balancers", None) or [])
        self.service_registries = copy.deepcopy(getattr(service, "service_registries", None) or [])
        self.network_configuration = copy.deepcopy(service.network_configuration or None)
        self.images = images
        self.created_at = utcnow()

    def describe(self):
        answer = {
            "serviceRevisionArn": self.arn, "serviceArn": self.service.arn, "clusterArn": self.service.cluster_arn,
            "taskDefinition": self.task_definition, "loadBalancers": self.load_balancers,
            "serviceRegistries": self.service_registries, "containerImages": self.images,
            "guardDutyEnabled": False, "createdAt": self.created_at,
        }
        if self.capacity_provider_strategy:
            answer["capacityProviderStrategy"] = self.capacity_provider_strategy
        else:
            answer["launchType"] = self.launch_type
        fargate = self.launch_type == "FARGATE" or not self.launch_type and any(
            (item.get("capacityProvider") or "").startswith("FARGATE") for item in self.capacity_provider_strategy or [])
        if fargate:
            answer["platformVersion"] = self.platform_version or "LATEST"
            answer["platformFamily"] = "Linux"
        if self.network_configuration:
            answer["networkConfiguration"] = self.network_configuration
        return answer


class ServiceDeployment:
    """One service deployment: the deployment dict it started (target), the dicts that ran before it (sources), and,
    after a rollback, the dict that carries the rollback out."""

    def __init__(self, service, arn, target, revision, sources, rollback_revision):
        self.arn = arn
        self.service = service
        self.target = target
        self.revision = revision
        self.sources = sources                    # [(deployment dict, Revision)]
        self.rollback_revision = rollback_revision  # the last successful revision when this one started, or None
        self.configuration = copy.deepcopy(getattr(service, "deployment_configuration", None) or {})
        self.created_at = target["createdAt"]
        self.rollback_target = None               # the deployment dict that carries a rolling rollback out
        self.stop_type = None                     # ROLLBACK or ABORT once StopServiceDeployment accepted one
        self.stopped_at = None
        self.finished_at = None
        self.updated_at = self.created_at
        self.last_status = None

    @property
    def strategy(self):
        return self.configuration.get("strategy") or ROLLING


def history(service):
    """The service's service deployments, newest first."""
    return getattr(service, "_service_deployment_history", None) or []


def _revisions(service):
    return getattr(service, "_service_revisions", None) or {}


def _random_id():
    return "".join(random.choice(_ID_CHARACTERS) for _ in range(22))


def _arn(service, kind, identifier):
    """arn:aws:ecs:REGION:ACCOUNT:KIND/CLUSTER/SERVICE/ID, from the service's own ARN."""
    prefix = service.arn.split(":service/")[0]
    return "%s:%s/%s/%s/%s" % (prefix, kind, service.cluster_name, service.name, identifier)


def _by_id(service, deployment_id):
    """A deployment dict by id, among the ones the service has and the ones its history holds."""
    for d in list(getattr(service, "deployments", None) or []):
        if d.get("id") == deployment_id:
            return d
    for entry in history(service):
        for d in [entry.target, entry.rollback_target] + [s for s, _ in entry.sources]:
            if d is not None and d.get("id") == deployment_id:
                return d
    return None


def _revision_of(service, deployment):
    return _revisions(service).get(deployment.get("_serviceRevisionArn"))


def _last_successful_revision(service):
    for record in history(service):
        state = status(record)
        if state == "SUCCESSFUL":
            return record.revision
        if state == "ROLLBACK_SUCCESSFUL" and record.rollback_revision is not None:
            return record.rollback_revision
    return None


def record(service, deployment, reason=None):
    """The scheduler started an ECS deployment (scheduler.new_deployment): one service deployment and one service
    revision, except for a rollback, which belongs to the deployment it rolls back (see the module's notes)."""
    if not hasattr(service, "arn"):
        return None   # a scheduler test's stand-in for a service
    try:
        return _record(service, deployment, reason)
    except Exception:
        log.exception("recording the service deployment of %s", service.name)   # the history never stops a deployment
        return None


def _record(service, deployment, reason):
    with _lock:
        previous = [d for d in service.deployments if d is not deployment]
        if reason == "rollback" and previous:
            return _record_rollback(service, deployment, previous[0])
        number = "%019d" % random.randrange(10 ** 18, 10 ** 19)
        revision = Revision(service, _arn(service, "service-revision", number), deployment["taskDefinition"],
                            container_images(service, deployment["taskDefinition"]))
        if not hasattr(service, "_service_revisions"):
            service._service_revisions = {}
            service._service_deployment_history = []
        service._service_revisions[revision.arn] = revision
        deployment["_serviceRevisionArn"] = revision.arn
        sources = [(d, _revision_of(service, d)) for d in previous if _revision_of(service, d) is not None]
        entry = ServiceDeployment(service, _arn(service, "service-deployment", _random_id()), deployment, revision,
                                  sources, _last_successful_revision(service))
        deployment["_serviceDeploymentArn"] = entry.arn
        service._service_deployment_history.insert(0, entry)
        return entry


def _record_rollback(service, deployment, failed):
    """The new deployment brings back the revision the failed one replaced."""
    entry = next((r for r in history(service) if r.target is failed), None)
    if entry is None:
        return None
    revision = entry.rollback_revision
    if revision is not None:
        deployment["_serviceRevisionArn"] = revision.arn
    deployment["_serviceDeploymentArn"] = entry.arn
    entry.rollback_target = deployment
    rollback = failed.setdefault("_rollback", {"reason": failed.get("rolloutStateReason") or "", "startedAt": utcnow()})
    rollback["toDeploymentId"] = deployment["id"]
    return entry


def container_images(service, task_definition_arn):
    """containerImages: each container's image as the task definition names it, with its digest when the image is
    named by digest or when the sandbox's ECR knows the tag."""
    backend = getattr(service, "_backend", None)
    if backend is None:
        return []
    try:
        definition = backend.describe_task_definition(task_definition_arn)
    except Exception:
        log.exception("the revision of %s names no images: its task definition %s", service.name, task_definition_arn)
        return []
    images = []
    for container in definition.container_definitions:
        image = container.get("image") or ""
        entry = {"containerName": container.get("name"), "image": image}
        digest = image_digest(image)
        if digest:
            entry["imageDigest"] = digest
        images.append(entry)
    return images


_ECR_IMAGE = re.compile(r"(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com/([^:@]+)(?::([^@]+))?")


def image_digest(image):
    if "@" in image:
        digest = image.split("@", 1)[1]
        return digest if digest.startswith("sha256:") else None
    found = _ECR_IMAGE.fullmatch(image)
    if not found:
        return None
    account, region, repository, tag = found.group(1), found.group(2), found.group(3), found.group(4) or "latest"
    from moto.ecr.models import ecr_backends
    from . import ecr
    try:
        backend = ecr_backends[account][region]
        with ecr._lock:
            ecr.sync(backend, repository)   # the registry's tags as they are now
            held = backend.repositories.get(repository)
            for candidate in list(held.images) if held is not None else []:
                if tag in (candidate.image_tags or []):
                    return candidate.get_image_digest()
    except Exception:
        log.exception("the digest of %s is not known", image)
        return None
    return None


# ------------------------------------------------------------------ status, from the deployment dicts

def _live(service, deployment):
    """Whether the deployment still has tasks: the scheduler drops a dict from service.deployments when it has none."""
    if not any(d is deployment for d in getattr(service, "deployments", None) or []):
        return False
    return deployment.get("runningCount", 0) + deployment.get("pendingCount", 0) > 0


def _replaced(entry):
    """Whether a newer service deployment of the service started while this one was unfinished."""
    entries = history(entry.service)
    return any(e is entry for e in entries) and entries[0] is not entry


def status(entry):
    return _status(entry)[0]


def _status(entry):
    """(status, statusReason) of a service deployment, read from its dicts."""
    d = entry.target
    service = entry.service
    rollback = d.get("_rollback")
    if rollback:
        to = _by_id(service, rollback.get("toDeploymentId")) if rollback.get("toDeploymentId") else None
        reason = rollback.get("reason") or "The deployment was rolled back."
        if to is None:
            return ("ROLLBACK_IN_PROGRESS" if service.status == "ACTIVE" else "ROLLBACK_FAILED"), reason
        if to.get("rolloutState") == "FAILED":
            return "ROLLBACK_FAILED", reason
        if to.get("rolloutState") == "COMPLETED" and not _live(service, d):
            return "ROLLBACK_SUCCESSFUL", reason
        if to.get("status") != "PRIMARY" and to.get("rolloutState") != "COMPLETED":
            return "ROLLBACK_FAILED", "%s The rollback was replaced by a newer deployment." % reason
        if service.status != "ACTIVE":
            return "ROLLBACK_FAILED", "%s The service was deleted." % reason
        return "ROLLBACK_IN_PROGRESS", reason
    replaced = _replaced(entry) and d.get("status") != "PRIMARY"
    if replaced and d.get("rolloutState") == "IN_PROGRESS" or replaced and entry.stop_type == "ROLLBACK":
        return "STOPPED", "A newer deployment of the service replaced this one before it finished."
    if entry.stop_type == "ROLLBACK":
        return "ROLLBACK_REQUESTED", USER_ROLLBACK_REASON
    state = d.get("rolloutState")
    if entry.stop_type == "ABORT":
        if state == "IN_PROGRESS":
            return "STOP_REQUESTED", "A stop was requested with StopServiceDeployment."
        return "STOPPED", "The deployment was stopped with StopServiceDeployment."
    if state == "COMPLETED":
        return "SUCCESSFUL", d.get("rolloutStateReason") or "ECS deployment completed."
    if state == "FAILED":
        return "STOPPED", d.get("rolloutStateReason") or "The deployment failed."
    if service.status != "ACTIVE":
        return "STOPPED", "The service was deleted."
    return "IN_PROGRESS", d.get("rolloutStateReason") or "ECS deployment in progress."


def refresh(entry):
    """Notes when the status changed (updatedAt) and when it finished (finishedAt, stoppedAt)."""
    state = status(entry)
    if state != entry.last_status:
        now = utcnow()
        entry.last_status = state
        entry.updated_at = now
        if state in FINISHED and entry.finished_at is None:
            entry.finished_at = now
        if state == "STOPPED" and entry.stopped_at is None:
            entry.stopped_at = now
    return state


def _summary(entry, deployment, revision, target, with_rollback=True):
    """A ServiceRevisionSummary of one side of the deployment: its task counts, and the weights a strategy set."""
    state = status(entry)
    weights = {}
    production = entry.target.get("_productionWeight")
    test = entry.target.get("_testWeight")
    if production is not None:
        weights["requestedProductionTrafficWeight"] = float(production if target else 100 - production)
    if test is not None:
        weights["requestedTestTrafficWeight"] = float(test if target else 100 - test)
    dicts = [deployment]
    if not target and with_rollback and entry.rollback_target is not None and revision is entry.rollback_revision:
        dicts.append(entry.rollback_target)   # a rolling rollback runs the old revision as a new ECS deployment
    service_deployments = getattr(entry.service, "deployments", None) or []
    live = [d for d in dicts if any(x is d for x in service_deployments)]
    desired = entry.target.get("desiredCount", 0)
    if target:
        requested = desired if state in ("PENDING", "IN_PROGRESS", "STOP_REQUESTED", "SUCCESSFUL") else 0
    elif state.startswith("ROLLBACK") and revision is entry.rollback_revision:
        requested = desired   # the rollback brings the old revision back to the desired count
    elif entry.strategy != ROLLING and live and entry.target.get("_lifecycleStage") != "CLEAN_UP" \
            and state in ONGOING:
        requested = desired   # blue keeps its tasks until CLEAN_UP
    else:
        requested = 0
    return dict({"arn": revision.arn, "requestedTaskCount": requested,
                 "runningTaskCount": sum(d.get("runningCount", 0) for d in live),
                 "pendingTaskCount": sum(d.get("pendingCount", 0) for d in live)}, **weights)


def _sources(entry):
    merged = {}
    for deployment, revision in entry.sources:
        known = merged.get(revision.arn)
        summary = _summary(entry, deployment, revision, False, with_rollback=known is None)
        if known is None:
            merged[revision.arn] = summary
        else:
            known["requestedTaskCount"] = max(known["requestedTaskCount"], summary["requestedTaskCount"])
            known["runningTaskCount"] += summary["runningTaskCount"]
            known["pendingTaskCount"] += summary["pendingTaskCount"]
    return list(merged.values())


def describe(entry):
    state = refresh(entry)
    _, reason = _status(entry)
    d = entry.target
    answer = {
        "serviceDeploymentArn": entry.arn, "serviceArn": entry.service.arn, "clusterArn": entry.service.cluster_arn,
        "createdAt": entry.created_at, "startedAt": entry.created_at, "updatedAt": entry.updated_at,
        "sourceServiceRevisions": _sources(entry),
        "targetServiceRevision": _summary(entry, d, entry.revision, True),
        "status": state, "statusReason": reason,
        "deploymentConfiguration": entry.configuration,
        "deploymentCircuitBreaker": _breaker(entry, state),
        "alarms": _alarms(entry, state),
    }
    if entry.finished_at is not None:
        answer["finishedAt"] = entry.finished_at
    if entry.stopped_at is not None:
        answer["stoppedAt"] = entry.stopped_at
    if d.get("_lifecycleStage"):
        answer["lifecycleStage"] = d["_lifecycleStage"]
    rollback = d.get("_rollback")
    if rollback:
        answer["rollback"] = {"reason": rollback.get("reason") or "", "startedAt": rollback.get("startedAt"),
                              "serviceRevisionArn": entry.rollback_revision.arn if entry.rollback_revision else None}
    return answer


def _breaker(entry, state):
    breaker = entry.configuration.get("deploymentCircuitBreaker") or {}
    threshold = rollout.failure_threshold(entry.target.get("desiredCount", 0))
    failures = entry.target.get("failedTasks", 0)
    if not breaker.get("enable"):
        return {"status": "DISABLED", "failureCount": failures, "threshold": threshold}
    if failures >= threshold and entry.stop_type is None and entry.target.get("rolloutState") == "FAILED":
        return {"status": "TRIGGERED", "failureCount": failures, "threshold": threshold}
    return {"status": "MONITORING" if state in ONGOING else "MONITORING_COMPLETE", "failureCount": failures,
            "threshold": threshold}


def _alarms(entry, state):
    alarms = entry.configuration.get("alarms") or {}
    names = list(alarms.get("alarmNames") or [])
    if not alarms.get("enable"):
        return {"status": "DISABLED", "alarmNames": names, "triggeredAlarmNames": []}
    # The strategies name the alarm in the rollback's reason when one rolls the deployment back.
    reason = (entry.target.get("_rollback") or {}).get("reason") or ""
    triggered = [n for n in names if n in reason]
    if triggered:
        return {"status": "TRIGGERED", "alarmNames": names, "triggeredAlarmNames": triggered}
    return {"status": "MONITORING" if state in ONGOING else "MONITORING_COMPLETE", "alarmNames": names,
            "triggeredAlarmNames": []}


def brief(entry):
    state = refresh(entry)
    answer = {"serviceDeploymentArn": entry.arn, "serviceArn": entry.service.arn,
              "clusterArn": entry.service.cluster_arn, "startedAt": entry.created_at, "createdAt": entry.created_at,
              "targetServiceRevisionArn": entry.revision.arn, "status": state, "statusReason": _status(entry)[1]}
    if entry.finished_at is not None:
        answer["finishedAt"] = entry.finished_at
    return answer


def current_revisions(service):
    """currentServiceRevisions (ServiceCurrentRevisionSummary: no weights): the revisions whose tasks the service
    runs now, with their counts, as the newest service deployment sees them (its target and its sources)."""
    entries = history(service)
    newest = entries[0] if entries else None
    summaries = {}
    for d in list(getattr(service, "deployments", None) or []):
        revision = _revision_of(service, d)
        if revision is None:
            continue
        if newest is not None and (d is newest.target or d is newest.rollback_target):
            summary = _summary(newest, d, revision, d is newest.target)
        elif newest is not None and any(s is d for s, _ in newest.sources):
            summary = _summary(newest, d, revision, False)
        else:
            summary = {"arn": revision.arn, "requestedTaskCount": 0, "runningTaskCount": d.get("runningCount", 0),
                       "pendingTaskCount": d.get("pendingCount", 0)}
        if d.get("status") == "PRIMARY":
            summary["requestedTaskCount"] = d.get("desiredCount", 0)
        summary = {k: summary[k] for k in ("arn", "requestedTaskCount", "runningTaskCount", "pendingTaskCount")}
        known = summaries.get(revision.arn)
        if known is None:
            summaries[revision.arn] = summary
        else:
            for key in ("requestedTaskCount", "runningTaskCount", "pendingTaskCount"):
                known[key] += summary[key]
    return list(summaries.values())


# ------------------------------------------------------------------ the scheduler's pass

def on_pass(plane, service):
    """Before the scheduler reconciles the service: carries out stop requests on rolling deployments (the other
    strategies act on _stopRequested themselves), and notes status changes."""
    try:
        _pass(plane, service)
    except Exception:
        log.exception("service deployments of %s", service.name)   # the scheduler's pass goes on regardless


def _pass(plane, service):
    for entry in list(history(service)):
        d = entry.target
        request = d.get("_stopRequested")
        if request and entry.strategy == ROLLING:
            with _lock:
                d.pop("_stopRequested", None)
                _carry_out(plane, service, entry, request)
        refresh(entry)


def _carry_out(plane, service, entry, request):
    d = entry.target
    if d.get("status") != "PRIMARY" or service.status != "ACTIVE":
        return   # a newer deployment replaced it meanwhile: there is nothing left to stop
    now = utcnow()
    entry.stopped_at = entry.stopped_at or now
    if request == "ABORT":
        if d.get("rolloutState") == "IN_PROGRESS":
            d["rolloutState"] = "FAILED"
        d["rolloutStateReason"] = "ECS deployment %s stopped: a stop was requested." % d["id"]
        d["updatedAt"] = now
        plane.event(service, "(deployment %s) deployment stopped." % d["id"])
        return
    revision = entry.rollback_revision
    d["rolloutState"] = "FAILED"
    d["rolloutStateReason"] = "ECS deployment %s rolled back: %s" % (d["id"], USER_ROLLBACK_REASON)
    d["updatedAt"] = now
    d["_rollback"] = {"reason": USER_ROLLBACK_REASON, "startedAt": now}
    plane.event(service, "(deployment %s) deployment stopped: a rollback was requested." % d["id"])
    rolled = plane.new_deployment(service, revision.task_definition, reason="rollback")
    plane.event(service, "rolling back to deployment %s." % rolled["id"])


# ------------------------------------------------------------------ the API

def _parse(arn, kind):
    found = _ARN.fullmatch(arn or "") if isinstance(arn, str) else None
    if not found or found.group(3) != kind:
        raise _invalid("Invalid %s ARN: %s" % (kind.replace("-", " "), arn))
    return found.group(1), found.group(2), found.group(4), found.group(5), found.group(6)


def _service_for(backend, region, account, cluster, name):
    if (region, account) != (backend.region_name, backend.account_id):
        return None
    return backend.services.get("%s:%s" % (cluster, name))


def find_deployment(backend, arn):
    region, account, cluster, name, _ = _parse(arn, "service-deployment")
    service = _service_for(backend, region, account, cluster, name)
    return next((e for e in history(service) if e.arn == arn), None) if service is not None else None


def find_revision(backend, arn):
    region, account, cluster, name, _ = _parse(arn, "service-revision")
    service = _service_for(backend, region, account, cluster, name)
    if service is None or service.status != "ACTIVE":
        return None   # ECS deletes a service's revisions with the service
    return _revisions(service).get(arn)


def _arns(response, member):
    arns = response._get_param(member) or []
    if not arns:
        raise _invalid("%s can not be empty." % member)
    if len(arns) > MAX_ARNS:
        raise _invalid("%s can have at most %d items." % (member, MAX_ARNS))
    return arns


def list_service_deployments(response):
    backend = response.ecs_backend
    service_str = response._get_param("service")
    cluster_str = response._get_param("cluster")
    if not cluster_str:
        cluster_str = service_str.split("/")[-2] if service_str and service_str.count("/") >= 2 else "default"
    service = backend._get_service(cluster_str, service_str)
    wanted = set(response._get_param("status") or [])
    created = response._get_param("createdAt") or {}
    after, before = _timestamp(created.get("after")), _timestamp(created.get("before"))
    limit = response._get_int_param("maxResults") or DEFAULT_PAGE
    if not 1 <= limit <= MAX_PAGE:
        raise _invalid("maxResults must be between 1 and %d." % MAX_PAGE)
    found = []
    for entry in history(service):
        stamp = entry.created_at.timestamp()
        if (after is not None and stamp < after) or (before is not None and stamp > before):
            continue
        if wanted and refresh(entry) not in wanted:
            continue
        found.append(entry)
    start = _token(response._get_param("nextToken"), len(found))
    page = {"serviceDeployments": [brief(e) for e in found[start:start + limit]]}
    if start + limit < len(found):
        page["nextToken"] = str(start + limit)
    return ActionResult(page)


def _timestamp(value):
    if value is None:
        return None
    if hasattr(value, "timestamp"):
        return value.timestamp()
    return float(value)


def _token(token, total):
    if not token:
        return 0
    if not token.isdigit() or int(token) > total:
        raise _invalid("Invalid nextToken.")
    return int(token)


def describe_service_deployments(response):
    backend = response.ecs_backend
    found, failures = [], []
    for arn in _arns(response, "serviceDeploymentArns"):
        entry = find_deployment(backend, arn)
        if entry is None:
            failures.append({"arn": arn, "reason": "MISSING"})
        else:
            found.append(describe(entry))
    return ActionResult({"serviceDeployments": found, "failures": failures})


def describe_service_revisions(response):
    backend = response.ecs_backend
    found, failures = [], []
    for arn in _arns(response, "serviceRevisionArns"):
        revision = find_revision(backend, arn)
        if revision is None:
            failures.append({"arn": arn, "reason": "MISSING"})
        else:
            found.append(revision.describe())
    return ActionResult({"serviceRevisions": found, "failures": failures})


def stop_service_deployment(response):
    backend = response.ecs_backend
    arn = response._get_param("serviceDeploymentArn")
    stop_type = response._get_param("stopType") or "ROLLBACK"
    if stop_type not in ("ROLLBACK", "ABORT"):
        raise _invalid("stopType must be one of ROLLBACK, ABORT.")
    entry = find_deployment(backend, arn)
    if entry is None:
        raise Error("ServiceDeploymentNotFoundException",
                    "The service deployment %s does not exist." % arn)
    with _lock:
        state = refresh(entry)
        if state not in ONGOING:
            raise Error("ConflictException", "The service deployment %s is %s: only a deployment in progress can "
                                             "be stopped." % (arn, state))
        if state in ("STOP_REQUESTED", "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS"):
            return ActionResult({"serviceDeploymentArn": arn})   # it goes on stopping (the stopping guide)
        if stop_type == "ROLLBACK" and entry.rollback_revision is None:
            raise Error("ConflictException", "The service deployment %s has no earlier successful service revision "
                                             "to roll back to." % arn)
        entry.stop_type = stop_type
        entry.target["_stopRequested"] = stop_type
        refresh(entry)
    return ActionResult({"serviceDeploymentArn": arn})


def _current_service_deployment(service):
    entries = history(service)
    return entries[0].arn if entries else None


def install():
    """Serves the four calls from moto's ECS endpoint, and lays the two members DescribeServices reads."""
    response_cls = ecs_responses.EC2ContainerServiceResponse
    for name, handler in (("list_service_deployments", list_service_deployments),
                          ("describe_service_deployments", describe_service_deployments),
                          ("describe_service_revisions", describe_service_revisions),
                          ("stop_service_deployment", stop_service_deployment)):
        if getattr(response_cls, name, None) is not handler:
            hooks.lay_member(response_cls, name, handler)
    service_cls = ecs_models.Service
    if not isinstance(service_cls.__dict__.get("current_service_deployment"), property):
        hooks.lay_member(service_cls, "current_service_deployment", property(_current_service_deployment))
        hooks.lay_member(service_cls, "current_service_revisions",
                         property(lambda service: current_revisions(service) if history(service) else None))
