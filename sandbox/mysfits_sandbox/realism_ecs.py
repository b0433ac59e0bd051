"""ECS, ECR and CloudWatch Logs as a fresh account meets them: read-after-create, conflicting log-group writes,
Fargate networking, and the default VPC (catalogue rows 10, 12, 14, 26; ../shared/AWS-BEHAVIOURS.md).

- DescribeServices right after CreateService answers failures[].reason = MISSING for that service a moment (10).
- ECR's DescribeRepositories/DescribeImages/ListImages right after CreateRepository answer
  RepositoryNotFoundException a moment (26). Only the ECR API: a `docker push` talks to the registry, which has the
  repository at once.
- Logs PutRetentionPolicy and DeleteLogGroup within a moment of another write to the same group answer
  OperationAbortedException, "A conflicting operation is currently in progress against this resource. Please try
  again." (14; AWS documents that error for both calls. The catalogue also names AccessDeniedException for
  PutRetentionPolicy, a propagation of the caller's own IAM permissions, which the sandbox does not model.)
- A Fargate task whose subnet cannot reach ECR (the default route goes to an internet gateway but the task has no
  public IP, or there is no default route and no public NAT gateway with a way out, and the VPC has no ECR interface
  endpoints) sits PENDING, then STOPPED with ECS's ResourceInitializationError (12). One that reaches ECR's
  interface endpoints but not S3 (no S3 gateway endpoint on its route table, no way out) stops with
  CannotPullContainerError: the image layers are in S3. One whose containers log with awslogs and that reaches neither
  the internet nor the logs interface endpoint stops with ResourceInitializationError: failed to validate logger args.
- A Fargate task with assignPublicIp ENABLED has a public IP on its network interface, as describe-network-interfaces
  shows it; one with DISABLED has none.

A task's network interface in a VPC without DNS hostnames gets its private DNS name as on AWS (moto answered 500).

And the default VPC as AWS makes it (moto's has no internet gateway and no default route), or none at all:
    MYSFITS_SANDBOX_DEFAULT_VPC=off   every region's EC2 starts without a default VPC
                                      (`scripts/sandbox up --no-default-vpc`)
"""
import os
import threading
import time
import zlib

from moto.core.exceptions import JsonRESTError
from moto.ecr.exceptions import RepositoryNotFoundException
from moto.ecr.models import ECRBackend
from moto.ecr.responses import ECRResponse
from moto.ecs import models as ecs_models
from moto.ec2.models import EC2Backend
from moto.ec2.models.elastic_network_interfaces import NetworkInterface
from moto.ec2.utils import generate_dns_from_ip
from moto.logs.models import LogsBackend

from . import realism

DEFAULT_VPC_VARIABLE = "MYSFITS_SANDBOX_DEFAULT_VPC"

SERVICE_MISSING = realism.behaviour(
    "ecs-describe-missing", 10, "DescribeServices right after CreateService answers failures[].reason MISSING for "
    "that service", sandbox_seconds=1, aws_seconds=5)
FARGATE_NO_ROUTE = realism.behaviour(
    "ecs-fargate-no-route-to-ecr", 12, "a Fargate task whose subnet cannot reach ECR (no public IP behind an internet "
    "gateway, no NAT route, no ECR endpoints) sits PENDING, then STOPPED with ResourceInitializationError",
    sandbox_seconds=3, aws_seconds=120)
LOG_GROUP_BUSY = realism.behaviour(
    "logs-conflicting-operation", 14, "PutRetentionPolicy and DeleteLogGroup right after another write to the group "
    "answer OperationAbortedException", sandbox_seconds=1, aws_seconds=5)
REPOSITORY_NOT_YET = realism.behaviour(
    "ecr-repository-not-yet-visible", 26, "DescribeRepositories, DescribeImages and ListImages right after "
    "CreateRepository answer RepositoryNotFoundException", sandbox_seconds=1, aws_seconds=5)

_ENDPOINTS_NEEDED = {"ecr.api", "ecr.dkr"}
_building_backend = threading.local()
_default_vpc = {"wanted": True}   # set by install() from the environment


class OperationAbortedException(JsonRESTError):
    def __init__(self):
        super().__init__("OperationAbortedException",
                         "A conflicting operation is currently in progress against this resource. Please try again.")


def _young(stamp, seconds):
    return stamp is not None and time.monotonic() - stamp < seconds


# ------------------------------------------------------------------ ECS: read-after-create (10)

def _describe_services(settings):
    def wrap(original):
        def describe_services(backend, cluster_str, service_names_or_arns):
            services, failures = original(backend, cluster_str, service_names_or_arns)
            seconds = settings.realism.seconds(SERVICE_MISSING)
            visible = []
            for service in services:
                if _young(getattr(service, "_mysfits_created", None), seconds):
                    failures.append({"arn": service.arn, "reason": "MISSING"})
                else:
                    visible.append(service)
            return visible, failures
        return describe_services
    return wrap


def _create_service(original):
    def create_service(backend, *args, **kwargs):
        service = original(backend, *args, **kwargs)
        service._mysfits_created = time.monotonic()
        return service
    return create_service


# ------------------------------------------------------------------ ECR: read-after-create (26)

def _create_repository(original):
    def create_repository(backend, *args, **kwargs):
        repository = original(backend, *args, **kwargs)
        repository._mysfits_created = time.monotonic()
        return repository
    return create_repository


def _young_repository(settings, response, name):
    repository = response.ecr_backend.repositories.get(name)
    return repository is not None and _young(getattr(repository, "_mysfits_created", None),
                                             settings.realism.seconds(REPOSITORY_NOT_YET))


def _named_repository_call(settings, parameter):
    def wrap(original):
        def call(response):
            names = response._get_param(parameter)
            for name in names if isinstance(names, list) else [names]:
                if name and _young_repository(settings, response, name):
                    raise RepositoryNotFoundException(name, response._get_param("registryId") or
                                                      response.ecr_backend.account_id)
            result = original(response)
            if parameter == "repositoryNames" and not names:
                # Listing all: a repository still spreading is not listed yet.
                result.result["repositories"] = [r for r in result.result["repositories"]
                                                 if not _young_repository(settings, response, r.name)]
            return result
        return call
    return wrap


# ------------------------------------------------------------------ Logs: conflicting operations (14)

def _log_group_write(original):
    def write(backend, log_group_name, *args, **kwargs):
        result = original(backend, log_group_name, *args, **kwargs)
        _stamp(backend, log_group_name)
        return result
    return write


def _stamp(backend, name):
    group = backend.groups.get(name)
    if group is not None:
        group._mysfits_written = time.monotonic()


def _log_group_guarded(settings, stamps_after):
    def wrap(original):
        def call(backend, log_group_name, *args, **kwargs):
            group = backend.groups.get(log_group_name)
            if group is not None and _young(getattr(group, "_mysfits_written", None),
                                            settings.realism.seconds(LOG_GROUP_BUSY)):
                raise OperationAbortedException()
            result = original(backend, log_group_name, *args, **kwargs)
            if stamps_after:
                _stamp(backend, log_group_name)
            return result
        return call
    return wrap


# ------------------------------------------------------------------ Fargate: a route to ECR (12)

def task_network_check(settings):
    """For EcsPlane.start_checks: raises the stop reason when a Fargate task could not reach ECR."""
    def check(managed):
        reason = no_route_to_ecr(managed)
        if reason is None or not settings.realism.on(FARGATE_NO_ROUTE):
            return None
        time.sleep(settings.realism.seconds(FARGATE_NO_ROUTE))  # the agent's retries, the task PENDING meanwhile
        return reason
    return check


def no_route_to_ecr(managed):
    """ECS's stop reason when this task could not reach ECR, else None."""
    task = managed.task
    if (task.launch_type or "").upper() != "FARGATE":
        return None
    awsvpc = (getattr(task, "network_configuration", None) or {}).get("awsvpcConfiguration") or {}
    subnets = awsvpc.get("subnets") or []
    if not subnets:
        return None
    from moto.ec2.models import ec2_backends
    ec2 = ec2_backends[managed.backend.account_id][task.region_name]
    public_ip = (awsvpc.get("assignPublicIp") or "DISABLED").upper() == "ENABLED"
    awslogs = any((c.get("logConfiguration") or {}).get("logDriver") == "awslogs"
                  for c in managed.task_definition.container_definitions)
    # ECS places the task's interface in the first subnet (as moto's RunTask does).
    return unreachable_reason(ec2, subnets[0], public_ip, task.region_name, awslogs)


def unreachable_reason(ec2, subnet_id, public_ip, region, awslogs=False):
    """Why a task in this subnet cannot start, as ECS says it, or None when it can. ECR's API and registry are reached
    through the internet (an internet gateway with a public IP, or a NAT) or through their interface endpoints; the
    image layers come from S3, reached through the internet or an S3 gateway endpoint on the subnet's route table
    (AWS documents the S3 gateway endpoint as needed beside ECR's interface endpoints); and the awslogs driver, which
    Fargate validates as the container starts, needs CloudWatch Logs: the internet or the logs interface endpoint."""
    subnet = ec2.get_subnet(subnet_id)
    table = route_table_of(ec2, subnet)
    internet = _reaches_internet(ec2, table, public_ip)
    checksum = zlib.crc32(region.encode())
    address = "52.%d.%d.%d" % (46 + checksum % 50, (checksum >> 8) % 256, 1 + (checksum >> 16) % 254)
    if not internet and not _ENDPOINTS_NEEDED <= _endpoints(ec2, subnet.vpc_id, "interface"):
        return ("ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval "
                "failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestError: "
                "send request failed caused by: Post \"https://api.ecr.%s.amazonaws.com/\": dial tcp %s:443: i/o "
                "timeout. Please check your task network configuration." % (region, address))
    if not internet and not (table is not None and any(
            table.id in (e.route_table_ids or []) for e in _endpoint_objects(ec2, subnet.vpc_id, "gateway", "s3"))):
        return ("CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to copy: "
                "httpReadSeeker: failed open: failed to do request: Get \"https://prod-%s-starport-layer-bucket.s3.%s."
                "amazonaws.com/\": dial tcp %s:443: i/o timeout" % (region, region, address))
    if not internet and awslogs and "logs" not in _endpoints(ec2, subnet.vpc_id, "interface"):
        return ("ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: "
                "failed to create Cloudwatch log stream: RequestError: send request failed caused by: Post "
                "\"https://logs.%s.amazonaws.com/\": dial tcp %s:443: i/o timeout : exit status 1" % (region, address))
    return None


def reaches_ecr(ec2, subnet_id, public_ip):
    return unreachable_reason(ec2, subnet_id, public_ip, ec2.region_name) is None


def _endpoint_objects(ec2, vpc_id, kind, service=None):
    return [e for e in ec2.vpc_end_points.values()
            if e.vpc_id == vpc_id and (e.vpc_endpoint_type or "").lower() == kind
            and (service is None or _short_service(e.service_name) == service)]


def _endpoints(ec2, vpc_id, kind):
    return {_short_service(e.service_name) for e in _endpoint_objects(ec2, vpc_id, kind)}


def _short_service(service_name):
    """"ecr.api" of com.amazonaws.us-east-1.ecr.api, "s3" of com.amazonaws.us-east-1.s3."""
    return service_name.split(".", 3)[-1]


def _reaches_internet(ec2, table, public_ip, through_nat=False):
    """Whether the default route of this table leads to the internet: an internet gateway for an interface with a
    public IP (a NAT gateway has its own), or a public NAT gateway whose subnet does."""
    for route in (table.routes if table is not None else []):
        if route.destination_cidr_block != "0.0.0.0/0":
            continue
        gateway_id = getattr(route.gateway, "id", "") or ""
        if gateway_id.startswith("igw-"):
            return public_ip
        if route.nat_gateway is not None:
            nat = route.nat_gateway
            if through_nat or (getattr(nat, "connectivity_type", None) or "public").lower() == "private":
                return False   # a private NAT gateway reaches other networks, never the internet
            return _reaches_internet(ec2, route_table_of(ec2, ec2.get_subnet(nat.subnet_id)), True, through_nat=True)
        if route.instance is not None or route.transit_gateway is not None:
            return True   # a NAT instance or a transit gateway: where it leads is beyond what the sandbox models
    return False


def route_table_of(ec2, subnet):
    """The subnet's own route table, else its VPC's main one."""
    main = None
    for table in ec2.route_tables.values():
        if table.vpc_id != subnet.vpc_id:
            continue
        if subnet.id in table._associations.values():
            return table
        if table.main_association_id is not None:
            main = table
    return main


# ------------------------------------------------------------------ the default VPC

def default_vpc_wanted(environ=None):
    value = (os.environ if environ is None else environ).get(DEFAULT_VPC_VARIABLE, "on").strip().lower()
    if value not in ("on", "off", ""):
        raise ValueError("%s must be on or off, not %r" % (DEFAULT_VPC_VARIABLE, value))
    return value != "off"


def _ec2_init(original):
    def init(backend, *args, **kwargs):
        _building_backend.active = not _default_vpc["wanted"]
        try:
            original(backend, *args, **kwargs)
        finally:
            _building_backend.active = False
    return init


def _create_default_vpc(original):
    def create_default_vpc(backend):
        if getattr(_building_backend, "active", False):
            return None  # a region without a default VPC; CreateDefaultVpc still makes one
        vpc = original(backend)
        # AWS's default VPC has an internet gateway, and its main route table sends 0.0.0.0/0 there.
        gateway = backend.create_internet_gateway()
        backend.attach_internet_gateway(gateway.id, vpc.id)
        for table in backend.route_tables.values():
            if table.vpc_id == vpc.id and table.main_association_id is not None:
                backend.create_route(table.id, "0.0.0.0/0", gateway_id=gateway.id)
        return vpc
    return create_default_vpc


def _interface_init(original):
    def init(interface, *args, **kwargs):
        original(interface, *args, **kwargs)
        # Every interface has a private DNS name on AWS; moto sets one only in VPCs with DNS hostnames, and
        # RunTask/CreateService then answer 500 for a Fargate task in any other VPC.
        if getattr(interface, "private_dns_name", None) is None and interface.private_ip_address:
            interface.private_dns_name = generate_dns_from_ip(interface.private_ip_address)
    return init


def _task_init(original):
    def init(task, *args, **kwargs):
        original(task, *args, **kwargs)
        awsvpc = (getattr(task, "network_configuration", None) or {}).get("awsvpcConfiguration") or {}
        if (awsvpc.get("assignPublicIp") or "DISABLED").upper() != "ENABLED":
            return
        from moto.ec2.models import ec2_backends
        from moto.ec2.utils import random_public_ip
        ec2 = ec2_backends[task._account_id][task.region_name]
        for attachment in task.attachments:
            for detail in attachment.get("details", []):
                if detail["name"] == "networkInterfaceId":
                    ec2.get_network_interface(detail["value"]).public_ip = random_public_ip()
    return init


# ------------------------------------------------------------------ install

_MARK = "_mysfits_realism_ecs"



def _lay(cls, name, make):
    realism.lay(cls, name, make, _MARK)


def install(settings, plane, environ=None):
    """Lays the behaviours over moto and the data plane (after moto_fixes: DataPlane.install)."""
    backend = ecs_models.EC2ContainerServiceBackend
    _lay(backend, "create_service", _create_service)
    _lay(backend, "describe_services", _describe_services(settings))

    _lay(ECRBackend, "create_repository", _create_repository)
    _lay(ECRResponse, "describe_repositories", _named_repository_call(settings, "repositoryNames"))
    _lay(ECRResponse, "describe_images", _named_repository_call(settings, "repositoryName"))
    _lay(ECRResponse, "list_images", _named_repository_call(settings, "repositoryName"))

    _lay(LogsBackend, "create_log_group", _log_group_write)
    _lay(LogsBackend, "tag_log_group", _log_group_write)
    _lay(LogsBackend, "put_retention_policy", _log_group_guarded(settings, stamps_after=True))
    _lay(LogsBackend, "delete_log_group", _log_group_guarded(settings, stamps_after=False))

    _default_vpc["wanted"] = default_vpc_wanted(environ)
    _lay(EC2Backend, "__init__", _ec2_init)
    _lay(EC2Backend, "create_default_vpc", _create_default_vpc)
    _lay(NetworkInterface, "__init__", _interface_init)
    _lay(ecs_models.Task, "__init__", _task_init)

    plane.start_checks.append(task_network_check(settings))
