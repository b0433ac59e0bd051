package dev.mysfits.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A service's own task role ("taskRole" in mysfits.json): what the app may call in AWS. Services without one share
 * the workshop's task role, which has no policy.
 *
 * @param managedPolicyArns managed policies to attach
 * @param inlinePolicyFile  the inline policy's file, or null
 * @param inlinePolicy      that file's policy document with its placeholders filled in, or null
 */
public record TaskRoleConfig(List<String> managedPolicyArns, Path inlinePolicyFile, String inlinePolicy) {
    public TaskRoleConfig {
        managedPolicyArns = List.copyOf(managedPolicyArns);
    }
}
