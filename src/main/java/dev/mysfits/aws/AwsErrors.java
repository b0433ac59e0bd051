package dev.mysfits.aws;

import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * Turns SDK exceptions into one-line errors with a hint and an exit code, keeping the cause for --debug.
 * Adapters call {@link #wrap} with what they were doing ("ecr create repository monolith").
 */
public final class AwsErrors {
    private static final Set<String> BAD_CREDENTIALS = Set.of("UnrecognizedClientException", "InvalidClientTokenId",
            "SignatureDoesNotMatch", "InvalidSignatureException", "ExpiredToken", "ExpiredTokenException",
            "AuthFailure", "IncompleteSignature", "MissingAuthenticationToken");
    private static final Set<String> ACCESS_DENIED = Set.of("AccessDenied", "AccessDeniedException",
            "UnauthorizedOperation");
    private static final Set<String> THROTTLED = Set.of("Throttling", "ThrottlingException", "RequestLimitExceeded",
            "TooManyRequestsException", "ThrottledException");

    private AwsErrors() {
    }

    public static MysfitsException wrap(String doing, SdkException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null || service.awsErrorDetails().errorCode() == null
                    ? "" : service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails() == null ? service.getMessage() : service.awsErrorDetails().errorMessage();
            if (message == null || message.isBlank()) {
                message = code.isEmpty() ? "HTTP " + service.statusCode() + " with no message" : code;
            }
            String what = doing + ": " + firstLine(message) + (code.isEmpty() || message.equals(code) ? "" : " (" + code + ")");
            if (BAD_CREDENTIALS.contains(code)) {
                return new MysfitsException(ExitCode.PRECONDITION, what,
                        "check your AWS credentials (aws sts get-caller-identity) or pass --profile", e);
            }
            if (ACCESS_DENIED.contains(code)) {
                return new MysfitsException(ExitCode.PRECONDITION, what,
                        "your AWS identity lacks this permission: ask your workshop instructor or use an admin profile", e);
            }
            if (THROTTLED.contains(code)) {
                return new MysfitsException(ExitCode.FAILED, what,
                        "AWS is throttling this account; wait a minute and run the same command again (it resumes)", e);
            }
            return new MysfitsException(ExitCode.FAILED, what, REFUSED_HINT, e);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof SdkClientException && message.contains("Unable to load credentials")) {
            return new MysfitsException(ExitCode.PRECONDITION, doing + ": no AWS credentials found",
                    "run 'aws configure', set AWS_PROFILE, or for the local sandbox: eval \"$(scripts/sandbox env)\"", e);
        }
        if (hasCause(e, UnknownHostException.class) || hasCause(e, ConnectException.class)) {
            return new MysfitsException(ExitCode.PRECONDITION, doing + ": cannot reach the AWS endpoint: " + firstLine(message),
                    "check the network, --region and --endpoint-url (for the sandbox: scripts/sandbox up)", e);
        }
        return new MysfitsException(ExitCode.FAILED, doing + ": " + firstLine(message), REFUSED_HINT, e);
    }

    /** When AWS's own words are all there is: where to look next. */
    static final String REFUSED_HINT = "that is AWS's answer; --debug shows the whole of it. Run the same command again "
            + "once the cause is fixed: it continues where it stopped";

    /** AWS's message and code in a few words: "Unable to assume the service linked role. (InvalidParameterException)". */
    public static String summary(SdkException e) {
        String code = code(e);
        String message = e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorMessage() != null ? service.awsErrorDetails().errorMessage() : e.getMessage();
        message = message == null ? "" : firstLine(message);
        return code.isEmpty() ? message : message.isEmpty() ? code : "\"" + message + "\" (" + code + ")";
    }

    /** The SDK error code of a service exception, or "" for anything else. */
    public static String code(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return "";
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
