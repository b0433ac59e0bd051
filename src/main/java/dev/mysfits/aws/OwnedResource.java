package dev.mysfits.aws;

import dev.mysfits.core.ResourceType;

import java.util.List;

/**
 * An AWS resource mysfits created: found in the ledger or by its mysfits:workshop tag.
 *
 * @param type       what kind of resource
 * @param id         what deletes it: an ARN where the API takes one, else a name or an id
 * @param name       the name people know it by (shown in lists)
 * @param service    the workshop service it belongs to, or null for shared infrastructure
 * @param parent     what it lives in, where deleting needs it: the cluster of a service, the resource id
 *                   (service/cluster/name) of a scaling policy, the load balancer of a listener; or null
 * @param references for a listener: the target groups its default action forwards to; else empty
 * @param cost       what it costs while it exists ("ALB hours"), or null when it is free
 */
public record OwnedResource(ResourceType type, String id, String name, String service, String parent,
                            List<String> references, String cost) {

    public OwnedResource {
        references = references == null ? List.of() : List.copyOf(references);
    }

    public static OwnedResource of(ResourceType type, String id, String name, String service, String parent) {
        return new OwnedResource(type, id, name, service, parent, List.of(), costOf(type));
    }

    public boolean costsMoney() {
        return cost != null;
    }

    public boolean shared() {
        return service == null;
    }

    /** Whether a recorded resource (a ledger entry's type and id) is this one: the record may hold the ARN or the plain name. */
    public boolean matches(ResourceType recordedType, String recordedId) {
        return recordedType == type && (recordedId.equals(id) || recordedId.equals(name));
    }

    /** The name an ARN id carries after its marker (":repository/" → the repository's name); an id without it is the name. */
    public String idAfter(String marker) {
        int at = id.indexOf(marker);
        return at < 0 ? id : id.substring(at + marker.length());
    }

    public OwnedResource withService(String newService) {
        return new OwnedResource(type, id, name, newService, parent, references, cost);
    }

    public String describe() {
        return label(type) + " " + name + (id.equals(name) ? "" : " (" + id + ")");
    }

    /** What costs money while it exists: the ALB by the hour, running tasks, stored images. */
    public static String costOf(ResourceType type) {
        return switch (type) {
            case LOAD_BALANCER -> "ALB hours";
            case AUTO_SCALING_GROUP -> "EC2 instance hours";
            case SERVICE -> "running tasks";
            case TASK -> "a running task";
            case ECR_REPOSITORY -> "ECR storage";
            case DYNAMODB_TABLE -> "DynamoDB storage";
            default -> null;
        };
    }

    public static String label(ResourceType type) {
        return switch (type) {
            case SCALING_POLICY -> "scaling policy";
            case SCALABLE_TARGET -> "scalable target";
            case SERVICE -> "ECS service";
            case TASK -> "ECS task";
            case LISTENER_RULE -> "listener rule";
            case TARGET_GROUP -> "target group";
            case LISTENER -> "listener";
            case LOAD_BALANCER -> "load balancer";
            case AUTO_SCALING_GROUP -> "Auto Scaling group";
            case LAUNCH_TEMPLATE -> "launch template";
            case INSTANCE_PROFILE -> "instance profile";
            case CODEBUILD_PROJECT -> "CodeBuild project";
            case ECR_REPOSITORY -> "ECR repository";
            case LOG_GROUP -> "log group";
            case DYNAMODB_TABLE -> "DynamoDB table";
            case TASK_DEFINITION -> "task definition";
            case IAM_ROLE -> "IAM role";
            case SECURITY_GROUP -> "security group";
            case CLUSTER -> "ECS cluster";
        };
    }
}
