"""moto_server with the data plane: `python3 -m mysfits_sandbox -H 127.0.0.1 -p 5123`.

Same arguments and same API as moto_server; in addition, ECS tasks run as containers, load balancers answer HTTP,
the fault switch is at /mysfits-sandbox/faults, and requests are checked against the services' API models
(/mysfits-sandbox/validation).
"""
import argparse
import json
import logging
import os
import signal
import sys
import threading
import time

from werkzeug.serving import make_server

from moto.moto_api._internal import models as moto_api_models
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

from . import codebuild, ecr, hooks, moto_fixes, realism_ec2, realism_ecs, realism_elbv2, realism_iam
from .credentials import TaskCredentials
from .ecs import EcsPlane
from .elb import LoadBalancing
from .faults import FaultMiddleware, FaultSwitch
from .hosts import HostsFile
from .placement import Placement
from .realism import RealismMiddleware
from .runtime import DockerRuntime
from .settings import Settings
from .validation import ValidationMiddleware

log = logging.getLogger("mysfits_sandbox")


class DataPlane:
    def __init__(self, settings):
        self.settings = settings
        self.runtime = DockerRuntime(settings)
        self.balancing = LoadBalancing(settings)
        self.placement = Placement(self.balancing)
        self.ecs = EcsPlane(settings, self.runtime, self.balancing, self.placement)
        self.placement.on_leave.append(self.ecs.instance_gone)
        self.hosts = HostsFile(settings.hosts_file, settings.instance)
        self.faults = FaultSwitch()
        self.ec2_realism = realism_ec2.Ec2Realism(settings, self.placement)
        self.credentials = TaskCredentials(settings.moto_port)
        self._stop = threading.Event()

    def install(self):
        self.balancing.install()
        self.placement.install()
        self.ecs.install()
        codebuild.install(self.settings)
        ecr.install()
        moto_fixes.install()  # after the data plane's hooks: its patches lie on top of theirs
        realism_iam.install(self.settings)
        self.ec2_realism.install()
        realism_ecs.install(self.settings, self.ecs)
        self._install_hosts_hook()
        realism_elbv2.install(self.settings)  # after moto_fixes: its ECS checks come first
        plane = self
        original_reset = moto_api_models.MotoAPIBackend.reset

        def reset(backend):
            original_reset(backend)
            plane.ecs.reset()
            plane.ec2_realism.reset()
            plane.balancing.registry = type(plane.balancing.registry)()
            plane.hosts.sync({})

        hooks.lay_member(moto_api_models.MotoAPIBackend, "reset", reset)

    def _install_hosts_hook(self):
        """A new load balancer's name resolves as soon as CreateLoadBalancer returns."""
        from moto.elbv2 import models as elbv2_models
        plane = self
        for name in ("create_load_balancer", "delete_load_balancer"):
            original = getattr(elbv2_models.ELBv2Backend, name)

            def hooked(backend, *args, __original=original, **kwargs):
                result = __original(backend, *args, **kwargs)
                plane.hosts.sync(plane.balancing.dns_names())
                return result

            hooks.lay_member(elbv2_models.ELBv2Backend, name, hooked)

    def start(self):
        alive = lambda instance: instance == self.settings.instance or port_answers(int(instance))
        gone = self.runtime.remove_orphans(alive)
        if gone:
            log.info("removed what killed data planes left behind: instances %s", ", ".join(sorted(gone)))
        self.hosts.forget_instances(alive)
        gateway = self.runtime.ensure_network()
        self.balancing.subnet = self.runtime.subnet
        self.balancing.extra_addresses = [gateway]
        # Tasks reach the task role's credentials and the sandbox's AWS endpoint on the gateway (credentials.py).
        try:
            self.credentials.start(gateway, self.settings.moto_port)
            self.ecs.credentials = self.credentials
        except OSError as e:
            log.warning("tasks get no credentials endpoint: cannot listen on %s:%d: %s", gateway, self.settings.moto_port, e)
        self.hosts.sync(self.balancing.dns_names())
        threading.Thread(target=self._loop, args=(self.settings.reconcile_tick, self._reconcile), name="ecs",
                         daemon=True).start()
        threading.Thread(target=self._loop, args=(self.settings.health_tick, self.balancing.check_health),
                         name="health", daemon=True).start()

    def _reconcile(self):
        self.balancing.sync_listeners()
        self.hosts.sync(self.balancing.dns_names())
        self.ecs.tick()
        self.ec2_realism.later.run_due()

    def _loop(self, period, work):
        while not self._stop.is_set():
            try:
                work()
            except Exception:
                log.exception("data plane pass failed")
            self._stop.wait(period)

    def shutdown(self):
        """Leaves nothing: containers, the network and the hosts lines go."""
        self._stop.set()
        codebuild.builds.stop_all()
        self.balancing.close()
        self.credentials.close()
        try:
            self.runtime.remove_all()
            self.runtime.remove_network()
        except Exception:
            log.exception("removing the sandbox's containers")
        self.hosts.sync({})


def port_answers(port):
    """Whether a moto (and so its data plane) still listens on this loopback port."""
    import socket
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        return True
    except OSError:
        return False


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m mysfits_sandbox", description=__doc__.splitlines()[0])
    parser.add_argument("-H", "--host", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, default=int(os.environ.get("MOTO_PORT", 5000)))
    args = parser.parse_args(argv)
    os.environ.setdefault("MOTO_PORT", str(args.port))
    logging.basicConfig(level=os.environ.get("MYSFITS_SANDBOX_LOG", "INFO"),
                        format="%(asctime)s %(name)s %(levelname)s %(message)s")
    try:
        settings = Settings.for_port(args.port)
    except ValueError as e:
        parser.error(str(e))
    plane = DataPlane(settings)
    plane.install()
    try:
        settings.realism.check_names()
    except ValueError as e:
        parser.error(str(e))
    if os.environ.get("MYSFITS_SANDBOX_FAULTS"):
        plane.faults.configure(json.loads(os.environ["MYSFITS_SANDBOX_FAULTS"]))
    app = DomainDispatcherApplication(create_backend_app)
    # Listening before the data plane makes anything: another data plane starting beside this one takes what
    # belongs to a port that does not answer for a dead one's, and removes it.
    app = ValidationMiddleware(app, settings.realism)
    server = make_server(args.host, args.port, RealismMiddleware(FaultMiddleware(app, plane.faults), settings.realism),
                         threaded=True)
    plane.start()

    def stop(signum, frame):
        plane.shutdown()
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    log.info("data plane up: load balancers on %s and %s, tasks on network %s, time scale %g, realism %s",
             plane.settings.alb_address, plane.balancing.extra_addresses[0], plane.settings.network,
             plane.settings.clock.scale, plane.settings.realism.mode)
    server.serve_forever()


if __name__ == "__main__":
    main()
