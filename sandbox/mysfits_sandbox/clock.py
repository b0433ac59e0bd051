"""The sandbox clock: AWS's own timed behaviours, run faster by MYSFITS_SANDBOX_TIME_SCALE (default 1).

Where AWS waits (health-check intervals, the deregistration delay, the health-check grace period, the back-off
between failed launches, how long a stopped task stays listed, ECS's wait between SIGTERM and SIGKILL), the data
plane waits that long divided by the scale. Clients see the same answers in the same order, only sooner.

What bounds an app's own answer (a health check's timeout, a container's start) is not scaled: the app does not run
faster because the clock does, and a shorter bound would only fail checks that AWS would pass.
"""
import math
import os

SCALE_VARIABLE = "MYSFITS_SANDBOX_TIME_SCALE"


class SandboxClock:
    def __init__(self, scale=1.0):
        self.scale = parse_scale(scale)

    def seconds(self, aws_seconds):
        """How long the sandbox waits where AWS waits aws_seconds."""
        return float(aws_seconds) / self.scale

    @staticmethod
    def from_environment(environ=None):
        value = (os.environ if environ is None else environ).get(SCALE_VARIABLE, "").strip()
        return SandboxClock(value or 1.0)


def parse_scale(value):
    try:
        scale = float(value)
    except (TypeError, ValueError):
        scale = float("nan")
    if not math.isfinite(scale) or scale <= 0:
        raise ValueError("%s must be a positive number (1 runs at AWS's speed, 10 ten times faster), not %r"
                         % (SCALE_VARIABLE, value))
    return scale
