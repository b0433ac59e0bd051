"""The Docker engine side of tasks: the network, pulls from the ECR stand-in, containers, their state and logs."""
import logging
import re
import threading
from dataclasses import dataclass

import docker
from docker.errors import APIError, DockerException, ImageNotFound, NotFound

from .settings import LABEL

log = logging.getLogger("mysfits_sandbox.runtime")
ECR_HOST = re.compile(r"^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com$")


class PullError(Exception):
    pass


@dataclass
class ContainerStatus:
    container_id: str
    running: bool
    exit_code: int
    oom_killed: bool
    ip: str


def split_image(image):
    """'host/repo:tag' or 'host/repo@sha256:..' -> (registry host or None, repository, tag or digest)."""
    name, sep, ref = image.partition("@")
    if not sep:
        slash = image.rfind("/")
        colon = image.rfind(":")
        if colon > slash:
            name, ref = image[:colon], image[colon + 1:]
        else:
            name, ref = image, "latest"
    first = name.split("/", 1)[0]
    host = first if "/" in name and ("." in first or ":" in first or first == "localhost") else None
    return host, name, ref


class DockerRuntime:
    def __init__(self, settings):
        self.settings = settings
        self.client = docker.from_env(timeout=120)
        self.subnet = None
        self.gateway = None
        self._pull_lock = threading.Lock()

    def ensure_network(self):
        name = self.settings.network
        found = self.client.networks.list(names=[name])
        network = found[0] if found else self.client.networks.create(
            name, driver="bridge", labels={LABEL: "1", LABEL + ".instance": self.settings.instance})
        network.reload()
        config = network.attrs["IPAM"]["Config"][0]
        self.subnet, self.gateway = config["Subnet"], config["Gateway"]
        return self.gateway

    def labels(self, **extra):
        labels = {LABEL: "1", LABEL + ".instance": self.settings.instance}
        labels.update({LABEL + "." + k.replace("_", "-"): str(v) for k, v in extra.items()})
        return labels

    def pull(self, image, password_for):
        """Pulls from the ECR stand-in (ECS always pulls); other images must already be on this engine, since
        nothing here may reach a public registry."""
        host, name, ref = split_image(image)
        if not host or not ECR_HOST.match(host):
            try:
                self.client.images.get(image)
                return
            except ImageNotFound:
                raise PullError("pull image manifest has been retried 1 time(s): failed to resolve ref %s: "
                                "not found (the sandbox pulls only from its ECR registry or uses local images)" % image)
        account = ECR_HOST.match(host).group(1)
        auth = {"username": "AWS", "password": password_for(account)}
        with self._pull_lock:
            try:
                if ref.startswith("sha256:"):
                    self.client.api.pull(name + "@" + ref, auth_config=auth)
                else:
                    self.client.api.pull(name, tag=ref, auth_config=auth)
            except (APIError, DockerException) as e:
                why = getattr(e, "explanation", None) or str(e)
                raise PullError("pull image manifest has been retried 1 time(s): failed to resolve ref %s: %s"
                                % (image, why))

    def run(self, image, name, labels, command=None, entrypoint=None, environment=None, network=None,
            network_mode=None, ports=None, mem_limit=None, mem_reservation=None, cpu_shares=None,
            extra_hosts=None, hostname=None, working_dir=None, user=None):
        # A task's container runs on AWS's hosts, not on the user's engine: labels its image carries are blanked, so
        # that a local tool filtering this engine by them (`mysfits cleanup --local`) does not take it for its own.
        inherited = self.client.images.get(image).labels or {}
        labels = dict({key: "" for key in inherited}, **labels)
        kwargs = dict(image=image, name=name, labels=labels, detach=True, command=command, entrypoint=entrypoint,
                      environment=environment or {}, extra_hosts=extra_hosts or {}, working_dir=working_dir,
                      user=user)
        if network_mode:
            kwargs["network_mode"] = network_mode
        else:
            kwargs["network"] = network
            kwargs["hostname"] = hostname
            if ports:
                kwargs["ports"] = ports
        if mem_limit:
            kwargs["mem_limit"] = "%dm" % mem_limit
        if mem_reservation:
            kwargs["mem_reservation"] = "%dm" % mem_reservation
        if cpu_shares:
            kwargs["cpu_shares"] = max(2, int(cpu_shares))
        kwargs = {k: v for k, v in kwargs.items() if v is not None}
        return self.client.containers.run(**kwargs).id

    def inspect(self, container_id):
        try:
            c = self.client.api.inspect_container(container_id)
        except NotFound:
            return None
        state = c["State"]
        networks = c["NetworkSettings"].get("Networks") or {}
        ip = ""
        for net in networks.values():
            ip = net.get("IPAddress") or ip
        return ContainerStatus(c["Id"], state.get("Running", False), state.get("ExitCode", 0),
                               state.get("OOMKilled", False), ip)

    def pid(self, container_id):
        """The container's main process id on this machine (its network namespace is /proc/<pid>/ns/net), or 0."""
        try:
            return self.client.api.inspect_container(container_id)["State"].get("Pid") or 0
        except NotFound:
            return 0

    def host_ports(self, container_id):
        """{containerPort: hostPort} of a container's published tcp ports."""
        c = self.client.api.inspect_container(container_id)
        ports = {}
        for key, bindings in (c["NetworkSettings"].get("Ports") or {}).items():
            if bindings and key.endswith("/tcp"):
                ports[int(key.split("/")[0])] = int(bindings[0]["HostPort"])
        return ports

    def states(self):
        """{container id: (running, exit code)} of this data plane's containers, in one call."""
        out = {}
        for c in self.client.api.containers(all=True, filters={"label": "%s.instance=%s" % (LABEL, self.settings.instance)}):
            out[c["Id"]] = c["State"] == "running"
        return out

    def stop(self, container_id, timeout):
        try:
            self.client.api.stop(container_id, timeout=timeout)
        except NotFound:
            pass

    def remove(self, container_id):
        try:
            self.client.api.remove_container(container_id, force=True)
        except NotFound:
            pass
        except APIError as e:
            log.warning("cannot remove container %s: %s", container_id[:12], e)

    def remove_all(self):
        """Every container this data plane started (and only those)."""
        for c in self.client.api.containers(all=True, filters={"label": "%s.instance=%s" % (LABEL, self.settings.instance)}):
            self.remove(c["Id"])

    def remove_orphans(self, alive):
        """Containers and networks of data planes that died without cleaning up (a killed moto): this one's own
        from an earlier run, and any other whose moto port no longer answers. Returns the instances removed."""
        gone = set()
        for c in self.client.api.containers(all=True, filters={"label": LABEL + "=1"}):
            instance = (c.get("Labels") or {}).get(LABEL + ".instance")
            if instance == self.settings.instance or (instance and not alive(instance)):
                self.remove(c["Id"])
                gone.add(instance)
        for network in self.client.networks.list(filters={"label": LABEL + "=1"}):
            instance = (network.attrs.get("Labels") or {}).get(LABEL + ".instance")
            if instance and instance != self.settings.instance and not alive(instance):
                try:
                    network.remove()
                    gone.add(instance)
                except APIError as e:
                    log.warning("cannot remove network %s: %s", network.name, e)
        return gone

    def remove_network(self):
        for network in self.client.networks.list(names=[self.settings.network]):
            try:
                network.remove()
            except APIError as e:
                log.warning("cannot remove network %s: %s", self.settings.network, e)

    def follow_logs(self, container_id):
        """Yields (epoch milliseconds, line) from the container's stdout and stderr until it exits."""
        from datetime import datetime
        buffer = b""
        for chunk in self.client.api.logs(container_id, stream=True, follow=True, timestamps=True):
            buffer += chunk
            while b"\n" in buffer:
                raw, buffer = buffer.split(b"\n", 1)
                text = raw.decode("utf-8", "replace")
                stamp, _, message = text.partition(" ")
                try:
                    # 2026-11-30T06:50:01.123456789Z: keep microseconds, which fromisoformat understands.
                    head, _, frac = stamp.rstrip("Z").partition(".")
                    when = datetime.fromisoformat(head + "." + (frac + "000000")[:6] + "+00:00")
                    millis = int(when.timestamp() * 1000)
                except ValueError:
                    import time
                    millis, message = int(time.time() * 1000), text
                yield millis, message
