package dev.mysfits.aws.iam;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** IAM roles for ECS tasks, container instances and CodeBuild. */
public interface Roles {
    /** @param trustedServices the service principals its trust policy lets assume it ("ecs-tasks.amazonaws.com") */
    record Role(String name, String arn, List<String> trustedServices) {
    }

    Optional<Role> find(String name);

    /**
     * A role that should exist (setup made it): IAM may not show a role for a few seconds after it was made
     * (AWS-BEHAVIOURS 1), so "no such role" is asked again for a while before it counts as missing.
     */
    default Optional<Role> findExpected(String name) {
        return find(name);
    }

    Role create(String name, String trustPolicyJson, String description, Map<String, String> tags);

    /** A role under an IAM path ("/mysfits/ws/"), where ListRoles finds it by that path. */
    Role create(String name, String path, String trustPolicyJson, String description, Map<String, String> tags);

    /** The role's inline policy of that name, as JSON, or empty when it has none. */
    Optional<String> inlinePolicy(String roleName, String policyName);

    /** Whether two policy documents say the same, whatever their spacing or key order. */
    static boolean samePolicy(String a, String b) {
        try {
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            return json.readTree(a).equals(json.readTree(b));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    List<String> attachedPolicyArns(String roleName);

    void attachPolicy(String roleName, String policyArn);

    /**
     * Makes the role an AWS service uses on the account's behalf ("ecs.amazonaws.com"); one the account has
     * already counts as done.
     *
     * @return whether this call made it
     */
    boolean ensureServiceLinkedRole(String awsServiceName);

    /** Creates or replaces an inline policy: the same call converges. */
    void putInlinePolicy(String roleName, String policyName, String policyJson);
}
