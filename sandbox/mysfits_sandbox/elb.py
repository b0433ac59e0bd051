"""Application Load Balancers that answer: target health from real HTTP checks, and a proxy per listener port.

moto keeps the listeners, rules and targets; this module reads them. A request is matched to a load balancer by
its Host header (the DNS name moto gave it), then to a rule, then to a healthy target.
"""
import concurrent.futures
import http.client
import logging
import socket
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from moto.elbv2 import models as elbv2_models
from moto.elbv2.models import FakeHealthStatus, elbv2_backends

from . import health, hooks, realism_elbv2, routing
from .hooks import HookSlot
from .settings import allowed_address

log = logging.getLogger("mysfits_sandbox.elb")
HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailers",
              "transfer-encoding", "upgrade", "content-length"}


def all_backends():
    for account_id, regions in list(elbv2_backends.items()):
        for region, backend in list(regions.items()):
            yield account_id, region, backend


def deregistration_delay(group):
    try:
        return int(group.attributes.get("deregistration_delay.timeout_seconds", 300))
    except (TypeError, ValueError):
        return 300


class LoadBalancing:
    """Health checks, target addresses and the proxies, for every ALB in this moto process."""

    def __init__(self, settings, registry=None):
        self.settings = settings
        self.registry = registry or health.HealthRegistry()
        self.subnet = None            # the Docker network's, set once it exists
        self.instance_address = {}    # EC2 instance id -> address its host ports answer on
        self._servers = {}            # (address, port) -> server
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=16, thread_name_prefix="health")
        self._probing = set()
        self._round_robin = {}
        self.extra_addresses = []     # e.g. the Docker network's gateway, for requests from containers

    # ------------------------------------------------------------ moto hooks

    def install(self):
        """Hooks moto's target groups (once per process)."""
        _HOOKS.take(self)

    def drain_seconds(self, group):
        """How long a deregistered target of this group drains, on the sandbox clock."""
        return self.settings.clock.seconds(deregistration_delay(group))

    # ------------------------------------------------------------ lookups

    def find_group(self, arn):
        for _, _, backend in all_backends():
            group = backend.target_groups.get(arn)
            if group is not None:
                return group
        return None

    def address_of(self, group, target_id):
        if group.target_type == "ip":
            return target_id
        return self.instance_address.get(target_id)

    def load_balancers(self):
        for _, _, backend in all_backends():
            for lb in list(backend.load_balancers.values()):
                yield backend, lb

    def dns_names(self):
        return {lb.dns_name: self.settings.alb_address for _, lb in self.load_balancers() if lb.dns_name}

    def dns_names_for_containers(self):
        """What a container's /etc/hosts needs to reach every load balancer: the Docker network's gateway."""
        gateway = self.extra_addresses[0] if self.extra_addresses else None
        return {name: gateway for name in self.dns_names()} if gateway else {}

    def listener_ports(self):
        ports = set()
        for _, lb in self.load_balancers():
            for listener in list(lb.listeners.values()):
                if listener.protocol == "HTTP":
                    ports.add(int(listener.port))
        return ports

    # ------------------------------------------------------------ health checks

    def check_health(self, now=None):
        """Starts the probes that are due; finishes draining that is over."""
        now = time.monotonic() if now is None else now
        self.registry.forget_drained(now)
        for (arn, target_id, port), h in self.registry.items():
            if h.state == health.DRAINING or h.next_probe > now or (arn, target_id, port) in self._probing:
                continue
            group = self.find_group(arn)
            if group is None:
                continue
            h.next_probe = now + self.settings.clock.seconds(int(group.health_check_interval_seconds))
            self._probing.add((arn, target_id, port))
            self._pool.submit(self._probe_and_record, group, arn, target_id, port, h)

    def _probe_and_record(self, group, arn, target_id, port, h):
        try:
            result = self.probe(group, target_id, port)
            h.record(result, int(group.healthy_threshold_count), int(group.unhealthy_threshold_count))
        except Exception:  # a probe must never kill the checker
            log.exception("health check of %s:%s failed", target_id, port)
        finally:
            self._probing.discard((arn, target_id, port))

    def probe(self, group, target_id, port):
        address = self.address_of(group, target_id)
        if not address or not allowed_address(address, self.subnet):
            # Only this machine's addresses are ever contacted; anything else never answers.
            return health.ProbeResult(False, error="address outside the sandbox")
        check_port = group.health_check_port
        check_port = port if check_port in (None, "traffic-port") else int(check_port)
        timeout = float(group.health_check_timeout_seconds)
        if (group.health_check_protocol or "HTTP").upper() == "TCP":
            try:
                socket.create_connection((address, check_port), timeout=timeout).close()
                return health.ProbeResult(True)
            except OSError as e:
                return health.ProbeResult(False, timed_out=isinstance(e, socket.timeout), error=str(e))
        connection = http.client.HTTPConnection(address, check_port, timeout=timeout)
        try:
            connection.request("GET", group.health_check_path or "/", headers={"User-Agent": "ELB-HealthChecker/2.0"})
            response = connection.getresponse()
            response.read()
            matcher = (group.matcher or {}).get("HttpCode", "200")
            return health.ProbeResult(health.code_matches(matcher, response.status), status=response.status)
        except socket.timeout:
            return health.ProbeResult(False, timed_out=True)
        except (OSError, http.client.HTTPException) as e:
            return health.ProbeResult(False, error=str(e))
        finally:
            connection.close()

    # ------------------------------------------------------------ proxies

    def sync_listeners(self):
        """One HTTP server per listener port, on the load balancers' address and on the extra addresses."""
        wanted = set()
        for port in self.listener_ports():
            for address in [self.settings.alb_address] + self.extra_addresses:
                wanted.add((address, port))
        for key in list(self._servers):
            if key not in wanted:
                self._servers.pop(key).shutdown()
        for key in wanted - set(self._servers):
            try:
                server = ProxyServer(key, self)
            except OSError as e:
                log.warning("load balancers cannot listen on %s:%d: %s", key[0], key[1], e)
                continue
            threading.Thread(target=server.serve_forever, name="alb-%s:%d" % key, daemon=True).start()
            self._servers[key] = server

    def close(self):
        for server in self._servers.values():
            server.shutdown()
            server.server_close()
        self._servers.clear()

    def resolve(self, host_header, port):
        """The listener a request on this port belongs to: by Host, or the only one on the port."""
        host = (host_header or "").split(":")[0].lower()
        candidates = []
        for _, lb in self.load_balancers():
            for listener in list(lb.listeners.values()):
                if int(listener.port) == port and listener.protocol == "HTTP":
                    if lb.dns_name.lower() == host:
                        return lb, listener
                    candidates.append((lb, listener))
        return candidates[0] if len(candidates) == 1 else (None, None)

    def pick_target(self, group_arn):
        group = self.find_group(group_arn)
        if group is None:
            return None, None
        choices = [h for h in health.routable(self.registry.of_group(group_arn))
                   if allowed_address(self.address_of(group, h.target_id) or "", self.subnet)]
        if not choices:
            return group, None
        index = self._round_robin.get(group_arn, 0)
        self._round_robin[group_arn] = index + 1
        chosen = choices[index % len(choices)]
        return group, (self.address_of(group, chosen.target_id), chosen.port)


class _ActiveRegistry:
    """The registry of the LoadBalancing in charge (reset replaces it)."""

    def __getattr__(self, name):
        return getattr(_HOOKS.active.registry, name)


def _install_hooks():
    registry = _ActiveRegistry()
    group_cls = elbv2_models.FakeTargetGroup
    original_register, original_deregister = group_cls.register, group_cls.deregister

    def register(group, targets):
        original_register(group, targets)
        for t in targets:
            registry.register(group.arn, t["Id"], t.get("Port", group.port))

    def deregister(group, targets):
        ports = {t["Id"]: group.targets.get(t["Id"], {}).get("Port", group.port) for t in targets}
        original_deregister(group, targets)
        for t in targets:
            registry.deregister(group.arn, t["Id"], t.get("Port", ports[t["Id"]]), _HOOKS.active.drain_seconds(group))

    def health_for(group, target, ec2_backend):
        port = target.get("Port") or (group.targets.get(target["Id"]) or {}).get("Port", group.port)
        h = registry.get(group.arn, target["Id"], port)
        if h is None:
            return original_health_for(group, target, ec2_backend)
        status = FakeHealthStatus(h.target_id, h.port, group.health_check_port, h.state, h.reason, h.description)
        return status

    original_health_for = group_cls.health_for
    group_cls.register, group_cls.deregister, group_cls.health_for = register, deregister, health_for

    backend_cls = elbv2_models.ELBv2Backend
    original_describe = backend_cls.describe_target_health

    def describe_target_health(backend, target_group_arn, targets):
        if targets:
            return original_describe(backend, target_group_arn, targets)
        group = backend.target_groups.get(target_group_arn)
        result = original_describe(backend, target_group_arn, targets)
        if group is not None:  # draining targets are listed too, as on AWS
            listed = {(r.instance_id, int(r.port)) for r in result}
            for h in registry.of_group(target_group_arn):
                if (h.target_id, h.port) not in listed:
                    result.append(group.health_for({"Id": h.target_id, "Port": h.port}, backend.ec2_backend))
        return result

    hooks.lay_member(backend_cls, "describe_target_health", describe_target_health)

    original_delete_group = backend_cls.delete_target_group

    def delete_target_group(backend, target_group_arn):
        result = original_delete_group(backend, target_group_arn)
        registry.forget_group(target_group_arn)
        return result

    hooks.lay_member(backend_cls, "delete_target_group", delete_target_group)

    original_create_balancer = backend_cls.create_load_balancer

    def create_load_balancer(backend, name, *args, **kwargs):
        """AWS answers a second CreateLoadBalancer of the same name with the one that exists (moto makes another)."""
        for balancer in backend.load_balancers.values():
            if balancer.name == name:
                return balancer
        return original_create_balancer(backend, name, *args, **kwargs)

    hooks.lay_member(backend_cls, "create_load_balancer", create_load_balancer)


_HOOKS = HookSlot(_install_hooks)


class ProxyServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address, balancing):
        self.balancing = balancing
        self.listen_port = address[1]
        super().__init__(address, ProxyHandler)


class ProxyHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "awselb/2.0"
    sys_version = ""
    timeout = 70  # idle connections close, as ALB's 60 s idle timeout would

    def log_message(self, fmt, *args):
        log.debug("%s " + fmt, self.client_address[0], *args)

    def _body(self):
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            data = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    return data
                data += self.rfile.read(size)
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _reply(self, status, body=b"", content_type="text/html", headers=None):
        self.send_response(status)
        for name, value in (headers or []):
            self.send_header(name, value)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status):
        text = {502: "502 Bad Gateway", 503: "503 Service Temporarily Unavailable", 504: "504 Gateway Time-out",
                400: "400 Bad Request"}[status]
        self._reply(status, ("<html>\r\n<head><title>%s</title></head>\r\n<body>\r\n<center><h1>%s</h1></center>\r\n"
                             "</body>\r\n</html>\r\n" % (text, text)).encode())

    def handle_one(self):
        balancing = self.server.balancing
        body = self._body()
        path, _, query = self.path.partition("?")
        lb, listener = balancing.resolve(self.headers.get("Host"), self.server.listen_port)
        if listener is None:
            return self._error(400)
        if realism_elbv2.provisioning(lb):
            self.close_connection = True  # not answering yet: its name resolves, nothing replies
            return
        request = routing.Request(self.command, path, query, self.headers.get("Host") or "",
                                  {k.lower(): v for k, v in self.headers.items()})
        rule = routing.pick_rule(listener, request)
        action = routing.terminal_action(rule.actions)
        if action is None:
            return self._error(503)
        kind = action["Type"]
        if kind == "fixed-response":
            config = action.get("FixedResponseConfig") or {}
            return self._reply(int(config.get("StatusCode", 200)), (config.get("MessageBody") or "").encode(),
                               config.get("ContentType") or "text/plain")
        if kind == "redirect":
            config = action.get("RedirectConfig") or {}
            location = routing.redirect_location(config, request, listener.port, listener.protocol)
            return self._reply(routing.redirect_status(config), b"", None, [("Location", location)])
        group, target = balancing.pick_target(routing.forward_target_group(action))
        if target is None:
            return self._error(503)
        self._forward(target, body, lb)

    def _forward(self, target, body, lb):
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        forwarded_for = self.headers.get("X-Forwarded-For")
        headers["X-Forwarded-For"] = (forwarded_for + ", " if forwarded_for else "") + self.client_address[0]
        headers["X-Forwarded-Proto"] = "http"
        headers["X-Forwarded-Port"] = str(self.server.listen_port)
        headers.setdefault("X-Amzn-Trace-Id", "Root=1-%08x-%s" % (int(time.time()), uuid.uuid4().hex[:24]))
        if body or self.command in ("POST", "PUT", "PATCH"):
            headers["Content-Length"] = str(len(body))
        connection = http.client.HTTPConnection(target[0], target[1], timeout=60)
        try:
            connection.request(self.command, self.path, body=body or None, headers=headers)
            response = connection.getresponse()
            data = response.read()
        except socket.timeout:
            return self._error(504)
        except (OSError, http.client.HTTPException):
            return self._error(502)
        finally:
            connection.close()
        passed = [(k, v) for k, v in response.getheaders() if k.lower() not in HOP_BY_HOP and k.lower() != "server"]
        self._reply(response.status, data, None, passed)

    def _handle(self):
        try:
            self.handle_one()
        except (BrokenPipeError, ConnectionResetError):
            pass

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = _handle
