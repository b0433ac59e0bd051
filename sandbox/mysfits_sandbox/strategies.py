"""ECS's own BLUE_GREEN, CANARY and LINEAR deployments, on the service scheduler (scheduler.py).

A new deployment of such a service starts its new revision (green) at the full desired count beside the old one
(blue), in the target group of the pair (loadBalancers[0].targetGroupArn and its advancedConfiguration's
alternateTargetGroupArn) that does not carry production traffic; once green is healthy, ECS rewrites the production
listener rule's weighted forward action towards green (all at once, a canary share then the rest, or in linear
steps), bakes, and stops blue. Each success flips which group is production. A failing green, a named CloudWatch
alarm in ALARM, or StopServiceDeployment ROLLBACK before CLEAN_UP puts the weights back on blue and stops green.

The pure decisions (weights, stages, validation, why to roll back) are functions here, tested alone
(tests/test_strategies.py); StrategyDriver applies them to moto's records and the data plane's tasks.

Where the AWS documentation is silent, the sandbox picks (and says so here):
- the first deployment of a service has no blue: its tasks go into the primary target group, which is production;
  its production shift is one step to 100 whatever the strategy, and it does not bake: there is nothing to share
  traffic with or to go back to.
- weights on the listener rule are integer percents (ELBv2 weights are integers): a canary of 0.1 % is 1.
- the test listener rule goes to green at TEST_TRAFFIC_SHIFT and stays there on success; a rollback puts it back.
- green is kept at the desired count during the deployment (failed tasks are replaced, as in a rolling deployment);
  blue's tasks are not replaced meanwhile.
- a deployment is COMPLETED when blue's tasks have stopped (after draining), as a rolling one is when the old
  tasks are gone.
- StopServiceDeployment ABORT (the API documents ROLLBACK only) stops the deployment: traffic goes back to blue and
  green's tasks stop as in a rollback, since a half-shifted rule would otherwise send traffic to tasks that go, but
  no rollback is recorded; with no blue, the deployment just fails where it is.
- a green that trips the circuit breaker without rollback on stays as it failed: traffic where it was, nothing
  started or stopped, until the next deployment. Alarms count only with both alarms.enable and alarms.rollback.
- a deployment that a newer one replaces gives way: its tasks stop, the newer one's blue is the deployment still
  serving from the production group, and the weights go back to it before the newer green starts.
- a ROLLING deployment of a service that had a strategy registers its tasks in the group that is production now.
- the InvalidParameterException messages are the sandbox's wording; the checks are the documented ranges and what a
  strategy needs (advancedConfiguration with an existing alternate group, an existing production rule, a roleArn).
"""
import time
from dataclasses import dataclass

from moto.core.utils import utcnow

from . import rollout

ROLLING, BLUE_GREEN, CANARY, LINEAR = "ROLLING", "BLUE_GREEN", "CANARY", "LINEAR"
SHIFTING = (BLUE_GREEN, CANARY, LINEAR)

STAGES = ("RECONCILE_SERVICE", "PRE_SCALE_UP", "SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT",
          "POST_TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT", "BAKE_TIME",
          "CLEAN_UP")
(RECONCILE_SERVICE, PRE_SCALE_UP, SCALE_UP, POST_SCALE_UP, TEST_TRAFFIC_SHIFT, POST_TEST_TRAFFIC_SHIFT,
 PRODUCTION_TRAFFIC_SHIFT, POST_PRODUCTION_TRAFFIC_SHIFT, BAKE_TIME, CLEAN_UP) = STAGES

MAX_BAKE_MINUTES = 1440


class InvalidStrategy(Exception):
    """What ECS answers as InvalidParameterException."""


# ------------------------------------------------------------------ pure decisions

def strategy_of(configuration):
    return ((configuration or {}).get("strategy") or ROLLING).upper()


def _percent_weight(percent):
    """An integer weight for a percent share: at least 1 for any share above 0, at most 100."""
    return max(1, min(100, int(round(float(percent))))) if float(percent) > 0 else 0


def traffic_steps(configuration, has_blue=True):
    """Green's production weight after each step of the production traffic shift, ending at 100."""
    strategy = strategy_of(configuration)
    if not has_blue or strategy == BLUE_GREEN:
        return [100]
    if strategy == CANARY:
        canary = _percent_weight((configuration.get("canaryConfiguration") or {}).get("canaryPercent", 10))
        return [canary, 100] if canary < 100 else [100]
    if strategy == LINEAR:
        step = float((configuration.get("linearConfiguration") or {}).get("stepPercent", 10))
        steps, k = [], 1
        while step * k < 100:
            weight = _percent_weight(step * k)
            if not steps or weight > steps[-1]:
                steps.append(weight)
            k += 1
        return steps + [100]
    return [100]


def step_bake_minutes(configuration):
    strategy = strategy_of(configuration)
    if strategy == CANARY:
        return float((configuration.get("canaryConfiguration") or {}).get("canaryBakeTimeInMinutes", 0) or 0)
    if strategy == LINEAR:
        return float((configuration.get("linearConfiguration") or {}).get("stepBakeTimeInMinutes", 0) or 0)
    return 0.0


def bake_minutes(configuration):
    return float((configuration or {}).get("bakeTimeInMinutes") or 0)


@dataclass(frozen=True)
class Progress:
    """Where a deployment is: its stage, how many production shift steps are done, until when it waits."""
    stage: str = RECONCILE_SERVICE
    step: int = 0
    wait_until: float = None


@dataclass(frozen=True)
class Facts:
    now: float
    green_ready: bool       # the desired count of green tasks are healthy in their target groups
    blue_gone: bool         # no blue task is left, not even a stopping one


@dataclass(frozen=True)
class Move:
    progress: Progress
    production_weight: int = None   # set green's weight on the production rule to this
    test_weight: int = None         # set green's weight on the test rule to this
    stop_blue: bool = False
    completed: bool = False


def advance(progress, facts, steps, step_bake_seconds, bake_seconds):
    """The next move of a deployment, or None while it stays where it is (waiting, or scaling up)."""
    stage, now = progress.stage, facts.now
    if progress.wait_until is not None and now < progress.wait_until:
        return None
    if stage == RECONCILE_SERVICE:
        return Move(Progress(PRE_SCALE_UP))
    if stage == PRE_SCALE_UP:
        return Move(Progress(SCALE_UP))
    if stage == SCALE_UP:
        return Move(Progress(POST_SCALE_UP)) if facts.green_ready else None
    if stage == POST_SCALE_UP:
        return Move(Progress(TEST_TRAFFIC_SHIFT), test_weight=100)
    if stage == TEST_TRAFFIC_SHIFT:
        return Move(Progress(POST_TEST_TRAFFIC_SHIFT))
    if stage in (POST_TEST_TRAFFIC_SHIFT, PRODUCTION_TRAFFIC_SHIFT):
        done = progress.step if stage == PRODUCTION_TRAFFIC_SHIFT else 0
        if done >= len(steps):
            return Move(Progress(POST_PRODUCTION_TRAFFIC_SHIFT))
        last = done + 1 == len(steps)
        return Move(Progress(PRODUCTION_TRAFFIC_SHIFT, done + 1, None if last else now + step_bake_seconds),
                    production_weight=steps[done])
    if stage == POST_PRODUCTION_TRAFFIC_SHIFT:
        return Move(Progress(BAKE_TIME, progress.step, now + bake_seconds))
    if stage == BAKE_TIME:
        return Move(Progress(CLEAN_UP, progress.step), stop_blue=True)
    if stage == CLEAN_UP:
        return Move(progress, completed=True) if facts.blue_gone else None
    raise ValueError("unknown lifecycle stage %r" % stage)


def rollback_reason(stage, stop_requested, alarms, alarm_states, failed):
    """Why the deployment rolls back now, or None. alarm_states: alarm name -> state value."""
    if stop_requested == "ROLLBACK":
        return "a rollback was requested (StopServiceDeployment)"
    if failed:
        return failed
    alarms = alarms or {}
    if stage != CLEAN_UP and alarms.get("enable") and alarms.get("rollback"):
        for name in alarms.get("alarmNames") or []:
            if alarm_states.get(name) == "ALARM":
                return "CloudWatch alarm %s is in ALARM" % name
    return None


def validate(configuration, load_balancers, group_exists, rule_exists):
    """ECS's checks of a deployment configuration and the load balancers it needs; raises InvalidStrategy."""
    configuration = configuration or {}
    strategy = strategy_of(configuration)
    minutes = configuration.get("bakeTimeInMinutes")
    if minutes is not None and not 0 <= float(minutes) <= MAX_BAKE_MINUTES:
        raise InvalidStrategy("bakeTimeInMinutes must be between 0 and %d." % MAX_BAKE_MINUTES)
    canary = configuration.get("canaryConfiguration") or {}
    if canary.get("canaryPercent") is not None and not 0.1 <= float(canary["canaryPercent"]) <= 100:
        raise InvalidStrategy("canaryPercent must be between 0.1 and 100.")
    if canary.get("canaryBakeTimeInMinutes") is not None and \
            not 0 <= float(canary["canaryBakeTimeInMinutes"]) <= MAX_BAKE_MINUTES:
        raise InvalidStrategy("canaryBakeTimeInMinutes must be between 0 and %d." % MAX_BAKE_MINUTES)
    linear = configuration.get("linearConfiguration") or {}
    if linear.get("stepPercent") is not None and not 3 <= float(linear["stepPercent"]) <= 100:
        raise InvalidStrategy("stepPercent must be between 3 and 100.")
    if linear.get("stepBakeTimeInMinutes") is not None and \
            not 0 <= float(linear["stepBakeTimeInMinutes"]) <= MAX_BAKE_MINUTES:
        raise InvalidStrategy("stepBakeTimeInMinutes must be between 0 and %d." % MAX_BAKE_MINUTES)
    if strategy not in SHIFTING:
        return
    # Without load balancers there is no traffic to shift: ECS pairs such a service with Service Connect, which the
    # sandbox does not check; green then only scales up, bakes and replaces blue.
    for lb in load_balancers or []:
        advanced = lb.get("advancedConfiguration")
        if not advanced:
            raise InvalidStrategy("advancedConfiguration is required for each load balancer when the deployment "
                                  "strategy is %s." % strategy)
        alternate = advanced.get("alternateTargetGroupArn")
        if not alternate:
            raise InvalidStrategy("advancedConfiguration.alternateTargetGroupArn is required for the %s "
                                  "deployment strategy." % strategy)
        if alternate == lb.get("targetGroupArn"):
            raise InvalidStrategy("The alternateTargetGroupArn must be different from the targetGroupArn.")
        for arn in (lb.get("targetGroupArn"), alternate):
            if arn and not group_exists(arn):
                raise InvalidStrategy("The target group %s does not exist." % arn)
        production = advanced.get("productionListenerRule")
        if not production:
            raise InvalidStrategy("advancedConfiguration.productionListenerRule is required for the %s "
                                  "deployment strategy." % strategy)
        for name in ("productionListenerRule", "testListenerRule"):
            rule = advanced.get(name)
            if rule and not rule_exists(rule):
                raise InvalidStrategy("The listener rule %s (%s) does not exist." % (rule, name))
        if not advanced.get("roleArn"):
            raise InvalidStrategy("advancedConfiguration.roleArn is required for the %s deployment strategy."
                                  % strategy)


def read_progress(deployment):
    return Progress(deployment.get("_lifecycleStage") or RECONCILE_SERVICE, deployment.get("_shiftStep", 0),
                    deployment.get("_waitUntil"))


def write_progress(deployment, progress):
    deployment["_lifecycleStage"] = progress.stage
    deployment["_shiftStep"] = progress.step
    deployment["_waitUntil"] = progress.wait_until


# ------------------------------------------------------------------ moto's records

def find_rule(elbv2, arn):
    for lb in list(elbv2.load_balancers.values()):
        for listener in list(lb.listeners.values()):
            rule = listener.rules.get(arn)
            if rule is not None:
                return rule
    return None


def set_weights(rule, green_group, blue_group, green_weight):
    """Rewrites the rule's forward action to a weighted ForwardConfig: green_weight to green, the rest to blue."""
    if rule is None:
        return
    for action in rule.actions:
        if action.data.get("Type") != "forward":
            continue
        config = action.data.setdefault("ForwardConfig", {})
        groups = config.setdefault("TargetGroups", [])
        for arn in (green_group, blue_group):
            if arn and not any(g.get("TargetGroupArn") == arn for g in groups):
                groups.append({"TargetGroupArn": arn})
        for g in groups:
            if g.get("TargetGroupArn") == green_group:
                g["Weight"] = green_weight
            elif g.get("TargetGroupArn") == blue_group:
                g["Weight"] = 100 - green_weight
        config.setdefault("TargetGroupStickinessConfig", {"Enabled": False})
        action.data.pop("TargetGroupArn", None)  # ELBv2 answers the weighted form only once there are two groups
        action.__dict__.pop("TargetGroupArn", None)
        action.__dict__["ForwardConfig"] = config
        return


class StrategyDriver:
    """The strategy half of the service scheduler (a mixin of ecs.EcsPlane beside ServiceScheduler): it drives the
    PRIMARY deployment of a BLUE_GREEN, CANARY or LINEAR service through its lifecycle stages."""

    # --------------------------------------------------------------- which group a task registers in

    def target_group_for(self, managed, lb):
        """The target group a service task registers in for this load balancer entry: its deployment's own for
        the first entry of a service that has one (green's group), the entry's targetGroupArn otherwise."""
        service = managed.service
        arn = lb.get("targetGroupArn")
        if service is None or not service.load_balancers or lb is not service.load_balancers[0]:
            return arn
        deployment = next((d for d in service.deployments if d["id"] == managed.deployment_id), None)
        if deployment is not None and deployment.get("_targetGroup"):
            return deployment["_targetGroup"]
        return self._production_group(service) or arn

    @staticmethod
    def _pair(service):
        lb = (service.load_balancers or [{}])[0]
        advanced = lb.get("advancedConfiguration") or {}
        return lb.get("targetGroupArn"), advanced.get("alternateTargetGroupArn"), advanced

    def _production_group(self, service):
        """The group of the pair that carries production traffic (the primary until a deployment flips it)."""
        primary, alternate, _ = self._pair(service)
        production = getattr(service, "_production_group", None)
        return production if production in (primary, alternate) and production else primary

    # --------------------------------------------------------------- the scheduler's entry points

    def drives_strategy(self, service, primary):
        primary.setdefault("_strategy", strategy_of(service.deployment_configuration))
        return primary["_strategy"] in SHIFTING and not primary.get("_strategyDone")

    def strategy_failed(self, service, deployment, breaker):
        """The circuit breaker tripped on a deployment: True when this driver handles it (at its next pass)."""
        if deployment.get("_strategy") not in SHIFTING or deployment.get("_strategyDone"):
            return False
        if breaker.get("rollback"):
            deployment["_failedBecause"] = "tasks failed to start"
        return True

    def validate_strategy(self, backend, configuration, load_balancers):
        from moto.elbv2.models import elbv2_backends
        from .scheduler import EcsError
        elbv2 = elbv2_backends[backend.account_id][backend.region_name]
        try:
            validate(configuration, load_balancers, lambda arn: arn in elbv2.target_groups,
                     lambda arn: find_rule(elbv2, arn) is not None)
        except InvalidStrategy as e:
            raise EcsError("InvalidParameterException", str(e))

    def reconcile_strategy(self, backend, service, green):
        registry = self.balancing.registry
        self._check_target_health(service)
        if "_blueId" not in green:
            self._begin_strategy(backend, service, green)
        reason = rollback_reason(green.get("_lifecycleStage"), green.get("_stopRequested"),
                                 (service.deployment_configuration or {}).get("alarms"),
                                 self._alarm_states(backend, service),
                                 green.get("_failedBecause"))
        if reason and green.get("_blueId"):
            self.roll_back_strategy(backend, service, green, reason)
            return
        if green.get("_stopRequested") == "ABORT" and green["rolloutState"] == "IN_PROGRESS":
            if green.get("_blueId"):
                self.roll_back_strategy(backend, service, green, "the deployment was stopped (StopServiceDeployment "
                                                                 "ABORT)", record=False)
                return
            green["rolloutState"] = "FAILED"
            green["rolloutStateReason"] = "ECS deployment %s stopped: StopServiceDeployment ABORT." % green["id"]
        if green["rolloutState"] == "FAILED":  # failed with nothing (or no wish) to roll back to
            # With a blue, it stays as it failed (traffic where it was, nothing started or stopped) until the next
            # deployment; a first deployment is left to the rolling scheduler, which starts no more of its tasks.
            green["_strategyDone"] = not green.get("_blueId")
            return
        green["desiredCount"] = service.desired_count
        managed = self.service_tasks(service)
        mine = [m for m in managed if m.deployment_id == green["id"]]
        phases = {m.arn: m.phase(registry) for m in mine}
        if any(p == rollout.HEALTHY for p in phases.values()):
            service._failures_in_row = 0
        live = [m for m in mine if phases[m.arn] != rollout.STOPPING]
        order = {rollout.STARTING: 0, rollout.RUNNING: 1, rollout.HEALTHY: 2}
        surplus = sorted(live, key=lambda m: order[phases[m.arn]])[:max(0, len(live) - service.desired_count)]
        for m in surplus:
            self.request_stop(m, "Scaling activity initiated by (deployment %s)" % green["id"])
        backing_off = time.monotonic() < getattr(service, "_next_launch", 0)
        started = []
        if not backing_off:
            for _ in range(service.desired_count - len(live)):
                m = self.start_service_task(backend, service, green)
                if m is None:
                    break
                started.append(m)
        if started:
            self.event(service, "has started %d tasks: %s." % (
                len(started), " ".join("(task %s)" % m.arn.rsplit("/", 1)[-1] for m in started)))
        healthy = sum(1 for m in live if m not in surplus and phases[m.arn] == rollout.HEALTHY)
        others = [m for m in self.service_tasks(service) if m.deployment_id != green["id"]]
        configuration = service.deployment_configuration
        steps = traffic_steps(configuration, has_blue=bool(green["_blueId"]))
        for _ in range(len(STAGES) + len(steps) + 2):
            facts = Facts(time.monotonic(), green_ready=healthy >= service.desired_count, blue_gone=not others)
            step_bake = self.clock.seconds(step_bake_minutes(configuration) * 60)
            bake = self.clock.seconds(bake_minutes(configuration) * 60) if green["_blueId"] else 0
            move = advance(read_progress(green), facts, steps, step_bake, bake)
            if move is None:
                break
            self._apply(backend, service, green, move)
            if move.completed:
                break
        self._drop_finished_deployments(service)
        self._update_counts(service)

    # --------------------------------------------------------------- steps

    def _begin_strategy(self, backend, service, green):
        """RECONCILE_SERVICE: which revision is blue, which group green goes into; other deployments stop."""
        primary_group, alternate_group, advanced = self._pair(service)
        production = self._production_group(service)
        live = self.service_tasks(service)
        # Blue is the newest deployment still serving from the production group; a deployment this one interrupts
        # (its tasks in the other group) is not.
        blue = next((d for d in service.deployments if d is not green and d.get("_targetGroup", production) ==
                     production and any(m.deployment_id == d["id"] and not m.stopping for m in live)), None)
        green["_blueId"] = blue["id"] if blue else None
        green["_blueTaskDefinition"] = blue["taskDefinition"] if blue else None
        green["_productionGroup"] = production
        if blue is None:
            green["_targetGroup"] = production
            green["_blueGroup"] = alternate_group if production == primary_group else primary_group
        else:
            green["_targetGroup"] = alternate_group if production == primary_group else primary_group
            green["_blueGroup"] = production
            blue.setdefault("_targetGroup", production)
            blue["_strategyDone"] = True
        for d in service.deployments:  # an interrupted deployment's tasks, say, in green's group: they go
            if d is green or d is blue:
                continue
            d["_strategyDone"] = True
            for m in live:
                if m.deployment_id == d["id"]:
                    self.request_stop(m, "Scaling activity initiated by (deployment %s)" % green["id"])
        green["_productionWeight"] = 100 if blue is None else 0
        green["_testWeight"] = 100 if blue is None else 0
        if blue is not None:
            self._weigh(backend, service, green, advanced.get("productionListenerRule"), 0)
            self._weigh(backend, service, green, advanced.get("testListenerRule"), 0)
        write_progress(green, Progress(RECONCILE_SERVICE))
        self.event(service, "(deployment %s) %s deployment started: green tasks go to (target-group %s)."
                   % (green["id"], green["_strategy"], green["_targetGroup"]))

    def _apply(self, backend, service, green, move):
        _, _, advanced = self._pair(service)
        write_progress(green, move.progress)
        green["updatedAt"] = utcnow()
        if move.test_weight is not None:
            if green["_blueId"] is not None:
                self._weigh(backend, service, green, advanced.get("testListenerRule"), move.test_weight)
            green["_testWeight"] = move.test_weight
        if move.production_weight is not None:
            self._weigh(backend, service, green, advanced.get("productionListenerRule"), move.production_weight)
            green["_productionWeight"] = move.production_weight
            self.event(service, "(deployment %s) shifted %d%% of production traffic to (target-group %s)."
                       % (green["id"], move.production_weight, green["_targetGroup"]))
        if move.stop_blue:
            service._production_group = green["_targetGroup"]
            for m in self.service_tasks(service):
                if m.deployment_id != green["id"]:
                    self.request_stop(m, "Scaling activity initiated by (deployment %s)" % green["id"])
        if move.completed:
            green["rolloutState"] = "COMPLETED"
            green["rolloutStateReason"] = "ECS deployment %s completed." % green["id"]
            green["_strategyDone"] = True
            service._last_completed = green["taskDefinition"]
            self.event(service, "(deployment %s) deployment completed." % green["id"])

    def _weigh(self, backend, service, green, rule_arn, green_weight):
        if not rule_arn:
            return
        from moto.elbv2.models import elbv2_backends
        elbv2 = elbv2_backends[backend.account_id][backend.region_name]
        set_weights(find_rule(elbv2, rule_arn), green["_targetGroup"], green["_blueGroup"], green_weight)

    def _alarm_states(self, backend, service):
        alarms = (service.deployment_configuration or {}).get("alarms") or {}
        if not alarms.get("enable") or not alarms.get("alarmNames"):
            return {}
        from moto.cloudwatch.models import cloudwatch_backends
        known = cloudwatch_backends[backend.account_id][backend.region_name].alarms
        return {name: known[name].state_value for name in alarms["alarmNames"] if name in known}

    def roll_back_strategy(self, backend, service, green, reason, record=True):
        """Production (and test) traffic back on blue, green's tasks stopped, blue's revision the service's; a
        rollback unless record is False (an ABORT: the same moves, recorded as a stop)."""
        _, _, advanced = self._pair(service)
        blue = next((d for d in service.deployments if d["id"] == green["_blueId"]), None)
        for rule in (advanced.get("productionListenerRule"), advanced.get("testListenerRule")):
            self._weigh(backend, service, green, rule, 0)
        green["_productionWeight"] = green["_testWeight"] = 0
        service._production_group = green["_blueGroup"]
        for m in self.service_tasks(service):
            if m.deployment_id == green["id"]:
                self.request_stop(m, "Scaling activity initiated by (deployment %s)" % green["_blueId"])
        green["status"] = "ACTIVE"
        green["rolloutState"] = "FAILED"
        green["rolloutStateReason"] = "ECS deployment %s %s: %s." % (green["id"], "rolled back" if record else "stopped",
                                                                    reason)
        green["updatedAt"] = utcnow()
        if record:
            green["_rollback"] = {"reason": reason, "startedAt": utcnow(), "toDeploymentId": green["_blueId"]}
        green["_strategyDone"] = True
        if not green.get("_failedBecause"):  # the circuit breaker has said so already
            self.event(service, "(deployment %s) deployment %s: %s." % (green["id"], "failed" if record else "stopped",
                                                                       reason))
        if blue is not None:
            blue["status"] = "PRIMARY"
            blue["updatedAt"] = utcnow()
            blue["_strategyDone"] = True
            service.task_definition = blue["taskDefinition"]
        else:  # blue's tasks are all gone already (late in CLEAN_UP): a new deployment brings its revision back
            self.new_deployment(service, green["_blueTaskDefinition"], reason="rollback")
        self.event(service, "%s to deployment %s." % ("rolling back" if record else "going back", green["_blueId"]))
        self._update_counts(service)

    def _drop_finished_deployments(self, service):
        live = self.service_tasks(service)
        for d in list(service.deployments):
            if d["status"] != "PRIMARY" and not any(m.deployment_id == d["id"] for m in live):
                service.deployments.remove(d)

