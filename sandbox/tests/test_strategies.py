"""The pure decisions of BLUE_GREEN, CANARY and LINEAR deployments (strategies.py): weights, stages, rollback,
validation."""
import pytest

from mysfits_sandbox import strategies as s
from mysfits_sandbox.strategies import Facts, Progress, advance


def test_traffic_steps_per_strategy():
    assert s.traffic_steps({"strategy": "BLUE_GREEN"}) == [100]
    assert s.traffic_steps({"strategy": "CANARY", "canaryConfiguration": {"canaryPercent": 10.0}}) == [10, 100]
    assert s.traffic_steps({"strategy": "CANARY", "canaryConfiguration": {"canaryPercent": 0.1}}) == [1, 100]
    assert s.traffic_steps({"strategy": "CANARY", "canaryConfiguration": {"canaryPercent": 100}}) == [100]
    assert s.traffic_steps({"strategy": "LINEAR", "linearConfiguration": {"stepPercent": 25}}) == [25, 50, 75, 100]
    assert s.traffic_steps({"strategy": "LINEAR", "linearConfiguration": {"stepPercent": 30}}) == [30, 60, 90, 100]
    assert s.traffic_steps({"strategy": "LINEAR", "linearConfiguration": {"stepPercent": 3}})[:3] == [3, 6, 9]
    assert len(s.traffic_steps({"strategy": "LINEAR", "linearConfiguration": {"stepPercent": 3}})) == 34
    # A first deployment has nothing to share traffic with.
    assert s.traffic_steps({"strategy": "CANARY", "canaryConfiguration": {"canaryPercent": 10}}, has_blue=False) == [100]


def test_bakes_in_minutes():
    canary = {"strategy": "CANARY", "canaryConfiguration": {"canaryPercent": 5, "canaryBakeTimeInMinutes": 3},
              "linearConfiguration": {"stepBakeTimeInMinutes": 7}, "bakeTimeInMinutes": 4}
    assert s.step_bake_minutes(canary) == 3 and s.bake_minutes(canary) == 4
    assert s.step_bake_minutes(dict(canary, strategy="LINEAR")) == 7
    assert s.step_bake_minutes(dict(canary, strategy="BLUE_GREEN")) == 0
    assert s.bake_minutes({}) == 0 and s.strategy_of(None) == "ROLLING" and s.strategy_of({"strategy": "linear"}) == "LINEAR"


def walk(steps, step_bake=10, bake=20, ready_at=5, blue_gone_at=None, until=1000):
    """Every move from RECONCILE_SERVICE, one call a second: (time, stage, production weight, test weight, flags)."""
    progress, moves = Progress(), []
    for now in range(until):
        while True:
            facts = Facts(now, green_ready=now >= ready_at,
                          blue_gone=blue_gone_at is not None and now >= blue_gone_at)
            move = advance(progress, facts, steps, step_bake, bake)
            if move is None:
                break
            progress = move.progress
            moves.append((now, progress.stage, move.production_weight, move.test_weight, move.stop_blue, move.completed))
            if move.completed:
                return moves
    return moves


def test_blue_green_goes_through_every_stage_in_order():
    moves = walk([100], bake=20, ready_at=5, blue_gone_at=40)
    assert [m[1] for m in moves] == list(s.STAGES[1:]) + ["CLEAN_UP"]
    stages = {}
    for m in moves:
        stages.setdefault(m[1], m)  # the first move into each stage
    assert stages["SCALE_UP"][0] == 0 and stages["POST_SCALE_UP"][0] == 5, "scale-up ends when green is healthy"
    assert stages["TEST_TRAFFIC_SHIFT"][3] == 100
    assert stages["PRODUCTION_TRAFFIC_SHIFT"][2] == 100
    assert stages["BAKE_TIME"][0] == 5 and stages["CLEAN_UP"][0] == 25 and stages["CLEAN_UP"][4], "bakes 20 s, then stops blue"
    assert moves[-1][5] and moves[-1][0] == 40, "completed once blue is gone"


def test_canary_waits_its_bake_between_its_two_steps():
    moves = walk([10, 100], step_bake=30, bake=0, ready_at=2, blue_gone_at=0)
    shifts = [(m[0], m[2]) for m in moves if m[2] is not None]
    assert shifts == [(2, 10), (32, 100)]
    assert moves[-1][5] and moves[-1][0] == 32


def test_linear_steps_each_after_the_step_bake():
    moves = walk([25, 50, 75, 100], step_bake=10, bake=5, ready_at=0, blue_gone_at=0)
    assert [(m[0], m[2]) for m in moves if m[2] is not None] == [(0, 25), (10, 50), (20, 75), (30, 100)]
    assert [m[0] for m in moves if m[1] == "CLEAN_UP"][0] == 35


def test_nothing_moves_until_green_is_ready():
    assert walk([100], until=50, ready_at=10 ** 6)[-1][1] == "SCALE_UP"


def test_rollback_reasons():
    alarms = {"alarmNames": ["errors", "latency"], "enable": True, "rollback": True}
    assert s.rollback_reason("BAKE_TIME", None, alarms, {"errors": "OK", "latency": "ALARM"}, None) == \
        "CloudWatch alarm latency is in ALARM"
    assert s.rollback_reason("CLEAN_UP", None, alarms, {"latency": "ALARM"}, None) is None, "too late for alarms"
    assert s.rollback_reason("BAKE_TIME", None, dict(alarms, rollback=False), {"latency": "ALARM"}, None) is None
    assert s.rollback_reason("BAKE_TIME", None, dict(alarms, enable=False), {"latency": "ALARM"}, None) is None
    assert s.rollback_reason("SCALE_UP", None, alarms, {}, None) is None
    assert "requested" in s.rollback_reason("CLEAN_UP", "ROLLBACK", None, {}, None)
    assert s.rollback_reason("SCALE_UP", "ABORT", None, {}, None) is None
    assert s.rollback_reason("SCALE_UP", None, None, {}, "tasks failed to start") == "tasks failed to start"


GROUPS = {"arn:tg/a", "arn:tg/b"}
RULES = {"arn:rule/prod", "arn:rule/test"}


def check(configuration, balancers):
    s.validate(configuration, balancers, GROUPS.__contains__, RULES.__contains__)


def balancer(**advanced):
    configuration = {"alternateTargetGroupArn": "arn:tg/b", "productionListenerRule": "arn:rule/prod",
                     "roleArn": "arn:role"}
    configuration.update(advanced)
    return [{"targetGroupArn": "arn:tg/a", "containerName": "web", "containerPort": 80,
             "advancedConfiguration": {k: v for k, v in configuration.items() if v is not None}}]


def test_a_complete_configuration_passes_and_rolling_needs_nothing():
    check({"strategy": "CANARY", "canaryConfiguration": {"canaryPercent": 0.1, "canaryBakeTimeInMinutes": 1440},
           "bakeTimeInMinutes": 0}, balancer(testListenerRule="arn:rule/test"))
    check({"strategy": "LINEAR", "linearConfiguration": {"stepPercent": 3}}, balancer())
    check({"strategy": "ROLLING"}, [{"targetGroupArn": "arn:tg/a"}])
    check({"strategy": "BLUE_GREEN"}, [])  # no traffic to shift (Service Connect, which the sandbox does not check)
    check(None, None)


@pytest.mark.parametrize("configuration, balancers, message", [
    ({"strategy": "BLUE_GREEN"}, [{"targetGroupArn": "arn:tg/a"}],
     "advancedConfiguration is required for each load balancer when the deployment strategy is BLUE_GREEN."),
    ({"strategy": "CANARY"}, balancer(alternateTargetGroupArn=None),
     "advancedConfiguration.alternateTargetGroupArn is required for the CANARY deployment strategy."),
    ({"strategy": "BLUE_GREEN"}, balancer(alternateTargetGroupArn="arn:tg/nope"),
     "The target group arn:tg/nope does not exist."),
    ({"strategy": "BLUE_GREEN"}, balancer(alternateTargetGroupArn="arn:tg/a"),
     "The alternateTargetGroupArn must be different from the targetGroupArn."),
    ({"strategy": "LINEAR"}, balancer(productionListenerRule=None),
     "advancedConfiguration.productionListenerRule is required for the LINEAR deployment strategy."),
    ({"strategy": "BLUE_GREEN"}, balancer(productionListenerRule="arn:rule/nope"),
     "The listener rule arn:rule/nope (productionListenerRule) does not exist."),
    ({"strategy": "BLUE_GREEN"}, balancer(testListenerRule="arn:rule/gone"),
     "The listener rule arn:rule/gone (testListenerRule) does not exist."),
    ({"strategy": "BLUE_GREEN"}, balancer(roleArn=None),
     "advancedConfiguration.roleArn is required for the BLUE_GREEN deployment strategy."),
    ({"strategy": "CANARY", "canaryConfiguration": {"canaryPercent": 0.05}}, balancer(),
     "canaryPercent must be between 0.1 and 100."),
    ({"strategy": "CANARY", "canaryConfiguration": {"canaryPercent": 101}}, balancer(),
     "canaryPercent must be between 0.1 and 100."),
    ({"strategy": "CANARY", "canaryConfiguration": {"canaryBakeTimeInMinutes": 1441}}, balancer(),
     "canaryBakeTimeInMinutes must be between 0 and 1440."),
    ({"strategy": "LINEAR", "linearConfiguration": {"stepPercent": 2.9}}, balancer(),
     "stepPercent must be between 3 and 100."),
    ({"strategy": "LINEAR", "linearConfiguration": {"stepBakeTimeInMinutes": -1}}, balancer(),
     "stepBakeTimeInMinutes must be between 0 and 1440."),
    ({"strategy": "BLUE_GREEN", "bakeTimeInMinutes": 1441}, balancer(), "bakeTimeInMinutes must be between 0 and 1440."),
])
def test_what_ecs_refuses(configuration, balancers, message):
    with pytest.raises(s.InvalidStrategy) as refused:
        check(configuration, balancers)
    assert str(refused.value) == message


class Action:
    def __init__(self, data):
        self.data = data


class Rule:
    def __init__(self, actions):
        self.actions = actions


def test_set_weights_rewrites_the_forward_action_in_place():
    rule = Rule([Action({"Type": "authenticate-oidc", "Order": 1}),
                 Action({"Type": "forward", "Order": 2, "ForwardConfig": {"TargetGroups": [
                     {"TargetGroupArn": "arn:tg/a", "Weight": 100}, {"TargetGroupArn": "arn:tg/b", "Weight": 0}]}})])
    s.set_weights(rule, "arn:tg/b", "arn:tg/a", 10)
    assert rule.actions[1].data["ForwardConfig"]["TargetGroups"] == [
        {"TargetGroupArn": "arn:tg/a", "Weight": 90}, {"TargetGroupArn": "arn:tg/b", "Weight": 10}]
    assert rule.actions[0].data == {"Type": "authenticate-oidc", "Order": 1}


def test_set_weights_turns_a_single_group_forward_into_a_weighted_one():
    rule = Rule([Action({"Type": "forward", "TargetGroupArn": "arn:tg/a"})])
    s.set_weights(rule, "arn:tg/b", "arn:tg/a", 0)
    assert rule.actions[0].data == {"Type": "forward", "ForwardConfig": {
        "TargetGroups": [{"TargetGroupArn": "arn:tg/b", "Weight": 0}, {"TargetGroupArn": "arn:tg/a", "Weight": 100}],
        "TargetGroupStickinessConfig": {"Enabled": False}}}
