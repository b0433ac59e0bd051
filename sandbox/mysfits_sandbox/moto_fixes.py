"""moto's own differences from AWS, fixed where they are (moto 5.2.1).

Two kinds. Valid requests that moto answers with HTTP 500 because its code meets a value it did not expect; AWS
never answers 500 to them:
- the Tagging API's GetResources once a cluster exists without tags (`aws ecs create-cluster --cluster-name X`);
- RunTask and a service's tasks with a task definition whose containers set no memory of their own (Fargate takes
  the task-level cpu and memory);
- CreateService and RunTask with an awsvpc configuration that names no security group (AWS uses the VPC's default);
- RunTask on the EC2 launch type in a cluster without container instances;
- DescribeContainerInstances in a cluster that never had one.

And answers that differ from AWS's:
- CreateLoadBalancer with the name of one there is answers that one (same settings), as AWS does;
- ListServices lists only ACTIVE services (moto also lists DRAINING and deleted, INACTIVE ones);
- CreateService with the name of a service that is not INACTIVE refuses, "Creation of service was not idempotent.",
  unless it repeats the clientToken that created it (then it answers that service, as AWS does for a retry);
- DescribeScalingPolicies honours PolicyNames and matches ResourceId exactly (moto ignores the names and matches by
  substring);
- DeleteScalingPolicy and DeregisterScalableTarget of something missing answer ObjectNotFoundException (moto:
  ValidationException), and deregistering a target deletes its policies;
- IAM ListInstanceProfileTags exists;
- CreateServiceLinkedRole for ecs.amazonaws.com makes AWSServiceRoleForECS, the name the labs look for (moto:
  AWSServiceRoleForecs), and for elasticloadbalancing.amazonaws.com AWSServiceRoleForElasticLoadBalancing;
- ECR's authorization token expires 12 hours from now (moto: 1 January 2015);
- a task definition says when it was registered, registeredAt (moto: not at all).

Each patch sits on top of whatever the class has when install() runs, and install() puts it back on top when
another hook was laid over it since: call it after the data plane's own hooks (DataPlane.install does).
"""
import copy
import inspect
import time

from moto.applicationautoscaling import models as autoscaling_models
from moto.applicationautoscaling import responses as autoscaling_responses
from moto.core.exceptions import JsonRESTError
from moto.core.responses import ActionResult
from moto.core.utils import utcnow
from moto.ecr.responses import ECRResponse
from moto.ecs import models as ecs_models
from moto.ecs.exceptions import InvalidParameterException
from moto.ecs.responses import EC2ContainerServiceResponse
from moto.elbv2 import models as elbv2_models
from moto.elbv2.exceptions import DuplicateLoadBalancerName
from moto.iam import models as iam_models
from moto.iam.responses import IamResponse
from . import hooks

ECR_TOKEN_HOURS = 12
_MARK = "_mysfits_fix"


class ObjectNotFoundException(JsonRESTError):
    def __init__(self, message):
        super().__init__("ObjectNotFoundException", message)


def _lay(cls, name, make, static=False):
    """Puts make(current) on cls.name unless the current one is already ours."""
    current = cls.__dict__.get(name)
    function = current.__func__ if isinstance(current, staticmethod) else getattr(cls, name, None)
    if function is not None and getattr(function, _MARK, False):
        return
    patched = make(function)
    setattr(patched, _MARK, True)
    hooks.lay_member(cls, name, staticmethod(patched) if static else patched)


# ------------------------------------------------------------------ ECS

def _cluster_init(original):
    def init(cluster, *args, **kwargs):
        original(cluster, *args, **kwargs)
        if cluster.tags is None:
            cluster.tags = []
    return init


def _task_definition_init(original):
    def init(task_definition, *args, **kwargs):
        original(task_definition, *args, **kwargs)
        task_definition.registered_at = utcnow()
    return init


def _requirements(original):
    def requirements(task_definition):
        """A task reserves its task-level cpu and memory when it has them; containers then need no memory of their own."""
        filled = copy.copy(task_definition)
        filled.container_definitions = [_with_memory(c) for c in task_definition.container_definitions]
        result = original(filled)
        for key, value in (("CPU", task_definition.cpu), ("MEMORY", task_definition.memory)):
            if value not in (None, ""):
                result[key] = int(value)
        return result
    return requirements


def _with_memory(container):
    keys = ("memory", "memoryReservation", "Memory", "MemoryReservation")
    if any(container.get(k) is not None for k in keys):
        return container
    return dict({k: v for k, v in container.items() if k not in keys}, memory=0)


def _validate_network(original):
    def validate(service, network_configuration):
        # awsvpc without securityGroups takes the VPC's default group; only the subnets need checking then.
        awsvpc = (network_configuration or {}).get("awsvpcConfiguration") or {}
        if awsvpc.get("securityGroups"):
            return original(service, network_configuration)
        checked = dict(network_configuration, awsvpcConfiguration=dict(awsvpc, securityGroups=[]))
        original(service, checked)
        return network_configuration
    return validate


def _task_init(original):
    signature = inspect.signature(original)

    def init(task, *args, **kwargs):
        bound = signature.bind(task, *args, **kwargs)
        configuration = bound.arguments.get("networking_configuration")
        if configuration:
            bound.arguments["networking_configuration"] = _with_default_group(bound.arguments["backend"], configuration)
        original(*bound.args, **bound.kwargs)
    return init


def _with_default_group(backend, network_configuration):
    """A task's network interface gets its VPC's default security group when the request names none."""
    awsvpc = network_configuration.get("awsvpcConfiguration")
    if not awsvpc or awsvpc.get("securityGroups") or not awsvpc.get("subnets"):
        return network_configuration
    from moto.ec2.models import ec2_backends
    ec2 = ec2_backends[backend.account_id][backend.region_name]
    vpc_id = ec2.get_subnet(awsvpc["subnets"][0]).vpc_id
    default = ec2.get_security_group_from_name("default", vpc_id)
    return dict(network_configuration, awsvpcConfiguration=dict(awsvpc, securityGroups=[default.id]))


def _run_task(original):
    def run_task(backend, *args, **kwargs):
        cluster_str = args[0] if args else kwargs.get("cluster_str")
        launch_type = args[6] if len(args) > 6 else kwargs.get("launch_type")
        cluster = backend._get_cluster(cluster_str)
        by_capacity_provider = not launch_type and cluster.default_capacity_provider_strategy
        if launch_type in (None, "", "EC2") and not by_capacity_provider:
            instances = backend.container_instances.get(cluster.name, {}).values()
            if not any(i.status == "ACTIVE" for i in instances):
                raise InvalidParameterException("No Container Instances were found in your cluster.")
        return original(backend, *args, **kwargs)
    return run_task


def _run_task_failures(original):
    """RunTask on EC2 instances where the task fits none: AWS answers no task and, for each container instance, what
    it lacks (RESOURCE:MEMORY, RESOURCE:CPU, RESOURCE:PORTS); moto answers no task and no failure."""
    def run_task(response):
        result = original(response)
        answer = result.result
        if len(answer["tasks"]) >= response._get_int_param("count", 1):
            return result
        backend = response.ecs_backend
        cluster = backend._get_cluster(response._get_param("cluster", "default"))
        launch_type = response._get_param("launchType")
        if launch_type not in (None, "", "EC2") or (not launch_type and cluster.default_capacity_provider_strategy):
            return result
        definition = backend.describe_task_definition(response._get_param("taskDefinition"))
        needs = backend._calculate_task_resource_requirements(definition)
        instances = [ci for ci in backend.container_instances.get(cluster.name, {}).values() if ci.status == "ACTIVE"]
        answer["failures"] = [{"arn": ci.container_instance_arn, "reason": _lacking(ci, needs)} for ci in instances]
        return result
    return run_task


def _lacking(instance, needs):
    remaining = {r["name"]: r for r in instance.remaining_resources}
    if needs.get("MEMORY", 0) > remaining.get("MEMORY", {}).get("integerValue", 0):
        return "RESOURCE:MEMORY"
    if needs.get("CPU", 0) > remaining.get("CPU", {}).get("integerValue", 0):
        return "RESOURCE:CPU"
    return "RESOURCE:PORTS"


def _known_cluster(original):
    def method(backend, cluster_str, *args, **kwargs):
        cluster = backend._get_cluster(cluster_str)
        backend.container_instances.setdefault(cluster.name, {})
        return original(backend, cluster_str, *args, **kwargs)
    return method


def _list_services(original):
    def list_services(backend, cluster_str, *args, **kwargs):
        arns = original(backend, cluster_str, *args, **kwargs)
        active = {s.arn for s in backend.services.values() if s.status == "ACTIVE"}
        return [arn for arn in arns if arn in active]
    return list_services


def _create_service(original):
    def create_service(response):
        backend = response.ecs_backend
        cluster = backend._get_cluster(response._get_param("cluster", "default"))
        name = response._get_param("serviceName")
        token = response._get_param("clientToken") or None
        existing = backend.services.get("%s:%s" % (cluster.name, name))
        if existing is not None and existing.status != "INACTIVE":
            if token is not None and getattr(existing, "client_token", None) == token:
                return ActionResult({"service": existing})
            raise InvalidParameterException("Creation of service was not idempotent.")
        result = original(response)
        backend.services["%s:%s" % (cluster.name, name)].client_token = token
        return result
    return create_service


# ------------------------------------------------------------------ Application Auto Scaling

def describe_scaling_policies(response):
    backend = response.applicationautoscaling_backend
    namespace = response._get_param("ServiceNamespace")
    resource_id = response._get_param("ResourceId")
    dimension = response._get_param("ScalableDimension")
    names = response._get_param("PolicyNames") or []
    found = [p for p in backend.policies.values()
             if p.service_namespace == namespace
             and (not resource_id or p.resource_id == resource_id)
             and (not dimension or p.scalable_dimension == dimension)
             and (not names or p.policy_name in names)]
    start = int(response._get_param("NextToken") or 0)
    end = start + (response._get_int_param("MaxResults") or 100)
    page = {"ScalingPolicies": [autoscaling_responses._build_policy(p) for p in found[start:end]]}
    if end < len(found):
        page["NextToken"] = str(end)
    return ActionResult(page)


def _delete_scaling_policy(original):
    def delete(backend, policy_name, service_namespace, resource_id, scalable_dimension):
        key = autoscaling_models.FakeApplicationAutoscalingPolicy.formulate_key(
            service_namespace, resource_id, scalable_dimension, policy_name)
        if key not in backend.policies:
            raise ObjectNotFoundException(
                "No scaling policy found for service namespace: %s, resource ID: %s, scalable dimension: %s, "
                "policy name: %s" % (service_namespace, resource_id, scalable_dimension, policy_name))
        return original(backend, policy_name, service_namespace, resource_id, scalable_dimension)
    return delete


def _deregister_scalable_target(original):
    def deregister(backend, namespace, r_id, dimension):
        if not backend._scalable_target_exists(r_id, dimension):
            raise ObjectNotFoundException(
                "No scalable target found for service namespace: %s, resource ID: %s, scalable dimension: %s"
                % (namespace, r_id, dimension))
        original(backend, namespace, r_id, dimension)
        # AWS deletes the target's scaling policies with it.
        for key, policy in list(backend.policies.items()):
            if (policy.service_namespace, policy.resource_id, policy.scalable_dimension) == (namespace, r_id, dimension):
                del backend.policies[key]
    return deregister


# ------------------------------------------------------------------ IAM and ECR

def list_instance_profile_tags(response):
    profile = response.backend.get_instance_profile(response._get_param("InstanceProfileName"))
    return ActionResult({"Tags": list(profile.tags or []), "IsTruncated": False})


def _authorization_token(original):
    def get_authorization_token(response):
        result = original(response)
        expires = time.time() + ECR_TOKEN_HOURS * 3600
        for data in result.result["authorizationData"]:
            data["expiresAt"] = expires
        return result
    return get_authorization_token


def _create_load_balancer(original):
    """CreateLoadBalancer is idempotent on AWS: the same name and settings answer the balancer there is (a client
    whose answer was lost asks again); the same name with other settings is DuplicateLoadBalancerName. moto made a
    second balancer of the same name."""
    def create(backend, name, security_groups, subnet_ids, subnet_mappings=None, scheme="internet-facing",
               loadbalancer_type=None, *args, **kwargs):
        for existing in list(backend.load_balancers.values()):
            if existing.name != name:
                continue
            wanted = set(subnet_ids or []) | {m.get("SubnetId") for m in subnet_mappings or []}
            same = existing.scheme == scheme and existing.type == (loadbalancer_type or "application") \
                and {getattr(s, "id", s) for s in existing.subnets} == wanted
            if same:
                return existing
            raise DuplicateLoadBalancerName()
        return original(backend, name, security_groups, subnet_ids, subnet_mappings, scheme, loadbalancer_type,
                        *args, **kwargs)
    return create


def install():
    backend = ecs_models.EC2ContainerServiceBackend
    _lay(ecs_models.Cluster, "__init__", _cluster_init)
    _lay(ecs_models.TaskDefinition, "__init__", _task_definition_init)
    _lay(backend, "_calculate_task_resource_requirements", _requirements, static=True)
    _lay(ecs_models.Service, "_validate_network", _validate_network)
    _lay(ecs_models.Task, "__init__", _task_init)
    _lay(backend, "run_task", _run_task)
    for name in ("describe_container_instances", "update_container_instances_state"):
        _lay(backend, name, _known_cluster)
    _lay(backend, "list_services", _list_services)
    _lay(EC2ContainerServiceResponse, "create_service", _create_service)
    _lay(EC2ContainerServiceResponse, "run_task", _run_task_failures)

    autoscaling = autoscaling_models.ApplicationAutoscalingBackend
    _lay(autoscaling_responses.ApplicationAutoScalingResponse, "describe_scaling_policies",
         lambda _: describe_scaling_policies)
    _lay(autoscaling, "delete_scaling_policy", _delete_scaling_policy)
    _lay(autoscaling, "deregister_scalable_target", _deregister_scalable_target)

    _lay(elbv2_models.ELBv2Backend, "create_load_balancer", _create_load_balancer)

    # moto builds a service-linked role's name from the service's host name through this table.
    iam_models.SERVICE_NAME_CONVERSION.setdefault("ecs", "ECS")
    iam_models.SERVICE_NAME_CONVERSION.setdefault("elasticloadbalancing", "ElasticLoadBalancing")
    _lay(IamResponse, "list_instance_profile_tags", lambda _: list_instance_profile_tags)
    _lay(ECRResponse, "get_authorization_token", _authorization_token)
