package dev.mysfits.workflow.setup;

import dev.mysfits.console.ConsoleEvents;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mysfits.config.TableConfig;
import dev.mysfits.config.TaskRoleConfig;
import dev.mysfits.console.Console;
import dev.mysfits.core.Change;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.core.ResourceType;
import dev.mysfits.fakes.FakeAws;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.ledger.LedgerEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Setup's DynamoDB tables (made, waited for, loaded once) and the services' own task roles. */
class SetupTablesAndTaskRolesTest {
    private static final ResourceNames NAMES = new ResourceNames("unit");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"dynamodb:GetItem\",\"Resource\":\"arn:aws:dynamodb:*:*:table/unit-mysfits\"}]}";
    private static final String READ_ONLY = "arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess";

    @TempDir
    Path dir;

    private final FakeAws aws = new FakeAws();

    private Ledger ledger() {
        return new Ledger(dir.resolve("ledger.json"), Clock.systemUTC());
    }

    private static List<ObjectNode> items(int count) {
        List<ObjectNode> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(JSON.createObjectNode().put("id", "m" + i).put("likes", i));
        }
        return items;
    }

    private static TableConfig table(int items) {
        return new TableConfig("mysfits", new TableConfig.Key("id", "S"), null, Path.of("mysfits-items.json"), items(items));
    }

    private SetupResult run(boolean dryRun, TableConfig table, TaskRoleConfig role) {
        Console console = new Console(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter(), true), false, false,
                OutputFormat.TEXT, System::currentTimeMillis);
        return new SetupWorkflow(new ConsoleEvents(console), aws.adapters(), ledger(), "us-east-1").execute(new SetupRequest(NAMES,
                Map.of("monolith", 80), null, List.of(), null, dryRun, null,
                role == null ? Map.of() : Map.of("monolith", role), table == null ? List.of() : List.of(table)));
    }

    @Test
    void table_isMadeOnDemandTaggedRecordedWaitedForAndLoadedInBatchesOf25() {
        run(false, table(60), null);

        assertTrue(aws.mutations.contains("create table unit-mysfits"), aws.mutations.toString());
        assertEquals(Map.of(ResourceNames.TAG_WORKSHOP, "unit"), aws.tables.tags.get("unit-mysfits"));
        assertEquals(List.of("unit-mysfits"), aws.tables.awaited, "loaded only once ACTIVE");
        assertEquals(List.of(25, 25, 10), aws.tables.batches);
        assertEquals(60, aws.tables.items.get("unit-mysfits").size());
        LedgerEntry entry = ledger().entries().stream().filter(e -> e.type() == ResourceType.DYNAMODB_TABLE).findFirst().orElseThrow();
        assertEquals("unit-mysfits", entry.id());
        assertEquals("us-east-1", entry.region());
    }

    @Test
    void secondRun_changesNothing_andKeepsWhatTheAppChanged() {
        run(false, table(3), null);
        ObjectNode liked = JSON.createObjectNode().put("id", "m1").put("likes", 99);
        aws.tables.items.get("unit-mysfits").put("m1", liked);
        int before = aws.mutations.size();

        SetupResult again = run(false, table(3), null);

        assertEquals(before, aws.mutations.size(), "no call changed anything: " + aws.mutations.subList(before, aws.mutations.size()));
        assertFalse(again.changed());
        assertEquals(99, aws.tables.items.get("unit-mysfits").get("m1").get("likes").asInt(), "the like stays");
    }

    @Test
    void itemsMissingFromAnExistingTable_areLoadedAlone() {
        run(false, table(3), null);
        aws.tables.items.get("unit-mysfits").remove("m2");

        run(false, table(3), null);

        assertEquals(List.of(3, 1), aws.tables.batches, "only the missing item is written again");
        assertEquals(3, aws.tables.items.get("unit-mysfits").size());
    }

    @Test
    void dryRun_plansTableAndItems_andMakesNothing() {
        SetupResult result = run(true, table(4), new TaskRoleConfig(List.of(READ_ONLY), Path.of("p.json"), POLICY));

        assertTrue(aws.mutations.isEmpty(), aws.mutations.toString());
        List<String> planned = result.changes().stream().filter(Change::mutates).map(Change::resource).toList();
        assertTrue(planned.contains("DynamoDB table unit-mysfits"), planned.toString());
        assertTrue(planned.contains("items in DynamoDB table unit-mysfits"), planned.toString());
        assertTrue(planned.contains("IAM role unit-task-monolith"), planned.toString());
    }

    @Test
    void serviceTaskRole_isItsOwn_underTheWorkshopPath_withItsPolicies_andTheSharedOneStays() {
        run(false, null, new TaskRoleConfig(List.of(READ_ONLY), Path.of("p.json"), POLICY));

        assertTrue(aws.roles.containsKey("unit-task-monolith"));
        assertTrue(aws.roles.containsKey(NAMES.taskRole()), "services without taskRole keep the shared one");
        assertEquals("/mysfits/unit/", aws.rolePaths.get("unit-task-monolith"));
        assertEquals(List.of(READ_ONLY), aws.rolePolicies.get("unit-task-monolith"));
        assertEquals(POLICY, aws.inlinePolicies.get("unit-task-monolith").get(EnsureServiceTaskRoleStep.INLINE_POLICY));
        String arn = aws.roles.get("unit-task-monolith").arn();
        assertEquals(Map.of(ResourceNames.TAG_WORKSHOP, "unit", ResourceNames.TAG_SERVICE, "monolith"), aws.tags.get(arn));
        assertTrue(ledger().entries().stream().anyMatch(e -> e.type() == ResourceType.IAM_ROLE
                && e.id().equals("unit-task-monolith") && "monolith".equals(e.service())));
    }

    @Test
    void serviceTaskRole_secondRun_changesNothing_butAChangedPolicyIsPutAgain() {
        TaskRoleConfig role = new TaskRoleConfig(List.of(READ_ONLY), Path.of("p.json"), POLICY);
        run(false, null, role);
        int before = aws.mutations.size();
        run(false, null, role);
        assertEquals(before, aws.mutations.size(), aws.mutations.toString());

        String wider = POLICY.replace("dynamodb:GetItem", "dynamodb:*");
        run(false, null, new TaskRoleConfig(List.of(READ_ONLY), Path.of("p.json"), wider));

        assertEquals(List.of("put policy " + EnsureServiceTaskRoleStep.INLINE_POLICY + " on unit-task-monolith"),
                aws.mutations.subList(before, aws.mutations.size()));
        assertEquals(wider, aws.inlinePolicies.get("unit-task-monolith").get(EnsureServiceTaskRoleStep.INLINE_POLICY));
    }

    @Test
    void serviceTaskRole_samePolicyWrittenDifferently_isNotPutAgain() {
        run(false, null, new TaskRoleConfig(List.of(), Path.of("p.json"), POLICY));
        int before = aws.mutations.size();
        aws.inlinePolicies.get("unit-task-monolith").put(EnsureServiceTaskRoleStep.INLINE_POLICY, POLICY.replace(",", ", "));

        run(false, null, new TaskRoleConfig(List.of(), Path.of("p.json"), POLICY));

        assertEquals(before, aws.mutations.size(), aws.mutations.toString());
    }

    @Test
    void serviceTaskRoleName_staysWithinIamsLimit() {
        ResourceNames longest = new ResourceNames("a".repeat(31));
        assertTrue(longest.serviceTaskRole("b".repeat(31)).length() <= 64);
        assertEquals("ws-task-monolith", new ResourceNames("ws").serviceTaskRole("monolith"));
    }
}
