"""Target health: the state machine, the matcher, and real probes against a server on loopback."""
import http.server
import threading
from types import SimpleNamespace

import pytest

from mysfits_sandbox import health
from mysfits_sandbox.elb import LoadBalancing
from mysfits_sandbox.health import ProbeResult, TargetHealth
from mysfits_sandbox.settings import Settings

OK, FAIL = ProbeResult(True, 200), ProbeResult(False, 500)


def test_initial_becomes_healthy_after_the_healthy_threshold():
    h = TargetHealth("10.0.0.1", 80)
    assert not h.record(OK, 3, 2) and h.state == health.INITIAL
    assert h.reason == "Elb.InitialHealthChecking"
    h.record(OK, 3, 2)
    assert h.state == health.INITIAL
    assert h.record(OK, 3, 2) and h.state == health.HEALTHY and h.reason is None


def test_healthy_becomes_unhealthy_only_after_consecutive_failures():
    h = TargetHealth("t", 80, state=health.HEALTHY)
    h.record(FAIL, 2, 3)
    h.record(FAIL, 2, 3)
    h.record(OK, 2, 3)  # a success resets the failure count
    h.record(FAIL, 2, 3)
    h.record(FAIL, 2, 3)
    assert h.state == health.HEALTHY
    h.record(FAIL, 2, 3)
    assert h.state == health.UNHEALTHY
    assert h.reason == "Target.ResponseCodeMismatch"
    assert h.description == "Health checks failed with these codes: [500]"


def test_failure_reasons_read_like_alb():
    timed_out = TargetHealth("t", 80)
    timed_out.record(ProbeResult(False, timed_out=True), 2, 2)
    timed_out.record(ProbeResult(False, timed_out=True), 2, 2)
    assert (timed_out.reason, timed_out.description) == ("Target.Timeout", "Request timed out")
    refused = TargetHealth("t", 80)
    refused.record(ProbeResult(False, error="refused"), 2, 2)
    refused.record(ProbeResult(False, error="refused"), 2, 2)
    assert refused.reason == "Target.FailedHealthChecks"


def test_unhealthy_recovers_after_the_healthy_threshold():
    h = TargetHealth("t", 80, state=health.UNHEALTHY)
    h.record(OK, 2, 2)
    assert h.state == health.UNHEALTHY
    h.record(OK, 2, 2)
    assert h.state == health.HEALTHY


def test_draining_lasts_the_deregistration_delay_and_ignores_probes():
    h = TargetHealth("t", 80, state=health.HEALTHY)
    h.drain(5, now=100.0)
    assert h.state == health.DRAINING and h.reason == "Target.DeregistrationInProgress"
    assert not h.record(FAIL, 2, 2) and h.state == health.DRAINING
    assert not h.drained(now=104.9)
    assert h.drained(now=105.0)


def test_registry_forgets_drained_targets_and_reregistration_starts_over():
    registry = health.HealthRegistry()
    first = registry.register("tg", "10.0.0.1", 80)
    first.state = health.HEALTHY
    registry.deregister("tg", "10.0.0.1", 80, 0)
    assert registry.get("tg", "10.0.0.1", 80).state == health.DRAINING
    assert registry.forget_drained() == [("tg", "10.0.0.1", 80)]
    assert registry.get("tg", "10.0.0.1", 80) is None
    assert registry.register("tg", "10.0.0.1", 80).state == health.INITIAL


def test_routable_prefers_healthy_then_fails_open_never_initial_or_draining():
    healthy, sick, new, leaving = (TargetHealth("a", 1, state=health.HEALTHY), TargetHealth("b", 1, state=health.UNHEALTHY),
                                   TargetHealth("c", 1), TargetHealth("d", 1, state=health.DRAINING))
    assert health.routable([healthy, sick, new, leaving]) == [healthy]
    assert health.routable([sick, new, leaving]) == [sick]
    assert health.routable([new, leaving]) == []


@pytest.mark.parametrize("matcher,status,expected", [
    ("200", 200, True), ("200", 204, False), ("200,204", 204, True), ("200-299", 250, True), ("200-299", 302, False)])
def test_matcher(matcher, status, expected):
    assert health.code_matches(matcher, status) is expected


@pytest.fixture
def server():
    """A real HTTP server on loopback whose answer the test sets."""
    state = {"status": 200}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            state["path"] = self.path
            self.send_response(state["status"])
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd.server_address[1], state
    httpd.shutdown()


def group(port, path="/health", matcher="200"):
    return SimpleNamespace(target_type="ip", health_check_port="traffic-port", health_check_timeout_seconds=2,
                           health_check_protocol="HTTP", health_check_path=path, matcher={"HttpCode": matcher}, port=port)


def test_probe_asks_the_health_path_and_applies_the_matcher(server):
    port, state = server
    balancing = LoadBalancing(Settings.for_port(5999, "/dev/null"))
    assert balancing.probe(group(port), "127.0.0.1", port).ok
    assert state["path"] == "/health"
    state["status"] = 503
    result = balancing.probe(group(port), "127.0.0.1", port)
    assert not result.ok and result.status == 503


def test_probe_never_contacts_addresses_outside_the_sandbox():
    balancing = LoadBalancing(Settings.for_port(5999, "/dev/null"))
    balancing.subnet = "172.30.0.0/16"
    result = balancing.probe(group(80), "10.1.2.3", 80)
    assert not result.ok and "outside" in result.error

