"""The sandbox clock: MYSFITS_SANDBOX_TIME_SCALE divides AWS's timed behaviours, and nothing else."""
import time
from types import SimpleNamespace

import pytest

from mysfits_sandbox import health
from mysfits_sandbox.clock import SandboxClock
from mysfits_sandbox.ecs import EcsPlane
from mysfits_sandbox.tasks import STOP_TIMEOUT_SECONDS, ManagedTask
from mysfits_sandbox.elb import LoadBalancing
from mysfits_sandbox.settings import Settings


def settings(scale):
    return Settings.for_port(5997, "/dev/null", environ={"MYSFITS_SANDBOX_TIME_SCALE": str(scale)})


def test_the_scale_comes_from_the_environment_and_defaults_to_aws_speed():
    assert SandboxClock.from_environment({}).seconds(300) == 300
    assert SandboxClock.from_environment({"MYSFITS_SANDBOX_TIME_SCALE": " "}).scale == 1
    assert SandboxClock.from_environment({"MYSFITS_SANDBOX_TIME_SCALE": "10"}).seconds(5) == 0.5
    assert SandboxClock.from_environment({"MYSFITS_SANDBOX_TIME_SCALE": "0.5"}).seconds(5) == 10


@pytest.mark.parametrize("value", ["0", "-2", "fast", "nan", "inf"])
def test_a_scale_that_is_not_a_positive_number_is_refused(value):
    with pytest.raises(ValueError, match="MYSFITS_SANDBOX_TIME_SCALE must be a positive number"):
        SandboxClock.from_environment({"MYSFITS_SANDBOX_TIME_SCALE": value})


def group(interval=5, delay="300"):
    return SimpleNamespace(arn="arn:tg/web", health_check_interval_seconds=interval, attributes={
        "deregistration_delay.timeout_seconds": delay})


@pytest.mark.parametrize("scale, next_probe", [(1, 105.0), (10, 100.5)])
def test_health_checks_come_an_interval_apart_on_the_sandbox_clock(scale, next_probe):
    balancing = LoadBalancing(settings(scale))
    balancing.find_group = lambda arn: group(interval=5)
    balancing._probe_and_record = lambda *args: None
    target = balancing.registry.register("arn:tg/web", "10.0.0.1", 80)
    balancing.check_health(now=100.0)
    assert target.next_probe == next_probe


@pytest.mark.parametrize("scale, seconds", [(1, 300), (10, 30), (60, 5)])
def test_deregistered_targets_drain_for_the_delay_on_the_sandbox_clock(scale, seconds):
    assert LoadBalancing(settings(scale)).drain_seconds(group(delay="300")) == seconds


def plane(scale, registry=None):
    return EcsPlane(settings=settings(scale), runtime=None,
                    balancing=SimpleNamespace(registry=registry or health.HealthRegistry()), placement=None)


def service(grace=30):
    return SimpleNamespace(name="web", desired_count=1, deployments=[], events=[], deployment_configuration={},
                           health_check_grace_period_seconds=grace)


@pytest.mark.parametrize("scale, replaced", [(1, False), (10, True)])
def test_unhealthy_tasks_are_replaced_after_the_grace_period_on_the_sandbox_clock(scale, replaced):
    registry = health.HealthRegistry()
    target = registry.register("arn:tg/web", "10.0.0.1", 80)
    target.record(health.ProbeResult(False, status=500), healthy_threshold=2, unhealthy_threshold=1)
    p, s = plane(scale, registry), service(grace=30)
    task = ManagedTask(task=SimpleNamespace(task_arn="arn:task/c/abc", last_status="RUNNING"), backend=None,
                       task_definition=None, service=s, deployment_id="d1")
    task.targets = [("arn:tg/web", "10.0.0.1", 80)]
    task.running_since = time.monotonic() - 4  # running 4 s: past 30 s / 10, within 30 s
    p.tasks[task.arn] = task
    failed = []
    p.fail = lambda managed, reason, **kwargs: failed.append(reason)
    p._check_target_health(s)
    assert bool(failed) == replaced
    if replaced:
        assert failed == ["Task failed ELB health checks in (target-group arn:tg/web)"]


@pytest.mark.parametrize("scale, at_most", [(1, 0.5), (10, 0.05)])
def test_launches_back_off_after_a_failed_task_on_the_sandbox_clock(scale, at_most):
    p, s = plane(scale), service()
    before = time.monotonic()
    p._count_failure(ManagedTask(task=None, backend=None, task_definition=None, service=s, deployment_id="d1"))
    assert before + at_most * 0.9 <= s._next_launch <= time.monotonic() + at_most


def test_the_stop_timeout_is_scaled_but_docker_gets_at_least_a_second():
    stops = []
    runtime = SimpleNamespace(stop=lambda cid, timeout: stops.append(timeout), inspect=lambda cid: None,
                              remove=lambda cid: None)
    for scale in (1, 5, 100):
        p = plane(scale)
        p.runtime = runtime
        p.logs = SimpleNamespace(flush=lambda managed: None)
        p.placement = SimpleNamespace(release=lambda managed: None)
        task = SimpleNamespace(task_arn="arn:task/c/abc", last_status="RUNNING", containers=[], attachments=[])
        managed = ManagedTask(task=task, backend=None, task_definition=None)
        managed.containers = {"web": "cid"}
        p._finish_stop(managed)
    assert stops == [STOP_TIMEOUT_SECONDS, STOP_TIMEOUT_SECONDS / 5, 1]


def test_repeated_service_events_are_held_back_for_the_window_on_the_sandbox_clock():
    for scale, kept in ((1, 1), (1000, 2)):
        p, s = plane(scale), service()
        p.event(s, "was unable to place a task", repeat_after=60)
        time.sleep(0.07)  # past 60 s / 1000
        p.event(s, "was unable to place a task", repeat_after=60)
        assert len(s.events) == kept
