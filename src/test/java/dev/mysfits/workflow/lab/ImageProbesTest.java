package dev.mysfits.workflow.lab;

import dev.mysfits.aws.ecr.RepositoryImages.EcrImage;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.docker.LocalInventory.Image;
import dev.mysfits.fakes.FakeLocalInventory;
import dev.mysfits.fakes.FakeRepositoryImages;
import dev.mysfits.lab.Probe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImageProbesTest {
    private static final String HOST = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
    @TempDir
    Path dir;
    private final FakeLocalInventory local = new FakeLocalInventory();
    private final FakeRepositoryImages ecr = new FakeRepositoryImages();
    private final ImageProbes probes = new ImageProbes(() -> ecr, () -> local);

    private WorkshopConfig workshop() {
        return LabWorkshops.trashCan(dir, 8080);
    }

    @Test
    void aLocalTagUnderTheBuildNamePasses() {
        local.images.add(new Image("sha256:1", List.of("trash-can/inv:0.1"), List.of(), 0, 10));
        assertEquals(Optional.empty(), probes.problem(new Probe.Image("inv", "0.1", "local", "build it"), workshop()));
        assertEquals("the local engine has image trash-can/inv:0.1",
                probes.describe(new Probe.Image("inv", "0.1", "local", "build it"), workshop()));
    }

    @Test
    void aLocalImageWithOtherTagsFailsNamingThem() {
        local.images.add(new Image("sha256:1", List.of("trash-can/inv:0.2", "trash-can/inv:latest"), List.of(), 0, 10));
        assertEquals(Optional.of("the local trash-can/inv has tags 0.2, latest, not 0.1"),
                probes.problem(new Probe.Image("inv", "0.1", "local", "build it"), workshop()));
        local.images.clear();
        assertEquals(Optional.of("no local image trash-can/inv"),
                probes.problem(new Probe.Image("inv", "0.1", "local", "build it"), workshop()));
    }

    @Test
    void aTagInTheServicesEcrRepositoryPasses() {
        ecr.repository("trash-can/inv", HOST + "/trash-can/inv", new EcrImage("sha256:a", List.of("0.1", "latest"), Instant.EPOCH, 5));
        assertEquals(Optional.empty(), probes.problem(new Probe.Image("inv", "0.1", "ecr", "push it"), workshop()));
        assertEquals(List.of("trash-can/inv"), ecr.asked);
    }

    @Test
    void aMissingRepositoryOrTagFails() {
        assertEquals(Optional.of("no ECR repository trash-can/inv"),
                probes.problem(new Probe.Image("inv", "0.1", "ecr", "push it"), workshop()));
        ecr.repository("trash-can/inv", HOST + "/trash-can/inv", new EcrImage("sha256:a", List.of("latest"), Instant.EPOCH, 5));
        assertEquals(Optional.of("trash-can/inv holds tags latest, not 0.1"),
                probes.problem(new Probe.Image("inv", "0.1", "ecr", "push it"), workshop()));
    }
}
