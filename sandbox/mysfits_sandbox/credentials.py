"""What ECS gives a task's containers to call AWS: the task role's credentials, and (here only) a way to AWS.

On AWS, the ECS agent sets AWS_CONTAINER_CREDENTIALS_RELATIVE_URI in every container of a task that has a task role,
and the SDKs fetch http://169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI; an iptables rule of the agent sends
that address to the agent's credentials endpoint, which answers with the role's temporary credentials. The sandbox
does the same, on this machine:

- One HTTP server on the gateway of the sandbox's Docker network (the host's side of it, where task containers
  already reach the load balancers), on moto's port number, answers GET /v2/credentials/<id> with the task role's
  credentials, in the agent's shape, made by moto's own STS AssumeRole (so moto knows them as that role's).
- Inside each task's network namespace, a DNAT rule sends 169.254.170.2:80 to that server, as the agent's rule does
  on the host. The SDK's own default address then works unchanged, and the app needs no sandbox setting.
- Everything else the server is asked is passed on to moto on 127.0.0.1: moto listens on loopback only, and a task's
  SDK needs somewhere to send its AWS calls.

One difference remains: the agent lays its rule before a task's containers start; here the namespace exists only
once the first container runs, so the rule follows within milliseconds. An SDK asks for credentials at its first AWS
call, long after; a process that asked in its first milliseconds would get no answer and should ask again.

The endpoint: tasks on AWS need no AWS_ENDPOINT_URL, since AWS's endpoints are public. The sandbox's AWS is on this
machine, so the sandbox sets AWS_ENDPOINT_URL in each task container, pointing at this server: it is the sandbox's
own setting, injected as ECS injects AWS_REGION, never one the app or its task definition carries (a value the task
definition sets wins). Nothing here leaves the machine: the server listens on the Docker network's gateway only.
"""
import datetime
import http.client
import json
import logging
import subprocess
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

log = logging.getLogger("mysfits_sandbox.credentials")

ECS_CREDENTIALS_ADDRESS = "169.254.170.2"
RELATIVE_URI_VARIABLE = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"
PREFIX = "/v2/credentials/"
# AWS's task role credentials last about six hours and are refreshed before they end; the SDKs refetch when due.
DURATION_SECONDS = 6 * 3600
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-connection"}


class TaskCredentials:
    """Which credentials id belongs to which task and role, and the server that hands them out."""

    def __init__(self, upstream_port):
        self.upstream_port = upstream_port
        self.address = None          # (host, port) the server listens on, once started
        self._by_id = {}             # credentials id -> (account, role ARN, task ARN)
        self._lock = threading.Lock()
        self._server = None

    # ------------------------------------------------------------ registry

    def register(self, account_id, role_arn, task_arn):
        """A task with a task role: the relative URI its containers get."""
        credentials_id = str(uuid.uuid4())
        with self._lock:
            self._by_id[credentials_id] = (account_id, role_arn, task_arn)
        return PREFIX + credentials_id

    def forget(self, task_arn):
        """A stopped task's credentials endpoint answers no more, as the agent's does not."""
        with self._lock:
            for credentials_id in [i for i, v in self._by_id.items() if v[2] == task_arn]:
                del self._by_id[credentials_id]

    def reset(self):
        with self._lock:
            self._by_id.clear()

    def lookup(self, path):
        if not path.startswith(PREFIX):
            return None
        with self._lock:
            return self._by_id.get(path[len(PREFIX):])

    @staticmethod
    def issue(account_id, role_arn, task_arn):
        """Temporary credentials for the role from moto's STS, in the shape of the ECS agent's answer."""
        from moto.sts.models import sts_backends
        session = "ecs-task-" + task_arn.rsplit("/", 1)[-1][:32]
        role = sts_backends[account_id]["global"].assume_role(
            region_name="us-east-1", role_session_name=session, role_arn=role_arn, policy=None,
            duration=DURATION_SECONDS, external_id=None)
        expiration = role.expiration
        if isinstance(expiration, datetime.datetime):
            if expiration.tzinfo is None:  # moto keeps UTC without saying so
                expiration = expiration.replace(tzinfo=datetime.timezone.utc)
            expiration = expiration.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        return {"RoleArn": role_arn, "AccessKeyId": role.access_key_id, "SecretAccessKey": role.secret_access_key,
                "Token": role.session_token, "Expiration": expiration}

    # ------------------------------------------------------------ server

    def start(self, host, port):
        """Listens on host:port (the Docker network's gateway) until close()."""
        self._server = _Server((host, port), _Handler, self)
        self.address = (host, port)
        threading.Thread(target=self._server.serve_forever, name="task-credentials", daemon=True).start()
        return self.address

    def url(self):
        return "http://%s:%d" % self.address

    def close(self):
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    # ------------------------------------------------------------ containers

    def route_in(self, pid):
        """In the network namespace of the process pid (a task's first container), sends the ECS credentials
        address to this server, as the ECS agent's rule does on an instance. Returns an error text, or None."""
        rule = ["-p", "tcp", "-d", ECS_CREDENTIALS_ADDRESS, "--dport", "80", "-j", "DNAT",
                "--to-destination", "%s:%d" % self.address]
        base = ["nsenter", "--target", str(pid), "--net", "iptables", "-w", "-t", "nat"]
        try:
            exists = subprocess.run(base + ["-C", "OUTPUT"] + rule, capture_output=True, timeout=10)
            if exists.returncode == 0:
                return None
            added = subprocess.run(base + ["-A", "OUTPUT"] + rule, capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.SubprocessError) as e:
            return str(e)
        return None if added.returncode == 0 else (added.stderr or added.stdout).strip()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, handler, credentials):
        self.credentials = credentials
        super().__init__(address, handler)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        log.debug("%s %s", self.address_string(), fmt % args)

    def _answer(self, status, body, content_type="application/json"):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _credentials(self):
        store = self.server.credentials
        if not self.path.startswith(PREFIX):
            return False
        found = store.lookup(self.path)
        if found is None:
            # The agent's words for an id it does not know (a stopped task's, or a made-up one).
            self._answer(400, {"code": "InvalidIdInRequest", "message": "CredentialsV2Request: Credentials not found",
                               "HTTPErrorCode": 400})
            return True
        try:
            self._answer(200, store.issue(*found))
        except Exception as e:  # moto refused: say so as the agent would, with the reason
            log.exception("credentials for %s", found[1])
            self._answer(500, {"code": "InternalServerException", "message": str(e), "HTTPErrorCode": 500})
        return True

    def _forward(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        connection = http.client.HTTPConnection("127.0.0.1", self.server.credentials.upstream_port, timeout=120)
        try:
            connection.request(self.command, self.path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
            self.send_response(response.status, response.reason)
            for key, value in response.getheaders():
                if key.lower() not in HOP_BY_HOP and key.lower() != "content-length":
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except OSError as e:
            self._answer(502, {"message": "the sandbox's AWS endpoint did not answer: %s" % e})
        finally:
            connection.close()

    def do_GET(self):
        if not self._credentials():
            self._forward()

    def do_POST(self):
        self._forward()

    def do_PUT(self):
        self._forward()

    def do_DELETE(self):
        self._forward()

    def do_HEAD(self):
        self._forward()

    def do_PATCH(self):
        self._forward()
