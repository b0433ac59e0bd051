"""How an Application Load Balancer picks an action for a request: listener rules by priority, then the default.

Pure functions over moto's listener and rule objects (or anything shaped like them), so they are tested alone.
"""
import random
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl


@dataclass
class Request:
    method: str
    path: str
    query: str = ""
    host: str = ""
    headers: dict = field(default_factory=dict)  # lower-case names

    def header(self, name):
        return self.headers.get(name.lower())


def _wildcard(pattern, case_sensitive=True):
    """ALB patterns: '*' matches any run of characters, '?' exactly one; everything else is literal."""
    regex = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)
    return re.compile(regex, 0 if case_sensitive else re.IGNORECASE)


def _matches_any(patterns, value, case_sensitive=True):
    return value is not None and any(_wildcard(p, case_sensitive).fullmatch(value) for p in patterns)


def _values(condition, config_key):
    """A condition's values, from its typed config (PathPatternConfig...) or the older flat Values."""
    config = condition.get(config_key) or {}
    return list(config.get("Values") or condition.get("Values") or [])


def condition_matches(condition, request):
    kind = (condition.get("Field") or "").lower()
    if kind == "path-pattern":
        return _matches_any(_values(condition, "PathPatternConfig"), request.path)
    if kind == "host-header":
        return _matches_any(_values(condition, "HostHeaderConfig"), request.host.split(":")[0], case_sensitive=False)
    if kind == "http-request-method":
        return request.method in _values(condition, "HttpRequestMethodConfig")
    if kind == "http-header":
        config = condition.get("HttpHeaderConfig") or {}
        return _matches_any(config.get("Values") or [], request.header(config.get("HttpHeaderName", "")),
                            case_sensitive=False)
    if kind == "query-string":
        pairs = parse_qsl(request.query, keep_blank_values=True)
        wanted = (condition.get("QueryStringConfig") or {}).get("Values") or []
        for kv in wanted:
            key, value = kv.get("Key"), kv.get("Value", "")
            for actual_key, actual_value in pairs:
                if (key is None or _wildcard(key, False).fullmatch(actual_key)) and \
                        _wildcard(value, False).fullmatch(actual_value):
                    return True
        return False
    if kind == "source-ip":
        return False  # not evaluated: every sandbox client is this machine
    return False


def rule_matches(rule, request):
    """All conditions of a rule must match (each condition matches if any of its values does)."""
    return all(condition_matches(c, request) for c in (rule.conditions or []))


def _priority(rule):
    return int(rule.priority)


def pick_rule(listener, request):
    """The first rule by priority whose conditions all match, else the default rule."""
    rules = listener.rules.values()
    for rule in sorted((r for r in rules if not r.is_default), key=_priority):
        if rule_matches(rule, request):
            return rule
    return next(r for r in rules if r.is_default)


def terminal_action(actions):
    """The action that answers: forward, fixed-response or redirect, in 'Order'."""
    ordered = sorted(actions, key=lambda a: int(a.data.get("Order") or 0))
    for action in ordered:
        if action.data.get("Type") in ("forward", "fixed-response", "redirect"):
            return action.data
    return None


def forward_target_group(action, rng=random):
    """The target group a forward action sends this request to (weighted when there are several)."""
    config = action.get("ForwardConfig") or {}
    groups = [g for g in config.get("TargetGroups") or [] if int(g.get("Weight", 1)) > 0]
    if not groups:
        return action.get("TargetGroupArn")
    if len(groups) == 1:
        return groups[0]["TargetGroupArn"]
    weights = [int(g.get("Weight", 1)) for g in groups]
    return rng.choices([g["TargetGroupArn"] for g in groups], weights=weights)[0]


def redirect_location(config, request, listener_port, listener_protocol="HTTP"):
    """The Location of a redirect action, with ALB's #{protocol} #{host} #{port} #{path} #{query} keys."""
    host = request.host.split(":")[0]
    keys = {"protocol": listener_protocol.lower(), "host": host, "port": str(listener_port),
            "path": request.path.lstrip("/"), "query": request.query}

    def fill(value):
        for key, replacement in keys.items():
            value = value.replace("#{%s}" % key, replacement)
        return value

    protocol = fill(config.get("Protocol") or "#{protocol}").lower()
    port = fill(config.get("Port") or "#{port}")
    default_port = (protocol == "http" and port == "80") or (protocol == "https" and port == "443")
    path = fill(config.get("Path") or "/#{path}")
    query = fill(config.get("Query") or "#{query}")
    location = "%s://%s%s%s" % (protocol, fill(config.get("Host") or "#{host}"), "" if default_port else ":" + port,
                                path if path.startswith("/") else "/" + path)
    return location + ("?" + query if query else "")


def redirect_status(config):
    return 301 if (config.get("StatusCode") or "HTTP_301") == "HTTP_301" else 302
