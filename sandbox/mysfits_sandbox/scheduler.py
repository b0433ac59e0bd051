"""The ECS service scheduler: deployments, rollouts as ECS paces them (rollout.py), the circuit breaker with its
rollback, replacement of unhealthy tasks, and service events, on moto's Service records. It starts and stops tasks
through the life cycle half of the data plane (tasks.py).
"""
import time
import uuid

from moto.core.utils import utcnow
from moto.ecs.exceptions import ECSException
from moto.ecs.models import Task

from . import realism, rollout, service_deployments
from .health import UNHEALTHY
from .tasks import ManagedTask, short_id
from .strategies import StrategyDriver

DEFAULT_DEPLOYMENT_CONFIGURATION = {"maximumPercent": 200, "minimumHealthyPercent": 100,
                                    "deploymentCircuitBreaker": {"enable": False, "rollback": False}}
EVENTS_KEPT = 100

SERVICE_DRAINING = realism.behaviour(
    "ecs-service-draining", 18, "DeleteService leaves the service DRAINING until its tasks have stopped, then "
    "INACTIVE; UpdateService or DeleteService on it answers ServiceNotActiveException", sandbox_seconds=1, aws_seconds=60)


class EcsError(ECSException):
    def __init__(self, code, message):
        super().__init__(code, message)


class ServiceScheduler(StrategyDriver):
    """The scheduler half of the data plane's ECS (ecs.EcsPlane): it reconciles each service with its tasks, and
    starts and stops them through the life cycle half (self.launch, self.request_stop, self.fail)."""

    def adopt_service(self, backend, service):
        """A new service: one PRIMARY deployment, nothing running yet."""
        service.running_count = 0
        service.pending_count = 0
        service.events = []
        service.deployments = []
        service._last_completed = None
        if service.task_definition:
            self.new_deployment(service, service.task_definition)

    def new_deployment(self, service, task_definition_arn, reason=None):
        for d in service.deployments:
            if d["status"] == "PRIMARY":
                d["status"] = "ACTIVE"
                if d["rolloutState"] == "IN_PROGRESS":
                    d["rolloutState"] = "FAILED" if reason else "IN_PROGRESS"
                d["updatedAt"] = utcnow()
        deployment_id = "ecs-svc/%019d" % (uuid.uuid4().int % (10 ** 19))
        deployment = {
            "id": deployment_id, "status": "PRIMARY", "taskDefinition": task_definition_arn,
            "desiredCount": service.desired_count, "pendingCount": 0, "runningCount": 0, "failedTasks": 0,
            "createdAt": utcnow(), "updatedAt": utcnow(), "launchType": service.launch_type,
            "networkConfiguration": service.network_configuration or None,
            "platformVersion": service.platform_version,
            "platformFamily": "EC2" if service.launch_type == "EC2" else "FARGATE",
            "rolloutState": "IN_PROGRESS", "rolloutStateReason": "ECS deployment %s in progress." % deployment_id,
        }
        service.deployments.insert(0, deployment)
        service.task_definition = task_definition_arn
        service_deployments.record(service, deployment, reason)
        return deployment

    def on_update(self, backend, service, old_definition, force):
        if not getattr(service, "deployments", None) and not hasattr(service, "_last_completed"):
            self.adopt_service(backend, service)
            return
        if service.task_definition != old_definition or force:
            self.new_deployment(service, service.task_definition)
        else:
            primary = self.primary(service)
            if primary is not None:
                primary["desiredCount"] = service.desired_count
                if primary["rolloutState"] == "COMPLETED":
                    primary["updatedAt"] = utcnow()

    @staticmethod
    def primary(service):
        return next((d for d in service.deployments if d["status"] == "PRIMARY"), None)

    def event(self, service, message, repeat_after=None):
        """Adds a service event; with repeat_after, the same message is not repeated within that many seconds."""
        text = "(service %s) %s" % (service.name, message)
        if repeat_after is not None:
            for e in service.events:
                if e["message"] == text and (utcnow() - e["createdAt"]).total_seconds() < self.clock.seconds(repeat_after):
                    return
        service.events.insert(0, {"id": str(uuid.uuid4()), "createdAt": utcnow(),
                                  "message": text})
        del service.events[EVENTS_KEPT:]

    def service_tasks(self, service):
        return [m for m in list(self.tasks.values()) if m.service is service and m.task.last_status != "STOPPED"]

    def stop_service_tasks(self, service, reason):
        for managed in self.service_tasks(service):
            self.request_stop(managed, reason)

    def refuse_busy_cluster(self, backend, cluster):
        if any(s.cluster_name == cluster.name and s.status in ("ACTIVE", "DRAINING") for s in backend.services.values()):
            raise EcsError("ClusterContainsServicesException", "The Cluster cannot be deleted while Services are active.")
        if any(t.last_status != "STOPPED" for t in (backend.tasks.get(cluster.name) or {}).values()):
            raise EcsError("ClusterContainsTasksException", "The Cluster cannot be deleted while Tasks are active.")
        if any(i.status in ("ACTIVE", "DRAINING") for i in (backend.container_instances.get(cluster.name) or {}).values()):
            raise EcsError("ClusterContainsContainerInstancesException",
                           "The Cluster cannot be deleted while Container Instances are active or draining.")

    def reconcile_service(self, backend, service):
        if service.status != "ACTIVE":
            self._update_counts(service)
            if service.status == "DRAINING" and not self.service_tasks(service) and \
                    time.monotonic() - service._draining_since >= self.settings.realism.seconds(SERVICE_DRAINING):
                service.status = "INACTIVE"
            return
        primary = self.primary(service)
        if primary is None:
            return
        if self.drives_strategy(service, primary):  # BLUE_GREEN, CANARY, LINEAR: strategies.py
            self.reconcile_strategy(backend, service, primary)
            return
        registry = self.balancing.registry
        self._check_target_health(service)
        managed = self.service_tasks(service)
        views = [rollout.TaskView(m.arn, m.deployment_id, m.phase(registry)) for m in managed]
        configuration = service.deployment_configuration or DEFAULT_DEPLOYMENT_CONFIGURATION
        primary["desiredCount"] = service.desired_count
        if any(v.phase == rollout.HEALTHY and v.deployment_id == primary["id"] for v in views):
            service._failures_in_row = 0
        backing_off = time.monotonic() < getattr(service, "_next_launch", 0)
        plan = rollout.plan(service.desired_count, configuration.get("minimumHealthyPercent", 100),
                            configuration.get("maximumPercent", 200), primary["id"], views,
                            primary_may_start=primary["rolloutState"] != "FAILED" and not backing_off)
        stopped = [m for m in managed if m.arn in plan.stop]
        for m in stopped:
            self.request_stop(m, "Scaling activity initiated by (deployment %s)" % primary["id"])
        if stopped:
            self.event(service, "has stopped %d running tasks: %s." % (
                len(stopped), " ".join("(task %s)" % short_id(m.arn) for m in stopped)))
        started = []
        for _ in range(plan.start):
            m = self.start_service_task(backend, service, primary)
            if m is None:
                break
            started.append(m)
        if started:
            self.event(service, "has started %d tasks: %s." % (
                len(started), " ".join("(task %s)" % short_id(m.arn) for m in started)))
        # Deployments with nothing left go away; a complete PRIMARY says so once.
        live = self.service_tasks(service)
        for d in list(service.deployments):
            if d["status"] != "PRIMARY" and not any(m.deployment_id == d["id"] for m in live):
                service.deployments.remove(d)
        views = [rollout.TaskView(m.arn, m.deployment_id, m.phase(registry)) for m in live]
        steady = rollout.steady(service.desired_count, primary["id"], views)
        if steady and primary["rolloutState"] == "IN_PROGRESS":
            primary["rolloutState"] = "COMPLETED"
            primary["rolloutStateReason"] = "ECS deployment %s completed." % primary["id"]
            primary["updatedAt"] = utcnow()
            service._last_completed = primary["taskDefinition"]
            self.event(service, "(deployment %s) deployment completed." % primary["id"])
        if steady and not getattr(service, "_steady", False):
            self.event(service, "has reached a steady state.")
        service._steady = steady
        self._update_counts(service)

    def _update_counts(self, service):
        live = self.service_tasks(service)
        service.running_count = sum(1 for m in live if m.task.last_status == "RUNNING")
        service.pending_count = sum(1 for m in live if m.task.last_status in ("PROVISIONING", "PENDING", "ACTIVATING"))
        for d in service.deployments:
            mine = [m for m in live if m.deployment_id == d["id"]]
            d["runningCount"] = sum(1 for m in mine if m.task.last_status == "RUNNING")
            d["pendingCount"] = sum(1 for m in mine if m.task.last_status != "RUNNING")

    def _check_target_health(self, service):
        """Tasks whose target turned unhealthy after the grace period are replaced, as ECS does."""
        grace = self.clock.seconds(int(getattr(service, "health_check_grace_period_seconds", 0) or 0))
        for m in self.service_tasks(service):
            if m.stopping or m.running_since is None or time.monotonic() - m.running_since < grace:
                continue
            for arn, target_id, port in m.targets:
                h = self.balancing.registry.get(arn, target_id, port)
                if h is not None and h.state == UNHEALTHY:
                    self.event(service, "(task %s) (port %s) is unhealthy in (target-group %s) due to (reason %s)."
                               % (short_id(m.arn), port, arn, h.description))
                    self.fail(m, "Task failed ELB health checks in (target-group %s)" % arn,
                              stop_code="ServiceSchedulerInitiated")
                    break

    def start_service_task(self, backend, service, deployment):
        definition = backend.describe_task_definition(deployment["taskDefinition"])
        cluster = backend._get_cluster(service.cluster_name)
        instance_arn, instance_id = None, None
        requirements = backend._calculate_task_resource_requirements(definition)
        if service.launch_type == "EC2":
            placed = self.placement.place(backend, cluster.name, requirements)
            if placed is None:
                self.event(service, "was unable to place a task because no container instance met all of its "
                                    "requirements. %s" % self.placement.why_not(backend, cluster.name, requirements),
                           repeat_after=60)
                return None
            instance_arn, instance_id = placed
        network = service.network_configuration or None
        task = Task(cluster, definition, instance_arn, requirements, backend=backend,
                    group="service:" + service.name, launch_type=service.launch_type or "",
                    started_by=deployment["id"], tags=[], networking_configuration=network,
                    platform_version=service.platform_version)
        backend.tasks.setdefault(cluster.name, {})[task.task_arn] = task
        managed = ManagedTask(task, backend, definition, service, deployment["id"])
        managed.instance_id = instance_id
        self.launch(managed)
        return managed

    def _count_failure(self, managed):
        service = managed.service
        if service is None:
            return
        # ECS backs off between launches of a service whose tasks keep failing.
        service._failures_in_row = getattr(service, "_failures_in_row", 0) + 1
        service._next_launch = time.monotonic() + self.clock.seconds(min(30.0, 0.5 * 2 ** (service._failures_in_row - 1)))
        deployment = next((d for d in service.deployments if d["id"] == managed.deployment_id), None)
        if deployment is None:
            return
        deployment["failedTasks"] += 1
        breaker = (service.deployment_configuration or {}).get("deploymentCircuitBreaker") or {}
        if not breaker.get("enable") or deployment["rolloutState"] != "IN_PROGRESS" \
                or deployment["status"] != "PRIMARY":
            return
        if deployment["failedTasks"] < rollout.failure_threshold(service.desired_count):
            return
        deployment["rolloutState"] = "FAILED"
        deployment["rolloutStateReason"] = "ECS deployment circuit breaker: tasks failed to start."
        deployment["updatedAt"] = utcnow()
        self.event(service, "(deployment %s) deployment failed: tasks failed to start." % deployment["id"])
        if self.strategy_failed(service, deployment, breaker):
            return
        previous = getattr(service, "_last_completed", None)
        if breaker.get("rollback") and previous:
            rolled = self.new_deployment(service, previous, reason="rollback")
            deployment["status"] = "ACTIVE"
            self.event(service, "rolling back to deployment %s." % rolled["id"])
