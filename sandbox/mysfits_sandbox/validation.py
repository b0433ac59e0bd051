"""Request validation: every API call is checked against its service's API model before moto handles it.

AWS validates each request against the service's model (required members, types, lengths, ranges, enums and
patterns) and against naming rules its documentation states but the models leave out. moto checks few of these,
so a request AWS refuses could pass every test here. This middleware decodes each request with botocore's model
of the service (JSON, query and EC2 protocols), and answers a violation as that service answers it.

Findings are logged (logger mysfits_sandbox.validation, one line each) and kept, so a test can assert that a run
sent none:
    GET    /mysfits-sandbox/validation   the findings so far, a JSON list
    DELETE /mysfits-sandbox/validation   forgets them

MYSFITS_SANDBOX_REALISM_OFF=request-validation turns the checks off.
"""
import base64
import io
import json
import logging
import re
import threading
import urllib.parse
from dataclasses import asdict, dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

import botocore.session
from botocore.exceptions import UnknownServiceError
from botocore.model import OperationNotFoundError

from . import realism
from .faults import service_of

try:
    # Java's regular expressions, which the models' patterns are written in, know \p{L}, \p{Print} and the like;
    # the `regex` module does too, `re` does not. Without it, such patterns are skipped (see compile_pattern).
    import regex as _patterns
except ImportError:  # pragma: no cover - depends on the environment
    _patterns = re

log = logging.getLogger("mysfits_sandbox.validation")

REQUEST_VALIDATION = realism.behaviour(
    "request-validation", 0,  # no numbered row: the catalogue's "also true of AWS", after the table
    "requests are checked against the service's API model and AWS's naming rules; violations answer as AWS does")

PATH = "/mysfits-sandbox/validation"

# The signing name in the SigV4 credential scope -> botocore's names of the services signed with it. Where two
# share one (ELB and ELBv2), the API version tells them apart; JSON services are told apart by X-Amz-Target.
SIGNING_NAMES = {
    "ecs": ("ecs",),
    "ecr": ("ecr",),
    "logs": ("logs",),
    "application-autoscaling": ("application-autoscaling",),
    "codebuild": ("codebuild",),
    "tagging": ("resourcegroupstaggingapi",),
    "autoscaling": ("autoscaling",),
    "iam": ("iam",),
    "sts": ("sts",),
    "ec2": ("ec2",),
    "elasticloadbalancing": ("elbv2", "elb"),
    "ssm": ("ssm",),
    "dynamodb": ("dynamodb",),
    "secretsmanager": ("secretsmanager",),
    "events": ("events",),
    "kms": ("kms",),
    "cloudformation": ("cloudformation",),
    "sns": ("sns",),
}

# What each JSON service answers for a request its model refuses. Query services answer ValidationError, EC2
# MissingParameter or InvalidParameterValue (see error_response).
JSON_ERROR_CODES = {
    "ecs": "InvalidParameterException",
    "ecr": "InvalidParameterException",
    "logs": "InvalidParameterException",
    "application-autoscaling": "ValidationException",
    "codebuild": "InvalidInputException",
    "resourcegroupstaggingapi": "InvalidParameterException",
    "secretsmanager": "InvalidParameterException",
}
DEFAULT_JSON_ERROR_CODE = "ValidationException"


@dataclass
class Finding:
    service: str
    operation: str
    member: str          # as AWS names it in its message: containerDefinitions.1.member.name
    value: object
    constraint: str      # Member must have length less than or equal to 32
    code: str = ""       # set by a naming rule that answers with its own code and message
    message: str = ""


# ---------------------------------------------------------------------------------------------- patterns

# Java writes a character beyond the BMP as a surrogate pair; Python's strings hold the code point itself.
_SURROGATE_RANGE = re.compile(r"\\u[dD]800\\u[dD][cC]00-\\u[dD][bB][fF][fF]\\u[dD][fF][fF][fF]")


@lru_cache(maxsize=None)
def compile_pattern(pattern):
    """(compiled, None), or (None, why it is skipped). A model's pattern must match the whole value, as in AWS."""
    source = _SURROGATE_RANGE.sub(r"\\U00010000-\\U0010FFFF", pattern)
    try:
        return _patterns.compile(source), None
    except Exception as e:  # re.error or regex.error
        return None, "%s: %s" % (type(e).__name__, e)


# Constructs of Java's syntax that Python cannot compile: a pattern that fails to compile must use one of them.
KNOWN_UNSUPPORTED = (
    (re.compile(r"\\p\{"), "Unicode property class (\\p{...}) without the regex module"),
    (re.compile(r"\[\\w-"), "a class range from \\w, which Java reads as a literal hyphen"),
)


def skip_reason(pattern):
    """Why a pattern that does not compile is knowingly skipped, or None when it is not known."""
    for construct, reason in KNOWN_UNSUPPORTED:
        if construct.search(pattern):
            return reason
    return None


# ---------------------------------------------------------------------------------------------- naming rules

# Naming rules AWS documents but botocore's models leave out (there the members are plain strings). ECR repository
# names (2-256, (?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*), IAM role names ([\w+=,.@-]+,
# 1-64), log group names ([\.\-_/#A-Za-z0-9]+, 1-512) and CodeBuild project names
# ([A-Za-z0-9][A-Za-z0-9\-_]{1,149}, 2-150) are in the models already; tests/test_validation.py holds them there.
# Sources:
#   ELBv2: https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html and
#     API_CreateLoadBalancer.html: "can have a maximum of 32 characters, must contain only alphanumeric characters
#     or hyphens, must not begin or end with a hyphen, and must not begin with "internal-"" (load balancers). The
#     answer's text: "Target group name '…' cannot be longer than '32' characters" (hashicorp/terraform#11699).
#   ECS: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html (family),
#     API_CreateCluster.html (clusterName), API_CreateService.html (serviceName): "Up to 255 letters (uppercase and
#     lowercase), numbers, underscores, and hyphens are allowed." RegisterTaskDefinition answers ClientException
#     "Family contains invalid characters." (aws/amazon-ecs-cli#37).
#   EC2: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html: GroupName "Up to 255
#     characters in length. Cannot start with sg-." Both it and the description: "a-z, A-Z, 0-9, spaces, and
#     ._-:/()#,@[]+=&;{}!$*".
ECS_NAME = re.compile(r"[a-zA-Z0-9_-]{1,255}")
ELB_NAME = re.compile(r"[a-zA-Z0-9-]+")
SECURITY_GROUP_TEXT = re.compile(r"[a-zA-Z0-9 ._\-:/()#,@\[\]+=&;{}!$*]*")


def _elb_name(kind, value, load_balancer):
    if len(value) > 32:
        return ("Member must have length less than or equal to 32",
                "%s name '%s' cannot be longer than '32' characters" % (kind, value))
    if not ELB_NAME.fullmatch(value):
        return ("Member must contain only alphanumeric characters or hyphens",
                "%s name '%s' can only contain characters that are alphanumeric characters or hyphens(-)"
                % (kind, value))
    if value.startswith("-") or value.endswith("-"):
        return ("Member must not begin or end with a hyphen",
                "%s name '%s' cannot begin or end with '-'" % (kind, value))
    if load_balancer and value.startswith("internal-"):
        return ("Member must not begin with 'internal-'",
                "%s name '%s' cannot begin with 'internal-'" % (kind, value))
    return None


def _ecs_name(member, code, message=None):
    def check(value):
        if ECS_NAME.fullmatch(value):
            return None
        constraint = "Member must satisfy regular expression pattern: %s" % ECS_NAME.pattern
        return constraint, message or validation_message([("'%s'" % value, member, constraint)]), code
    return check


def _security_group_text(parameter, name):
    def check(value):
        if len(value) > 255:
            return ("Member must have length less than or equal to 255",
                    "Value (%s) for parameter %s is invalid. Length exceeds maximum of 255." % (value, parameter))
        if name and value.lower().startswith("sg-"):
            return ("Member must not start with sg-",
                    "Value (%s) for parameter %s is invalid. Group names may not be in the format sg-*."
                    % (value, parameter))
        if not SECURITY_GROUP_TEXT.fullmatch(value):
            return ("Member must contain only a-z, A-Z, 0-9, spaces, and ._-:/()#,@[]+=&;{}!$*",
                    "Value (%s) for parameter %s is invalid. Character sets beyond a-z, A-Z, 0-9, spaces, and "
                    "._-:/()#,@[]+=&;{}!$* are not allowed." % (value, parameter))
        return None
    return check


# (service, operation, member) -> check(value) giving None, or (constraint, message[, code]).
NAMING_RULES = {
    ("elbv2", "CreateTargetGroup", "Name"): lambda v: _elb_name("Target group", v, False),
    ("elbv2", "CreateLoadBalancer", "Name"): lambda v: _elb_name("Load balancer", v, True),
    ("ecs", "RegisterTaskDefinition", "family"):
        _ecs_name("family", "ClientException", "Family contains invalid characters."),
    ("ecs", "CreateCluster", "clusterName"): _ecs_name("clusterName", "InvalidParameterException"),
    ("ecs", "CreateService", "serviceName"): _ecs_name("serviceName", "InvalidParameterException"),
    ("ec2", "CreateSecurityGroup", "GroupName"): _security_group_text("GroupName", True),
    ("ec2", "CreateSecurityGroup", "Description"): _security_group_text("GroupDescription", False),
}


# ---------------------------------------------------------------------------------------------- models

_session_lock = threading.Lock()
_session = None


@lru_cache(maxsize=None)
def service_model(name):
    global _session
    with _session_lock:
        if _session is None:
            _session = botocore.session.get_session()
        try:
            return _session.get_service_model(name)
        except UnknownServiceError:
            return None


# ---------------------------------------------------------------------------------------------- decoding

class Undecodable(Exception):
    """The request is not in a shape this decoder reads: it goes to moto unchecked."""


@dataclass
class Call:
    service: str          # botocore's name
    protocol: str         # json | query | ec2
    operation: object     # botocore OperationModel
    params: dict          # the input, as the model names its members
    type_errors: list     # (path, value, expected type) met while decoding query strings


def identify(signing_name, target, form):
    """The botocore service model this request is for, or None. target: X-Amz-Target; form: query parameters."""
    for name in SIGNING_NAMES.get(signing_name, ()):
        model = service_model(name)
        if model is None:
            continue
        protocol = model.metadata.get("protocol")
        if target is not None:
            if protocol == "json" and target.rsplit(".", 1)[0] == model.metadata.get("targetPrefix"):
                return model
        elif protocol in ("query", "ec2") and form.get("Version") == model.metadata.get("apiVersion"):
            return model
    return None


def decode(environ, signing_name, body):
    target = environ.get("HTTP_X_AMZ_TARGET")
    form = None
    if target is None:
        text = body.decode("utf-8") if body else environ.get("QUERY_STRING", "")
        form = dict(urllib.parse.parse_qsl(text, keep_blank_values=True))
    model = identify(signing_name, target, form)
    if model is None:
        return None
    operation_name = target.rsplit(".", 1)[-1] if target is not None else form.get("Action", "")
    try:
        operation = model.operation_model(operation_name)
    except OperationNotFoundError:
        log.debug("%s: unknown operation %r, not checked", model.service_name, operation_name)
        return None
    protocol = model.metadata["protocol"]
    if protocol == "json":
        try:
            params = json.loads(body or b"{}")
        except ValueError:
            raise Undecodable("body is not JSON")
        if not isinstance(params, dict):
            raise Undecodable("body is not a JSON object")
        return Call(model.service_name, protocol, operation, params, [])
    decoder = QueryDecoder(form, protocol == "ec2")
    params = decoder.structure(operation.input_shape, "") if operation.input_shape is not None else {}
    return Call(model.service_name, protocol, operation, params, decoder.type_errors)


_ABSENT = object()


class QueryDecoder:
    """Reads the flattened form of the query and EC2 protocols back into nested values, from the shape.

    query: Names.member.1, Tags.member.1.Key, Attributes.entry.1.key; flattened lists drop ".member".
    ec2:   Filter.1.Name, Filter.1.Value.1 (lists always flattened; names from queryName or locationName).
    """

    def __init__(self, form, ec2):
        self.form = form
        self.ec2 = ec2
        self.type_errors = []

    def _present(self, key):
        if key in self.form:
            return True
        dotted = key + "."
        return any(k.startswith(dotted) for k in self.form)

    def _name(self, member_name, member):
        serialization = member.serialization
        if self.ec2:
            if serialization.get("queryName"):
                return serialization["queryName"]
            if serialization.get("name"):
                return serialization["name"][0].upper() + serialization["name"][1:]
            return member_name
        return serialization.get("name", member_name)

    def structure(self, shape, prefix):
        result = {}
        for member_name, member in shape.members.items():
            key = self._name(member_name, member)
            value = self.value(member, prefix + key)
            if value is not _ABSENT:
                result[member_name] = value
        return result

    def value(self, shape, key):
        kind = shape.type_name
        if kind == "structure":
            return self.structure(shape, key + ".") if self._present(key) else _ABSENT
        if kind == "list":
            return self._list(shape, key)
        if kind == "map":
            return self._map(shape, key)
        if key not in self.form:
            return _ABSENT
        return self._scalar(shape, key, self.form[key])

    def _indices(self, prefix):
        found = set()
        dotted = prefix + "."
        for k in self.form:
            if k.startswith(dotted):
                head = k[len(dotted):].split(".", 1)[0]
                if head.isdigit():
                    found.add(int(head))
        return sorted(found)

    def _list(self, shape, key):
        if self.ec2 or shape.serialization.get("flattened"):
            prefix = key
            if not self.ec2 and shape.member.serialization.get("name"):
                prefix = key.rsplit(".", 1)[0] + "." + shape.member.serialization["name"] if "." in key \
                    else shape.member.serialization["name"]
        else:
            prefix = key + "." + shape.member.serialization.get("name", "member")
        indices = self._indices(prefix)
        if not indices:
            # An empty list is sent as "Name=" (query); nothing at all means the member is absent.
            return [] if self.form.get(key) == "" else _ABSENT
        return [v for v in (self.value(shape.member, "%s.%d" % (prefix, i)) for i in indices) if v is not _ABSENT]

    def _map(self, shape, key):
        prefix = key if shape.serialization.get("flattened") else key + ".entry"
        key_name = shape.key.serialization.get("name", "key")
        value_name = shape.value.serialization.get("name", "value")
        indices = self._indices(prefix)
        if not indices:
            return {} if self.form.get(key) == "" else _ABSENT
        result = {}
        for i in indices:
            k = self.value(shape.key, "%s.%d.%s" % (prefix, i, key_name))
            v = self.value(shape.value, "%s.%d.%s" % (prefix, i, value_name))
            if k is not _ABSENT:
                result[k] = None if v is _ABSENT else v
        return result

    def _scalar(self, shape, key, text):
        kind = shape.type_name
        try:
            if kind in ("integer", "long"):
                return int(text)
            if kind in ("float", "double"):
                return float(text)
        except ValueError:
            self.type_errors.append((key, text, kind))
            return _ABSENT
        if kind == "boolean":
            if text.lower() not in ("true", "false"):
                self.type_errors.append((key, text, kind))
                return _ABSENT
            return text.lower() == "true"
        return text


# ---------------------------------------------------------------------------------------------- checking

def _aws_name(name):
    return name[:1].lower() + name[1:]


def _render(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "'%s'" % ("true" if value else "false")
    if isinstance(value, (list, tuple)):
        return "'[%s]'" % ", ".join(str(v) for v in value)
    return "'%s'" % (value,)


def validation_message(violations):
    """AWS's text: "1 validation error detected: Value 'x' at 'name' failed to satisfy constraint: …"."""
    parts = ["Value %s at '%s' failed to satisfy constraint: %s" % v for v in violations]
    count = len(parts)
    return "%d validation error%s detected: %s" % (count, "" if count == 1 else "s", "; ".join(parts))


_JSON_TYPES = {
    "string": (str,), "blob": (str,), "timestamp": (int, float, str), "boolean": (bool,),
    "integer": (int,), "long": (int,), "float": (int, float), "double": (int, float),
    "structure": (dict,), "map": (dict,), "list": (list,),
}


class Checker:
    def __init__(self, call):
        self.call = call
        self.findings = []

    def add(self, path, value, constraint, code="", message=""):
        self.findings.append(Finding(self.call.service, self.call.operation.name, path, value, constraint, code,
                                     message))

    def run(self):
        shape = self.call.operation.input_shape
        for key, text, kind in self.call.type_errors:
            self.add(key, text, "Member must be of type %s" % kind)
        if shape is not None:
            self.structure(shape, self.call.params, "", top=True)
        return self.findings

    def structure(self, shape, value, path, top=False):
        for name in shape.required_members:
            if value.get(name) is None:
                self.add(self._join(path, name), None, "Member must not be null")
        for name, item in value.items():
            member = shape.members.get(name)
            if member is None or item is None:
                continue  # AWS ignores members it does not know
            member_path = self._join(path, name)
            rule = NAMING_RULES.get((self.call.service, self.call.operation.name, name)) if top else None
            if rule is not None and isinstance(item, str):
                broken = rule(item)
                if broken is not None:
                    constraint, message = broken[0], broken[1]
                    code = broken[2] if len(broken) > 2 else ""
                    self.add(member_path, item, constraint, code, message)
                    continue
            self.check(member, item, member_path)

    def _join(self, path, name):
        name = name if self.call.protocol == "ec2" else _aws_name(name)
        return "%s.%s" % (path, name) if path else name

    def check(self, shape, value, path):
        kind = shape.type_name
        expected = _JSON_TYPES.get(kind)
        if expected and (not isinstance(value, expected) or (isinstance(value, bool) and bool not in expected)):
            self.add(path, value, "Member must be of type %s" % kind)
            return
        meta = shape.metadata
        if kind == "structure":
            self.structure(shape, value, path)
        elif kind in ("list", "map"):
            self._length(meta, len(value), value, path)
            if kind == "list":
                for i, item in enumerate(value, 1):
                    if item is not None:
                        self.check(shape.member, item, "%s.%d.member" % (path, i))
            else:
                for k, v in value.items():
                    self.check(shape.key, k, "%s.%s.key" % (path, k))
                    if v is not None:
                        self.check(shape.value, v, "%s.%s.value" % (path, k))
        elif kind == "string":
            self._length(meta, len(value), value, path)
            # EC2 checks its enums (instance types, say) itself and answers in its own words, such as
            # InvalidInstanceType "The following supplied instance types do not exist: [t3.nope]".
            if shape.enum and value not in shape.enum and self.call.protocol != "ec2":
                self.add(path, value, "Member must satisfy enum value set: [%s]" % ", ".join(shape.enum))
            pattern = meta.get("pattern")
            if pattern:
                compiled, _ = compile_pattern(pattern)
                if compiled is not None and not compiled.fullmatch(value):
                    self.add(path, value, "Member must satisfy regular expression pattern: %s" % pattern)
        elif kind == "blob" and isinstance(value, str) and self.call.protocol == "json":
            try:
                self._length(meta, len(base64.b64decode(value)), value, path)
            except ValueError:
                self.add(path, value, "Member must be base64-encoded binary data")
        elif kind in ("integer", "long", "float", "double"):
            if "min" in meta and value < meta["min"]:
                self.add(path, value, "Member must have value greater than or equal to %s" % meta["min"])
            if "max" in meta and value > meta["max"]:
                self.add(path, value, "Member must have value less than or equal to %s" % meta["max"])

    def _length(self, meta, length, value, path):
        if "min" in meta and length < meta["min"]:
            self.add(path, value, "Member must have length greater than or equal to %s" % meta["min"])
        if "max" in meta and length > meta["max"]:
            self.add(path, value, "Member must have length less than or equal to %s" % meta["max"])


def validate(call):
    return Checker(call).run()


# ---------------------------------------------------------------------------------------------- answering

def error_response(call, findings, content_type):
    """(status, content type, body): the first naming rule's own answer, else the model's, in the protocol."""
    own = next((f for f in findings if f.message), None)
    if call.protocol == "json":
        if own is not None:
            code, message = own.code or JSON_ERROR_CODES.get(call.service, DEFAULT_JSON_ERROR_CODE), own.message
        else:
            code = JSON_ERROR_CODES.get(call.service, DEFAULT_JSON_ERROR_CODE)
            message = validation_message([(_render(f.value), f.member, f.constraint) for f in findings])
        body = json.dumps({"__type": code, "message": message}).encode()
        return 400, content_type or "application/x-amz-json-1.1", body
    if call.protocol == "ec2":
        first = own or findings[0]
        if own is not None:
            code, message = own.code or "InvalidParameterValue", own.message
        elif first.constraint == "Member must not be null":
            code, message = "MissingParameter", "The request must contain the parameter %s" % first.member
        else:
            code = "InvalidParameterValue"
            message = "Value (%s) for parameter %s is invalid. %s" % (first.value, first.member, first.constraint)
        body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>%s</Code>"
                "<Message>%s</Message></Error></Errors><RequestID>sandbox-validation</RequestID></Response>"
                % (code, escape(message)))
        return 400, "text/xml", body.encode()
    if own is not None:
        code, message = own.code or "ValidationError", own.message
    else:
        code = "ValidationError"
        message = validation_message([(_render(f.value), f.member, f.constraint) for f in findings])
    body = ("<ErrorResponse><Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error>"
            "<RequestId>sandbox-validation</RequestId></ErrorResponse>" % (code, escape(message)))
    return 400, "text/xml", body.encode()


# ---------------------------------------------------------------------------------------------- middleware

class Findings:
    """The findings so far, for GET /mysfits-sandbox/validation. The oldest go beyond LIMIT."""
    LIMIT = 1000

    def __init__(self):
        self._lock = threading.Lock()
        self._items = []

    def add(self, findings):
        with self._lock:
            self._items.extend(findings)
            del self._items[:-self.LIMIT]

    def list(self):
        with self._lock:
            return [asdict(f) for f in self._items]

    def clear(self):
        with self._lock:
            self._items.clear()


def _short(value):
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    return text if len(text) <= 200 else text[:200] + "…"


class ValidationMiddleware:
    def __init__(self, app, realism_setting, findings=None):
        self.app = app
        self.realism = realism_setting
        self.findings = findings or Findings()

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") == PATH:
            return self._control(environ, start_response)
        if self.realism is not None and not self.realism.on(REQUEST_VALIDATION):
            return self.app(environ, start_response)
        signing_name = service_of(environ)
        if signing_name not in SIGNING_NAMES:
            if signing_name:
                log.debug("%s: no model to check against", signing_name)
            return self.app(environ, start_response)
        body = self._body(environ)
        try:
            call = decode(environ, signing_name, body)
            found = validate(call) if call is not None else []
        except Undecodable as e:
            log.debug("%s: not checked: %s", signing_name, e)
            return self.app(environ, start_response)
        if call is None:
            log.debug("%s: no model for this request, not checked", signing_name)
            return self.app(environ, start_response)
        if not found:
            return self.app(environ, start_response)
        for f in found:
            f.value = _short(f.value) if f.value is not None else None
            log.warning("%s %s %s: %s (value %s)", f.service, f.operation, f.member, f.constraint, _render(f.value))
        self.findings.add(found)
        status, content_type, payload = error_response(call, found, environ.get("CONTENT_TYPE"))
        start_response("%d Bad Request" % status, [("Content-Type", content_type),
                                                   ("Content-Length", str(len(payload))),
                                                   ("x-amzn-RequestId", "sandbox-validation")])
        return [payload]

    @staticmethod
    def _body(environ):
        """Reads the body, and puts it back for moto."""
        stream = environ.get("wsgi.input")
        if stream is None:
            return b""
        length = environ.get("CONTENT_LENGTH")
        if length:
            body = stream.read(int(length))
        elif environ.get("wsgi.input_terminated"):
            body = stream.read()
        else:
            return b""
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        return body

    def _control(self, environ, start_response):
        method = environ.get("REQUEST_METHOD")
        if method == "DELETE":
            self.findings.clear()
        if method in ("GET", "DELETE"):
            body, status = json.dumps(self.findings.list()).encode(), "200 OK"
        else:
            body, status = json.dumps({"error": "GET or DELETE"}).encode(), "405 Method Not Allowed"
        start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
        return [body]
