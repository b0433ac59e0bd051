package dev.mysfits.workflow.codebuild;

/** @param state what happened to the file: written, unchanged, or would be written (a dry run) */
public record BuildspecResult(String service, String file, String sourceRoot, String state) {
}
