package dev.mysfits.aws.dynamodb;

import dev.mysfits.aws.DeletionErrors;
import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.ResourceDeleter;
import dev.mysfits.aws.ServiceDeleter;
import dev.mysfits.aws.WaitUntilGone;
import dev.mysfits.core.ResourceType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Map;
import java.util.function.Supplier;

/**
 * DynamoDB tables. A table still being made or changed is busy (ResourceInUseException) and is tried again.
 *
 * @param client built on first use: most workshops have no table
 */
public record DynamoDbResourceDeleter(Supplier<DynamoDbClient> client, WaitUntilGone gone) implements ServiceDeleter {

    @Override
    public Map<ResourceType, Delete> deletes() {
        return Map.of(ResourceType.DYNAMODB_TABLE, this::deleteTable);
    }

    /** Deletes the table and waits until DynamoDB no longer lists it: a DELETING table still shows in list-tables. */
    public ResourceDeleter.Outcome deleteTable(OwnedResource table) {
        String name = table.name();
        ResourceDeleter.Outcome outcome = DeletionErrors.deleteOrGone("dynamodb delete table " + name,
                () -> client.get().deleteTable(r -> r.tableName(name)));
        gone.afterDelete(outcome, "DynamoDB table " + name + " to go", "dynamodb describe table " + name, () -> {
            client.get().describeTable(r -> r.tableName(name));
            return false;  // still there (DELETING): ResourceNotFoundException ends the wait
        });
        return outcome;
    }
}
