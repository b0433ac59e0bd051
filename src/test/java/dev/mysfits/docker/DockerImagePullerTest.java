package dev.mysfits.docker;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DockerImagePullerTest {
    @Test
    void theDaemonsWords_tellNotFoundFromUnauthorized_andOtherFailuresAreNeither() {
        assertEquals(ImagePuller.Refusal.NOT_FOUND, DockerImagePuller.classify(
                "Status 404: {\"message\":\"manifest for x.dkr.ecr.us-east-1.amazonaws.com/a:1 not found: manifest unknown: manifest unknown\"}").refusal());
        assertEquals(ImagePuller.Refusal.UNAUTHORIZED, DockerImagePuller.classify(
                "Status 500: {\"message\":\"Head https://x/v2/a/manifests/1: no basic auth credentials\"}").refusal());
        assertEquals(ImagePuller.Refusal.UNAUTHORIZED, DockerImagePuller.classify("unauthorized: authentication required").refusal());
        assertEquals("manifest for a:1 not found: manifest unknown",
                DockerImagePuller.classify("Status 404: {\"message\":\"manifest for a:1 not found: manifest unknown\"}\n").getMessage());
        assertEquals(ImagePuller.Refusal.UNREACHABLE, DockerImagePuller.classify("Status 500: {\"message\":\"Get \\\"https://registry-1.docker.io/v2/\\\": "
                + "dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host\"}").refusal());
        assertNull(DockerImagePuller.classify("write /var/lib/docker/tmp/x: no space left on device"));
    }
}
