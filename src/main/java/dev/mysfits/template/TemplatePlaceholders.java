package dev.mysfits.template;

import java.util.List;

/** The placeholder names deploy fills in; task-defs/README.md documents each. */
public final class TemplatePlaceholders {
    public static final String FAMILY = "FAMILY";
    public static final String SERVICE = "SERVICE";
    public static final String IMAGE = "IMAGE";
    public static final String ACCOUNT_ID = "ACCOUNT_ID";
    public static final String REGION = "REGION";
    public static final String LOG_GROUP = "LOG_GROUP";
    public static final String EXECUTION_ROLE_ARN = "EXECUTION_ROLE_ARN";
    public static final String TASK_ROLE_ARN = "TASK_ROLE_ARN";
    public static final String CONTAINER_PORT = "CONTAINER_PORT";
    public static final String MONOLITH_URL = "MONOLITH_URL";
    /** The same URL as {@link #MONOLITH_URL}, by a name that suits any service. */
    public static final String ALB_URL = "ALB_URL";
    /** The load balancer's host as the labs enter it: its DNS name, with ":port" when the listener is not on 80. */
    public static final String ALB_HOST = "ALB_HOST";
    public static final String WORKSHOP = "WORKSHOP";

    public static final List<String> ALL = List.of(FAMILY, SERVICE, IMAGE, ACCOUNT_ID, REGION, LOG_GROUP,
            EXECUTION_ROLE_ARN, TASK_ROLE_ARN, CONTAINER_PORT, MONOLITH_URL, ALB_URL, ALB_HOST, WORKSHOP);

    private TemplatePlaceholders() {
    }
}
