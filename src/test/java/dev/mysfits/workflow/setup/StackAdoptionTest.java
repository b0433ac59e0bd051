package dev.mysfits.workflow.setup;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.config.WorkshopConfigLoader;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which of mysfits.json's tables and services' repositories the stack outputs name. */
class StackAdoptionTest {
    @TempDir
    Path dir;

    private WorkshopConfig workshop(String tables) throws Exception {
        Files.writeString(dir.resolve("mysfits.json"), "{\"workshop\":\"unit\",\"tables\":{" + tables + "},\"services\":{"
                + "\"monolith\":{\"context\":\".\",\"repository\":\"lab/monolith\"},\"like\":{\"context\":\".\"}}}");
        return new WorkshopConfigLoader().load(dir.resolve("mysfits.json"));
    }

    private static final String KEY = "{\"hashKey\":{\"name\":\"id\",\"type\":\"S\"}}";

    private static StackOutputs.ResourceOutputs outputs(Map<String, String> tables, Map<String, String> repositories) {
        return new StackOutputs.ResourceOutputs(tables, repositories, null, null);
    }

    @Test
    void oneTableEachSide_isThatTable_whateverItsName() throws Exception {
        StackAdoption adoption = StackAdoption.of(outputs(Map.of("DynamoTable", "stack-Table-XYZ"), Map.of()),
                workshop("\"mysfits\":" + KEY), "cfn-output.json");

        assertEquals(Map.of("mysfits", "stack-Table-XYZ"), adoption.tables());
    }

    @Test
    void severalTables_matchByName_andUnmatchedOnesAreLeftAlone() throws Exception {
        StackAdoption adoption = StackAdoption.of(outputs(Map.of("MysfitsTable", "stack-Mysfits-1", "OrdersTable", "stack-Orders-2",
                        "AuditTable", "stack-Audit-3"), Map.of()),
                workshop("\"mysfits\":" + KEY + ",\"orders\":" + KEY + ",\"likes\":" + KEY), "cfn-output.json");

        assertEquals(Map.of("mysfits", "stack-Mysfits-1", "orders", "stack-Orders-2"), adoption.tables());
    }

    @Test
    void noTablesInMysfitsJson_adoptsNone() throws Exception {
        assertTrue(StackAdoption.of(outputs(Map.of("DynamoTable", "t1"), Map.of()), workshop(""), "f").tables().isEmpty());
    }

    @Test
    void repository_goesToTheServiceThatPushesThere_andOneNamedForAServiceThatPushesElsewhereIsRefused() throws Exception {
        WorkshopConfig workshop = workshop("");
        assertEquals(Map.of("monolith", "lab/monolith"),
                StackAdoption.of(outputs(Map.of(), Map.of("MonolithRepo", "lab/monolith", "Other", "lab/other")), workshop, "f")
                        .repositories());

        MysfitsException e = assertThrows(MysfitsException.class,
                () -> StackAdoption.of(outputs(Map.of(), Map.of("LikeRepo", "lab/like")), workshop, "cfn-output.json"));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("LikeRepo is repository lab/like, and service like pushes to"), e.getMessage());
        assertTrue(e.hint().contains("set services.like.repository to \"lab/like\""), e.hint());
    }
}
