package dev.mysfits.core;

/**
 * What a step found when it looked, and so what applying it would do.
 *
 * @param action   create, update, delete, or nothing
 * @param resource the resource in words ("target group mysfits-monolith")
 * @param detail   why, or what changes; may be empty
 */
public record Change(Action action, String resource, String detail) {
    /** Stands in for the ARN of something a dry run would create. */
    public static final String NOT_YET_CREATED = "(not yet created)";

    public enum Action {
        CREATE("create"), UPDATE("update"), DELETE("delete"), NONE("keep"), CHECK("check"),
        /** Take up something another tool made (the labs' stack), to use and to leave: recorded, not changed. */
        REUSE("reuse");

        private final String verb;

        Action(String verb) {
            this.verb = verb;
        }

        public String verb() {
            return verb;
        }
    }

    public static Change create(String resource, String detail) {
        return new Change(Action.CREATE, resource, detail);
    }

    public static Change update(String resource, String detail) {
        return new Change(Action.UPDATE, resource, detail);
    }

    public static Change reuse(String resource, String detail) {
        return new Change(Action.REUSE, resource, detail);
    }

    public static Change delete(String resource, String detail) {
        return new Change(Action.DELETE, resource, detail);
    }

    public static Change none(String resource, String detail) {
        return new Change(Action.NONE, resource, detail);
    }

    /** A look that found what it needed (inputs valid, rollout stable): nothing to create or keep. */
    public static Change checked(String resource, String detail) {
        return new Change(Action.CHECK, resource, detail);
    }

    public boolean mutates() {
        return action != Action.NONE && action != Action.CHECK;
    }

    public String describe() {
        return action.verb() + " " + resource + (detail == null || detail.isBlank() ? "" : " (" + detail + ")");
    }
}
