package dev.mysfits.docker;

import dev.mysfits.core.MysfitsException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the items of a push stream (status per layer, the digest, errors) into layer states. Errors arrive as items
 * inside a 200 response, so nothing else would notice them.
 */
final class PushStream {
    private static final Pattern DIGEST_LINE = Pattern.compile("digest: (sha256:[0-9a-f]{64}) size:");

    private final String reference;
    private final PushListener listener;
    private final Map<String, LayerProgress> layers = new LinkedHashMap<>();
    private String digest;
    private String error;

    PushStream(String reference, PushListener listener) {
        this.reference = reference;
        this.listener = listener;
    }

    /** One item of the stream, as its fields arrive from the daemon. */
    synchronized void accept(String id, String status, Long current, Long total, String auxDigest, String errorMessage) {
        if (errorMessage != null && !errorMessage.isBlank()) {
            if (error == null) {
                error = errorMessage.strip();
            }
            return;
        }
        if (auxDigest != null && !auxDigest.isBlank()) {
            digest = auxDigest;
        }
        if (status == null) {
            return;
        }
        Matcher digestLine = DIGEST_LINE.matcher(status);
        if (digestLine.find()) {
            if (digest == null) {
                digest = digestLine.group(1);
            }
            return;
        }
        LayerProgress.State state = state(status);
        if (id == null || id.isBlank() || state == null) {
            return;
        }
        LayerProgress previous = layers.get(id);
        long cur = current != null ? current : previous == null ? 0 : previous.current();
        long tot = total != null && total > 0 ? total : previous == null ? 0 : previous.total();
        LayerProgress progress = new LayerProgress(id, state, cur, tot);
        layers.put(id, progress);
        listener.layer(progress);
    }

    private static LayerProgress.State state(String status) {
        String s = status.toLowerCase(Locale.ROOT);
        if (s.startsWith("preparing")) {
            return LayerProgress.State.PREPARING;
        }
        if (s.startsWith("waiting")) {
            return LayerProgress.State.WAITING;
        }
        if (s.startsWith("pushing")) {
            return LayerProgress.State.PUSHING;
        }
        if (s.startsWith("retrying")) {
            return LayerProgress.State.RETRYING;
        }
        if (s.equals("pushed")) {
            return LayerProgress.State.PUSHED;
        }
        if (s.startsWith("layer already exists") || s.startsWith("mounted from")) {
            return LayerProgress.State.EXISTS;
        }
        return null;
    }

    /** The outcome once the stream ended: the result, or the error the daemon reported, as a one-line failure. */
    synchronized PushedTag result() {
        if (error != null) {
            throw failure(reference, error);
        }
        if (digest == null) {
            throw MysfitsException.failed("push " + reference + " failed: the daemon reported no digest",
                    "run the push again; with --debug for details", null);
        }
        return new PushedTag(reference, digest, Map.copyOf(layers));
    }

    static MysfitsException failure(String reference, String message) {
        String m = message.toLowerCase(Locale.ROOT);
        String oneLine = message.lines().findFirst().orElse(message);
        if (m.contains("unauthorized") || m.contains("authentication required") || m.contains("no basic auth credentials")
                || m.contains("denied")) {
            return MysfitsException.precondition("push " + reference + " failed: the registry refused the credentials ("
                            + oneLine + ")",
                    "check that the AWS identity may push to ECR (ecr:GetAuthorizationToken, ecr:*Layer*, ecr:PutImage)"
                            + " and that --region and --profile name the repository's account");
        }
        return MysfitsException.failed("push " + reference + " failed: " + oneLine,
                "run the same command again; layers already sent are not sent twice", null);
    }
}
