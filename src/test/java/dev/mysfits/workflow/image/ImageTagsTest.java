package dev.mysfits.workflow.image;

import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.git.SourceRevision.Revision;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageTagsTest {
    @Test
    void defaults_cleanTree_areLatestAndShortSha() {
        assertEquals(List.of("monolith-service:latest", "monolith-service:abc1234"),
                ImageTags.resolve("monolith-service", List.of(), Optional.of(new Revision("abc1234", false))));
    }

    @Test
    void defaults_dirtyTree_markTheShaDirty() {
        assertEquals(List.of("monolith-service:latest", "monolith-service:abc1234-dirty"),
                ImageTags.resolve("monolith-service", List.of(), Optional.of(new Revision("abc1234", true))));
    }

    @Test
    void defaults_noRepository_areLatestOnly() {
        assertEquals(List.of("monolith-service:latest"), ImageTags.resolve("monolith-service", List.of(), Optional.empty()));
    }

    @Test
    void overrides_replaceDefaults_bareTagNamesServiceImage() {
        assertEquals(List.of("monolith-service:v2", "other/name:x", "localhost:5000/team/app:latest"),
                ImageTags.resolve("monolith-service", List.of("v2", "other/name:x", "localhost:5000/team/app"),
                        Optional.of(new Revision("abc1234", false))));
    }

    @Test
    void overrides_duplicatesCollapse() {
        assertEquals(List.of("monolith-service:v2"),
                ImageTags.resolve("monolith-service", List.of("v2", "monolith-service:v2"), Optional.empty()));
    }

    @Test
    void invalidTag_isUsageError() {
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> ImageTags.resolve("monolith-service", List.of("-bad"), Optional.empty()));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("invalid tag '-bad'"), e.getMessage());
    }

    @Test
    void uppercaseName_isUsageError() {
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> ImageTags.resolve("monolith-service", List.of("Mono:v1"), Optional.empty()));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("Mono"), e.getMessage());
    }

    @Test
    void invalidConfiguredImageName_isUsageError() {
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> ImageTags.resolve("Monolith_", List.of(), Optional.empty()));
        assertTrue(e.getMessage().contains("workshop file"), e.getMessage());
    }

    @Test
    void tooLongTag_isUsageError() {
        assertThrows(MysfitsException.class, () -> ImageTags.reference("app", "a".repeat(129)));
        assertEquals("app:" + "a".repeat(128), ImageTags.reference("app", "a".repeat(128)));
    }
}
