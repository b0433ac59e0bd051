package dev.mysfits.lab;

/**
 * One thing a lab step's check looks at. A probe only reads: it never changes what the attendee made. Each carries
 * the hint shown when it fails.
 */
public sealed interface Probe {
    String hint();

    /**
     * An HTTP request answers as the lab says.
     *
     * @param target       "alb" (the workshop's load balancer) or "local:SERVICE" (the service's local port)
     * @param status       the status expected
     * @param bodyContains text the body contains, or null
     * @param jsonPath     a field of the JSON body, as "a.b.0.c", or null
     * @param jsonEquals   what that field's value is, as text
     */
    record Http(String target, String method, String path, int status, String bodyContains, String jsonPath,
                String jsonEquals, String hint) implements Probe {
    }

    /**
     * An ECS service runs this many tasks.
     *
     * @param rollout the primary deployment's rollout state ("COMPLETED"), or null for any
     */
    record Service(String service, int running, String rollout, String hint) implements Probe {
    }

    /**
     * An image of a service with this tag: in the account's ECR repository ("ecr"), or on the Docker engine ("local").
     */
    record Image(String service, String tag, String where, String hint) implements Probe {
    }

    /** A service's local container is running (or, with running false, is not there). */
    record Container(String service, boolean running, String hint) implements Probe {
    }

    /** A service's logs hold a line containing this text: in CloudWatch ("cloud") or its local container ("local"). */
    record Log(String service, String where, String contains, String hint) implements Probe {
    }

    /**
     * An AWS resource of the workshop exists, or is gone.
     *
     * @param type one of {@link LabLoader#RESOURCE_TYPES}; "workshop" is everything the workshop made
     * @param name its name, or null where the workshop has one (cluster, load balancer, "workshop")
     */
    record Resource(String type, String name, boolean exists, String hint) implements Probe {
    }

    /** A file the lab has the attendee write, relative to the workshop's directory. */
    record File(String path, String hint) implements Probe {
    }
}
