package dev.mysfits.workflow.local;

import dev.mysfits.core.ContainerOptions;
import dev.mysfits.docker.ContainerSpec;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalServiceSpecsTest {
    private static ContainerSpec spec(Map<String, String> environment) {
        return new ContainerSpec("mysfits-w-db", "mysql:8", 3306, 3306, environment, Map.of("mysfits.workshop", "w",
                "mysfits.service", "db"), "mysfits-w", List.of("db"), List.of(), ContainerOptions.NONE);
    }

    @Test
    void fingerprint_listsTheMapsInKeyOrder_soEveryJvmHashesTheSameSpecAlike() {
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("B", "2");
        ba.put("A", "1");
        // the spec copies its maps with Map.copyOf, whose order is the JVM's own: the fingerprint must not follow it
        String fingerprint = LocalServiceSpecs.fingerprint(spec(ba), "sha256:1");

        assertTrue(fingerprint.contains("{A=1, B=2}"), fingerprint);
        assertTrue(fingerprint.contains("{mysfits.service=db, mysfits.workshop=w}"), fingerprint);
        assertEquals(fingerprint, LocalServiceSpecs.fingerprint(spec(Map.of("A", "1", "B", "2")), "sha256:1"));
        assertNotEquals(fingerprint, LocalServiceSpecs.fingerprint(spec(Map.of("A", "1", "B", "3")), "sha256:1"));
        assertNotEquals(fingerprint, LocalServiceSpecs.fingerprint(spec(ba), "sha256:2"));
    }
}
