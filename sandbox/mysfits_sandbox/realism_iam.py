"""IAM as the other services see it: new roles spread for a while, and a fresh account lacks the service-linked roles.

A role (or instance profile) that IAM has just made is not yet usable by other services (AWS-BEHAVIOURS.md rows 1,
3, 4, 8, 9, 24, 25). Until it has spread:
- IAM GetRole, and AddRoleToInstanceProfile naming it, answer NoSuchEntity;
- ECS RunTask with a task definition whose task or execution role is new answers ClientException "ECS was unable
  to assume the role …"; a service's scheduler records that as a service event instead and tries again later;
- ECS CreateService passing a new service `role` answers "Unable to assume role and validate the specified
  targetGroupArn …";
- Application Auto Scaling RegisterScalableTarget answers ValidationException "Unable to assume IAM role: <arn>";
- CodeBuild CreateProject/UpdateProject answers InvalidInputException "CodeBuild is not authorized to perform:
  sts:AssumeRole on <arn>";
- EC2 Auto Scaling CreateAutoScalingGroup, whose launch template names a new instance profile (or one whose role
  was just added), answers ValidationError "… Invalid IAM Instance Profile name".

A fresh account (MYSFITS_SANDBOX_FRESH_ACCOUNT=1, `scripts/sandbox up --fresh-account`) has no service-linked roles
(row 6). The first ECS CreateCluster or CreateService then answers InvalidParameterException "Unable to assume the
service linked role. …" and ECS makes AWSServiceRoleForECS itself; like any new role it is usable once it has
spread. The first RegisterScalableTarget makes AWSServiceRoleForApplicationAutoScaling_ECSService the same way.
In any account, a service-linked role made a moment ago (iam create-service-linked-role) is not usable yet either.
CreateServiceLinkedRole for a role that exists answers InvalidInput "Service role name … has been taken …".

Row 2 (DeleteRole answers DeleteConflict while the role has policies or an instance profile) is moto's own.
"""
import os
import threading
import time

from moto.applicationautoscaling import models as autoscaling_models
from moto.applicationautoscaling.exceptions import AWSValidationException
from moto.autoscaling import models as asg_models
from moto.autoscaling.exceptions import ValidationError
from moto.codebuild.exceptions import InvalidInputException
from moto.codebuild.responses import CodeBuildResponse
from moto.ecs import models as ecs_models
from moto.ecs.exceptions import EcsClientException, InvalidParameterException
from moto.iam import models as iam_models
from moto.iam.exceptions import InvalidInput, NotFoundException
from moto.iam.responses import IamResponse

from . import realism
from .ecs import EcsPlane

FRESH_ACCOUNT_VARIABLE = "MYSFITS_SANDBOX_FRESH_ACCOUNT"

ROLE_READ = realism.behaviour(
    "iam-role-read-after-create", 1,
    "GetRole and AddRoleToInstanceProfile answer NoSuchEntity for a role IAM has just made",
    sandbox_seconds=1, aws_seconds=5)
INSTANCE_PROFILE = realism.behaviour(
    "iam-instance-profile-propagation", 4,
    "CreateAutoScalingGroup refuses a launch template whose instance profile is new: Invalid IAM Instance Profile name",
    sandbox_seconds=2, aws_seconds=60)
SERVICE_LINKED_ROLE = realism.behaviour(
    "ecs-service-linked-role", 6,
    "ECS refuses CreateCluster/CreateService until its service-linked role exists and has spread; a fresh account "
    "(%s=1) starts without it" % FRESH_ACCOUNT_VARIABLE,
    sandbox_seconds=3, aws_seconds=15)
ECS_SERVICE_ROLE = realism.behaviour(
    "ecs-new-service-role", 8,
    "CreateService with a new service role: Unable to assume role and validate the specified targetGroupArn",
    sandbox_seconds=2, aws_seconds=30)
ECS_TASK_ROLE = realism.behaviour(
    "ecs-new-task-role", 9,
    "RunTask (ClientException) and service tasks (an event, retried) with a new task or execution role",
    sandbox_seconds=2, aws_seconds=30)
AUTOSCALING_ROLE = realism.behaviour(
    "application-autoscaling-new-role", 24,
    "RegisterScalableTarget with a new role (its service-linked role too): Unable to assume IAM role",
    sandbox_seconds=2, aws_seconds=60)
CODEBUILD_ROLE = realism.behaviour(
    "codebuild-new-role", 25,
    "CreateProject/UpdateProject with a new service role: CodeBuild is not authorized to perform: sts:AssumeRole",
    sandbox_seconds=2, aws_seconds=60)

ECS_SLR_SERVICE = "ecs.amazonaws.com"
AUTOSCALING_ECS_SLR_SERVICE = "ecs.application-autoscaling.amazonaws.com"
# The names AWS gives these service-linked roles, where moto's rule for building them gives others.
SLR_NAMES = {AUTOSCALING_ECS_SLR_SERVICE: "AWSServiceRoleForApplicationAutoScaling_ECSService"}

_MARK = "_mysfits_iam_realism"
SUFFIX = "_mysfits_suffix"  # the custom suffix a service-linked role was made with
UNABLE_TO_ASSUME_TASK_ROLE = ("ECS was unable to assume the role '%s' that was provided for this task. Please verify "
                              "that the role being passed has the proper trust relationship and permissions and that "
                              "your IAM user has permissions to pass this role.")


def fresh_account(environ=None):
    value = (os.environ if environ is None else environ).get(FRESH_ACCOUNT_VARIABLE, "").strip().lower()
    return value in ("1", "true", "yes", "on")


class Spreading:
    """When each role and instance profile was made (or changed), on this process's monotonic clock."""

    def __init__(self, settings, fresh=False):
        self.settings = settings
        self.fresh = fresh
        self._made = {}
        self._lock = threading.Lock()

    def made(self, key):
        with self._lock:
            self._made[key] = time.monotonic()

    def young(self, key, behaviour):
        """Whether the thing made under this key has not yet spread as far as this behaviour needs."""
        seconds = self.settings.realism.seconds(behaviour)
        if seconds <= 0:
            return False
        with self._lock:
            made = self._made.get(key)
        return made is not None and time.monotonic() - made < seconds

    # ------------------------------------------------------------ lookups

    @staticmethod
    def iam(account_id):
        return iam_models.iam_backends[account_id]["global"]

    def role_by_arn(self, account_id, arn):
        try:
            return self.iam(account_id).get_role_by_arn(arn)
        except NotFoundException:
            return None

    def role_young(self, account_id, arn, behaviour):
        role = self.role_by_arn(account_id, arn) if arn else None
        return role is not None and self.young(("role", account_id, role.name), behaviour)

    def service_linked_role(self, account_id, service_name, behaviour, make_if_missing):
        """The service's role, or None; in a fresh account, made now when missing (as the service does)."""
        iam = self.iam(account_id)
        role = next(iter(_linked_roles(iam, service_name)), None)
        if role is None and make_if_missing and self.fresh and self.settings.realism.on(behaviour):
            role = iam.create_service_linked_role(service_name, None, None)
        return role


# ------------------------------------------------------------------ IAM

def _create_role(spreading):
    def hook(original):
        def create_role(backend, role_name, *args, **kwargs):
            role = original(backend, role_name, *args, **kwargs)
            spreading.made(("role", backend.account_id, role.name))
            return role
        return create_role
    return hook


def _create_service_linked_role(spreading):
    def hook(original):
        def create(backend, service_name, description, suffix):
            taken = _linked_roles(backend, service_name, suffix)
            if taken:
                raise InvalidInput("Service role name %s has been taken in this account, please try a different "
                                   "suffix." % taken[0].name)
            role = original(backend, service_name, description, suffix)
            setattr(role, SUFFIX, suffix or None)
            if service_name in SLR_NAMES and not suffix:
                role.name = SLR_NAMES[service_name]  # moto's rule for the name gives another
                spreading.made(("role", backend.account_id, role.name))
            return role
        return create
    return hook


def _linked_roles(backend, service_name, suffix=None):
    """The service's linked roles with this suffix (or none) that exist already."""
    return [r for r in backend.get_roles() if getattr(r, "_linked_service", None) == service_name
            and getattr(r, SUFFIX, None) == (suffix or None)]


def _get_role(spreading):
    def hook(original):
        def get_role(response):
            name = response._get_param("RoleName")
            if spreading.young(("role", response.current_account, name), ROLE_READ):
                raise NotFoundException("The role with name %s cannot be found." % name)
            return original(response)
        return get_role
    return hook


def _add_role_to_instance_profile(spreading):
    def hook(original):
        def add(backend, profile_name, role_name):
            if spreading.young(("role", backend.account_id, role_name), ROLE_READ):
                raise NotFoundException("The role with name %s cannot be found." % role_name)
            original(backend, profile_name, role_name)
            spreading.made(("profile", backend.account_id, profile_name))
        return add
    return hook


def _create_instance_profile(spreading):
    def hook(original):
        def create(backend, name, *args, **kwargs):
            profile = original(backend, name, *args, **kwargs)
            spreading.made(("profile", backend.account_id, name))
            return profile
        return create
    return hook


# ------------------------------------------------------------------ ECS

def _refuse_without_service_linked_role(spreading, account_id):
    role = spreading.service_linked_role(account_id, ECS_SLR_SERVICE, SERVICE_LINKED_ROLE, make_if_missing=True)
    missing = role is None and spreading.fresh
    if spreading.settings.realism.on(SERVICE_LINKED_ROLE) and (
            missing or (role is not None and spreading.young(("role", account_id, role.name), SERVICE_LINKED_ROLE))):
        raise InvalidParameterException(
            "Unable to assume the service linked role. Please verify that the ECS service linked role exists.")


def _create_cluster(spreading):
    def hook(original):
        def create_cluster(backend, *args, **kwargs):
            _refuse_without_service_linked_role(spreading, backend.account_id)
            return original(backend, *args, **kwargs)
        return create_cluster
    return hook


def _create_service(spreading):
    def hook(original):
        def create_service(backend, *args, **kwargs):
            _refuse_without_service_linked_role(spreading, backend.account_id)
            role_arn = kwargs.get("role_arn") or (args[14] if len(args) > 14 else None)
            if spreading.role_young(backend.account_id, role_arn, ECS_SERVICE_ROLE):
                raise InvalidParameterException(
                    "Unable to assume role and validate the specified targetGroupArn. Please verify that the ECS "
                    "service role being passed has the proper permissions.")
            return original(backend, *args, **kwargs)
        return create_service
    return hook


def young_task_role(spreading, account_id, definition):
    """The first of the task definition's roles that ECS cannot assume yet, or None."""
    for arn in (getattr(definition, "task_role_arn", None), getattr(definition, "execution_role_arn", None)):
        if spreading.role_young(account_id, arn, ECS_TASK_ROLE):
            return arn
    return None


def _run_task(spreading):
    def hook(original):
        def run_task(backend, *args, **kwargs):
            definition_str = args[1] if len(args) > 1 else kwargs.get("task_definition_str")
            definition = backend.describe_task_definition(definition_str)
            young = young_task_role(spreading, backend.account_id, definition)
            if young is not None:
                raise EcsClientException(UNABLE_TO_ASSUME_TASK_ROLE % young)
            return original(backend, *args, **kwargs)
        return run_task
    return hook


def _start_service_task(spreading):
    def hook(original):
        def start_service_task(plane, backend, service, deployment):
            definition = backend.describe_task_definition(deployment["taskDefinition"])
            young = young_task_role(spreading, backend.account_id, definition)
            if young is not None:
                # The scheduler tries again on its next pass, as ECS does.
                plane.event(service, UNABLE_TO_ASSUME_TASK_ROLE % young, repeat_after=60)
                return None
            return original(plane, backend, service, deployment)
        return start_service_task
    return hook


# ------------------------------------------------------------------ Application Auto Scaling, CodeBuild, EC2 Auto Scaling

def _register_scalable_target(spreading):
    def hook(original):
        def register(backend, namespace, r_id, dimension, min_capacity, max_capacity, role_arn, suspended_state):
            if not role_arn and namespace == "ecs":
                role = spreading.service_linked_role(backend.account_id, AUTOSCALING_ECS_SLR_SERVICE,
                                                     AUTOSCALING_ROLE, make_if_missing=True)
                role_arn = role.arn if role is not None else None
            if spreading.role_young(backend.account_id, role_arn, AUTOSCALING_ROLE):
                raise AWSValidationException("Unable to assume IAM role: %s" % role_arn)
            return original(backend, namespace, r_id, dimension, min_capacity, max_capacity, role_arn, suspended_state)
        return register
    return hook


def _codebuild_project(spreading):
    def hook(original):
        def call(response):
            role_arn = response._get_param("serviceRole")
            if spreading.role_young(response.current_account, role_arn, CODEBUILD_ROLE):
                raise InvalidInputException("CodeBuild is not authorized to perform: sts:AssumeRole on %s" % role_arn)
            return original(response)
        return call
    return hook


def _launch_template_profile(backend, launch_template):
    """The instance profile name the group's launch template names, if any."""
    from moto.ec2.models import ec2_backends
    if not launch_template:
        return None
    ec2 = ec2_backends[backend.account_id][backend.region_name]
    template_id = launch_template.get("LaunchTemplateId") or launch_template.get("launch_template_id")
    template_name = launch_template.get("LaunchTemplateName") or launch_template.get("launch_template_name")
    try:
        template = ec2.get_launch_template(template_id) if template_id else ec2.get_launch_template_by_name(template_name)
        version = template.get_version(launch_template.get("Version") or launch_template.get("version") or "$Default")
    except Exception:
        return None  # moto answers for a template it does not know
    profile = version.data.get("IamInstanceProfile") or {}
    if profile.get("Name"):
        return profile["Name"]
    arn = profile.get("Arn")
    return arn.rsplit("/", 1)[-1] if arn else None


def _create_auto_scaling_group(spreading):
    def hook(original):
        def create(backend, *args, **kwargs):
            profile = _launch_template_profile(backend, kwargs.get("launch_template"))
            if profile and spreading.young(("profile", backend.account_id, profile), INSTANCE_PROFILE):
                raise ValidationError("You must use a valid fully-formed launch template. Value (%s) for parameter "
                                      "iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name" % profile)
            return original(backend, *args, **kwargs)
        return create
    return hook


PATCHED = (iam_models.IAMBackend, IamResponse, ecs_models.EC2ContainerServiceBackend, EcsPlane,
           autoscaling_models.ApplicationAutoscalingBackend, CodeBuildResponse, asg_models.AutoScalingBackend)



def _lay(cls, name, make):
    realism.lay(cls, name, make, _MARK)


def install(settings, environ=None):
    """Lays the hooks; call after moto_fixes.install(). Returns what tracks the roles' ages."""
    spreading = Spreading(settings, fresh_account(environ))
    iam = iam_models.IAMBackend
    _lay(iam, "create_role", _create_role(spreading))
    _lay(iam, "create_service_linked_role", _create_service_linked_role(spreading))
    _lay(iam, "add_role_to_instance_profile", _add_role_to_instance_profile(spreading))
    _lay(iam, "create_instance_profile", _create_instance_profile(spreading))
    _lay(IamResponse, "get_role", _get_role(spreading))
    ecs = ecs_models.EC2ContainerServiceBackend
    _lay(ecs, "create_cluster", _create_cluster(spreading))
    _lay(ecs, "create_service", _create_service(spreading))
    _lay(ecs, "run_task", _run_task(spreading))
    _lay(EcsPlane, "start_service_task", _start_service_task(spreading))
    _lay(autoscaling_models.ApplicationAutoscalingBackend, "register_scalable_target",
         _register_scalable_target(spreading))
    for name in ("create_project", "update_project"):  # UpdateProject is the sandbox's own (codebuild.py)
        if hasattr(CodeBuildResponse, name):
            _lay(CodeBuildResponse, name, _codebuild_project(spreading))
    _lay(asg_models.AutoScalingBackend, "create_auto_scaling_group", _create_auto_scaling_group(spreading))
    if not spreading.fresh:
        _lay(iam, "__init__", _established_account(spreading))
    return spreading


def _established_account(spreading):
    """An account that is not fresh has used ECS and Application Auto Scaling before: their service-linked roles
    exist from the start, long since spread (so `iam list-roles` shows them before anything is made)."""
    def hook(original):
        def init(backend, *args, **kwargs):
            original(backend, *args, **kwargs)
            for service_name in ("ecs.amazonaws.com", AUTOSCALING_ECS_SLR_SERVICE):
                if not _linked_roles(backend, service_name):
                    role = backend.create_service_linked_role(service_name, None, None)
                    with spreading._lock:
                        spreading._made.pop(("role", backend.account_id, role.name), None)
        return init
    return hook
