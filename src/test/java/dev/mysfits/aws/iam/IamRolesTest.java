package dev.mysfits.aws.iam;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.iam.model.IamException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IamRolesTest {
    private static IamException error(String code, String message) {
        return (IamException) IamException.builder().statusCode(400).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    @Test
    void serviceLinkedRoleTheAccountHas_countsAsDone() {
        assertTrue(IamRoles.alreadyTaken(error("InvalidInput",
                "Service role name AWSServiceRoleForECS has been taken in this account, please try a different suffix.")));
    }

    @Test
    void otherRefusalsOfCreateServiceLinkedRole_areErrors() {
        assertFalse(IamRoles.alreadyTaken(error("InvalidInput", "Invalid AWS service name: ecs.example.com")));
        assertFalse(IamRoles.alreadyTaken(error("AccessDenied", "User is not authorized to perform: "
                + "iam:CreateServiceLinkedRole; the role has been taken")));
    }
}
