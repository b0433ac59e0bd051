package dev.mysfits.workflow.cleanup;

import dev.mysfits.aws.OwnedResource;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.LedgerEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InventoryTest {
    private static LedgerEntry entry(ResourceType type, String id, String service) {
        return new LedgerEntry(type, id, service, "us-east-1", Instant.EPOCH);
    }

    @Test
    void assemble_ledgerEntryMatchingFoundResourceByArnOrName_isListedOnce() {
        OwnedResource cluster = OwnedResource.of(ResourceType.CLUSTER, "arn:aws:ecs:us-east-1:1:cluster/w", "w", null, null);
        OwnedResource role = OwnedResource.of(ResourceType.IAM_ROLE, "w-ecs-task", "w-ecs-task", null, null);

        Inventory inventory = Inventory.assemble(List.of(entry(ResourceType.CLUSTER, "arn:aws:ecs:us-east-1:1:cluster/w", null),
                entry(ResourceType.IAM_ROLE, "w-ecs-task", null)), List.of(cluster, role), new ResourceNames("w"));

        assertEquals(2, inventory.size());
    }

    @Test
    void assemble_ledgerOnlyEntries_areKeptWithReadableNamesAndTheirCluster() {
        Inventory inventory = Inventory.assemble(List.of(
                entry(ResourceType.TARGET_GROUP, "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/w-like-fg/abc", "like"),
                entry(ResourceType.SERVICE, "like", "like")), List.of(), new ResourceNames("w"));

        assertEquals("w-like-fg", inventory.ofType(ResourceType.TARGET_GROUP).get(0).name());
        assertEquals("w", inventory.ofType(ResourceType.SERVICE).get(0).parent());
    }

    @Test
    void assemble_foundResourceWithoutOwner_takesTheLedgersService() {
        OwnedResource rule = OwnedResource.of(ResourceType.LISTENER_RULE, "arn:rule", "/x", null, "arn:listener");

        Inventory inventory = Inventory.assemble(List.of(entry(ResourceType.LISTENER_RULE, "arn:rule", "like")),
                List.of(rule), new ResourceNames("w"));

        assertEquals("like", inventory.resources().get(0).service());
    }

    @Test
    void select_serviceFilter_neverIncludesSharedInfrastructure() {
        Inventory inventory = Inventory.of(List.of(
                OwnedResource.of(ResourceType.CLUSTER, "c", "c", null, null),
                OwnedResource.of(ResourceType.LOG_GROUP, "/l", "/l", "like", null),
                OwnedResource.of(ResourceType.LOG_GROUP, "/m", "/m", "monolith", null)));

        Inventory selected = inventory.select(new CleanupRequest("w", List.of("monolith", "like"), List.of("like"), false, true, false, false));

        assertEquals(List.of("/l"), selected.resources().stream().map(OwnedResource::id).toList());
    }
}
