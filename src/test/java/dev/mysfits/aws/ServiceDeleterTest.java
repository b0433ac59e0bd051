package dev.mysfits.aws;

import dev.mysfits.core.Environment;
import dev.mysfits.core.GlobalSettings;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.core.ResourceType;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ServiceDeleterTest {
    private static final ServiceDeleter.Delete DELETED = resource -> ResourceDeleter.Outcome.DELETED;

    @Test
    void theServicesTogetherDeleteEveryType() {
        // The table fails on a type no service deletes, so building the real deleter is the check.
        GlobalSettings settings = new GlobalSettings("us-east-1", null, false, "http://127.0.0.1:9", false, false,
                OutputFormat.TEXT, null, null, null);
        AwsClients clients = new AwsClients(settings, new Environment(Map.of("AWS_ACCESS_KEY_ID", "k",
                "AWS_SECRET_ACCESS_KEY", "s"), Path.of("."), Path.of(".")));
        assertDoesNotThrow(() -> new SdkResourceDeleter(clients, Duration.ofSeconds(1)));
    }

    @Test
    void aTypeNoServiceDeletes_fails() {
        ServiceDeleter onlyClusters = () -> Map.of(ResourceType.CLUSTER, DELETED);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ServiceDeleter.table(List.of(onlyClusters)));
        assertEquals("no service deletes SCALING_POLICY", e.getMessage());
    }

    @Test
    void aTypeTwoServicesDelete_fails() {
        ServiceDeleter one = () -> Map.of(ResourceType.CLUSTER, DELETED);
        ServiceDeleter other = () -> Map.of(ResourceType.CLUSTER, DELETED);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ServiceDeleter.table(List.of(one, other)));
        assertEquals("two services delete CLUSTER", e.getMessage());
    }
}
