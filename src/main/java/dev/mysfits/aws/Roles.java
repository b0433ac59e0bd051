package dev.mysfits.aws;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** IAM roles for ECS tasks. */
public interface Roles {
    /** @param trustedServices the service principals its trust policy lets assume it ("ecs-tasks.amazonaws.com") */
    record Role(String name, String arn, List<String> trustedServices) {
    }

    Optional<Role> find(String name);

    Role create(String name, String trustPolicyJson, String description, Map<String, String> tags);

    List<String> attachedPolicyArns(String roleName);

    void attachPolicy(String roleName, String policyArn);
}
