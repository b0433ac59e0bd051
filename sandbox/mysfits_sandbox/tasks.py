"""ECS task life cycles on the Docker engine: a task's containers start (pull, logs check, dependsOn order,
credentials route), register as targets, drain, stop and go, and what happens is written back into moto's Task
records in the words the ECS agent uses. The service scheduler (scheduler.py) decides which tasks start and stop.
"""
import logging
import math
import threading
import time

from moto.core.utils import utcnow
from moto.ecs.models import Container

from . import credentials as credentials_module
from . import realism, realism_ec2, rollout
from .ecr import registry_password
from .health import HEALTHY
from .runtime import PullError

log = logging.getLogger("mysfits_sandbox.ecs")
STOP_TIMEOUT_SECONDS = 10

LOG_GROUP_MISSING = realism.behaviour(
    "ecs-awslogs-group-missing", 13, "a task whose awslogs group does not exist (and awslogs-create-group is not "
    "true) stops with ResourceInitializationError")


def short_id(arn):
    return arn.rsplit("/", 1)[-1]


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


class TaskLifecycle:
    """The life cycle half of the data plane's ECS (ecs.EcsPlane): it holds the tasks it runs in self.tasks, and
    tells the scheduler half of a task's events (self.event), failures (self._count_failure) and end
    (self._update_counts)."""

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
            arn = self.target_group_for(managed, lb)
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


class TaskFailure(Exception):
    def __init__(self, reason, stop_code, container=None):
        super().__init__(reason)
        self.reason, self.stop_code, self.container = reason, stop_code, container
