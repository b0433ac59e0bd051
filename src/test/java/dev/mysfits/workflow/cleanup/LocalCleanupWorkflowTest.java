package dev.mysfits.workflow.cleanup;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.workflow.Confirmation;
import dev.mysfits.console.CleanupRenderer;
import dev.mysfits.console.Console;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.docker.LocalResources;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalCleanupWorkflowTest {
    private final List<String> removed = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private final LocalResources docker = new LocalResources() {
        @Override
        public List<LocalContainer> containers(String workshop) {
            return List.of(new LocalContainer("c1", "mysfits-w-monolith", true));
        }

        @Override
        public List<LocalImage> images(List<String> repositories) {
            return List.of(new LocalImage("i1", "monolith-service:latest"),
                    new LocalImage("i1", "123456789012.dkr.ecr.us-east-1.amazonaws.com/mysfits/monolith-service:latest"));
        }

        @Override
        public List<LocalNetwork> networks(String workshop) {
            return List.of(new LocalNetwork("n1", "w-net"));
        }

        @Override
        public void removeContainer(LocalContainer container) {
            removed.add("container " + container.name());
        }

        @Override
        public void removeImage(LocalImage image) {
            removed.add("image " + image.reference());
        }

        @Override
        public void removeNetwork(LocalNetwork network) {
            removed.add("network " + network.name());
        }

        @Override
        public List<LocalVolume> volumes(String workshop) {
            return removed.contains("volume mysfits-w-db-data") ? List.of() : List.of(new LocalVolume("mysfits-w-db-data"));
        }

        @Override
        public void removeVolume(LocalVolume volume) {
            removed.add("volume " + volume.name());
        }
    };

    private Console console;

    private LocalCleanupWorkflow workflow() {
        console = new Console(new PrintWriter(out, true), new PrintWriter(err, true), false, false, OutputFormat.TEXT, () -> 0L);
        return new LocalCleanupWorkflow(new ConsoleEvents(console), docker, new Confirmation() {
            @Override
            public boolean interactive() {
                return false;
            }

            @Override
            public boolean confirm(String question) {
                return false;
            }
        });
    }

    @Test
    void localCleanup_keepsVolumesUnlessAskedFor_thenRemovesThemLast() {
        workflow().execute(new LocalCleanupRequest("w", List.of("monolith-service"), false, true, false));
        assertTrue(removed.stream().noneMatch(r -> r.startsWith("volume")), removed.toString());
        assertTrue(err.toString().contains("kept 1 volume and its data: cleanup --local --volumes removes them"), err.toString());

        removed.clear();
        LocalCleanupWorkflow dryRun = workflow();
        new CleanupRenderer(console).render(dryRun.execute(new LocalCleanupRequest("w", List.of("monolith-service"), true, true, true)));
        assertTrue(removed.isEmpty(), "a dry run removes nothing");
        assertTrue(out.toString().contains("volume mysfits-w-db-data (its data is lost)"), out.toString());

        workflow().execute(new LocalCleanupRequest("w", List.of("monolith-service"), false, true, true));
        assertEquals("volume mysfits-w-db-data", removed.get(removed.size() - 1));
    }

    @Test
    void localCleanup_removesContainersBeforeImagesBeforeNetworks() {
        workflow().execute(new LocalCleanupRequest("w", List.of("monolith-service", "mysfits/monolith-service"), false, true, false));

        assertEquals(List.of("container mysfits-w-monolith", "image monolith-service:latest",
                "image 123456789012.dkr.ecr.us-east-1.amazonaws.com/mysfits/monolith-service:latest", "network w-net"), removed);
        assertTrue(err.toString().contains("nothing left"), err.toString());
    }

    @Test
    void localCleanup_dryRun_listsAndRemovesNothing() {
        LocalCleanupWorkflow dryRun = workflow();
        new CleanupRenderer(console).render(dryRun.execute(new LocalCleanupRequest("w", List.of("monolith-service"), true, false, false)));

        assertTrue(removed.isEmpty());
        assertTrue(out.toString().contains("Would remove 4 local Docker resources"), out.toString());
    }

    @Test
    void localCleanup_withoutTerminalAndWithoutYes_refusesWithExitTwo() {
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> workflow().execute(new LocalCleanupRequest("w", List.of("monolith-service"), false, false, false)));

        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(removed.isEmpty());
    }
}
