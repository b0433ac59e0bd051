package dev.mysfits.config;

import dev.mysfits.core.DeploymentStrategy;
import dev.mysfits.core.DeploymentStrategy.Kind;

import java.util.List;

/**
 * A service's "deployment" in mysfits.json: its strategy and the timings it chose; what it leaves out takes mysfits'
 * defaults for the strategy that deploys.
 *
 * @param kind       the strategy asked for, or null for none (rolling)
 * @param testHeader a request header that reaches the new revision before production traffic does (ECS's test
 *                   listener rule), or null for no test traffic
 */
public record DeploymentConfig(Kind kind, Integer bakeMinutes, Double canaryPercent, Integer canaryBakeMinutes,
                               Double linearStepPercent, Integer linearStepBakeMinutes, List<String> alarms,
                               String testHeader) {
    public static final DeploymentConfig NONE = new DeploymentConfig(null, null, null, null, null, null, List.of(), null);

    /** Defaults short enough for a workshop: a 10% canary for a minute, 25% linear steps a minute apart, no bake. */
    static final double CANARY_PERCENT = 10;
    static final int CANARY_BAKE_MINUTES = 1;
    static final double LINEAR_STEP_PERCENT = 25;
    static final int LINEAR_STEP_BAKE_MINUTES = 1;
    static final int BAKE_MINUTES = 0;

    public DeploymentConfig {
        alarms = alarms == null ? List.of() : List.copyOf(alarms);
    }

    /** The strategy a deploy uses: --strategy when given, else this one's, with this one's timings or the defaults. */
    public DeploymentStrategy resolve(Kind override) {
        Kind chosen = override != null ? override : kind == null ? Kind.ROLLING : kind;
        if (chosen == Kind.ROLLING) {
            return DeploymentStrategy.ROLLING;
        }
        int bake = bakeMinutes == null ? BAKE_MINUTES : bakeMinutes;
        return switch (chosen) {
            case CANARY -> new DeploymentStrategy(chosen, bake, canaryPercent == null ? CANARY_PERCENT : canaryPercent,
                    canaryBakeMinutes == null ? CANARY_BAKE_MINUTES : canaryBakeMinutes, null, null, alarms);
            case LINEAR -> new DeploymentStrategy(chosen, bake, null, null,
                    linearStepPercent == null ? LINEAR_STEP_PERCENT : linearStepPercent,
                    linearStepBakeMinutes == null ? LINEAR_STEP_BAKE_MINUTES : linearStepBakeMinutes, alarms);
            default -> new DeploymentStrategy(chosen, bake, null, null, null, null, alarms);
        };
    }
}
