"""The deployment circuit breaker: failed tasks count per deployment; at the threshold the deployment fails and,
with rollback on, a new PRIMARY deployment brings back the last completed revision."""
from types import SimpleNamespace

from mysfits_sandbox.ecs import EcsPlane
from mysfits_sandbox.tasks import ManagedTask
from mysfits_sandbox.settings import Settings


def plane():
    return EcsPlane(settings=Settings.for_port(5999, "/dev/null"), runtime=None, balancing=SimpleNamespace(registry=None), placement=None)


def service(rollback=True, desired=2):
    s = SimpleNamespace(name="web", desired_count=desired, launch_type="FARGATE", network_configuration=None,
                        platform_version=None, events=[], deployments=[], task_definition=None,
                        deployment_configuration={"deploymentCircuitBreaker": {"enable": True, "rollback": rollback}})
    return s


def failed_task(p, s, deployment):
    m = ManagedTask(task=None, backend=None, task_definition=None, service=s, deployment_id=deployment["id"])
    p._count_failure(m)


def test_rollback_after_the_threshold_to_the_last_completed_revision():
    p, s = plane(), service()
    p.new_deployment(s, "arn:td/web:1")
    s._last_completed = "arn:td/web:1"
    broken = p.new_deployment(s, "arn:td/web:2")
    for _ in range(2):
        failed_task(p, s, broken)
    assert broken["rolloutState"] == "IN_PROGRESS" and broken["failedTasks"] == 2
    failed_task(p, s, broken)  # the third: threshold for 2 desired is 3
    assert broken["rolloutState"] == "FAILED"
    assert broken["rolloutStateReason"] == "ECS deployment circuit breaker: tasks failed to start."
    primary = next(d for d in s.deployments if d["status"] == "PRIMARY")
    assert primary["taskDefinition"] == "arn:td/web:1" and primary["id"] != broken["id"]
    assert broken["status"] == "ACTIVE"
    assert s.task_definition == "arn:td/web:1"
    messages = [e["message"] for e in s.events]
    assert any("deployment failed: tasks failed to start" in m for m in messages)
    assert any(m.startswith("(service web) rolling back to deployment ") for m in messages)


def test_without_rollback_the_deployment_fails_and_stays_primary():
    p, s = plane(), service(rollback=False)
    p.new_deployment(s, "arn:td/web:1")
    s._last_completed = "arn:td/web:1"
    broken = p.new_deployment(s, "arn:td/web:2")
    for _ in range(3):
        failed_task(p, s, broken)
    assert broken["rolloutState"] == "FAILED" and broken["status"] == "PRIMARY"
    assert len(s.deployments) == 2


def test_a_first_deployment_has_nothing_to_roll_back_to():
    p, s = plane(), service()
    first = p.new_deployment(s, "arn:td/web:1")
    s._last_completed = None
    for _ in range(3):
        failed_task(p, s, first)
    assert first["rolloutState"] == "FAILED"
    assert [d["status"] for d in s.deployments] == ["PRIMARY"]


def test_breaker_off_only_counts():
    p, s = plane(), service()
    s.deployment_configuration = {"deploymentCircuitBreaker": {"enable": False}}
    d = p.new_deployment(s, "arn:td/web:1")
    for _ in range(10):
        failed_task(p, s, d)
    assert d["failedTasks"] == 10 and d["rolloutState"] == "IN_PROGRESS"
