package dev.mysfits.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeletionErrorsTest {
    private static AwsServiceException error(String code, String message) {
        return AwsServiceException.builder().message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    @Test
    void scalableTargetAlreadyDeregistered_countsAsGone() {
        // What Application Auto Scaling answers when an interrupted cleanup already deregistered the target.
        assertTrue(DeletionErrors.gone(error("ObjectNotFoundException", "No scalable target found for service namespace: "
                + "ecs, resource ID: service/ws/like, scalable dimension: ecs:service:DesiredCount")));
        assertTrue(DeletionErrors.gone(error("ObjectNotFoundException", "No scaling policy found")));
        assertEquals(ResourceDeleter.Outcome.ALREADY_GONE, DeletionErrors.handle("deregister", error("ObjectNotFoundException",
                "No scaling policy found for service namespace: ecs")));
    }

    @Test
    void otherValidationErrors_areRealErrors() {
        AwsServiceException invalid = error("ValidationException", "1 validation error detected");
        assertFalse(DeletionErrors.gone(invalid));
        assertThrows(dev.mysfits.core.MysfitsException.class, () -> DeletionErrors.handle("deregister", invalid));
    }

    @Test
    void inUse_isBusyForTheRetryLoop() {
        assertThrows(ResourceBusyException.class, () -> DeletionErrors.handle("delete target group",
                error("ResourceInUse", "Target group is currently in use by a listener or a rule")));
    }

    @Test
    void aClusterStillUpdatingOrHoldingWhatRunsInIt_isBusyForTheRetryLoop() {
        for (String code : List.of("UpdateInProgressException", "ClusterContainsServicesException",
                "ClusterContainsTasksException", "ClusterContainsContainerInstancesException")) {
            assertThrows(ResourceBusyException.class, () -> DeletionErrors.handle("delete cluster", error(code, "busy")), code);
        }
    }
}
