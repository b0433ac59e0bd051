"""Target health as ALB keeps it: initial -> healthy/unhealthy by consecutive results, draining on deregistration.

TargetHealth is a pure state machine (tested alone); HealthRegistry holds one per registered target and is what
describe-target-health, the router and ECS read.
"""
import threading
import time
from dataclasses import dataclass, field

INITIAL, HEALTHY, UNHEALTHY, DRAINING = "initial", "healthy", "unhealthy", "draining"


def code_matches(matcher, status):
    """ALB's HttpCode matcher: '200', '200,202' or '200-299'."""
    for part in str(matcher or "200").split(","):
        part = part.strip()
        if "-" in part:
            low, high = part.split("-", 1)
            if int(low) <= status <= int(high):
                return True
        elif part and int(part) == status:
            return True
    return False


@dataclass
class ProbeResult:
    ok: bool
    status: int = 0          # HTTP status, 0 when there was none
    timed_out: bool = False
    error: str = ""


@dataclass
class TargetHealth:
    target_id: str
    port: int
    state: str = INITIAL
    reason: str = "Elb.RegistrationInProgress"
    description: str = "Target registration is in progress"
    successes: int = 0
    failures: int = 0
    next_probe: float = 0.0
    drain_until: float = 0.0
    ever_healthy: bool = False
    changed_at: float = field(default_factory=time.monotonic)

    def record(self, result, healthy_threshold, unhealthy_threshold, now=None):
        """Counts one probe; returns True when the state changed."""
        if self.state == DRAINING:
            return False
        before = self.state
        if result.ok:
            self.successes += 1
            self.failures = 0
            if self.state != HEALTHY and self.successes >= healthy_threshold:
                self._set(HEALTHY, None, None, now)
                self.ever_healthy = True
            elif self.state == INITIAL:
                self.reason, self.description = "Elb.InitialHealthChecking", "Initial health checks in progress"
        else:
            self.failures += 1
            self.successes = 0
            if self.state != UNHEALTHY and self.failures >= unhealthy_threshold:
                if result.timed_out:
                    why = ("Target.Timeout", "Request timed out")
                elif result.status:
                    why = ("Target.ResponseCodeMismatch", "Health checks failed with these codes: [%d]" % result.status)
                else:
                    why = ("Target.FailedHealthChecks", "Health checks failed")
                self._set(UNHEALTHY, why[0], why[1], now)
            elif self.state == INITIAL:
                self.reason, self.description = "Elb.InitialHealthChecking", "Initial health checks in progress"
        return self.state != before

    def drain(self, delay_seconds, now=None):
        now = time.monotonic() if now is None else now
        self._set(DRAINING, "Target.DeregistrationInProgress", "Target deregistration is in progress", now)
        self.drain_until = now + delay_seconds

    def drained(self, now=None):
        return self.state == DRAINING and (time.monotonic() if now is None else now) >= self.drain_until

    def _set(self, state, reason, description, now):
        self.state, self.reason, self.description = state, reason, description
        self.changed_at = time.monotonic() if now is None else now


class HealthRegistry:
    """Health of every target the sandbox knows, keyed by (target group ARN, target id, port)."""

    def __init__(self):
        self._lock = threading.RLock()
        self._targets = {}

    def register(self, group_arn, target_id, port):
        with self._lock:
            key = (group_arn, target_id, int(port))
            current = self._targets.get(key)
            if current is None or current.state == DRAINING:
                self._targets[key] = TargetHealth(target_id, int(port))
            return self._targets[key]

    def deregister(self, group_arn, target_id, port, delay_seconds):
        with self._lock:
            health = self._targets.get((group_arn, target_id, int(port)))
            if health is not None and health.state != DRAINING:
                health.drain(delay_seconds)

    def get(self, group_arn, target_id, port):
        with self._lock:
            return self._targets.get((group_arn, target_id, int(port)))

    def of_group(self, group_arn):
        with self._lock:
            return [h for (arn, _, _), h in self._targets.items() if arn == group_arn]

    def items(self):
        with self._lock:
            return list(self._targets.items())

    def forget_drained(self, now=None):
        """Drops targets whose draining is over; returns their keys."""
        with self._lock:
            done = [k for k, h in self._targets.items() if h.drained(now)]
            for key in done:
                del self._targets[key]
            return done

    def forget_group(self, group_arn):
        with self._lock:
            for key in [k for k in self._targets if k[0] == group_arn]:
                del self._targets[key]


def routable(healths):
    """Targets a request may go to: the healthy ones; if none is healthy but some are unhealthy, all of those
    (ALB fails open); never initial or draining ones."""
    healthy = [h for h in healths if h.state == HEALTHY]
    if healthy:
        return healthy
    return [h for h in healths if h.state == UNHEALTHY]
