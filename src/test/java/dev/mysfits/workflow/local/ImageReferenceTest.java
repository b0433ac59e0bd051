package dev.mysfits.workflow.local;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageReferenceTest {
    @Test
    void aNameWithoutTagOrDigest_meansLatest_asDockerReadsIt() {
        assertEquals("mysql:latest", ImageReference.withTag("mysql"));
        assertEquals("mysql:5.7", ImageReference.withTag("mysql:5.7"));
        assertEquals("localhost:5000/notes/db:latest", ImageReference.withTag("localhost:5000/notes/db"));
        assertEquals("nginx@sha256:abc", ImageReference.withTag("nginx@sha256:abc"));
    }

    @Test
    void theRegistryHost_isAFirstSegmentWithADotOrPort_andEcrIsToldByItsName() {
        assertEquals(Optional.empty(), ImageReference.registryHost("library/nginx:latest"));
        assertEquals(Optional.empty(), ImageReference.registryHost("nginx:latest"));
        assertEquals(Optional.of("localhost:5000"), ImageReference.registryHost("localhost:5000/db:1"));
        String ecr = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
        assertEquals(Optional.of(ecr), ImageReference.registryHost(ecr + "/notes/mysql:8"));
        assertTrue(ImageReference.isEcr(ecr));
        assertFalse(ImageReference.isEcr("registry.example.com"));
    }
}
