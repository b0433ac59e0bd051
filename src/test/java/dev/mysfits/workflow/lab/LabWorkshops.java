package dev.mysfits.workflow.lab;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.config.WorkshopConfigLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The lab tests' workshop: trash-can, with the inventory service inv on a local port, and one table. */
final class LabWorkshops {
    private LabWorkshops() {
    }

    static WorkshopConfig trashCan(Path dir, int localPort) {
        try {
            Path file = dir.resolve("mysfits.json");
            Files.writeString(file, """
                    {"workshop": "trash-can",
                     "services": {"inv": {"context": ".", "image": "trash-can/inv", "repository": "trash-can/inv",
                                          "containerPort": 8080, "localPort": %d, "healthPath": "/"}},
                     "tables": {"items": {"hashKey": {"name": "id", "type": "S"}}}}
                    """.formatted(localPort));
            return new WorkshopConfigLoader().load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
