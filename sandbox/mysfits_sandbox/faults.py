"""A fault switch for tests: a given fraction of AWS API calls answer ThrottlingException, 500, 503, or have
their connection dropped after moto handled them. Per service, reproducible with a seed.

Set it with MYSFITS_SANDBOX_FAULTS (JSON) at start, or at run time:
    POST   /mysfits-sandbox/faults  {"rate": 0.2, "seed": 7, "services": ["ecs"], "kinds": ["throttle", "500", "503", "reset"]}
    GET    /mysfits-sandbox/faults  the setting and the count of faults injected, by kind
    DELETE /mysfits-sandbox/faults  off
"""
import json
import random
import re
import socket
import struct
import threading

KINDS = ("throttle", "500", "503", "reset")
CREDENTIAL_SCOPE = re.compile(r"Credential=[^/]+/\d{8}/[^/]+/([^/]+)/aws4_request")


class FaultSwitch:
    def __init__(self):
        self._lock = threading.Lock()
        self.configure(None)

    def configure(self, setting):
        with self._lock:
            setting = dict(setting or {})
            rate = float(setting.get("rate", 0))
            if not 0 <= rate <= 1:
                raise ValueError("rate must be between 0 and 1")
            kinds = [str(k) for k in setting.get("kinds") or KINDS]
            unknown = [k for k in kinds if k not in KINDS]
            if unknown:
                raise ValueError("unknown fault kinds %s; known: %s" % (unknown, list(KINDS)))
            self.rate = rate
            self.seed = setting.get("seed", 0)
            self.services = set(setting.get("services") or [])
            self.kinds = kinds
            self._random = random.Random(self.seed)
            self.injected = {k: 0 for k in KINDS}
            self.calls = 0

    def describe(self):
        with self._lock:
            return {"rate": self.rate, "seed": self.seed, "services": sorted(self.services), "kinds": self.kinds,
                    "calls": self.calls, "injected": dict(self.injected)}

    def draw(self, service):
        """The fault for this call, or None. Draws come from the seeded generator, in call order."""
        with self._lock:
            if self.rate <= 0 or (self.services and service not in self.services):
                return None
            self.calls += 1
            if self._random.random() >= self.rate:
                return None
            kind = self._random.choice(self.kinds)
            self.injected[kind] += 1
            return kind


def service_of(environ):
    match = CREDENTIAL_SCOPE.search(environ.get("HTTP_AUTHORIZATION") or "")
    return match.group(1) if match else None


def error_body(environ, service, kind):
    status, code, message = {"throttle": (400, "ThrottlingException", "Rate exceeded"),
                             "500": (500, "InternalFailure", "We encountered an internal error. Please try again."),
                             "503": (503, "ServiceUnavailable", "Service is unavailable. Please try again.")}[kind]
    if "json" in (environ.get("CONTENT_TYPE") or ""):
        return status, "application/x-amz-json-1.1", json.dumps({"__type": code, "message": message}).encode()
    if kind == "throttle" and service != "ec2":
        code = "Throttling"
    if service == "ec2":
        if kind == "throttle":
            code = "RequestLimitExceeded"
        body = ("<Response><Errors><Error><Code>%s</Code><Message>%s</Message></Error></Errors>"
                "<RequestID>sandbox-fault</RequestID></Response>" % (code, message))
    else:
        body = ("<ErrorResponse><Error><Type>%s</Type><Code>%s</Code><Message>%s</Message></Error>"
                "<RequestId>sandbox-fault</RequestId></ErrorResponse>"
                % ("Sender" if kind == "throttle" else "Receiver", code, message))
    return status, "text/xml", body.encode()


class FaultMiddleware:
    def __init__(self, app, switch):
        self.app = app
        self.switch = switch

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") == "/mysfits-sandbox/faults":
            return self._control(environ, start_response)
        service = service_of(environ)
        kind = self.switch.draw(service) if service else None
        if kind is None:
            return self.app(environ, start_response)
        if kind == "reset":
            # Handled, then the connection drops before the answer: the caller cannot know it happened.
            list(self.app(environ, lambda *a, **k: None))
            sock = environ.get("werkzeug.socket")
            if sock is not None:
                # The server's own file objects still hold the descriptor, so close() alone would not drop it.
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                sock.shutdown(socket.SHUT_RDWR)
            raise ConnectionResetError("fault injected: connection dropped")
        status, content_type, body = error_body(environ, service, kind)
        start_response("%d %s" % (status, {400: "Bad Request", 500: "Internal Server Error",
                                            503: "Service Unavailable"}[status]),
                       [("Content-Type", content_type), ("Content-Length", str(len(body))),
                        ("x-amzn-RequestId", "sandbox-fault")])
        return [body]

    def _control(self, environ, start_response):
        method = environ.get("REQUEST_METHOD")
        try:
            if method == "POST":
                length = int(environ.get("CONTENT_LENGTH") or 0)
                self.switch.configure(json.loads(environ["wsgi.input"].read(length) or b"{}"))
            elif method == "DELETE":
                self.switch.configure(None)
            body, status = json.dumps(self.switch.describe()).encode(), "200 OK"
        except (ValueError, TypeError) as e:
            body, status = json.dumps({"error": str(e)}).encode(), "400 Bad Request"
        start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
        return [body]
