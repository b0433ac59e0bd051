package dev.mysfits.workflow.inventory;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether ECR holds what a local tag names, decided by the manifest digests the engine recorded at push or pull. */
public enum PushState {
    /** ECR's image under the tag is the one the local tag names. */
    PUSHED("pushed"),
    /** ECR has no image under the tag. */
    NOT_PUSHED("not pushed"),
    /** ECR has the tag, on another image: the local one was rebuilt since, or never pushed from this engine. */
    DIFFERS("differs"),
    /** Only ECR has the tag. */
    ONLY_IN_ECR("only in ECR");

    private final String text;

    PushState(String text) {
        this.text = text;
    }

    /** As a person reads it, in the table. */
    public String text() {
        return text;
    }

    /** As a script reads it: pushed, not_pushed, differs, only_in_ecr. */
    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
