package dev.mysfits.workflow.inventory;

import dev.mysfits.aws.ecr.RepositoryImages.EcrImage;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.config.WorkshopConfigLoader;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.docker.LocalInventory.Image;
import dev.mysfits.fakes.FakeLocalInventory;
import dev.mysfits.fakes.FakeRepositoryImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImagesWorkflowTest {
    private static final String HOST = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
    private static final String URI = HOST + "/mysfits/monolith-service";
    private static final String PUSHED = "sha256:" + "a".repeat(64);
    private static final String OTHER = "sha256:" + "b".repeat(64);
    private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

    @TempDir
    Path dir;
    private final FakeLocalInventory local = new FakeLocalInventory();
    private final FakeRepositoryImages ecr = new FakeRepositoryImages();
    private final ImagesWorkflow workflow = new ImagesWorkflow(local, ecr);
    private WorkshopConfig workshop;

    @BeforeEach
    void twoServices() throws IOException {
        Path file = dir.resolve("mysfits.json");
        Files.writeString(file, """
                {"workshop": "mysfits", "services": {
                  "monolith": {"context": ".", "image": "monolith-service", "repository": "mysfits/monolith-service"},
                  "like": {"context": ".", "image": "like-service", "repository": "mysfits/like-service"}}}
                """);
        workshop = new WorkshopConfigLoader().load(file);
    }

    private ServiceImages monolith() {
        return workflow.execute(new ImagesRequest(workshop, "monolith")).services().get(0);
    }

    private static ServiceImages.Tag tag(ServiceImages images, String tag) {
        return images.tags().stream().filter(t -> tag == null ? t.tag() == null : tag.equals(t.tag())).findFirst()
                .orElseThrow(() -> new AssertionError("no tag " + tag + " in " + images));
    }

    @Test
    void images_localTagWhoseDigestEcrHolds_isPushed_andOthersShowWhatIsMissing() {
        // latest was pushed (the engine recorded ECR's digest), then tagged abc1234 too; v1 was pushed from elsewhere.
        local.images.add(new Image("sha256:1111", List.of("monolith-service:latest", "monolith-service:abc1234", URI + ":latest"),
                List.of(URI + "@" + PUSHED), 1_700_000_000L, 90_000_000L));
        ecr.repository("mysfits/monolith-service", URI,
                new EcrImage(PUSHED, List.of("latest"), AT, 40_000_000L),
                new EcrImage(OTHER, List.of("v1"), AT, 41_000_000L));

        ServiceImages images = monolith();

        assertTrue(images.repositoryExists());
        assertEquals(List.of("latest", "abc1234", "v1"), images.tags().stream().map(ServiceImages.Tag::tag).toList());
        ServiceImages.Tag latest = tag(images, "latest");
        assertEquals(PushState.PUSHED, latest.state());
        assertEquals(List.of("monolith-service:latest", URI + ":latest"), latest.local().references());
        assertEquals(PUSHED, latest.ecr().digest());
        assertEquals(AT, latest.ecr().pushedAt());
        assertEquals(40_000_000L, latest.ecr().size());
        assertEquals(PushState.NOT_PUSHED, tag(images, "abc1234").state());
        assertNull(tag(images, "abc1234").ecr());
        ServiceImages.Tag v1 = tag(images, "v1");
        assertEquals(PushState.ONLY_IN_ECR, v1.state());
        assertNull(v1.local());
    }

    @Test
    void images_rebuiltAfterPush_differsFromEcr_evenWhileTheOldEcrCopyKeepsItsName() {
        local.images.add(new Image("sha256:old", List.of(URI + ":latest"), List.of(URI + "@" + PUSHED), 1L, 1L));
        local.images.add(new Image("sha256:new", List.of("monolith-service:latest"), List.of(), 2L, 1L));
        ecr.repository("mysfits/monolith-service", URI, new EcrImage(PUSHED, List.of("latest"), AT, 1L));

        ServiceImages.Tag latest = tag(monolith(), "latest");

        assertEquals(PushState.DIFFERS, latest.state());
        assertEquals("sha256:new", latest.local().imageId(), "the build's name is what the next push sends");
    }

    @Test
    void images_repositoryNotMadeYet_isNoError_andEveryLocalTagIsNotPushed() {
        local.images.add(new Image("sha256:1111", List.of("monolith-service:latest", "monolith-service:abc1234"), List.of(), 1L, 1L));
        local.images.add(new Image("sha256:2222", List.of("someone-else:latest", "monolith-service-old:latest"), List.of(), 1L, 1L));

        ServiceImages images = monolith();

        assertFalse(images.repositoryExists());
        assertNull(images.repositoryUri());
        assertEquals(List.of("latest", "abc1234"), images.tags().stream().map(ServiceImages.Tag::tag).toList());
        assertTrue(images.tags().stream().allMatch(t -> t.state() == PushState.NOT_PUSHED && t.ecr() == null));
        assertEquals(List.of("mysfits/monolith-service"), ecr.asked);
    }

    @Test
    void images_untaggedImageInEcr_isListedLast_asOnlyInEcr() {
        ecr.repository("mysfits/monolith-service", URI,
                new EcrImage(OTHER, List.of(), AT, 5L),
                new EcrImage(PUSHED, List.of("latest", "v2"), AT, 7L));

        ServiceImages images = monolith();

        assertEquals(3, images.tags().size(), images.toString());
        assertEquals("latest", images.tags().get(0).tag());
        assertEquals(PUSHED, tag(images, "v2").ecr().digest());
        assertNull(images.tags().get(2).tag());
        assertEquals(OTHER, images.tags().get(2).ecr().digest());
        assertTrue(images.tags().stream().allMatch(t -> t.state() == PushState.ONLY_IN_ECR));
    }

    @Test
    void images_ecrHostCopyInAnotherRegistry_isNotThisRepository() {
        local.images.add(new Image("sha256:1111", List.of("999999999999.dkr.ecr.eu-west-1.amazonaws.com/mysfits/monolith-service:old"),
                List.of(), 1L, 1L));
        ecr.repository("mysfits/monolith-service", URI);

        assertTrue(monolith().tags().isEmpty());
    }

    @Test
    void images_noService_listsEveryServiceInFileOrder_eachWithItsOwnRepository() {
        local.images.add(new Image("sha256:3333", List.of("like-service:latest"), List.of(), 1L, 1L));

        List<ServiceImages> all = workflow.execute(new ImagesRequest(workshop, null)).services();

        assertEquals(List.of("monolith", "like"), all.stream().map(ServiceImages::service).toList());
        assertTrue(all.get(0).tags().isEmpty());
        assertEquals(PushState.NOT_PUSHED, tag(all.get(1), "latest").state());
        assertEquals(List.of("mysfits/monolith-service", "mysfits/like-service"), ecr.asked);
    }

    @Test
    void images_unknownService_isUsageError_beforeEcrIsAsked() {
        MysfitsException e = assertThrows(MysfitsException.class, () -> workflow.execute(new ImagesRequest(workshop, "nope")));

        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("unknown service 'nope'"), e.getMessage());
        assertTrue(ecr.asked.isEmpty());
    }
}
