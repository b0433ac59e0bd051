"""AWS as it really behaves: the catalogue's behaviours (../shared/AWS-BEHAVIOURS.md), each behind a switch.

moto answers at once, consistently and leniently. Real AWS refuses some requests, answers others only after a
while, and tears down asynchronously. Each such behaviour the sandbox reproduces is registered here with the
number it has in the catalogue. All are on by default.

    MYSFITS_SANDBOX_REALISM=on|off|aws   on: timed behaviours last a few seconds (default); off: none of them;
                                         aws: AWS's typical durations, for a long soak run
    MYSFITS_SANDBOX_REALISM_OFF=a,b      these behaviours off, the others as the mode says

At run time (a test switching one behaviour for its own sandbox):
    GET  /mysfits-sandbox/realism   the mode, and each behaviour with its state and duration
    POST /mysfits-sandbox/realism   {"mode": "on", "off": ["ecs-service-draining"]}

Durations are AWS seconds: the sandbox clock (MYSFITS_SANDBOX_TIME_SCALE) divides them as it divides the rest.
"""
import json
import os
import threading
from . import hooks
from dataclasses import dataclass

MODE_VARIABLE = "MYSFITS_SANDBOX_REALISM"
OFF_VARIABLE = "MYSFITS_SANDBOX_REALISM_OFF"
MODES = ("on", "off", "aws")


@dataclass(frozen=True)
class Behaviour:
    name: str
    catalogue: int            # its row in AWS-BEHAVIOURS.md (0: what the catalogue says after its table)
    summary: str
    sandbox_seconds: float = 0.0   # how long it lasts by default (0: not timed)
    aws_seconds: float = 0.0       # AWS's typical duration, for mode "aws"


BEHAVIOURS = {}


def behaviour(name, catalogue, summary, sandbox_seconds=0.0, aws_seconds=0.0):
    """Registers a behaviour (once per name) and returns it; modules call this at import."""
    known = BEHAVIOURS.get(name)
    if known is None:
        known = BEHAVIOURS[name] = Behaviour(name, catalogue, summary, sandbox_seconds, aws_seconds)
    return known


def lay(cls, name, make, mark):
    """Puts make(current) on cls.name unless the current one already carries this mark: a module's hooks are laid
    once per process, whoever installs them again."""
    current = getattr(cls, name)
    if getattr(current, mark, False):
        return
    patched = make(current)
    setattr(patched, mark, True)
    hooks.lay_member(cls, name, patched)


class Realism:
    def __init__(self, mode="on", off=(), clock=None):
        self._lock = threading.Lock()
        self.clock = clock
        self.configure({"mode": mode, "off": list(off)})

    @staticmethod
    def from_environment(environ=None, clock=None):
        environ = os.environ if environ is None else environ
        mode = environ.get(MODE_VARIABLE, "").strip() or "on"
        off = [n.strip() for n in environ.get(OFF_VARIABLE, "").split(",") if n.strip()]
        try:
            return Realism(mode, off, clock)
        except ValueError as e:
            raise ValueError("%s / %s: %s" % (MODE_VARIABLE, OFF_VARIABLE, e))

    def configure(self, setting):
        mode = str(setting.get("mode", "on"))
        if mode not in MODES:
            raise ValueError("mode must be one of %s, not %r" % ("|".join(MODES), mode))
        off = set(str(n) for n in setting.get("off") or [])
        # Names are checked against the catalogue once every module has registered (see check_names).
        with self._lock:
            self.mode = mode
            self.off = off

    def check_names(self):
        unknown = sorted(n for n in self.off if n not in BEHAVIOURS)
        if unknown:
            raise ValueError("unknown behaviours %s; known: %s" % (unknown, sorted(BEHAVIOURS)))

    def on(self, b):
        return self.mode != "off" and b.name not in self.off

    def seconds(self, b):
        """How long a timed behaviour lasts here, on the sandbox clock; 0 when it is off."""
        if not self.on(b):
            return 0.0
        aws = b.aws_seconds if self.mode == "aws" else b.sandbox_seconds
        return self.clock.seconds(aws) if self.clock is not None else float(aws)

    def describe(self):
        return {"mode": self.mode,
                "behaviours": [{"name": b.name, "catalogue": b.catalogue, "summary": b.summary,
                                "on": self.on(b), "seconds": round(self.seconds(b), 3)}
                               for b in sorted(BEHAVIOURS.values(), key=lambda b: (b.catalogue, b.name))]}


class RealismMiddleware:
    PATH = "/mysfits-sandbox/realism"

    def __init__(self, app, realism):
        self.app = app
        self.realism = realism

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") != self.PATH:
            return self.app(environ, start_response)
        try:
            if environ.get("REQUEST_METHOD") == "POST":
                length = int(environ.get("CONTENT_LENGTH") or 0)
                setting = json.loads(environ["wsgi.input"].read(length) or b"{}")
                previous = {"mode": self.realism.mode, "off": list(self.realism.off)}
                self.realism.configure(setting)
                try:
                    self.realism.check_names()
                except ValueError:
                    self.realism.configure(previous)
                    raise
            body, status = json.dumps(self.realism.describe()).encode(), "200 OK"
        except (ValueError, TypeError) as e:
            body, status = json.dumps({"error": str(e)}).encode(), "400 Bad Request"
        start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
        return [body]
