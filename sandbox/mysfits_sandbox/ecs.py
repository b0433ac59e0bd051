"""ECS services and tasks that really run: the scheduler, task life cycles and service events.

moto keeps the API's records. This module hooks its backend so that services get real deployments and tasks,
starts one container per container definition, registers targets, follows the circuit breaker, and writes what
happens back into moto's records in the words AWS uses.
"""
import concurrent.futures
import copy
import logging
import math
import threading
import time
import uuid
from datetime import datetime, timezone

from moto.core.utils import utcnow
from moto.ecs import models as ecs_models
from moto.ecs import responses as ecs_responses
from moto.ecs.exceptions import ECSException
from moto.ecs.models import Container, Task, ecs_backends

from . import credentials as credentials_module
from . import hooks, realism, realism_ec2, rollout
from .awslogs import LogShipper
from .ecr import registry_password
from .health import HEALTHY, UNHEALTHY
from .runtime import PullError

log = logging.getLogger("mysfits_sandbox.ecs")
DEFAULT_DEPLOYMENT_CONFIGURATION = {"maximumPercent": 200, "minimumHealthyPercent": 100,
                                    "deploymentCircuitBreaker": {"enable": False, "rollback": False}}
STOP_TIMEOUT_SECONDS = 10
STOPPED_TASKS_KEPT_SECONDS = 3600  # ECS lists a stopped task for about an hour
EVENTS_KEPT = 100

SERVICE_DRAINING = realism.behaviour(
    "ecs-service-draining", 18, "DeleteService leaves the service DRAINING until its tasks have stopped, then "
    "INACTIVE; UpdateService or DeleteService on it answers ServiceNotActiveException", sandbox_seconds=1, aws_seconds=60)
CLUSTER_CONTAINS = realism.behaviour(
    "ecs-cluster-contains", 20, "DeleteCluster refuses while services, tasks or container instances remain "
    "(ClusterContains*Exception); the sandbox no longer stops a deleted cluster's tasks")
LOG_GROUP_MISSING = realism.behaviour(
    "ecs-awslogs-group-missing", 13, "a task whose awslogs group does not exist (and awslogs-create-group is not "
    "true) stops with ResourceInitializationError")


class EcsError(ECSException):
    def __init__(self, code, message):
        super().__init__(code, message)


def short_id(arn):
    return arn.rsplit("/", 1)[-1]


def now_utc():
    return datetime.now(timezone.utc)


class ManagedTask:
    """The data plane's side of one moto Task."""

    def __init__(self, task, backend, task_definition, service=None, deployment_id=None):
        self.task = task
        self.backend = backend
        self.task_definition = task_definition
        self.service = service
        self.deployment_id = deployment_id
        self.containers = {}          # container name -> docker id
        self.essential = {}           # container name -> bool
        self.targets = []             # (target group ARN, target id, port)
        self.address = None           # the task's own address (awsvpc) or None
        self.host_ports = {}          # container port -> host port (bridge)
        self.instance_id = None       # EC2 instance of a bridge task
        self.stopping = False
        self.started = threading.Event()   # set once the start has done what it will do: stops wait for it
        self.drain_until = None
        self.running_since = None
        self.lock = threading.Lock()

    @property
    def arn(self):
        return self.task.task_arn

    def phase(self, registry):
        if self.stopping or self.task.last_status == "STOPPED":
            return rollout.STOPPING
        if self.task.last_status != "RUNNING":
            return rollout.STARTING
        for arn, target_id, port in self.targets:
            h = registry.get(arn, target_id, port)
            if h is None or h.state != HEALTHY:
                return rollout.RUNNING
        return rollout.HEALTHY


class EcsPlane:
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
            plane.on_update(backend, service, old_definition, bool(props.get("force_new_deployment")) or network_changed)
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

    # ------------------------------------------------------------ services

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

    # ------------------------------------------------------------ task life cycle

    def launch(self, managed):
        task = managed.task
        task._transitions = []  # the data plane sets the status, not describe calls
        task.status = "PROVISIONING"
        task.desired_status = "RUNNING"
        task.created_at = utcnow()
        task.containers = []
        for definition in managed.task_definition.container_definitions:
            container = Container(managed.task_definition)
            container.name = definition.get("name")
            container.image = definition.get("image")
            container.cpu, container.memory = definition.get("cpu"), definition.get("memory")
            container.memory_reservation = definition.get("memoryReservation")
            container.environment, container.command = definition.get("environment"), definition.get("command")
            container.last_status, container.exitCode, container.reason = "PENDING", None, None
            container.health_status = "UNKNOWN"
            container.network_bindings = []
            container.essential = definition.get("essential", True)
            task.containers.append(container)
        if task.container_instance_arn and managed.instance_id is None:
            managed.instance_id = self.placement.instance_of(managed.backend, task.cluster_name,
                                                              task.container_instance_arn)
        with self._lock:
            self.tasks[managed.arn] = managed
        self._pool.submit(self._start, managed)

    def _start(self, managed):
        task, definition = managed.task, managed.task_definition
        try:
            task.status = "PENDING"
            task.pull_started_at = utcnow()
            self._check_logs(managed)
            for check in self.start_checks:
                reason = check(managed)
                if reason:
                    raise TaskFailure(reason, "TaskFailedToStart")
            for c in definition.container_definitions:
                try:
                    self.runtime.pull(c["image"], registry_password)
                except PullError as e:
                    raise TaskFailure("CannotPullContainerError: %s" % e, "TaskFailedToStart", c["name"])
            task.pull_stopped_at = utcnow()
            self._run_containers(managed)
            if managed.stopping:
                return
            task.status = "RUNNING"
            task.started_at = utcnow()
            task.connectivity, task.connectivity_at = "CONNECTED", utcnow()
            managed.running_since = time.monotonic()
            for container in task.containers:
                container.last_status = "RUNNING"
            self._register_targets(managed)
        except TaskFailure as e:
            self.fail(managed, e.reason, stop_code=e.stop_code, container=e.container)
        except Exception as e:  # anything Docker says goes into the task, as the agent would report it
            log.exception("task %s failed to start", short_id(managed.arn))
            self.fail(managed, "CannotStartContainerError: %s" % e, stop_code="TaskFailedToStart")
        finally:
            managed.started.set()

    def _check_logs(self, managed):
        from moto.logs.models import logs_backends
        for c in managed.task_definition.container_definitions:
            config = c.get("logConfiguration") or {}
            if config.get("logDriver") != "awslogs":
                continue
            options = config.get("options") or {}
            region = options.get("awslogs-region") or managed.task.region_name
            group = options.get("awslogs-group")
            backend = logs_backends[managed.backend.account_id][region]
            if group not in backend.groups and options.get("awslogs-create-group") != "true" \
                    and self.settings.realism.on(LOG_GROUP_MISSING):
                raise TaskFailure(
                    "ResourceInitializationError: failed to validate logger args: create stream has been retried 1 "
                    "times: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log "
                    "group does not exist. : exit status 1", "TaskFailedToStart", c["name"])

    def _run_containers(self, managed):
        task, definition = managed.task, managed.task_definition
        overrides = {o.get("name"): o for o in (task.overrides or {}).get("containerOverrides", [])}
        awsvpc = definition.network_mode == "awsvpc"
        extra_hosts = self.balancing.dns_names_for_containers()
        injected = self._aws_environment(managed)
        first_id = None
        for c in self._start_order(definition.container_definitions):
            if managed.stopping:
                return  # stopped while starting: what was made so far goes with the stop
            name = c["name"]
            override = overrides.get(name) or {}
            environment = dict(injected)
            environment.update({e["name"]: e["value"] for e in c.get("environment") or []})
            environment.update({e["name"]: e["value"] for e in override.get("environment") or []})
            labels = self.runtime.labels(task_arn=task.task_arn, cluster=task.cluster_name, container=name,
                                         service=managed.service.name if managed.service else "")
            kwargs = dict(command=override.get("command") or c.get("command"), entrypoint=c.get("entryPoint"),
                          environment=environment, mem_limit=c.get("memory"),
                          mem_reservation=c.get("memoryReservation"), cpu_shares=c.get("cpu"),
                          extra_hosts=extra_hosts, working_dir=c.get("workingDirectory"), user=c.get("user"))
            container_name = "ecs-%s-%s-%s-%s" % (definition.family, definition.revision, name, short_id(task.task_arn)[:8])
            if awsvpc and first_id is not None:
                kwargs["network_mode"] = "container:" + first_id
            elif awsvpc:
                kwargs["network"] = self.settings.network
                kwargs["hostname"] = "ip-" + short_id(task.task_arn)[:8]
            else:
                kwargs["network"] = "bridge"
                kwargs["ports"] = {"%d/tcp" % p["containerPort"]: ("127.0.0.1", p.get("hostPort") or None)
                                   for p in c.get("portMappings") or []}
            self._wait_for_dependencies(managed, c)
            container_id = self.runtime.run(c["image"], container_name, labels, **kwargs)
            managed.containers[name] = container_id
            if not (awsvpc and first_id is not None):  # awsvpc: the task's containers share the first one's network
                self._route_credentials(managed, container_id)
            managed.essential[name] = c.get("essential", True)
            first_id = first_id or container_id
            container = self._container(task, name)
            container.runtime_id = container_id
            self.logs.follow(managed, c, container_id)
            if not awsvpc:
                managed.host_ports.update(self.runtime.host_ports(container_id))
                container.network_bindings = [
                    {"bindIP": "0.0.0.0", "containerPort": cp, "hostPort": hp, "protocol": "tcp"}
                    for cp, hp in self.runtime.host_ports(container_id).items()]
        if awsvpc and first_id:
            status = self.runtime.inspect(first_id)
            managed.address = status.ip if status else None
            for attachment in task.attachments:
                for detail in attachment.get("details", []):
                    if detail["name"] == "privateIPv4Address" and managed.address:
                        detail["value"] = managed.address
            for container in task.containers:
                container.network_interfaces = [{"attachmentId": a["id"], "privateIpv4Address": managed.address}
                                                for a in task.attachments]

    def _aws_environment(self, managed):
        """What ECS sets in a task's containers for the SDKs: the region, and with a task role the relative URI of
        its credentials; plus, the sandbox's own, where its AWS endpoint is (credentials.py says why)."""
        task = managed.task
        region = task.region_name
        environment = {"AWS_REGION": region, "AWS_DEFAULT_REGION": region}
        if self.credentials is None or self.credentials.address is None:
            return environment
        environment["AWS_ENDPOINT_URL"] = self.credentials.url()
        role = (task.overrides or {}).get("taskRoleArn") or getattr(managed.task_definition, "task_role_arn", None)
        if role:
            environment[credentials_module.RELATIVE_URI_VARIABLE] = self.credentials.register(
                managed.backend.account_id, role, task.task_arn)
        return environment

    def _route_credentials(self, managed, container_id):
        """The ECS credentials address, inside the container's network, leads to the sandbox's endpoint."""
        if self.credentials is None or self.credentials.address is None:
            return
        pid = self.runtime.pid(container_id)
        problem = self.credentials.route_in(pid) if pid else "the container has no process"
        if problem:
            log.warning("task %s: no route to the task credentials endpoint: %s", short_id(managed.arn), problem)

    @staticmethod
    def _start_order(definitions):
        """dependsOn first; a cycle is refused by ECS at registration, so any leftover order is kept."""
        by_name = {c["name"]: c for c in definitions}
        ordered, seen = [], set()

        def visit(c, path=()):
            if c["name"] in seen or c["name"] in path:
                return
            for dep in c.get("dependsOn") or []:
                if dep.get("containerName") in by_name:
                    visit(by_name[dep["containerName"]], path + (c["name"],))
            seen.add(c["name"])
            ordered.append(c)

        for c in definitions:
            visit(c)
        return ordered

    def _wait_for_dependencies(self, managed, definition, timeout=120):
        for dep in definition.get("dependsOn") or []:
            container_id = managed.containers.get(dep.get("containerName"))
            condition = dep.get("condition", "START")
            if container_id is None or condition == "START" or condition == "HEALTHY":
                continue
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                status = self.runtime.inspect(container_id)
                if status is None or not status.running:
                    if condition == "SUCCESS" and status is not None and status.exit_code != 0:
                        raise TaskFailure("dependency %s exited with %d" % (dep["containerName"], status.exit_code),
                                          "TaskFailedToStart", definition["name"])
                    break
                time.sleep(0.2)

    @staticmethod
    def _container(task, name):
        return next(c for c in task.containers if c.name == name)

    def _register_targets(self, managed):
        service = managed.service
        if service is None:
            return
        for lb in service.load_balancers or []:
            arn = lb.get("targetGroupArn")
            group = self.balancing.find_group(arn) if arn else None
            if group is None:
                continue
            port = int(lb.get("containerPort"))
            if group.target_type == "ip":
                target_id, target_port = managed.address, port
            else:
                target_id, target_port = managed.instance_id, managed.host_ports.get(port)
            if not target_id or not target_port:
                continue
            elbv2 = self._elbv2(managed)
            elbv2.register_targets(arn, [{"Id": target_id, "Port": target_port}])
            managed.targets.append((arn, target_id, target_port))
            self.event(service, "registered 1 targets in (target-group %s)" % arn)

    def _elbv2(self, managed):
        from moto.elbv2.models import elbv2_backends
        return elbv2_backends[managed.backend.account_id][managed.task.region_name]

    def _deregister_targets(self, managed):
        if not managed.targets:
            return 0
        elbv2 = self._elbv2(managed)
        delay = 0
        for arn, target_id, port in managed.targets:
            group = elbv2.target_groups.get(arn)
            if group is None or target_id not in group.targets:
                continue
            delay = max(delay, self.balancing.drain_seconds(group))
            elbv2.deregister_targets(arn, [{"Id": target_id, "Port": port}])
            if managed.service is not None:
                self.event(managed.service, "deregistered 1 targets in (target-group %s)" % arn)
        return delay

    def request_stop(self, managed, reason, stop_code="ServiceSchedulerInitiated", drain=True):
        """ECS's stop: deregister and drain first, then SIGTERM, then remove."""
        with managed.lock:
            if managed.stopping:
                return
            managed.stopping = True
        task = managed.task
        task.desired_status = "STOPPED"
        task.stopped_reason = reason
        task.stop_code = stop_code
        task.stopping_at = utcnow()
        # A stopping task's targets always leave their groups; only a task that drains waits the delay out.
        delay = self._deregister_targets(managed)
        if not drain:
            delay = 0
        if delay and managed.service is not None:
            self.event(managed.service, "has begun draining connections on 1 tasks.")
        managed.drain_until = time.monotonic() + delay

    def fail(self, managed, reason, stop_code="TaskFailedToStart", container=None, exit_codes=None):
        """A task that failed on its own: counted against its deployment's circuit breaker."""
        with managed.lock:
            if managed.stopping:
                return
        if container is not None:
            c = self._container(managed.task, container)
            c.reason = reason
        for name, code in (exit_codes or {}).items():
            self._container(managed.task, name).exitCode = code
        self.request_stop(managed, reason, stop_code=stop_code, drain=False)
        managed.drain_until = 0
        self._count_failure(managed)

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
        previous = getattr(service, "_last_completed", None)
        if breaker.get("rollback") and previous:
            rolled = self.new_deployment(service, previous, reason="rollback")
            deployment["status"] = "ACTIVE"
            self.event(service, "rolling back to deployment %s." % rolled["id"])

    def finish_stops(self):
        """Tasks whose draining is over are stopped and removed."""
        for managed in list(self.tasks.values()):
            if managed.stopping and managed.task.last_status != "STOPPED" and managed.drain_until is not None \
                    and managed.started.is_set() and self._drained(managed) and not getattr(managed, "_finishing", False):
                managed._finishing = True
                self._pool.submit(self._finish_stop, managed)

    def _drained(self, managed):
        """Draining ends after the deregistration delay, or at once when the target groups are gone."""
        if time.monotonic() >= managed.drain_until:
            return True
        return all(self.balancing.find_group(arn) is None for arn, _, _ in managed.targets)

    def _finish_stop(self, managed):
        task = managed.task
        try:
            task.status = "DEACTIVATING" if task.last_status == "RUNNING" else task.last_status
            for name, container_id in managed.containers.items():
                self.runtime.stop(container_id, max(1, math.ceil(self.clock.seconds(STOP_TIMEOUT_SECONDS))))
            for name, container_id in managed.containers.items():
                status = self.runtime.inspect(container_id)
                container = self._container(task, name)
                if status is not None and container.exitCode is None:
                    container.exitCode = status.exit_code
                container.last_status = "STOPPED"
            self.logs.flush(managed)
            for container_id in managed.containers.values():
                self.runtime.remove(container_id)
        except Exception:
            log.exception("stopping task %s", short_id(managed.arn))
        finally:
            for container in task.containers:
                container.last_status = "STOPPED"
            task.status = "STOPPED"
            task.stopped_at = task.execution_stopped_at = utcnow()
            self.placement.release(managed)
            self._delete_eni(managed)
            if self.credentials is not None:
                self.credentials.forget(task.task_arn)
            if managed.service is not None:
                self._update_counts(managed.service)

    def _delete_eni(self, managed):
        from moto.ec2.models import ec2_backends
        for attachment in managed.task.attachments:
            for detail in attachment.get("details", []):
                if detail["name"] == "networkInterfaceId":
                    # AWS deletes it a while later (realism_ec2): meanwhile it holds its security groups.
                    realism_ec2.release_interface(ec2_backends[managed.backend.account_id][managed.task.region_name],
                                                  detail["value"])
            attachment["status"] = "DELETED"

    def watch_containers(self, states):
        """An essential container that exited stops its task, as the agent reports it."""
        for managed in list(self.tasks.values()):
            if managed.stopping or managed.task.last_status != "RUNNING":
                continue
            # The snapshot may be older than a container's start: inspect confirms before the task fails.
            exited = {name: cid for name, cid in managed.containers.items() if not states.get(cid, False)}
            if not exited:
                continue
            codes = {}
            oom = False
            for name, container_id in list(exited.items()):
                status = self.runtime.inspect(container_id)
                if status is not None and status.running:
                    del exited[name]  # the snapshot was older than the container's start
                    continue
                codes[name] = status.exit_code if status else 137
                oom = oom or bool(status and status.oom_killed)
                container = self._container(managed.task, name)
                container.last_status = "STOPPED"
                container.exitCode = codes[name]
            essential = [n for n in exited if managed.essential.get(n, True)]
            if not essential:
                continue
            if oom:
                reason = "OutOfMemoryError: Container killed due to memory usage"
            else:
                reason = "Essential container in task exited"
            for name in essential:
                self._container(managed.task, name).reason = None
            self.fail(managed, reason, stop_code="EssentialContainerExited", exit_codes=codes)

    def instance_gone(self, instance_id):
        """An EC2 instance terminated: its tasks stop with it, as ECS reports."""
        for managed in list(self.tasks.values()):
            if managed.instance_id == instance_id and not managed.stopping:
                self.request_stop(managed, "Host EC2 (instance %s) terminated." % instance_id,
                                  stop_code="TerminationNotice", drain=False)
                managed.drain_until = 0

    # ------------------------------------------------------------ the loop

    def tick(self):
        states = self.runtime.states()
        self.watch_containers(states)
        for account_id, regions in list(ecs_backends.items()):
            for region, backend in list(regions.items()):
                for service in list(backend.services.values()):
                    if hasattr(service, "_last_completed"):
                        try:
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


class TaskFailure(Exception):
    def __init__(self, reason, stop_code, container=None):
        super().__init__(reason)
        self.reason, self.stop_code, self.container = reason, stop_code, container
