package dev.mysfits.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AWS's own answers while a new role spreads (AWS-BEHAVIOURS.md rows 1, 3, 4, 6, 8, 9, 24, 25), and ones that are not. */
class TransientErrorsTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/mysfits-w-execution";

    private static AwsServiceException error(String code, String message) {
        return AwsServiceException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    @Test
    void roleNotYetUsable_coversEachServicesWordsForANewRole() {
        assertTrue(TransientErrors.ROLE_NOT_YET_USABLE.test(error("ClientException", "ECS was unable to assume the role '"
                + ROLE + "' that was provided for this task. Please verify that the role being passed has the proper "
                + "trust relationship and permissions and that your IAM user has permissions to pass this role.")));
        assertTrue(TransientErrors.ROLE_NOT_YET_USABLE.test(error("ValidationException", "Unable to assume IAM role: " + ROLE)));
        assertTrue(TransientErrors.ROLE_NOT_YET_USABLE.test(error("InvalidInputException",
                "CodeBuild is not authorized to perform: sts:AssumeRole on " + ROLE)));
        assertTrue(TransientErrors.ROLE_NOT_YET_USABLE.test(error("ValidationError", "You must use a valid fully-formed "
                + "launch template. Value (mysfits-w-instances) for parameter iamInstanceProfile.name is invalid. "
                + "Invalid IAM Instance Profile name")));
        assertTrue(TransientErrors.ROLE_NOT_YET_USABLE.test(error("InvalidParameterException", "Unable to assume role and "
                + "validate the specified targetGroupArn. Please verify that the ECS service role being passed has the "
                + "proper permissions.")));
    }

    @Test
    void permanentErrors_ofTheSameCallsAreNotRetried() {
        assertFalse(TransientErrors.ROLE_NOT_YET_USABLE.test(error("ClientException", "TaskDefinition not found.")));
        assertFalse(TransientErrors.ROLE_NOT_YET_USABLE.test(error("InvalidInputException", "Project source location is required")));
        assertFalse(TransientErrors.SERVICE_LINKED_ROLE.test(error("InvalidParameterException",
                "Creation of service was not idempotent.")));
        assertFalse(TransientErrors.SCALING_NOT_YET_READY.test(error("ValidationException",
                "Maximum capacity cannot be less than minimum capacity")));
    }

    @Test
    void serviceLinkedRole_isEcssWordsOnAFreshAccount() {
        assertTrue(TransientErrors.SERVICE_LINKED_ROLE.test(error("InvalidParameterException",
                "Unable to assume the service linked role. Please verify that the ECS service linked role exists.")));
    }

    @Test
    void scalingNotYetReady_isApplicationAutoScalingMeetingANewServiceOrTarget() {
        assertTrue(TransientErrors.SCALING_NOT_YET_READY.test(error("ValidationException", "ECS service doesn't exist: service/w/like")));
        assertTrue(TransientErrors.SCALING_NOT_YET_READY.test(error("FailedResourceAccessException", "Unable to access")));
        assertTrue(TransientErrors.SCALING_NOT_YET_READY.test(error("ObjectNotFoundException", "No scalable target found")));
    }
}
