"""What the ECS service scheduler does next in a rolling update: pure decisions, tested alone.

A service has one PRIMARY deployment (the newest) and ACTIVE ones still holding tasks. Each pass, the scheduler
stops surplus and old tasks while keeping minimumHealthyPercent of the desired count healthy, and starts PRIMARY
tasks while staying within maximumPercent.
"""
import math
from dataclasses import dataclass

STARTING, RUNNING, HEALTHY, STOPPING = "starting", "running", "healthy", "stopping"


@dataclass(frozen=True)
class TaskView:
    arn: str
    deployment_id: str
    phase: str  # STARTING, RUNNING (not yet healthy behind its target groups), HEALTHY, STOPPING


@dataclass(frozen=True)
class Plan:
    start: int
    stop: tuple  # task ARNs


def failure_threshold(desired_count):
    """The deployment circuit breaker's threshold, as AWS documents it: half the desired count, rounded up,
    at least 3 and at most 200."""
    return min(200, max(3, math.ceil(0.5 * desired_count)))


def plan(desired, minimum_percent, maximum_percent, primary_id, tasks, primary_may_start=True):
    minimum_healthy = math.ceil(desired * minimum_percent / 100.0)
    maximum_total = max(math.floor(desired * maximum_percent / 100.0), 1 if desired else 0)
    live = [t for t in tasks if t.phase != STOPPING]
    stop = []

    primary = [t for t in live if t.deployment_id == primary_id]
    old = [t for t in live if t.deployment_id != primary_id]
    order = {STARTING: 0, RUNNING: 1, HEALTHY: 2}
    # Scale in: the least healthy surplus PRIMARY tasks go first.
    surplus = len(primary) - desired
    if surplus > 0:
        for t in sorted(primary, key=lambda t: order[t.phase])[:surplus]:
            stop.append(t.arn)
    healthy = sum(1 for t in live if t.phase == HEALTHY and t.arn not in stop)
    # Old deployments: unhealthy tasks can always go; healthy ones while enough healthy remain.
    for t in sorted(old, key=lambda t: order[t.phase]):
        if t.phase != HEALTHY:
            stop.append(t.arn)
        elif healthy - 1 >= minimum_healthy:
            stop.append(t.arn)
            healthy -= 1
    kept_primary = len([t for t in primary if t.arn not in stop])
    room = maximum_total - len(tasks)  # a stopping task holds its place until it is gone
    start = max(0, min(desired - kept_primary, room)) if primary_may_start else 0
    return Plan(start, tuple(stop))


def steady(desired, primary_id, tasks):
    """A deployment is complete when only PRIMARY tasks remain and desired of them are healthy."""
    if any(t.deployment_id != primary_id for t in tasks):
        return False
    live = [t for t in tasks if t.phase != STOPPING]
    return len(tasks) == desired and len(live) == desired and all(t.phase == HEALTHY for t in live)
