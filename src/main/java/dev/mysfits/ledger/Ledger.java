package dev.mysfits.ledger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.mysfits.core.AtomicFiles;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.ResourceType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The record of every resource mysfits created, kept in .mysfits/ledger.json in the workshop directory.
 * Written after each creation, through a temp file and an atomic rename, so an interrupted run never leaves it
 * half-written. It holds ids and ARNs only: never a secret.
 */
public final class Ledger {
    private static final TypeReference<List<LedgerEntry>> ENTRIES = new TypeReference<>() {
    };

    /** The port of a listener whose entry names none: the only one mysfits made before the port was a choice. */
    public static final int DEFAULT_LISTENER_PORT = 80;

    private final Path file;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private final List<LedgerEntry> entries;

    public Ledger(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        this.entries = new ArrayList<>(read());
    }

    public static Path defaultFile(Path workshopDirectory) {
        return workshopDirectory.resolve(".mysfits").resolve("ledger.json");
    }

    public Path file() {
        return file;
    }

    /** Records a resource just created. Recording the same type and id twice keeps one entry. */
    public synchronized void record(ResourceType type, String id, String service, String region) {
        record(type, id, service, region, null);
    }

    /** Records a listener just created, with the port it listens on. */
    public synchronized void record(ResourceType type, String id, String service, String region, Integer port) {
        Objects.requireNonNull(id, "id");
        if (contains(type, id)) {
            return;
        }
        entries.add(new LedgerEntry(type, id, service, region, clock.instant(), port, null, null));
        write();
    }

    /**
     * Records a resource mysfits reuses and did not make (a table or repository the stack outputs named): deploy and
     * push use it, cleanup leaves it.
     *
     * @param name for a table, its name in mysfits.json's "tables"
     */
    public synchronized void adopt(ResourceType type, String id, String service, String name, String region) {
        adopt(type, id, service, name, region, null);
    }

    /** As {@link #adopt(ResourceType, String, String, String, String)}; for a listener, with the port it listens on. */
    public synchronized void adopt(ResourceType type, String id, String service, String name, String region, Integer port) {
        Objects.requireNonNull(id, "id");
        if (entries.stream().anyMatch(e -> e.type() == type && e.id().equals(id) && !e.owned() && Objects.equals(e.name(), name))) {
            return;
        }
        entries.add(new LedgerEntry(type, id, service, region, clock.instant(), port, true, name));
        write();
    }

    /** The last resource of this type adopted in this region (the stack's load balancer, its listener), if any. */
    public synchronized Optional<LedgerEntry> adopted(ResourceType type, String region) {
        return entries.stream().filter(e -> e.type() == type && !e.owned() && Objects.equals(e.region(), region))
                .reduce((first, last) -> last);
    }

    /** The tables adopted from a stack: their name in mysfits.json to the table's own name, the last adoption winning. */
    public synchronized Map<String, String> adoptedTables() {
        Map<String, String> tables = new LinkedHashMap<>();
        entries.stream().filter(e -> e.type() == ResourceType.DYNAMODB_TABLE && !e.owned() && e.name() != null)
                .forEach(e -> tables.put(e.name(), e.id()));
        return tables;
    }

    /**
     * The port of the load balancer listener mysfits made last in this region, if the ledger records one: 80 for a
     * listener recorded before the port was kept.
     */
    public synchronized Optional<Integer> listenerPort(String region) {
        return entries.stream()
                .filter(e -> e.type() == ResourceType.LISTENER && Objects.equals(e.region(), region))
                .map(e -> e.port() == null ? DEFAULT_LISTENER_PORT : e.port())
                .reduce((first, last) -> last);
    }

    /** Forgets a resource just deleted. */
    public synchronized void forget(ResourceType type, String id) {
        if (entries.removeIf(e -> e.type() == type && e.id().equals(id))) {
            write();
        }
    }

    public synchronized boolean contains(ResourceType type, String id) {
        return entries.stream().anyMatch(e -> e.type() == type && e.id().equals(id));
    }

    public synchronized List<LedgerEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized List<LedgerEntry> entries(Predicate<LedgerEntry> filter) {
        return entries.stream().filter(filter).toList();
    }

    private List<LedgerEntry> read() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<LedgerEntry> read = mapper.readValue(file.toFile(), ENTRIES);
            return read == null ? List.of() : read;
        } catch (IOException e) {
            String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException json && json.getLocation() != null
                    ? json.getOriginalMessage() + " at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr()
                    : String.valueOf(e.getMessage());
            throw MysfitsException.usage("ledger " + file + " is unreadable: " + why.replaceAll("\\s*\\R\\s*", " "),
                    "move it aside (mv " + file + " " + file + ".broken); cleanup then finds mysfits' resources by their "
                            + "mysfits:workshop tags");
        }
    }

    private void write() {
        try {
            AtomicFiles.writeString(file, mapper.writeValueAsString(entries));
        } catch (IOException e) {
            throw MysfitsException.failed("cannot write ledger " + file + ": " + e.getMessage(),
                    "check that the workshop directory is writable", e);
        }
    }
}
