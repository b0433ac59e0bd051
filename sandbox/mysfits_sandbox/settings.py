"""Where this data plane lives, derived from moto's port so that two sandboxes on one machine never collide."""
import ipaddress
import os
from dataclasses import dataclass, field

from .clock import SandboxClock
from .realism import Realism

LABEL = "mysfits-sandbox"


@dataclass(frozen=True)
class Settings:
    moto_port: int
    instance: str             # names this data plane's containers, network and hosts lines
    alb_address: str          # the loopback address load balancers answer on from this machine
    network: str              # the Docker network awsvpc tasks get their addresses on
    hosts_file: str
    health_tick: float = 0.25
    reconcile_tick: float = 0.5
    clock: SandboxClock = field(default_factory=SandboxClock)
    realism: Realism = field(default_factory=Realism)

    def __post_init__(self):
        if self.realism.clock is None:
            self.realism.clock = self.clock

    @staticmethod
    def for_port(port, hosts_file=None, environ=None):
        port = int(port)
        clock = SandboxClock.from_environment(environ)
        # 127.77.x.y from the port: loopback, so nothing leaves the machine, and distinct per moto server.
        address = str(ipaddress.IPv4Address("127.77.0.0") + (port % 65536))
        return Settings(moto_port=port, instance=str(port), alb_address=address,
                        network="%s-%d" % (LABEL, port),
                        hosts_file=hosts_file or os.environ.get("MYSFITS_SANDBOX_HOSTS_FILE", "/etc/hosts"),
                        clock=clock, realism=Realism.from_environment(environ, clock))


def allowed_address(address, subnet):
    """True for addresses the sandbox may send traffic to: loopback and its own Docker network."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return ip.is_loopback or (subnet is not None and ip in ipaddress.ip_network(subnet))
