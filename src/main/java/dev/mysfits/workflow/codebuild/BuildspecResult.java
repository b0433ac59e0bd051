package dev.mysfits.workflow.codebuild;

/**
 * @param state     what happened to the file: written, unchanged, or would be written (a dry run)
 * @param buildspec the file's text, as written or as it would be
 */
public record BuildspecResult(String service, String file, String sourceRoot, String state, String buildspec) {
}
