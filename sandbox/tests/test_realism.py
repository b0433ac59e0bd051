import json
import io

import pytest

from mysfits_sandbox import realism
from mysfits_sandbox.clock import SandboxClock
from mysfits_sandbox.realism import Realism, RealismMiddleware
from mysfits_sandbox.settings import Settings

DRAIN = realism.behaviour("test-timed", 999, "a timed behaviour for these tests", sandbox_seconds=4, aws_seconds=120)


def test_on_by_default_with_the_sandbox_duration_on_the_clock():
    r = Realism(clock=SandboxClock(2))
    assert r.on(DRAIN)
    assert r.seconds(DRAIN) == 2.0


def test_aws_mode_uses_typical_durations_and_off_turns_everything_off():
    assert Realism("aws", clock=SandboxClock(1)).seconds(DRAIN) == 120.0
    off = Realism("off")
    assert not off.on(DRAIN) and off.seconds(DRAIN) == 0.0


def test_one_behaviour_off_by_name_from_the_environment():
    r = Realism.from_environment({"MYSFITS_SANDBOX_REALISM_OFF": "test-timed"})
    assert r.mode == "on" and not r.on(DRAIN)


def test_bad_mode_and_unknown_names_are_refused():
    with pytest.raises(ValueError, match="mode must be one of on|off|aws"):
        Realism.from_environment({"MYSFITS_SANDBOX_REALISM": "sometimes"})
    with pytest.raises(ValueError, match="unknown behaviours"):
        Realism(off=["no-such-behaviour"]).check_names()


def test_settings_share_their_clock_with_realism():
    settings = Settings.for_port(5123, hosts_file="/dev/null", environ={"MYSFITS_SANDBOX_TIME_SCALE": "4"})
    assert settings.realism.seconds(DRAIN) == 1.0


def call(middleware, method, body=None):
    raw = json.dumps(body).encode() if body is not None else b""
    seen = {}
    out = middleware({"PATH_INFO": RealismMiddleware.PATH, "REQUEST_METHOD": method, "CONTENT_LENGTH": str(len(raw)),
                      "wsgi.input": io.BytesIO(raw)}, lambda status, headers: seen.setdefault("status", status))
    return seen["status"], json.loads(b"".join(out))


def test_the_switch_is_read_and_set_at_run_time():
    r = Realism()
    middleware = RealismMiddleware(lambda environ, start: [b"moto"], r)
    status, body = call(middleware, "POST", {"mode": "on", "off": ["test-timed"]})
    assert status.startswith("200")
    assert {"name": "test-timed", "catalogue": 999, "summary": DRAIN.summary, "on": False, "seconds": 0.0} \
        in body["behaviours"]
    status, body = call(middleware, "POST", {"off": ["no-such-behaviour"]})
    assert status.startswith("400") and "unknown behaviours" in body["error"]
    assert r.off == {"test-timed"}  # a refused setting changes nothing
