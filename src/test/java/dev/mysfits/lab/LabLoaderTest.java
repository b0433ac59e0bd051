package dev.mysfits.lab;

import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabLoaderTest {
    private final LabLoader loader = new LabLoader();

    @TempDir
    Path root;

    @Test
    void theRepositorysLabs_loadStrictly_andNameWorkshopFilesThatExist() {
        List<Lab> labs = loader.loadAll(LabLoader.locate(Path.of("")));

        assertFalse(labs.isEmpty());
        for (Lab lab : labs) {
            assertTrue(Files.isRegularFile(lab.workshop()), lab.id() + ": " + lab.workshop());
            assertTrue(lab.page().matches(lab.id() + "_[0-9a-f]{16}\\.txt"), lab.id() + " follows " + lab.page());
            assertFalse(lab.steps().isEmpty(), lab.id());
        }
        Lab inventory = loader.load(LabLoader.locate(Path.of("")), "004");
        LabStep run = inventory.step("run").orElseThrow();
        assertEquals(List.of("run inv --tag 0.1"), run.solve());
        assertEquals(new Probe.Http("local:inv", "GET", "/", 200, null, "version", "0.1", run.check().get(1).hint()), run.check().get(1));
    }

    @Test
    void anUnknownKey_isAUsageErrorNamingFileStepAndProbe() throws IOException {
        MysfitsException e = assertThrows(MysfitsException.class, () -> loader.load(write("x", step("run",
                "{\"http\": {\"target\": \"alb\", \"path\": \"/\", \"stauts\": 200}, \"hint\": \"h\"}"))));

        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("x.json step 'run', probe 1 (http) has an unknown key \"stauts\""), e.getMessage());
    }

    @Test
    void aProbeOfNoKnownKind_orWithoutAHint_isRefused() throws IOException {
        MysfitsException kind = assertThrows(MysfitsException.class, () -> loader.load(write("x", step("run",
                "{\"ping\": {}, \"hint\": \"h\"}"))));
        assertTrue(kind.getMessage().contains("must name one kind of probe"), kind.getMessage());

        MysfitsException hint = assertThrows(MysfitsException.class, () -> loader.load(write("x", step("run",
                "{\"file\": {\"path\": \"Dockerfile\"}}"))));
        assertTrue(hint.getMessage().contains("\"hint\" must be a non-empty string"), hint.getMessage());
    }

    @Test
    void twoStepsOfOneId_andAnIdThatIsNotTheFilesName_areRefused() throws IOException {
        String probe = "{\"file\": {\"path\": \"Dockerfile\"}, \"hint\": \"h\"}";
        MysfitsException twice = assertThrows(MysfitsException.class, () -> loader.load(write("x", step("a", probe) + "," + step("a", probe))));
        assertTrue(twice.getMessage().contains("has two steps with id 'a'"), twice.getMessage());

        Path misnamed = write("x", step("a", probe));
        Path renamed = Files.move(misnamed, misnamed.resolveSibling("y.json"));
        MysfitsException named = assertThrows(MysfitsException.class, () -> loader.load(renamed));
        assertTrue(named.getMessage().contains("has id 'x', but its file is named y.json"), named.getMessage());
    }

    @Test
    void anUnknownLab_namesTheLabsThereAre() throws IOException {
        write("x", step("a", "{\"file\": {\"path\": \"Dockerfile\"}, \"hint\": \"h\"}"));

        MysfitsException e = assertThrows(MysfitsException.class, () -> loader.load(root.resolve("labs"), "nope"));

        assertEquals("no lab 'nope': the labs are x", e.getMessage());
        assertEquals("run mysfits lab list", e.hint());
        Files.writeString(root.resolve("outside.json"), "{}");
        MysfitsException outside = assertThrows(MysfitsException.class, () -> loader.load(root.resolve("labs"), "../outside"));
        assertEquals("no lab '../outside': the labs are x", outside.getMessage(), "an id names a file in labs/, never one beside it");
    }

    private Path write(String id, String steps) throws IOException {
        Path folder = Files.createDirectories(root.resolve("labs"));
        return Files.writeString(folder.resolve(id + ".json"), "{\"id\": \"" + id + "\", \"title\": \"t\", \"page\": \"p.txt\", "
                + "\"workshop\": \"mysfits.json\", \"steps\": [" + steps + "]}");
    }

    private static String step(String id, String probe) {
        return "{\"id\": \"" + id + "\", \"title\": \"t\", \"section\": \"s\", \"solve\": [], \"check\": [" + probe + "]}";
    }
}
