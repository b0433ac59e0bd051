package dev.mysfits.workflow.deploy;

/**
 * The revision a service's template renders to, registered or found.
 *
 * @param registered whether this call registered it (false: the family's latest ACTIVE revision was the same)
 * @param firstContainer the first container of its definition (the one RunTask's environment overrides name)
 */
public record RegisteredRevision(String family, String taskDefinitionArn, int revision, String image,
                                 String firstContainer, boolean registered) {
}
