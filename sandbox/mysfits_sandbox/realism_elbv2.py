"""Elastic Load Balancing as AWS behaves (AWS-BEHAVIOURS 7, 15, 16, 17), on moto's ELBv2 and ECS.

- A new load balancer is `provisioning` for a while, then `active`. Meanwhile its name resolves but it answers no
  HTTP request (the proxy closes the connection unanswered: elb.ProxyHandler asks `provisioning`).
- A target group, listener or rule just made is not yet found by a read that names it by ARN.
- A target group stays "in use by a listener or a rule" for a while after the last listener, rule or load balancer
  that forwarded to it is deleted or forwards elsewhere.
- ECS refuses a service whose target group no listener or rule forwards to, and keeps refusing for a moment after
  the first one does (the association takes a while to reach ECS).

moto keeps the records; this module only adds time. install() lays its patches on top of what is there: call it
after moto_fixes.install() (DataPlane.install does), so that its ECS checks run before the others.
"""
import time

from moto.ecs.exceptions import InvalidParameterException
from moto.ecs.responses import EC2ContainerServiceResponse
from moto.elbv2 import models as elbv2_models
from moto.elbv2.exceptions import (ListenerNotFoundError, PriorityInUseError, ResourceInUseError, RuleNotFoundError,
                                   TargetGroupNotFoundError)
from moto.elbv2.responses import ELBV2Response

from . import realism

PROVISIONING = realism.behaviour(
    "elbv2-load-balancer-provisioning", 15, "CreateLoadBalancer answers State provisioning; the load balancer is "
    "active, and answers HTTP, only after a while", sandbox_seconds=2, aws_seconds=120)
READ_AFTER_CREATE = realism.behaviour(
    "elbv2-read-after-create", 16, "DescribeTargetGroups/DescribeTargetHealth, DescribeListeners and DescribeRules "
    "naming a target group, listener or rule just made answer TargetGroupNotFound/ListenerNotFound/RuleNotFound",
    sandbox_seconds=1, aws_seconds=10)
TARGET_GROUP_IN_USE = realism.behaviour(
    "elbv2-target-group-in-use", 17, "DeleteTargetGroup answers ResourceInUse for a while after the last listener, "
    "rule or load balancer forwarding to it is gone", sandbox_seconds=1, aws_seconds=60)
NO_ASSOCIATED_LOAD_BALANCER = realism.behaviour(
    "ecs-target-group-without-load-balancer", 7, "ECS CreateService/UpdateService with a target group that no "
    "listener or rule forwards to (or only just does) answers InvalidParameterException",
    sandbox_seconds=1, aws_seconds=15)

_MARK = "_mysfits_elbv2"
_state = {"realism": None}   # the Realism in charge (a server installs once; tests install per test)
_created = {}                # ARN of a target group, listener or rule -> when it was made
_routed = {}                 # target group ARN -> since when a listener or rule forwards to it
_released = {}               # target group ARN -> when the last listener or rule forwarding to it went



def _lay(cls, name, make):
    realism.lay(cls, name, make, _MARK)


def _on(behaviour):
    r = _state["realism"]
    return r is not None and r.on(behaviour)


def _within(behaviour, since):
    r = _state["realism"]
    return r is not None and since is not None and time.monotonic() - since < r.seconds(behaviour)


def provisioning(balancer):
    """Whether a load balancer is still provisioning (always False for those made before this module was on)."""
    return getattr(balancer, "state", None) == "provisioning" and \
        time.monotonic() < getattr(balancer, "_mysfits_active_at", 0)


# ------------------------------------------------------------------ 15: provisioning

def _create_load_balancer(original):
    def create(backend, *args, **kwargs):
        known = set(backend.load_balancers)
        balancer = original(backend, *args, **kwargs)
        if balancer.arn not in known:
            r = _state["realism"]
            balancer._mysfits_active_at = time.monotonic() + (r.seconds(PROVISIONING) if r is not None else 0)
        return balancer
    return create


def _activate(original):
    def activate(balancer):
        if not provisioning(balancer):
            original(balancer)
    return activate


# ------------------------------------------------------------------ what forwards where

def _forwarded(backend):
    """Target group ARN -> True for every target group some listener or rule of this backend forwards to."""
    groups = set()
    for balancer in list(backend.load_balancers.values()):
        for listener in list(balancer.listeners.values()):
            for rule in list(listener.rules.values()):
                for action in rule.actions:
                    groups.update(backend._get_target_group_arns_from(action_data=action.data))
    return groups


def _tracking_forwards(original, created_arn=False):
    """Notes which target groups start or stop being forwarded to, and what ARN the call made."""
    def call(backend, *args, **kwargs):
        before = _forwarded(backend)
        result = original(backend, *args, **kwargs)
        after = _forwarded(backend)
        now = time.monotonic()
        for arn in after - before:
            _routed[arn] = now
            _released.pop(arn, None)
        for arn in before - after:
            _released[arn] = now
            _routed.pop(arn, None)
        if created_arn and getattr(result, "arn", None):
            _created[result.arn] = now
        return result
    return call


def _create_target_group(original):
    def create(backend, name, **kwargs):
        known = set(backend.target_groups)
        group = original(backend, name, **kwargs)
        if group.arn not in known:
            _created[group.arn] = time.monotonic()
        return group
    return create


def _create_rule(original):
    def create(backend, listener_arn, conditions, priority, actions, tags=None):
        try:
            return original(backend, listener_arn, conditions, priority, actions, tags)
        except PriorityInUseError:
            raise _priority_in_use(priority)
    return create


def _priority_in_use(priority):
    error = PriorityInUseError()
    error.message = "Priority '%s' is currently in use" % priority
    error.args = (error.message,)
    return error


# ------------------------------------------------------------------ 16: read-after-create

def _young(arns):
    return any(_within(READ_AFTER_CREATE, _created.get(arn)) for arn in arns or [])


def _reads(name, refuse):
    def make(original):
        def read(response):
            if _on(READ_AFTER_CREATE):
                refuse(response)
            return original(response)
        return read
    return make


def _refuse_target_groups(response):
    arns = response._get_param("TargetGroupArns", []) or []
    if _young(arns):
        raise TargetGroupNotFoundError()


def _refuse_target_health(response):
    if _young([response._get_param("TargetGroupArn")]):
        raise TargetGroupNotFoundError()


def _listener_not_found():
    error = ListenerNotFoundError()
    error.message = "One or more listeners not found"
    error.args = (error.message,)
    return error


def _refuse_listeners(response):
    if _young(response._get_param("ListenerArns", []) or []):
        raise _listener_not_found()


def _refuse_rules(response):
    if _young([response._get_param("ListenerArn")]):
        raise _listener_not_found()
    if _young(response._get_param("RuleArns", []) or []):
        raise RuleNotFoundError("One or more rules not found")


# ------------------------------------------------------------------ 17: in use for a while

def _in_use(arn):
    return ResourceInUseError("Target group '%s' is currently in use by a listener or a rule" % arn)


def _delete_target_group(original):
    def delete(response):
        arn = response._get_param("TargetGroupArn")
        if _on(TARGET_GROUP_IN_USE) and _within(TARGET_GROUP_IN_USE, _released.get(arn)) \
                and arn in response.elbv2_backend.target_groups:
            raise _in_use(arn)
        try:
            return original(response)
        except ResourceInUseError:
            raise _in_use(arn)  # AWS's words (moto's start "The target group")
    return delete


# ------------------------------------------------------------------ 7: ECS and the target group's load balancer

def _target_group_check(original):
    def checked(response):
        if _on(NO_ASSOCIATED_LOAD_BALANCER):
            backend = response.ecs_backend
            elb = elbv2_models.elbv2_backends[backend.account_id][backend.region_name]
            forwarded = None
            for entry in response._get_param("loadBalancers") or []:
                arn = (entry or {}).get("targetGroupArn")
                if not arn or arn not in elb.target_groups:
                    continue
                forwarded = _forwarded(elb) if forwarded is None else forwarded
                if arn not in forwarded or _within(NO_ASSOCIATED_LOAD_BALANCER, _routed.get(arn)):
                    raise InvalidParameterException(
                        "The target group with targetGroupArn %s does not have an associated load balancer." % arn)
        return original(response)
    return checked


def install(settings):
    """Lays the patches (once per class) and makes settings.realism the one they ask."""
    _state["realism"] = settings.realism
    backend = elbv2_models.ELBv2Backend
    _lay(backend, "create_load_balancer", _create_load_balancer)
    _lay(elbv2_models.FakeLoadBalancer, "activate", _activate)
    _lay(backend, "create_target_group", _create_target_group)
    _lay(backend, "create_listener", lambda original: _tracking_forwards(original, created_arn=True))
    _lay(backend, "create_rule", lambda original: _tracking_forwards(_create_rule(original), created_arn=True))
    for name in ("modify_listener", "modify_rule", "delete_listener", "delete_rule", "delete_load_balancer"):
        _lay(backend, name, _tracking_forwards)
    _lay(ELBV2Response, "describe_target_groups", _reads("describe_target_groups", _refuse_target_groups))
    _lay(ELBV2Response, "describe_target_health", _reads("describe_target_health", _refuse_target_health))
    _lay(ELBV2Response, "describe_listeners", _reads("describe_listeners", _refuse_listeners))
    _lay(ELBV2Response, "describe_rules", _reads("describe_rules", _refuse_rules))
    _lay(ELBV2Response, "delete_target_group", _delete_target_group)
    _lay(EC2ContainerServiceResponse, "create_service", _target_group_check)
    _lay(EC2ContainerServiceResponse, "update_service", _target_group_check)
