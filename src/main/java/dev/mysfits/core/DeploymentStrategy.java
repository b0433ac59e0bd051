package dev.mysfits.core;

import java.util.List;

/**
 * How ECS rolls out a new revision of a service: a rolling update, or one of the strategies that run the new
 * revision beside the old behind a second target group and shift the listener's traffic to it (all at once, a canary
 * share first, or in linear steps), bake, and roll back on failed tasks or alarms.
 *
 * @param kind                  the strategy
 * @param bakeMinutes           how long both revisions keep running after all traffic moved (not for ROLLING)
 * @param canaryPercent         the share the canary stage sends to the new revision (CANARY only, else null)
 * @param canaryBakeMinutes     how long the canary stage lasts (CANARY only, else null)
 * @param linearStepPercent     the share each linear step adds (LINEAR only, else null)
 * @param linearStepBakeMinutes how long each linear step lasts (LINEAR only, else null)
 * @param alarmNames            CloudWatch alarms whose ALARM state rolls the deployment back; empty for none
 */
public record DeploymentStrategy(Kind kind, int bakeMinutes, Double canaryPercent, Integer canaryBakeMinutes,
                                 Double linearStepPercent, Integer linearStepBakeMinutes, List<String> alarmNames) {

    /** The strategies, by the names mysfits.json and --strategy use. */
    public enum Kind {
        ROLLING("rolling"), BLUE_GREEN("blue-green"), CANARY("canary"), LINEAR("linear");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The kind named by its label ("blue-green") or its ECS name ("BLUE_GREEN"); null when neither. */
        public static Kind parse(String text) {
            for (Kind kind : values()) {
                if (kind.label.equals(text) || kind.name().equals(text)) {
                    return kind;
                }
            }
            return null;
        }
    }

    public static final DeploymentStrategy ROLLING = new DeploymentStrategy(Kind.ROLLING, 0, null, null, null, null, List.of());

    public DeploymentStrategy {
        alarmNames = alarmNames == null ? List.of() : List.copyOf(alarmNames);
    }

    /** "canary 10% for 1m, bake 0m", "blue-green, bake 5m, alarms like-5xx", "rolling". */
    public String describe() {
        if (!shiftsTraffic()) {
            return "rolling";
        }
        String steps = switch (kind) {
            case CANARY -> " " + percent(canaryPercent) + " for " + canaryBakeMinutes + "m";
            case LINEAR -> " " + percent(linearStepPercent) + " steps every " + linearStepBakeMinutes + "m";
            default -> "";
        };
        return kind.label() + steps + ", bake " + bakeMinutes + "m"
                + (alarmNames.isEmpty() ? "" : ", alarms " + String.join(", ", alarmNames));
    }

    /** "10%", "0.5%": a share as people read it; "?" when there is none. */
    public static String percent(Double share) {
        if (share == null) {
            return "?";
        }
        return (share == Math.rint(share) ? String.valueOf(share.longValue()) : String.valueOf(share)) + "%";
    }

    /** True for the strategies that need an alternate target group and a production listener rule. */
    public boolean shiftsTraffic() {
        return kind != Kind.ROLLING;
    }
}
