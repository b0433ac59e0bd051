"""ECS services and tasks that really run: moto's ECS backend, hooked.

moto keeps the API's records. EcsPlane hooks its backend (install) so that services get real deployments and
tasks, and runs the loop that drives them. Its two halves live beside it: the service scheduler (scheduler.py:
deployments, rollouts, the circuit breaker, service events) and the task life cycle (tasks.py: containers,
targets, draining, stopping).
"""
import concurrent.futures
import copy
import logging
import threading
import time

from moto.core.utils import utcnow
from moto.ecs import models as ecs_models
from moto.ecs import responses as ecs_responses
from moto.ecs.models import ecs_backends

from . import hooks, realism, service_deployments
from .awslogs import LogShipper
from .scheduler import DEFAULT_DEPLOYMENT_CONFIGURATION, SERVICE_DRAINING, EcsError, ServiceScheduler
from .tasks import ManagedTask, TaskLifecycle, short_id

log = logging.getLogger("mysfits_sandbox.ecs")
STOPPED_TASKS_KEPT_SECONDS = 3600  # ECS lists a stopped task for about an hour

CLUSTER_CONTAINS = realism.behaviour(
    "ecs-cluster-contains", 20, "DeleteCluster refuses while services, tasks or container instances remain "
    "(ClusterContains*Exception); the sandbox no longer stops a deleted cluster's tasks")


class EcsPlane(ServiceScheduler, TaskLifecycle):
    def __init__(self, settings, runtime, balancing, placement):
        self.settings = settings
        self.clock = settings.clock
        self.runtime = runtime
        self.balancing = balancing
        self.placement = placement
        self.tasks = {}               # task ARN -> ManagedTask
        self.logs = LogShipper(runtime)
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=16, thread_name_prefix="task")
        self._lock = threading.RLock()
        self.start_checks = []        # callables(managed) -> a stop reason or None, run while the task is PENDING
        self.credentials = None       # TaskCredentials, once the data plane listens (credentials.py)

    # ------------------------------------------------------------ moto hooks

    def install(self):
        plane = self
        backend_cls = ecs_models.EC2ContainerServiceBackend
        response_cls = ecs_responses.EC2ContainerServiceResponse

        original_create_response = response_cls.create_service

        def create_service_response(response):
            plane.validate_strategy(response.ecs_backend, response._get_param("deploymentConfiguration"),
                                    response._get_param("loadBalancers"))
            result = original_create_response(response)
            service = response.ecs_backend._get_service(response._get_param("cluster", "default"),
                                                        response._get_param("serviceName"))
            configuration = dict(DEFAULT_DEPLOYMENT_CONFIGURATION)
            configuration.update(response._get_param("deploymentConfiguration") or {})
            service.deployment_configuration = configuration
            service.health_check_grace_period_seconds = response._get_param("healthCheckGracePeriodSeconds") or 0
            plane.adopt_service(response.ecs_backend, service)
            return result

        hooks.lay_member(response_cls, "create_service", create_service_response)

        original_update = backend_cls.update_service

        def update_service(backend, properties):
            props = dict(properties)
            cluster, name = props.get("cluster", "default"), props.get("service", "").split("/")[-1]
            before = backend._get_service(cluster, name)
            if before.status != "ACTIVE":
                raise EcsError("ServiceNotActiveException", "Service was not ACTIVE.")
            old_definition, old_running, old_pending = before.task_definition, before.running_count, before.pending_count
            old_network = copy.deepcopy(before.network_configuration)
            old_balancers = copy.deepcopy(before.load_balancers)
            plane.validate_strategy(backend, props.get("deployment_configuration") or
                                    getattr(before, "deployment_configuration", None),
                                    props["load_balancers"] if props.get("load_balancers") is not None
                                    else before.load_balancers)
            # moto renames the first deployment on force_new_deployment; the data plane makes a new one instead.
            kept = [(d, d["id"], d["createdAt"]) for d in getattr(before, "deployments", [])]
            service = original_update(backend, properties)
            for deployment, deployment_id, created in kept:
                deployment["id"], deployment["createdAt"] = deployment_id, created
            if props.get("task_definition"):
                service.task_definition = backend.describe_task_definition(props["task_definition"]).arn
            service.running_count, service.pending_count = old_running, old_pending
            configuration = dict(DEFAULT_DEPLOYMENT_CONFIGURATION)
            configuration.update(getattr(service, "deployment_configuration", None) or {})
            service.deployment_configuration = configuration
            # A new network configuration (subnets, public IP) is a new deployment on AWS, as a new revision is.
            network_changed = props.get("network_configuration") is not None and \
                service.network_configuration != old_network
            # So are new load balancers (a switch to or from a blue/green strategy comes with them).
            balancers_changed = props.get("load_balancers") is not None and service.load_balancers != old_balancers
            plane.on_update(backend, service, old_definition,
                            bool(props.get("force_new_deployment")) or network_changed or balancers_changed)
            return service

        hooks.lay_member(backend_cls, "update_service", update_service)

        original_delete = backend_cls.delete_service

        def delete_service(backend, cluster_name, service_name, force):
            if backend._get_service(cluster_name, service_name).status != "ACTIVE":
                raise EcsError("ServiceNotActiveException", "Service was not ACTIVE.")
            service = original_delete(backend, cluster_name, service_name, force)
            plane.stop_service_tasks(service, "Scaling activity initiated by (service %s)" % service.name)
            service.desired_count = 0
            if plane.settings.realism.on(SERVICE_DRAINING):
                # ECS keeps it DRAINING while its tasks stop; reconcile_service makes it INACTIVE after.
                service.status = "DRAINING"
                service._draining_since = time.monotonic()
            return service

        hooks.lay_member(backend_cls, "delete_service", delete_service)

        original_delete_cluster = backend_cls.delete_cluster

        def delete_cluster(backend, cluster_str):
            if plane.settings.realism.on(CLUSTER_CONTAINS):
                plane.refuse_busy_cluster(backend, backend._get_cluster(cluster_str))
            cluster = original_delete_cluster(backend, cluster_str)
            for managed in list(plane.tasks.values()):
                if managed.task.cluster_name == cluster.name:
                    plane.request_stop(managed, "Task stopped because the cluster was deleted", drain=False)
                    managed.drain_until = 0
            return cluster

        hooks.lay_member(backend_cls, "delete_cluster", delete_cluster)

        original_run_task = backend_cls.run_task

        def run_task(backend, *args, **kwargs):
            tasks = original_run_task(backend, *args, **kwargs)
            for task in tasks:
                definition = backend.describe_task_definition(task.task_definition_arn)
                plane.launch(ManagedTask(task, backend, definition))
            return tasks

        hooks.lay_member(backend_cls, "run_task", run_task)

        original_stop_task = backend_cls.stop_task

        def stop_task(backend, cluster_str, task_str, reason):
            for arn, managed in list(plane.tasks.items()):
                if arn.endswith("/" + short_id(task_str)):
                    plane.request_stop(managed, reason or "Task stopped by user", stop_code="UserInitiated")
                    return managed.task
            return original_stop_task(backend, cluster_str, task_str, reason)

        hooks.lay_member(backend_cls, "stop_task", stop_task)

        original_list_tasks = backend_cls.list_tasks

        def list_tasks(backend, cluster_str=None, container_instance=None, family=None, started_by=None,
                       service_name=None, desiredStatus=None):
            # AWS lists RUNNING tasks unless asked for STOPPED ones, and filters by service.
            tasks = original_list_tasks(backend, cluster_str, container_instance, family, started_by, None,
                                        desiredStatus or "RUNNING")
            if service_name:
                tasks = [t for t in tasks if t.group == "service:" + service_name.split("/")[-1]]
            return tasks

        hooks.lay_member(backend_cls, "list_tasks", list_tasks)

        original_requirements = backend_cls._calculate_task_resource_requirements

        def requirements(task_definition):
            # hostPort 0 asks for a dynamic port: it reserves nothing.
            result = original_requirements(task_definition)
            result["PORTS"] = [p for p in result["PORTS"] if p not in (0, "0", None)]
            return result

        hooks.lay_member(backend_cls, "_calculate_task_resource_requirements", staticmethod(requirements))
        service_deployments.install()

    # ------------------------------------------------------------ services

    def tick(self):
        states = self.runtime.states()
        self.watch_containers(states)
        for account_id, regions in list(ecs_backends.items()):
            for region, backend in list(regions.items()):
                for service in list(backend.services.values()):
                    if hasattr(service, "_last_completed"):
                        try:
                            service_deployments.on_pass(self, service)
                            self.reconcile_service(backend, service)
                        except Exception:
                            log.exception("reconciling service %s", service.name)
        self.finish_stops()
        # Forget tasks whose records moto dropped (a reset) or that stopped long ago.
        for arn, managed in list(self.tasks.items()):
            if managed.task.last_status == "STOPPED" and managed.task.stopped_at and \
                    (utcnow() - managed.task.stopped_at).total_seconds() > self.clock.seconds(STOPPED_TASKS_KEPT_SECONDS):
                self.tasks.pop(arn, None)

    def reset(self):
        """moto forgot everything: so does the data plane, and its containers go."""
        with self._lock:
            self.tasks.clear()
        if self.credentials is not None:
            self.credentials.reset()
        self.logs.stop_all()
        self.runtime.remove_all()
