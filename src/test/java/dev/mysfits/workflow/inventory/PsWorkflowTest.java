package dev.mysfits.workflow.inventory;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.config.WorkshopConfigLoader;
import dev.mysfits.docker.LocalInventory.Container;
import dev.mysfits.docker.LocalInventory.PublishedPort;
import dev.mysfits.fakes.FakeLocalInventory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PsWorkflowTest {
    @TempDir
    Path dir;
    private final FakeLocalInventory engine = new FakeLocalInventory();
    private final PsWorkflow workflow = new PsWorkflow(engine);
    private WorkshopConfig workshop;

    @BeforeEach
    void workshop() throws IOException {
        Path file = dir.resolve("mysfits.json");
        Files.writeString(file, """
                {"workshop": "notes", "services": {
                  "web": {"context": ".", "image": "notes", "containerPort": 8080, "localPort": 9000, "healthPath": "/healthz"},
                  "db": {"context": ".", "image": "notes-db", "containerPort": 3306, "localPort": null},
                  "cache": {"context": ".", "image": "cache", "containerPort": 6379, "network": "host"}}}
                """);
        workshop = new WorkshopConfigLoader().load(file);
    }

    @Test
    void ps_nothingStarted_isEmpty_andAsksForThisWorkshopOnly() {
        engine.container("other", new Container("id9", "mysfits-other-web", "web", "other:latest", "running", "Up 1 second", List.of()));

        assertTrue(workflow.execute(new PsRequest(workshop)).containers().isEmpty());
        assertEquals(List.of("notes"), engine.workshops);
    }

    @Test
    void ps_runningService_showsPortsAndUrlOnItsHealthPath_sortedByService() {
        engine.container("notes", new Container("id1", "mysfits-notes-web", "web", "notes:latest", "running", "Up 3 minutes",
                List.of(new PublishedPort("0.0.0.0", 9000, 8080, "tcp"), new PublishedPort("::", 9000, 8080, "tcp"))));
        engine.container("notes", new Container("id2", "mysfits-notes-db", "db", "notes-db:latest", "running", "Up 4 minutes (healthy)",
                List.of()));

        List<LocalContainer> rows = workflow.execute(new PsRequest(workshop)).containers();

        assertEquals(List.of("db", "web"), rows.stream().map(LocalContainer::service).toList());
        LocalContainer web = rows.get(1);
        assertEquals("mysfits-notes-web", web.container());
        assertEquals("notes:latest", web.image());
        assertEquals("Up 3 minutes", web.status());
        assertEquals(List.of("0.0.0.0:9000->8080/tcp", "[::]:9000->8080/tcp"), web.ports());
        assertEquals("http://127.0.0.1:9000/healthz", web.url());
        assertNull(rows.get(0).url(), "a service only the others reach has no URL");
    }

    @Test
    void ps_stoppedContainer_isListedWithItsStatus_andNoUrl() {
        engine.container("notes", new Container("id1", "mysfits-notes-web", "web", "notes:latest", "exited", "Exited (1) 5 seconds ago",
                List.of()));

        LocalContainer web = workflow.execute(new PsRequest(workshop)).containers().get(0);

        assertEquals("exited", web.state());
        assertEquals("Exited (1) 5 seconds ago", web.status());
        assertNull(web.url());
    }

    @Test
    void ps_hostNetwork_answersOnItsContainerPort_andARemovedService_onItsPublishedPort() {
        engine.container("notes", new Container("id1", "mysfits-notes-cache", "cache", "cache:latest", "running", "Up 1 minute", List.of()));
        engine.container("notes", new Container("id2", "mysfits-notes-gone", "gone", "gone:latest", "running", "Up 1 minute",
                List.of(new PublishedPort("0.0.0.0", 7000, 80, "tcp"))));

        List<LocalContainer> rows = workflow.execute(new PsRequest(workshop)).containers();

        assertEquals("http://127.0.0.1:6379/", rows.get(0).url());
        assertEquals("gone", rows.get(1).service());
        assertEquals("http://127.0.0.1:7000/", rows.get(1).url());
    }
}
