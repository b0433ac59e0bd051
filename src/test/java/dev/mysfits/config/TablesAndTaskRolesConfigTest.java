package dev.mysfits.config;

import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "tables" and a service's "taskRole" in mysfits.json, and every mistake in them refused on load (exit 2). */
class TablesAndTaskRolesConfigTest {
    private static final String POLICY = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["dynamodb:GetItem"],
              "Resource": "arn:aws:dynamodb:*:*:table/${TABLE_MYSFITS}"}]}
            """;

    @TempDir
    Path dir;

    private WorkshopConfig load(String tables, String taskRole) throws IOException {
        Path file = dir.resolve("mysfits.json");
        Files.writeString(file, "{\"workshop\": \"ws\", " + (tables == null ? "" : "\"tables\": " + tables + ", ")
                + "\"services\": {\"monolith\": {\"context\": \".\"" + (taskRole == null ? "" : ", \"taskRole\": " + taskRole) + "}}}");
        return new WorkshopConfigLoader().load(file);
    }

    private MysfitsException refused(String tables, String taskRole) {
        MysfitsException e = assertThrows(MysfitsException.class, () -> load(tables, taskRole));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    @Test
    void tableWithItems_andTaskRoleWithBoth_load() throws IOException {
        write("items.json", "[{\"id\": \"a\", \"likes\": 1, \"adopted\": false}, {\"id\": \"b\", \"tags\": [\"x\"]}]");
        write("policy.json", POLICY);

        WorkshopConfig config = load("{\"mysfits\": {\"hashKey\": {\"name\": \"id\", \"type\": \"S\"}, \"items\": \"items.json\"}}",
                "{\"managedPolicies\": [\"arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess\"], \"inlinePolicy\": \"policy.json\"}");

        TableConfig table = config.tables().get("mysfits");
        assertEquals(new TableConfig.Key("id", "S"), table.hashKey());
        assertNull(table.rangeKey());
        assertEquals(2, table.items().size());
        assertEquals("TABLE_MYSFITS", table.placeholder());
        TaskRoleConfig role = config.service("monolith").taskRole();
        assertEquals(List.of("arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess"), role.managedPolicyArns());
        assertTrue(role.inlinePolicy().contains("table/ws-mysfits"), "the placeholder names the workshop's table: " + role.inlinePolicy());
        assertFalse(role.inlinePolicy().contains(" "), "compact, as IAM counts it: " + role.inlinePolicy());
    }

    @Test
    void noTablesNoTaskRole_loadAsBefore() throws IOException {
        WorkshopConfig config = load(null, null);
        assertTrue(config.tables().isEmpty());
        assertNull(config.service("monolith").taskRole());
    }

    @Test
    void rangeKeyAndNumberKeys_load() throws IOException {
        write("items.json", "[{\"pk\": 1, \"sk\": \"a\"}, {\"pk\": 1, \"sk\": \"b\"}]");
        WorkshopConfig config = load("{\"likes-by-day\": {\"hashKey\": {\"name\": \"pk\", \"type\": \"N\"}, "
                + "\"rangeKey\": {\"name\": \"sk\", \"type\": \"S\"}, \"items\": \"items.json\"}}", null);
        assertEquals(new TableConfig.Key("sk", "S"), config.tables().get("likes-by-day").rangeKey());
        assertEquals("TABLE_LIKES_BY_DAY", config.tables().get("likes-by-day").placeholder());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not an object| []| must be an object",
            "bad name| {\"Mysfits\": {\"hashKey\": {\"name\": \"id\", \"type\": \"S\"}}}| table name 'Mysfits'",
            "no hash key| {\"t\": {}}| hashKey is required",
            "bad key type| {\"t\": {\"hashKey\": {\"name\": \"id\", \"type\": \"X\"}}}| type must be S (string), N (number) or B",
            "key not an object| {\"t\": {\"hashKey\": \"id\"}}| must be {\"name\"",
            "same range key| {\"t\": {\"hashKey\": {\"name\": \"id\", \"type\": \"S\"}, \"rangeKey\": {\"name\": \"id\", \"type\": \"N\"}}}| another attribute",
            "unknown key| {\"t\": {\"hashKey\": {\"name\": \"id\", \"type\": \"S\"}, \"billing\": 1}}| unknown key \"billing\"",
            "missing items file| {\"t\": {\"hashKey\": {\"name\": \"id\", \"type\": \"S\"}, \"items\": \"nope.json\"}}| does not exist",
    })
    void badTables_areRefusedOnLoad(String why, String tables, String says) {
        MysfitsException e = refused(tables, null);
        assertTrue(e.getMessage().contains(says), why + ": " + e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad JSON| [{\"id\": \"a\",]| is not valid JSON",
            "not an array| {\"id\": \"a\"}| must hold a JSON array",
            "item not an object| [1]| item 0 of items.json is not a JSON object",
            "item without key| [{\"name\": \"a\"}]| needs its key \"id\" as a non-empty string, got nothing",
            "key of another type| [{\"id\": 7}]| needs its key \"id\" as a non-empty string, got 7",
            "same key twice| [{\"id\": \"a\"}, {\"id\": \"a\"}]| item 1 of items.json has the same key",
    })
    void badItems_areRefusedOnLoad(String why, String items, String says) throws IOException {
        write("items.json", items);
        MysfitsException e = refused("{\"t\": {\"hashKey\": {\"name\": \"id\", \"type\": \"S\"}, \"items\": \"items.json\"}}", null);
        assertTrue(e.getMessage().contains(says), why + ": " + e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not an object| \"arn:aws:iam::aws:policy/X\"| must be an object",
            "no policy at all| {}| gives the role no policy",
            "bad ARN| {\"managedPolicies\": [\"AmazonDynamoDBReadOnlyAccess\"]}| is not a policy ARN",
            "unknown key| {\"policies\": []}| unknown key \"policies\"",
            "missing file| {\"inlinePolicy\": \"nope.json\"}| nope.json does not exist",
    })
    void badTaskRoles_areRefusedOnLoad(String why, String taskRole, String says) {
        MysfitsException e = refused(null, taskRole);
        assertTrue(e.getMessage().contains(says), why + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("services.monolith.taskRole"), "names where: " + e.getMessage());
    }

    @Test
    void inlinePolicyWithBadJson_isRefusedOnLoad() throws IOException {
        write("policy.json", "{\"Version\": \"2012-10-17\", \"Statement\": [}");
        MysfitsException e = refused(null, "{\"inlinePolicy\": \"policy.json\"}");
        assertTrue(e.getMessage().contains("policy.json:1:") && e.getMessage().contains("is not valid JSON"), e.getMessage());
    }

    @Test
    void inlinePolicyNamingAnUnknownTable_isRefusedOnLoad() throws IOException {
        write("policy.json", POLICY);
        MysfitsException e = refused(null, "{\"inlinePolicy\": \"policy.json\"}");
        assertTrue(e.getMessage().contains("unknown placeholder ${TABLE_MYSFITS}"), e.getMessage());
    }

    @Test
    void inlinePolicyThatIsNoPolicy_isRefusedOnLoad() throws IOException {
        write("policy.json", "[]");
        MysfitsException e = refused(null, "{\"inlinePolicy\": \"policy.json\"}");
        assertTrue(e.getMessage().contains("must be an IAM policy document"), e.getMessage());
    }
}
