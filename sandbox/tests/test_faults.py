"""The fault switch: a seeded fraction of API calls fail, per service, in each protocol's error shape."""
import io
import json

import pytest

from mysfits_sandbox.faults import FaultMiddleware, FaultSwitch, error_body, service_of

AUTH = "AWS4-HMAC-SHA256 Credential=AKID/20261130/us-east-1/%s/aws4_request, SignedHeaders=host, Signature=x"


def draws(seed, n=200, service="ecs"):
    switch = FaultSwitch()
    switch.configure({"rate": 0.2, "seed": seed, "services": ["ecs"]})
    return [switch.draw(service) for _ in range(n)], switch


def test_same_seed_same_faults_and_about_the_rate():
    first, switch = draws(7)
    again, _ = draws(7)
    assert first == again
    assert 20 <= sum(1 for k in first if k) <= 60
    assert sum(switch.describe()["injected"].values()) == sum(1 for k in first if k)
    other, _ = draws(8)
    assert other != first


def test_other_services_are_left_alone():
    faults, _ = draws(7, service="elasticloadbalancing")
    assert not any(faults)


def test_bad_settings_are_refused():
    with pytest.raises(ValueError):
        FaultSwitch().configure({"rate": 2})
    with pytest.raises(ValueError):
        FaultSwitch().configure({"rate": 0.1, "kinds": ["meteor"]})


def test_service_is_read_from_the_signature_scope():
    assert service_of({"HTTP_AUTHORIZATION": AUTH % "ecs"}) == "ecs"
    assert service_of({}) is None


def test_error_shapes_follow_the_protocol():
    status, kind, body = error_body({"CONTENT_TYPE": "application/x-amz-json-1.1"}, "ecs", "throttle")
    assert status == 400 and json.loads(body)["__type"] == "ThrottlingException"
    status, _, body = error_body({}, "elasticloadbalancing", "503")
    assert status == 503 and b"<Code>ServiceUnavailable</Code>" in body
    _, _, body = error_body({}, "ec2", "throttle")
    assert b"<Response><Errors><Error><Code>RequestLimitExceeded</Code>" in body


def test_middleware_answers_the_fault_instead_of_the_app():
    switch = FaultSwitch()
    switch.configure({"rate": 1.0, "seed": 1, "kinds": ["500"]})
    called = []
    app = FaultMiddleware(lambda env, start: called.append(1) or [b"ok"], switch)
    statuses = []
    body = app({"HTTP_AUTHORIZATION": AUTH % "iam", "PATH_INFO": "/"}, lambda s, h: statuses.append(s))
    assert statuses == ["500 Internal Server Error"] and not called and b"InternalFailure" in b"".join(body)


def test_control_endpoint_sets_and_reports():
    switch = FaultSwitch()
    app = FaultMiddleware(lambda env, start: [b""], switch)
    payload = json.dumps({"rate": 0.5, "seed": 3}).encode()
    statuses = []
    out = app({"PATH_INFO": "/mysfits-sandbox/faults", "REQUEST_METHOD": "POST", "CONTENT_LENGTH": str(len(payload)),
               "wsgi.input": io.BytesIO(payload)}, lambda s, h: statuses.append(s))
    assert statuses == ["200 OK"] and json.loads(b"".join(out))["rate"] == 0.5
    app({"PATH_INFO": "/mysfits-sandbox/faults", "REQUEST_METHOD": "DELETE"}, lambda s, h: None)
    assert switch.rate == 0
