package dev.mysfits.workflow.setup;

import dev.mysfits.console.ConsoleEvents;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mysfits.aws.dynamodb.Tables;
import dev.mysfits.config.TableConfig;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.config.WorkshopConfigLoader;
import dev.mysfits.console.Console;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** setup --stack-outputs with a table and a repository the stack made: reused, recorded as the stack's, never made. */
class SetupStackResourcesTest {
    private static final ResourceNames NAMES = new ResourceNames("unit");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STACK_TABLE = "lab-stack-MysfitsTable-1AB2";

    @TempDir
    Path dir;

    private final FakeAws aws = new FakeAws();

    private Ledger ledger() {
        return new Ledger(dir.resolve("ledger.json"), Clock.systemUTC());
    }

    private static TableConfig table() {
        List<ObjectNode> items = List.of(JSON.createObjectNode().put("id", "m1"));
        return new TableConfig("mysfits", new TableConfig.Key("id", "S"), null, Path.of("items.json"), items);
    }

    private SetupResult run(TableConfig table, Map<String, String> repositories) {
        return run(table, repositories, false);
    }

    private SetupResult run(TableConfig table, Map<String, String> repositories, boolean loadItems) {
        try {
            Files.writeString(dir.resolve("cfn-output.json"), "{\"VPCId\":\"" + FakeAws.DEFAULT_VPC
                    + "\",\"PublicSubnetOne\":\"subnet-default-a\",\"PublicSubnetTwo\":\"subnet-default-b\"}");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Console console = new Console(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter(), true), false,
                false, OutputFormat.TEXT, System::currentTimeMillis);
        return new SetupWorkflow(new ConsoleEvents(console), aws.adapters(), ledger(), "us-east-1").execute(new SetupRequest(NAMES,
                Map.of("monolith", 80), null, List.of(), dir.resolve("cfn-output.json"), false, null, Map.of(), List.of(table),
                null, repositories, null, null, loadItems));
    }

    @Test
    void stacksTable_isReusedNotMade_getsNoItems_andTheLedgerSaysItIsTheStacks() {
        aws.tables.create(STACK_TABLE, new Tables.Key("id", "S"), null, Map.of());
        aws.mutations.clear();

        SetupResult result = run(table().adopting(STACK_TABLE), Map.of());

        assertFalse(aws.mutations.stream().anyMatch(m -> m.startsWith("create table")), aws.mutations.toString());
        assertFalse(aws.tables.items.containsKey(STACK_TABLE) && !aws.tables.items.get(STACK_TABLE).isEmpty(),
                "the stack's data is left as it is");
        LedgerEntry entry = ledger().entries().stream().filter(e -> e.type() == ResourceType.DYNAMODB_TABLE).findFirst().orElseThrow();
        assertEquals(STACK_TABLE, entry.id());
        assertEquals("mysfits", entry.name());
        assertFalse(entry.owned());
        assertEquals(Map.of("mysfits", STACK_TABLE), ledger().adoptedTables());
        assertTrue(result.changed());

        SetupResult again = run(table().adopting(STACK_TABLE), Map.of());
        assertFalse(again.changed(), again.changes().toString());
        assertEquals(1, ledger().entries(e -> e.type() == ResourceType.DYNAMODB_TABLE).size());
    }

    @Test
    void loadItems_loadsTheItemsFileIntoTheStacksTableToo() {
        aws.tables.create(STACK_TABLE, new Tables.Key("id", "S"), null, Map.of());

        run(table().adopting(STACK_TABLE), Map.of(), true);

        assertEquals(1, aws.tables.items.get(STACK_TABLE).size(), aws.tables.items.toString());
        assertFalse(aws.mutations.stream().anyMatch(m -> m.equals("create table unit-mysfits")), aws.mutations.toString());
    }

    @Test
    void stacksRepository_isRecordedAsTheStacks_andNotMade() {
        aws.repositories.repositories.put("lab/monolith", Map.of());

        run(table(), Map.of("monolith", "lab/monolith"));

        LedgerEntry entry = ledger().entries().stream().filter(e -> e.type() == ResourceType.ECR_REPOSITORY).findFirst().orElseThrow();
        assertEquals("lab/monolith", entry.id());
        assertEquals("monolith", entry.service());
        assertFalse(entry.owned());
        assertFalse(aws.repositories.calls.stream().anyMatch(c -> c.startsWith("create")), aws.repositories.calls.toString());
    }

    @Test
    void anOutputNamingATableThatDoesNotExist_isExit3_beforeAnythingIsMade() {
        MysfitsException e = assertThrows(MysfitsException.class, () -> run(table().adopting("no-such-table"), Map.of()));

        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertTrue(e.getMessage().contains("name DynamoDB table no-such-table, which does not exist in us-east-1"), e.getMessage());
        assertTrue(e.hint().contains("CREATE_COMPLETE"), e.hint());
        assertEquals(List.of(), aws.mutations);
        assertEquals(List.of(), ledger().entries());
    }

    @Test
    void anOutputNamingARepositoryThatDoesNotExist_isExit3_beforeAnythingIsMade() {
        MysfitsException e = assertThrows(MysfitsException.class, () -> run(table(), Map.of("monolith", "lab/gone")));

        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertTrue(e.getMessage().contains("ECR repository lab/gone"), e.getMessage());
        assertEquals(List.of(), aws.mutations);
    }

    @Test
    void adoptedTable_isWhatTemplatesAndTheInlinePolicyName() throws Exception {
        Files.writeString(dir.resolve("policy.json"), "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"dynamodb:GetItem\",\"Resource\":\"arn:aws:dynamodb:*:*:table/${TABLE_MYSFITS}\"}]}");
        Files.writeString(dir.resolve("mysfits.json"), "{\"workshop\":\"unit\",\"tables\":{\"mysfits\":{\"hashKey\":"
                + "{\"name\":\"id\",\"type\":\"S\"}}},\"services\":{\"monolith\":{\"context\":\".\",\"taskRole\":"
                + "{\"inlinePolicy\":\"policy.json\"}}}}");

        WorkshopConfig own = new WorkshopConfigLoader().load(dir.resolve("mysfits.json"));
        WorkshopConfig adopted = new WorkshopConfigLoader().load(dir.resolve("mysfits.json"), Map.of("mysfits", STACK_TABLE));

        assertEquals("unit-mysfits", own.tables().get("mysfits").tableName(NAMES));
        assertEquals(STACK_TABLE, adopted.tables().get("mysfits").tableName(NAMES));
        assertTrue(adopted.services().get("monolith").taskRole().inlinePolicy().contains("table/" + STACK_TABLE),
                adopted.services().get("monolith").taskRole().inlinePolicy());
    }
}
