"""Listener rule evaluation as ALB does it: priority order, every condition kind, the actions."""
import random
from types import SimpleNamespace

from mysfits_sandbox import routing
from mysfits_sandbox.routing import Request


def rule(priority, conditions, actions=None, default=False):
    actions = actions or [{"Type": "forward", "TargetGroupArn": "tg-%s" % priority}]
    return SimpleNamespace(priority=priority, conditions=conditions, is_default=default,
                           actions=[SimpleNamespace(data=a) for a in actions])


def listener(*rules):
    default = rule("default", [], [{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404"}}], True)
    return SimpleNamespace(rules={str(i): r for i, r in enumerate(list(rules) + [default])})


def path(*values):
    return {"Field": "path-pattern", "PathPatternConfig": {"Values": list(values)}}


def test_path_pattern_wildcards_match_like_alb():
    like = rule(1, [path("/mysfits/*/like")])
    assert routing.rule_matches(like, Request("POST", "/mysfits/abc/like"))
    assert routing.rule_matches(like, Request("POST", "/mysfits/a/b/like"))  # '*' crosses slashes on ALB
    assert not routing.rule_matches(like, Request("POST", "/mysfits/abc/likes"))
    assert routing.rule_matches(rule(1, [path("/item?")]), Request("GET", "/items"))
    assert not routing.rule_matches(rule(1, [path("/Item")]), Request("GET", "/item"))  # paths are case-sensitive


def test_lowest_priority_number_wins_whatever_the_creation_order():
    late_but_first = rule(5, [path("/mysfits/*")])
    early_but_second = rule(10, [path("/mysfits/*/like")])
    chosen = routing.pick_rule(listener(early_but_second, late_but_first), Request("POST", "/mysfits/x/like"))
    assert chosen is late_but_first


def test_no_match_falls_to_the_default_action():
    chosen = routing.pick_rule(listener(rule(1, [path("/api/*")])), Request("GET", "/"))
    assert chosen.is_default
    assert routing.terminal_action(chosen.actions)["Type"] == "fixed-response"


def test_host_header_is_case_insensitive_and_ignores_the_port():
    r = rule(1, [{"Field": "host-header", "HostHeaderConfig": {"Values": ["*.example.com"]}}])
    assert routing.rule_matches(r, Request("GET", "/", host="API.Example.com:80"))
    assert not routing.rule_matches(r, Request("GET", "/", host="example.org"))


def test_method_header_and_query_conditions():
    method = rule(1, [{"Field": "http-request-method", "HttpRequestMethodConfig": {"Values": ["POST"]}}])
    assert routing.rule_matches(method, Request("POST", "/"))
    assert not routing.rule_matches(method, Request("GET", "/"))
    header = rule(1, [{"Field": "http-header", "HttpHeaderConfig": {"HttpHeaderName": "X-Canary", "Values": ["y*"]}}])
    assert routing.rule_matches(header, Request("GET", "/", headers={"x-canary": "yes"}))
    assert not routing.rule_matches(header, Request("GET", "/", headers={}))
    query = rule(1, [{"Field": "query-string", "QueryStringConfig": {"Values": [{"Key": "version", "Value": "v2"}]}}])
    assert routing.rule_matches(query, Request("GET", "/", query="a=1&version=v2"))
    assert not routing.rule_matches(query, Request("GET", "/", query="version=v1"))
    any_key = rule(1, [{"Field": "query-string", "QueryStringConfig": {"Values": [{"Value": "beta"}]}}])
    assert routing.rule_matches(any_key, Request("GET", "/", query="x=beta"))


def test_every_condition_of_a_rule_must_match():
    both = rule(1, [path("/api/*"), {"Field": "http-request-method", "HttpRequestMethodConfig": {"Values": ["GET"]}}])
    assert routing.rule_matches(both, Request("GET", "/api/x"))
    assert not routing.rule_matches(both, Request("POST", "/api/x"))


def test_flat_values_of_older_api_callers_work_too():
    assert routing.rule_matches(rule(1, [{"Field": "path-pattern", "Values": ["/old/*"]}]), Request("GET", "/old/x"))


def test_weighted_forward_follows_the_weights():
    action = {"Type": "forward", "ForwardConfig": {"TargetGroups": [
        {"TargetGroupArn": "blue", "Weight": 90}, {"TargetGroupArn": "green", "Weight": 10},
        {"TargetGroupArn": "off", "Weight": 0}]}}
    rng = random.Random(1)
    picks = [routing.forward_target_group(action, rng) for _ in range(2000)]
    assert "off" not in picks
    assert 0.85 < picks.count("blue") / len(picks) < 0.95


def test_terminal_action_respects_order():
    actions = [SimpleNamespace(data={"Type": "redirect", "Order": 2, "RedirectConfig": {}}),
               SimpleNamespace(data={"Type": "fixed-response", "Order": 1})]
    assert routing.terminal_action(actions)["Type"] == "fixed-response"


def test_redirect_fills_alb_keys():
    request = Request("GET", "/old/page", query="a=1", host="lb.example.com")
    config = {"Protocol": "HTTPS", "Port": "443", "Path": "/new/#{path}", "StatusCode": "HTTP_302"}
    assert routing.redirect_location(config, request, 80) == "https://lb.example.com/new/old/page?a=1"
    assert routing.redirect_status(config) == 302
    assert routing.redirect_location({}, request, 8080) == "http://lb.example.com:8080/old/page?a=1"
