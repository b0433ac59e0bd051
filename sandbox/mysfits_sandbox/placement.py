"""Container instances for the EC2 launch type: an instance whose user data sets ECS_CLUSTER joins that cluster,
as the ECS agent would, with the CPU and memory of its instance type; tasks go where their reservations fit."""
import base64
import logging
import re

from moto.ec2 import models as ec2_models
from moto.ecs.models import ecs_backends

from . import hooks
from .hooks import HookSlot

log = logging.getLogger("mysfits_sandbox.placement")
CLUSTER_LINE = re.compile(r"ECS_CLUSTER=([A-Za-z0-9_-]+)")
# The agent reserves nothing here; these are the instance types' own figures (vCPU * 1024, MiB less ~5% for the OS).
KNOWN_TYPES = {"t2.micro": (1024, 982), "t2.small": (1024, 1993), "t2.medium": (2048, 3943),
               "t3.micro": (2048, 943), "t3.small": (2048, 1900), "t3.medium": (2048, 3828),
               "t3.large": (2048, 7854), "m5.large": (2048, 7681), "c5.large": (2048, 3711)}


def cluster_from_user_data(user_data):
    """The ECS_CLUSTER an instance's user data sets, whether moto holds it base64-encoded or plain."""
    if not user_data:
        return None
    texts = []
    for raw in user_data if isinstance(user_data, (list, tuple)) else [user_data]:
        if hasattr(raw, "as_bytes"):  # moto's Base64EncodedString
            raw = raw.as_bytes()
        if isinstance(raw, bytes):
            raw = raw.decode("utf-8", "replace")
        texts.append(raw)
        try:
            texts.append(base64.b64decode(raw, validate=False).decode("utf-8", "replace"))
        except Exception:
            pass
    for text in texts:
        match = CLUSTER_LINE.search(text)
        if match:
            return match.group(1)
    return None


def resources_of(instance_type):
    if instance_type in KNOWN_TYPES:
        return KNOWN_TYPES[instance_type]
    try:
        from moto.ec2.models.instance_types import INSTANCE_TYPES
        info = INSTANCE_TYPES.get(instance_type) or {}
        vcpus = info.get("VCpuInfo", {}).get("DefaultVCpus")
        memory = info.get("MemoryInfo", {}).get("SizeInMiB")
        if vcpus and memory:
            return vcpus * 1024, int(memory * 0.95)
    except ImportError:
        pass
    return 2048, 3828


def _resource(instance, name):
    return next(r for r in instance.remaining_resources if r["name"] == name)


class Placement:
    def __init__(self, balancing):
        self.balancing = balancing
        self.on_leave = []  # callbacks(instance id): tasks on a terminated instance stop with it

    def install(self):
        """Hooks moto's EC2 instances (once per process)."""
        _HOOKS.take(self)

    def join(self, account_id, region, cluster, instance):
        ecs = ecs_backends[account_id][region]
        if cluster not in ecs.clusters:
            log.info("instance %s names cluster %s, which does not exist; it stays out", instance.id, cluster)
            return
        container_instance = ecs.register_container_instance(cluster, instance.id)
        cpu, memory = resources_of(instance.instance_type)
        for resources in (container_instance.registered_resources, container_instance.remaining_resources):
            for r in resources:
                if r["name"] == "CPU":
                    r["integerValue"] = cpu
                elif r["name"] == "MEMORY":
                    r["integerValue"] = memory
        # Every sandbox "instance" is this machine: its host ports answer on loopback.
        self.balancing.instance_address[instance.id] = "127.0.0.1"

    def leave(self, account_id, region, instance_id):
        ecs = ecs_backends[account_id][region]
        for cluster, instances in list(ecs.container_instances.items()):
            for ci_id, ci in list(instances.items()):
                if ci.ec2_instance_id == instance_id:
                    ci.status = "INACTIVE"
                    ci.agent_connected = False
                    instances.pop(ci_id, None)
        self.balancing.instance_address.pop(instance_id, None)
        for callback in self.on_leave:
            callback(instance_id)

    def place(self, backend, cluster, requirements):
        """(container instance ARN, EC2 instance id) with room for the task, reserving it; or None. Spreads like
        ECS's default for services: the instance running the fewest tasks, then the one with most memory free."""
        fits = [ci for ci in list(backend.container_instances.get(cluster, {}).values())
                if ci.status == "ACTIVE" and backend._can_be_placed(ci, requirements)]
        if not fits:
            return None
        ci = min(fits, key=lambda c: (c.running_tasks_count, -_resource(c, "MEMORY")["integerValue"]))
        backend.update_container_instance_resources(ci, requirements)
        return ci.container_instance_arn, ci.ec2_instance_id

    def why_not(self, backend, cluster, requirements):
        instances = [ci for ci in backend.container_instances.get(cluster, {}).values() if ci.status == "ACTIVE"]
        if not instances:
            return "Reason: No Container Instances were found in your cluster."
        if all(_resource(ci, "MEMORY")["integerValue"] < requirements.get("MEMORY", 0) for ci in instances):
            return "The closest matching (container-instance %s) has insufficient memory available." % instances[0].id
        return "The closest matching (container-instance %s) has insufficient CPU units available." % instances[0].id

    def instance_of(self, backend, cluster, container_instance_arn):
        ci = backend.container_instances.get(cluster, {}).get(container_instance_arn.rsplit("/", 1)[-1])
        return ci.ec2_instance_id if ci else None

    def release(self, managed):
        task = managed.task
        if not task.container_instance_arn or getattr(managed, "_released", False):
            return
        managed._released = True
        backend = managed.backend
        ci = backend.container_instances.get(task.cluster_name, {}).get(task.container_instance_arn.rsplit("/", 1)[-1])
        if ci is not None and task.resource_requirements:
            backend.update_container_instance_resources(ci, task.resource_requirements, removing=True)


def _install_hooks():
    original_run = ec2_models.instances.InstanceBackend.run_instances

    def run_instances(backend, image_id, count, user_data, security_group_names, **kwargs):
        reservation = original_run(backend, image_id, count, user_data, security_group_names, **kwargs)
        for instance in reservation.instances:
            cluster = cluster_from_user_data(instance.user_data)
            if cluster:
                _HOOKS.active.join(backend.account_id, backend.region_name, cluster, instance)
        return reservation

    hooks.lay_member(ec2_models.instances.InstanceBackend, "run_instances", run_instances)

    original_terminate = ec2_models.instances.InstanceBackend.terminate_instances

    def terminate_instances(backend, instance_ids):
        result = original_terminate(backend, instance_ids)
        for instance_id in instance_ids:
            _HOOKS.active.leave(backend.account_id, backend.region_name, instance_id)
        return result

    hooks.lay_member(ec2_models.instances.InstanceBackend, "terminate_instances", terminate_instances)


_HOOKS = HookSlot(_install_hooks)
