package dev.mysfits.docker;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DockerLocalResourcesTest {
    private static final List<String> NAMES = List.of("monolith-service", "mysfits/monolith-service");

    @Test
    void matches_localNameAndEcrTaggedCopies_butNotOtherNames() {
        assertTrue(DockerLocalResources.matches("monolith-service:latest", NAMES));
        assertTrue(DockerLocalResources.matches("monolith-service:abc1234", NAMES));
        assertTrue(DockerLocalResources.matches("123456789012.dkr.ecr.us-east-1.amazonaws.com/mysfits/monolith-service:v1", NAMES));
        assertTrue(DockerLocalResources.matches("localhost:5000/monolith-service:latest", NAMES));
        assertFalse(DockerLocalResources.matches("monolith-service-old:latest", NAMES));
        assertFalse(DockerLocalResources.matches("someone/monolith-service:latest", NAMES));
        assertFalse(DockerLocalResources.matches("debian:bookworm-slim", NAMES));
    }
}
