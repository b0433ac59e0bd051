package dev.mysfits.docker;

import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PushStreamTest {
    private static final String DIGEST = "sha256:" + "ab".repeat(32);
    private final List<LayerProgress> heard = new ArrayList<>();
    private final PushStream stream = new PushStream("host/repo:latest", heard::add);

    @Test
    void layers_goFromPreparingThroughPushingToPushedOrExisting() {
        stream.accept(null, "The push refers to repository [host/repo]", null, null, null, null);
        stream.accept("aaa", "Preparing", null, null, null, null);
        stream.accept("bbb", "Preparing", null, null, null, null);
        stream.accept("aaa", "Pushing", 5_000_000L, 4_000_000L, null, null);
        stream.accept("bbb", "Layer already exists", null, null, null, null);
        stream.accept("aaa", "Pushed", null, null, null, null);
        stream.accept(null, "latest: digest: " + DIGEST + " size: 1570", null, null, null, null);

        PushedTag result = stream.result();
        assertEquals(DIGEST, result.digest());
        assertEquals(LayerProgress.State.PUSHED, result.layers().get("aaa").state());
        assertEquals(5_000_000L, result.layers().get("aaa").bytesSent(), "current may exceed total; it is what was sent");
        assertEquals(LayerProgress.State.EXISTS, result.layers().get("bbb").state());
        assertEquals(List.of(LayerProgress.State.PREPARING, LayerProgress.State.PREPARING, LayerProgress.State.PUSHING,
                LayerProgress.State.EXISTS, LayerProgress.State.PUSHED), heard.stream().map(LayerProgress::state).toList());
    }

    @Test
    void auxDigest_isTakenWhenThereIsNoDigestLine() {
        stream.accept(null, null, null, null, DIGEST, null);
        assertEquals(DIGEST, stream.result().digest());
    }

    @Test
    void unauthorizedErrorItem_isPreconditionSayingTheRegistryRefusedTheCredentials() {
        stream.accept("aaa", "Preparing", null, null, null, null);
        stream.accept(null, null, null, null, null, "unauthorized: authentication required");
        MysfitsException e = assertThrows(MysfitsException.class, stream::result);
        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertTrue(e.getMessage().contains("registry refused the credentials"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void otherErrorItem_isFailureWithTheDaemonsFirstLine() {
        stream.accept(null, null, null, null, null, "blob upload unknown\nmore detail");
        MysfitsException e = assertThrows(MysfitsException.class, stream::result);
        assertEquals(ExitCode.FAILED, e.exitCode());
        assertEquals("push host/repo:latest failed: blob upload unknown", e.getMessage());
    }

    @Test
    void streamWithoutDigest_isFailure() {
        stream.accept("aaa", "Pushed", null, null, null, null);
        assertEquals(ExitCode.FAILED, assertThrows(MysfitsException.class, stream::result).exitCode());
    }
}
