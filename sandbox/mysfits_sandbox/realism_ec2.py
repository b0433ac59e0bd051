"""EC2's side of AWS as it really behaves (AWS-BEHAVIOURS 5, 21, 22, 23): security groups that cannot go while
something uses them, network interfaces that outlive their task or load balancer, a new group not yet visible,
Auto Scaling groups whose instances take a while to terminate, and container instances that join late.

Timed work is kept as deadlines, done by whichever comes first: the next request to any service, or the data
plane's loop. So a client sees a state change no sooner than AWS would let it, and no later than its next look.
"""
import logging
import threading
import time

from moto.autoscaling import models as autoscaling_models
from moto.autoscaling import responses as autoscaling_responses
from moto.autoscaling.exceptions import AutoscalingClientError
from moto.core import responses as core_responses
from moto.ec2 import models as ec2_models
from moto.ec2.exceptions import DependencyViolationError, InvalidSecurityGroupNotFoundError
from moto.elbv2 import models as elbv2_models

from . import hooks, realism
from .hooks import HookSlot

log = logging.getLogger("mysfits_sandbox.realism_ec2")

GROUP_DEPENDENTS = realism.behaviour(
    "ec2-security-group-dependents", 21,
    "DeleteSecurityGroup answers DependencyViolation while a network interface or another group's rule uses the group")
INTERFACES_LINGER = realism.behaviour(
    "ec2-network-interfaces-linger", 21,
    "a stopped Fargate task's or a deleted load balancer's network interfaces stay a while, holding their groups",
    sandbox_seconds=2, aws_seconds=600)
NEW_GROUP_NOT_VISIBLE = realism.behaviour(
    "ec2-security-group-propagation", 22,
    "a new security group answers InvalidGroup.NotFound to describe and authorize by id for a moment",
    sandbox_seconds=1, aws_seconds=2)
GROUP_INSTANCES_TERMINATE = realism.behaviour(
    "autoscaling-instances-terminate", 23,
    "an Auto Scaling group's instances take a while to terminate; the group is not deleted while it has any",
    sandbox_seconds=3, aws_seconds=120)
INSTANCES_JOIN_LATE = realism.behaviour(
    "ecs-container-instances-join-late", 5,
    "an EC2 instance joins its ECS cluster as a container instance a while after it is launched",
    sandbox_seconds=3, aws_seconds=90)

GROUP_IN_USE = ("You cannot delete an AutoScalingGroup while there are instances or pending Spot instance "
                "request(s) still in the group.")
SCALING_IN_PROGRESS = "You cannot delete an AutoScalingGroup while there are scaling activities in progress for that group."


class ResourceInUseFault(AutoscalingClientError):
    code = "ResourceInUse"


class ScalingActivityInProgressFault(AutoscalingClientError):
    code = "ScalingActivityInProgress"


class Later:
    """Work due at a time: done by run_due, which every request and the data plane's loop call."""

    def __init__(self):
        self._lock = threading.Lock()
        self._items = []

    def after(self, seconds, work):
        if seconds <= 0:
            work()
            return
        with self._lock:
            self._items.append((time.monotonic() + seconds, work))

    def run_due(self):
        now = time.monotonic()
        with self._lock:
            due = [w for t, w in self._items if t <= now]
            self._items = [(t, w) for t, w in self._items if t > now]
        for work in due:
            try:
                work()
            except Exception:
                log.exception("timed EC2 work failed")

    def clear(self):
        with self._lock:
            self._items = []


class Ec2Realism:
    def __init__(self, settings, placement=None):
        self.settings = settings
        self.later = Later()
        self.born = {}      # security group id -> when CreateSecurityGroup made it
        self.joining = {}   # EC2 instance id -> True while it has not joined its cluster yet
        if placement is not None:
            self._defer_joins(placement)

    def install(self):
        _HOOKS.take(self)

    def seconds(self, b):
        return self.settings.realism.seconds(b)

    def on(self, b):
        return self.settings.realism.on(b)

    def reset(self):
        self.later.clear()
        self.born.clear()
        self.joining.clear()

    # ------------------------------------------------------------ network interfaces (21)

    def release_interface(self, ec2_backend, eni_id):
        """A task's or load balancer's interface is let go: AWS deletes it, after a while."""
        def delete():
            try:
                ec2_backend.delete_network_interface(eni_id)
            except Exception:
                pass  # gone already
        self.later.after(self.seconds(INTERFACES_LINGER), delete)

    # ------------------------------------------------------------ container instances (5)

    def _defer_joins(self, placement):
        join, leave = placement.join, placement.leave

        def deferred_join(account_id, region, cluster, instance):
            seconds = self.seconds(INSTANCES_JOIN_LATE)
            if seconds <= 0:
                return join(account_id, region, cluster, instance)
            self.joining[instance.id] = True

            def now():
                if self.joining.pop(instance.id, None):
                    join(account_id, region, cluster, instance)
            self.later.after(seconds, now)

        def leave_or_never_join(account_id, region, instance_id):
            self.joining.pop(instance_id, None)  # terminated before its agent registered: it never joins
            return leave(account_id, region, instance_id)

        placement.join, placement.leave = deferred_join, leave_or_never_join


def _on(b):
    return _HOOKS.active is not None and _HOOKS.active.on(b)


def dependents(backend, group_id):
    """What keeps a security group: interfaces in it, and other groups' rules naming it."""
    interfaces = [eni.id for eni in list(backend.enis.values())
                  if group_id in [g.id for g in eni.group_set]]
    referring = []
    for groups in list(backend.groups.values()):
        for group in list(groups.values()):
            if group.id == group_id:
                continue
            for rule in list(group.ingress_rules) + list(group.egress_rules):
                if (rule.source_group or {}).get("GroupId") == group_id:
                    referring.append(group.id)
                    break
    return interfaces, referring


def _install_hooks():
    # Every request first does what has fallen due.
    original_call_action = core_responses.BaseResponse.call_action

    def call_action(response):
        if _HOOKS.active is not None:
            _HOOKS.active.later.run_due()
        return original_call_action(response)

    hooks.lay_member(core_responses.BaseResponse, "call_action", call_action)

    _install_security_group_hooks()
    _install_interface_hooks()
    _install_auto_scaling_hooks()


def _install_security_group_hooks():
    groups = ec2_models.security_groups.SecurityGroupBackend
    original_create = groups.create_security_group

    def create_security_group(backend, name, description, *args, **kwargs):
        group = original_create(backend, name, description, *args, **kwargs)
        if _HOOKS.active is not None:
            _HOOKS.active.born[group.id] = time.monotonic()
        return group

    hooks.lay_member(groups, "create_security_group", create_security_group)

    def not_yet_visible(group_ids):
        plane = _HOOKS.active
        seconds = plane.seconds(NEW_GROUP_NOT_VISIBLE) if plane is not None else 0
        for group_id in (group_ids or []) if seconds > 0 else []:
            born = plane.born.get(group_id)
            if born is not None and time.monotonic() - born < seconds:
                raise InvalidSecurityGroupNotFoundError(group_id)

    original_describe = groups.describe_security_groups

    def describe_security_groups(backend, group_ids=None, groupnames=None, filters=None):
        not_yet_visible(group_ids)
        return original_describe(backend, group_ids, groupnames, filters)

    hooks.lay_member(groups, "describe_security_groups", describe_security_groups)

    for name in ("authorize_security_group_ingress", "authorize_security_group_egress"):
        original = getattr(groups, name)

        def authorize(backend, group_name_or_id, *args, __original=original, **kwargs):
            if str(group_name_or_id).startswith("sg-"):
                not_yet_visible([group_name_or_id])
            return __original(backend, group_name_or_id, *args, **kwargs)

        hooks.lay_member(groups, name, authorize)

    original_delete = groups.delete_security_group

    def delete_security_group(backend, name=None, group_id=None):
        if _on(GROUP_DEPENDENTS):
            group = backend.get_security_group_from_id(group_id) if group_id else \
                backend.get_security_group_by_name_or_id(name)
            if group is not None:
                interfaces, referring = dependents(backend, group.id)
                if interfaces or referring:
                    raise DependencyViolationError("resource %s has a dependent object" % group.id)
        result = original_delete(backend, name=name, group_id=group_id)
        if _HOOKS.active is not None:
            _HOOKS.active.born.pop(group_id, None)
        return result

    hooks.lay_member(groups, "delete_security_group", delete_security_group)


def _install_interface_hooks():
    # An instance's primary interface, made at launch, goes with it (its DeleteOnTermination is true on AWS).
    instances = ec2_models.instances.InstanceBackend
    original_terminate = instances.terminate_instances

    def terminate_instances(backend, instance_ids):
        primary = [nic for i in instance_ids for nic in _nics(backend, i) if nic.device_index == 0]
        result = original_terminate(backend, instance_ids)
        for nic in primary:
            backend.enis.pop(nic.id, None)
        return result

    instances.terminate_instances = terminate_instances

    # An Application Load Balancer has an interface in each of its subnets, in its security groups.
    elbv2 = elbv2_models.ELBv2Backend
    original_create = elbv2.create_load_balancer

    def create_load_balancer(backend, *args, **kwargs):
        balancer = original_create(backend, *args, **kwargs)
        if getattr(balancer, "_interfaces", None) is not None:
            return balancer  # CreateLoadBalancer again with the same name answers the one there is: it has its interfaces
        balancer._interfaces = []
        if balancer.type == "application":
            lb_id = balancer.arn.split(":loadbalancer/", 1)[-1]
            for subnet in balancer.subnets:
                eni = backend.ec2_backend.create_network_interface(
                    subnet, None, group_ids=list(balancer.security_groups or []), description="ELB " + lb_id)
                eni.status, eni.requester_managed, eni.requester_id = "in-use", True, "amazon-elb"
                balancer._interfaces.append(eni.id)
        return balancer

    elbv2.create_load_balancer = create_load_balancer

    original_set_groups = elbv2.set_security_groups

    def set_security_groups(backend, arn, sec_groups):
        result = original_set_groups(backend, arn, sec_groups)
        balancer = backend.load_balancers.get(arn)
        for eni_id in getattr(balancer, "_interfaces", []):
            eni = backend.ec2_backend.enis.get(eni_id)
            if eni is not None:
                eni._group_set = [g for g in (backend.ec2_backend.get_security_group_from_id(i) for i in sec_groups) if g]
        return result

    elbv2.set_security_groups = set_security_groups

    original_delete = elbv2.delete_load_balancer

    def delete_load_balancer(backend, arn):
        balancer = backend.load_balancers.get(arn)
        result = original_delete(backend, arn)
        for eni_id in getattr(balancer, "_interfaces", []):
            release_interface(backend.ec2_backend, eni_id)
        return result

    elbv2.delete_load_balancer = delete_load_balancer


def _nics(backend, instance_id):
    try:
        return list(backend.get_instance(instance_id).nics.values())
    except Exception:
        return []


def _install_auto_scaling_hooks():
    group_class = autoscaling_models.FakeAutoScalingGroup
    original_set_desired = group_class.set_desired_capacity

    def set_desired_capacity(group, new_capacity):
        plane = _HOOKS.active
        seconds = plane.seconds(GROUP_INSTANCES_TERMINATE) if plane is not None else 0
        in_service = [s for s in group.instance_states if s.lifecycle_state != "Terminating"]
        wanted = group.min_size if new_capacity is None else new_capacity
        if seconds <= 0 or wanted is None or wanted >= len(in_service):
            return original_set_desired(group, new_capacity)
        group.desired_capacity = wanted
        leaving = [s for s in in_service if not s.protected_from_scale_in][:len(in_service) - wanted]
        for state in leaving:
            state.lifecycle_state = "Terminating"

        def terminated():
            group.autoscaling_backend.ec2_backend.terminate_instances([s.instance.id for s in leaving])
            group.instance_states = [s for s in group.instance_states if s not in leaving]
            backend = group.autoscaling_backend
            if getattr(group, "_deleting", False) and not group.instance_states:
                backend.autoscaling_groups.pop(group.name, None)
        plane.later.after(seconds, terminated)

    group_class.set_desired_capacity = set_desired_capacity

    original_response = autoscaling_responses.AutoScalingResponse.delete_auto_scaling_group

    def delete_auto_scaling_group(response):
        plane = _HOOKS.active
        backend = response.autoscaling_backend
        group = backend.autoscaling_groups.get(response._get_param("AutoScalingGroupName"))
        if group is None or not _on(GROUP_INSTANCES_TERMINATE):
            return original_response(response)
        force = str(response._get_param("ForceDelete", False)).lower() == "true"
        if group.instance_states and not force:
            if all(s.lifecycle_state == "Terminating" for s in group.instance_states):
                raise ScalingActivityInProgressFault(SCALING_IN_PROGRESS)
            raise ResourceInUseFault(GROUP_IN_USE)
        if not group.instance_states:
            return original_response(response)
        group._deleting = True  # listed until its instances are gone
        group.status = "Delete in progress"
        group.set_desired_capacity(0)
        return autoscaling_responses.EmptyResult()

    hooks.lay_member(autoscaling_responses.AutoScalingResponse, "delete_auto_scaling_group", delete_auto_scaling_group)


_HOOKS = HookSlot(_install_hooks)


def release_interface(ec2_backend, eni_id):
    """For the data plane: a task's interface is let go (at once when nothing installed these hooks)."""
    if _HOOKS.active is not None:
        _HOOKS.active.release_interface(ec2_backend, eni_id)
        return
    try:
        ec2_backend.delete_network_interface(eni_id)
    except Exception:
        pass
