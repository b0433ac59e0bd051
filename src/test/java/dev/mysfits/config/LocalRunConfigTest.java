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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The keys `mysfits up` reads from mysfits.json, and the mistakes it refuses before anything runs. */
class LocalRunConfigTest {
    @TempDir
    Path dir;

    private WorkshopConfig load(String services) throws IOException {
        Path file = dir.resolve("mysfits.json");
        Files.writeString(file, "{\"workshop\": \"notes\", \"services\": {" + services + "}}");
        return new WorkshopConfigLoader().load(file);
    }

    private MysfitsException refused(String services) {
        MysfitsException e = assertThrows(MysfitsException.class, () -> load(services));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    @Test
    void theLabsThreeTiers_load() throws IOException {
        WorkshopConfig config = load("""
                "db": {"context": "db", "localPort": null, "volumes": ["db-data:/var/lib/mysql"], "memory": "256MB",
                       "healthCommand": ["mysqladmin", "ping", "-h", "127.0.0.1"]},
                "backend": {"context": ".", "command": ["app", "-mode=backend", "-db-host=db"], "dependsOn": ["db"],
                            "aliases": ["api"], "localPort": 8081, "containerPort": 8081},
                "frontend": {"context": ".", "volumes": ["./conf:/etc/app:ro"], "network": "host", "dependsOn": ["backend"]}
                """);
        ServiceConfig db = config.service("db");
        assertFalse(db.publishesPort());
        assertEquals(256L * 1024 * 1024, db.local().container().memoryBytes());
        assertEquals(new VolumeMount("db-data", null, "/var/lib/mysql", false), db.local().volumes().get(0));
        assertEquals(List.of("app", "-mode=backend", "-db-host=db"), config.service("backend").local().container().command());
        VolumeMount bind = config.service("frontend").local().volumes().get(0);
        assertEquals(dir.resolve("conf"), bind.hostPath());
        assertTrue(bind.readOnly());
        assertTrue(config.service("frontend").local().container().hostNetwork());
        assertEquals(List.of("db", "backend", "frontend"),
                DependencyOrder.startOrder(config.services(), List.of("frontend")).stream().map(ServiceConfig::name).toList());
        assertEquals(List.of("db", "backend"),
                DependencyOrder.startOrder(config.services(), List.of("backend")).stream().map(ServiceConfig::name).toList());
    }

    @Test
    void aDependencyCycle_isRefused_namingTheCircle() {
        MysfitsException e = refused("""
                "a1": {"context": ".", "dependsOn": ["b1"]},
                "b1": {"context": ".", "dependsOn": ["c1"]},
                "c1": {"context": ".", "dependsOn": ["a1"]}
                """);
        assertTrue(e.getMessage().contains("dependsOn goes round in a circle: a1 -> b1 -> c1 -> a1"), e.getMessage());
    }

    @Test
    void dependingOnItself_orOnAnUnknownService_isRefused() {
        assertTrue(refused("\"a1\": {\"context\": \".\", \"dependsOn\": [\"a1\"]}").getMessage().contains("a1 -> a1"));
        assertTrue(refused("\"a1\": {\"context\": \".\", \"dependsOn\": [\"nope\"]}").getMessage()
                .contains("dependsOn names 'nope', which is not a service"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "128MB|134217728", "128m|134217728", "1g|1073741824", "1GiB|1073741824", "64 mb|67108864", "7000000|7000000"})
    void memorySizes_readAsDockerReadsThem(String text, long bytes) {
        assertEquals(bytes, MemorySize.parse(text));
    }

    @Test
    void aMemoryLimitWritten128XB_isRefused() {
        MysfitsException e = refused("\"db\": {\"context\": \".\", \"memory\": \"128XB\"}");
        assertTrue(e.getMessage().contains("services.db.memory: '128XB' is not a memory size"), e.getMessage());
        assertTrue(refused("\"db\": {\"context\": \".\", \"memory\": \"1MB\"}").getMessage().contains("minimum"));
    }

    @Test
    void aServiceNameOrRepositoryEcrWouldRefuse_isRefused() {
        assertTrue(refused("\"Notes\": {\"context\": \".\"}").getMessage().contains("service name 'Notes'"));
        MysfitsException e = refused("\"notes\": {\"context\": \".\", \"repository\": \"Trash-Can/inv\"}");
        assertTrue(e.getMessage().contains("must be lowercase: use 'trash-can/inv'"), e.getMessage());
        assertTrue(refused("\"n\": {\"context\": \".\"}").getMessage().contains("2 to 256 characters"));
    }

    @Test
    void badVolumesAndNetworks_areRefused() {
        assertTrue(refused("\"db\": {\"context\": \".\", \"volumes\": [\"data\"]}").getMessage().contains("SOURCE:TARGET"));
        assertTrue(refused("\"db\": {\"context\": \".\", \"volumes\": [\"data:relative\"]}").getMessage().contains("absolute path"));
        assertTrue(refused("\"db\": {\"context\": \".\", \"volumes\": [\"Data!:/x\"]}").getMessage().contains("neither a volume name"));
        assertTrue(refused("\"db\": {\"context\": \".\", \"volumes\": [\"~/data:/x\"]}").getMessage().contains("~ is not expanded"));
        assertTrue(refused("\"db\": {\"context\": \".\", \"network\": \"overlay\"}").getMessage().contains("\"bridge\""));
        assertTrue(refused("\"db\": {\"context\": \".\", \"network\": \"host\", \"aliases\": [\"x\"]}").getMessage().contains("aliases"));
        assertTrue(refused("\"db\": {\"context\": \".\", \"command\": \"app -x\"}").getMessage().contains("array of strings"));
    }

    @Test
    void aServiceWithoutContext_runsAnImageItPulls_andIsNotBuilt() throws IOException {
        WorkshopConfig config = load("""
                "db": {"image": "mysql:5.7", "localPort": null, "containerPort": 3306}
                """);
        ServiceConfig db = config.service("db");
        assertFalse(db.builtHere());
        MysfitsException build = assertThrows(MysfitsException.class, db::buildContext);
        assertEquals(ExitCode.USAGE, build.exitCode());
        assertEquals("service db has no build context: its image mysql:5.7 is pulled, not built", build.getMessage());

        MysfitsException neither = assertThrows(MysfitsException.class, () -> load("""
                "db": {"localPort": null}
                """));
        assertTrue(neither.getMessage().contains("needs \"context\" (the Docker build context directory) or \"image\""), neither.getMessage());
    }
}
