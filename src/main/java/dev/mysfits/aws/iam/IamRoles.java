package dev.mysfits.aws.iam;

import dev.mysfits.aws.AwsErrors;
import dev.mysfits.aws.Eventually;
import dev.mysfits.aws.TransientErrors;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Roles} on the IAM API. */
public final class IamRoles implements Roles {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** IAM shows a new role within seconds; a role missing for longer than this is missing. */
    private static final java.time.Duration EXPECTED_ROLE_PATIENCE = java.time.Duration.ofSeconds(20);
    private final IamClient iam;
    private final Eventually eventually;

    public IamRoles(IamClient iam, Eventually eventually) {
        this.iam = iam;
        this.eventually = eventually;
    }

    @Override
    public Optional<Role> find(String name) {
        try {
            var role = iam.getRole(r -> r.roleName(name)).role();
            return Optional.of(new Role(role.roleName(), role.arn(), trustedServices(role.assumeRolePolicyDocument())));
        } catch (NoSuchEntityException missing) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.wrap("iam get role " + name, e);
        }
    }

    @Override
    public Optional<Role> findExpected(String name) {
        try {
            var role = eventually.call("IAM role " + name + " to be readable", EXPECTED_ROLE_PATIENCE,
                    TransientErrors.NOT_YET_VISIBLE, () -> iam.getRole(r -> r.roleName(name)).role());
            return Optional.of(new Role(role.roleName(), role.arn(), trustedServices(role.assumeRolePolicyDocument())));
        } catch (MysfitsException waited) {
            if (waited.exitCode() == ExitCode.TIMEOUT) {
                return Optional.empty();  // long enough: it is missing
            }
            throw waited;
        } catch (SdkException e) {
            throw AwsErrors.wrap("iam get role " + name, e);
        }
    }

    @Override
    public Role create(String name, String trustPolicyJson, String description, Map<String, String> tags) {
        return create(name, "/", trustPolicyJson, description, tags);
    }

    @Override
    public Optional<String> inlinePolicy(String roleName, String policyName) {
        try {
            String document = iam.getRolePolicy(r -> r.roleName(roleName).policyName(policyName)).policyDocument();
            return Optional.of(document.trim().startsWith("{") ? document : URLDecoder.decode(document, StandardCharsets.UTF_8));
        } catch (NoSuchEntityException missing) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.wrap("iam get policy " + policyName + " of role " + roleName, e);
        }
    }

    @Override
    public Role create(String name, String path, String trustPolicyJson, String description, Map<String, String> tags) {
        try {
            var role = iam.createRole(r -> r.roleName(name).path(path)
                            .assumeRolePolicyDocument(trustPolicyJson)
                            .description(description)
                            .tags(tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList()))
                    .role();
            return new Role(role.roleName(), role.arn(), trustedServices(trustPolicyJson));
        } catch (software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException madeByALostAttempt) {
            // A role made a moment ago may not be readable yet.
            try {
                var role = eventually.call("IAM role " + name + " to be readable", Eventually.PROPAGATION,
                        TransientErrors.NOT_YET_VISIBLE, () -> iam.getRole(r -> r.roleName(name)).role());
                return new Role(role.roleName(), role.arn(), trustedServices(role.assumeRolePolicyDocument()));
            } catch (SdkException e) {
                throw AwsErrors.wrap("iam get role " + name, e);
            }
        } catch (SdkException e) {
            throw AwsErrors.wrap("iam create role " + name, e);
        }
    }

    @Override
    public boolean ensureServiceLinkedRole(String awsServiceName) {
        try {
            iam.createServiceLinkedRole(r -> r.awsServiceName(awsServiceName));
            return true;
        } catch (SdkException e) {
            if (alreadyTaken(e)) {
                return false;
            }
            throw AwsErrors.wrap("iam create service-linked role for " + awsServiceName, e);
        }
    }

    /** IAM's answer for a service-linked role the account has: InvalidInput "Service role name … has been taken …". */
    static boolean alreadyTaken(SdkException e) {
        return "InvalidInput".equals(AwsErrors.code(e)) && String.valueOf(e.getMessage()).contains("has been taken");
    }

    /** The service principals allowed to assume the role; IAM returns the policy URL-encoded. */
    static List<String> trustedServices(String policyDocument) {
        if (policyDocument == null) {
            return List.of();
        }
        String json = policyDocument.trim().startsWith("{") ? policyDocument
                : URLDecoder.decode(policyDocument, StandardCharsets.UTF_8);
        List<String> services = new ArrayList<>();
        try {
            JsonNode statements = JSON.readTree(json).path("Statement");
            for (JsonNode statement : statements.isArray() ? statements : JSON.createArrayNode().add(statements)) {
                if (!"Allow".equals(statement.path("Effect").asText())) {
                    continue;
                }
                JsonNode service = statement.path("Principal").path("Service");
                if (service.isArray()) {
                    service.forEach(s -> services.add(s.asText()));
                } else if (service.isTextual()) {
                    services.add(service.asText());
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return services;
    }

    @Override
    public List<String> attachedPolicyArns(String roleName) {
        try {
            return iam.listAttachedRolePoliciesPaginator(r -> r.roleName(roleName)).attachedPolicies().stream()
                    .map(AttachedPolicy::policyArn)
                    .toList();
        } catch (SdkException e) {
            throw AwsErrors.wrap("iam list policies of role " + roleName, e);
        }
    }

    @Override
    public void attachPolicy(String roleName, String policyArn) {
        try {
            iam.attachRolePolicy(r -> r.roleName(roleName).policyArn(policyArn));
        } catch (SdkException e) {
            throw AwsErrors.wrap("iam attach " + policyArn + " to role " + roleName, e);
        }
    }

    @Override
    public void putInlinePolicy(String roleName, String policyName, String policyJson) {
        try {
            iam.putRolePolicy(r -> r.roleName(roleName).policyName(policyName).policyDocument(policyJson));
        } catch (SdkException e) {
            throw AwsErrors.wrap("iam put policy " + policyName + " on role " + roleName, e);
        }
    }
}
