"""The service scheduler's decisions in a rolling update, and the circuit breaker's threshold."""
import pytest

from mysfits_sandbox import rollout
from mysfits_sandbox.rollout import HEALTHY, RUNNING, STARTING, STOPPING, TaskView


def tasks(*specs):
    return [TaskView("t%d" % i, dep, phase) for i, (dep, phase) in enumerate(specs)]


@pytest.mark.parametrize("desired,threshold", [(1, 3), (2, 3), (6, 3), (7, 4), (10, 5), (1000, 200)])
def test_circuit_breaker_threshold_is_half_the_desired_count_between_3_and_200(desired, threshold):
    assert rollout.failure_threshold(desired) == threshold


def test_new_service_starts_its_desired_tasks():
    assert rollout.plan(2, 100, 200, "new", []) == rollout.Plan(2, ())


def test_rolling_update_starts_new_before_stopping_old_at_100_200():
    old = tasks(("old", HEALTHY), ("old", HEALTHY))
    first = rollout.plan(2, 100, 200, "new", old)
    assert first == rollout.Plan(2, ())  # surge to 200 %, nothing stopped while new ones are not healthy
    starting = old + [TaskView("n1", "new", STARTING), TaskView("n2", "new", RUNNING)]
    assert rollout.plan(2, 100, 200, "new", starting) == rollout.Plan(0, ())
    one_healthy = old + [TaskView("n1", "new", HEALTHY), TaskView("n2", "new", RUNNING)]
    assert rollout.plan(2, 100, 200, "new", one_healthy).stop == ("t0",)


def test_minimum_healthy_50_lets_half_the_old_tasks_go_first():
    old = tasks(("old", HEALTHY), ("old", HEALTHY), ("old", HEALTHY), ("old", HEALTHY))
    plan = rollout.plan(4, 50, 100, "new", old)
    assert len(plan.stop) == 2 and plan.start == 0  # no room until the stopped ones are gone


def test_stopping_tasks_hold_their_place_until_gone():
    current = tasks(("old", STOPPING), ("new", HEALTHY))
    assert rollout.plan(1, 100, 100, "new", current).start == 0


def test_unhealthy_old_tasks_go_at_once():
    current = tasks(("old", RUNNING), ("new", HEALTHY))
    assert rollout.plan(1, 100, 200, "new", current).stop == ("t0",)


def test_scale_in_stops_the_least_healthy_surplus():
    current = tasks(("p", HEALTHY), ("p", STARTING), ("p", HEALTHY))
    assert rollout.plan(2, 100, 200, "p", current) == rollout.Plan(0, ("t1",))


def test_failed_deployment_starts_nothing():
    assert rollout.plan(2, 100, 200, "new", [], primary_may_start=False).start == 0


def test_steady_only_when_just_primary_tasks_all_healthy():
    assert rollout.steady(2, "p", tasks(("p", HEALTHY), ("p", HEALTHY)))
    assert not rollout.steady(2, "p", tasks(("p", HEALTHY), ("p", RUNNING)))
    assert not rollout.steady(1, "p", tasks(("p", HEALTHY), ("old", STOPPING)))
    assert rollout.steady(0, "p", [])
