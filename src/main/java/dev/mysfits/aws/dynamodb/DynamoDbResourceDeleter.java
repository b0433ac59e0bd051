package dev.mysfits.aws.dynamodb;

import dev.mysfits.aws.DeletionErrors;
import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.ResourceDeleter;
import dev.mysfits.aws.WaitUntilGone;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.function.Supplier;

/** DynamoDB tables. A table still being made or changed is busy (ResourceInUseException) and is tried again. */
public final class DynamoDbResourceDeleter {
    private final Supplier<DynamoDbClient> client;
    private final WaitUntilGone gone;

    /** @param client built on first use: most workshops have no table */
    public DynamoDbResourceDeleter(Supplier<DynamoDbClient> client, WaitUntilGone gone) {
        this.client = client;
        this.gone = gone;
    }

    /** Deletes the table and waits until DynamoDB no longer lists it: a DELETING table still shows in list-tables. */
    public ResourceDeleter.Outcome deleteTable(OwnedResource table) {
        String name = table.name();
        ResourceDeleter.Outcome outcome = DeletionErrors.deleteOrGone("dynamodb delete table " + name,
                () -> client.get().deleteTable(r -> r.tableName(name)));
        if (outcome == ResourceDeleter.Outcome.DELETED) {
            gone.await("DynamoDB table " + name + " to go", "dynamodb describe table " + name, () -> {
                client.get().describeTable(r -> r.tableName(name));
                return false;  // still there (DELETING): ResourceNotFoundException ends the wait
            });
        }
        return outcome;
    }
}
