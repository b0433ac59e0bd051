package dev.mysfits.workflow.cleanup;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.config.WorkshopConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LocalCleanupRequestTest {
    @TempDir
    Path dir;

    @Test
    void theWorkshopsImagesAreThoseItBuilds_anImageAServiceOnlyPullsStays() throws IOException {
        Files.createDirectories(dir.resolve("app"));
        Path file = dir.resolve("mysfits.json");
        Files.writeString(file, """
                {"workshop": "notes", "services": {
                  "backend": {"context": "app", "image": "notes", "repository": "notes/backend", "containerPort": 8081},
                  "db": {"image": "mysql:8.0", "localPort": null, "containerPort": 3306, "healthCommand": ["mysqladmin", "ping"]}
                }}
                """);
        WorkshopConfig workshop = new WorkshopConfigLoader().load(file);

        LocalCleanupRequest request = LocalCleanupRequest.of(workshop, false, true, false);

        assertEquals(List.of("notes", "notes/backend"), request.imageNames());
        assertEquals("notes", request.workshop());
    }
}
