package dev.mysfits.workflow.setup;

import dev.mysfits.config.ServiceConfig;
import dev.mysfits.config.TableConfig;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.core.MysfitsException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which of the workshop's tables and repositories the labs' stack already made, so setup reuses them. Local: it reads
 * the outputs and mysfits.json only, and refuses (exit 2) a mapping it cannot make without guessing.
 *
 * <p>Tables: with one table in "tables" and one in the outputs, that is it; otherwise a stack table goes to the
 * table of "tables" whose name its output key or table name contains (case and dashes aside). Repositories: a
 * repository URI goes to the service whose "repository" it names. A load balancer and a listener are the workshop's.
 *
 * @param tables       by their name in mysfits.json, the stack's table name
 * @param repositories by service, the stack's repository name
 * @param loadBalancer the stack's load balancer, its ARN or DNS name, or null
 * @param listenerArn  the stack's listener, or null (then the load balancer's listener on the workshop's port)
 */
public record StackAdoption(Map<String, String> tables, Map<String, String> repositories, String loadBalancer,
                            String listenerArn) {

    public StackAdoption {
        tables = Map.copyOf(tables);
        repositories = Map.copyOf(repositories);
    }

    public boolean isEmpty() {
        return tables.isEmpty() && repositories.isEmpty() && loadBalancer == null && listenerArn == null;
    }

    public static StackAdoption of(StackOutputs.ResourceOutputs outputs, WorkshopConfig workshop, String source) {
        return new StackAdoption(tables(outputs, workshop, source), repositories(outputs, workshop, source),
                outputs.loadBalancer(), outputs.listenerArn());
    }

    private static Map<String, String> tables(StackOutputs.ResourceOutputs outputs, WorkshopConfig workshop, String source) {
        Map<String, String> adopted = new LinkedHashMap<>();
        List<TableConfig> configured = workshop.tablesInOrder();
        if (outputs.tables().isEmpty() || configured.isEmpty()) {
            return adopted;
        }
        if (configured.size() == 1 && outputs.tables().size() == 1) {
            adopted.put(configured.get(0).name(), outputs.tables().values().iterator().next());
            return adopted;
        }
        for (TableConfig table : configured) {
            List<String> matches = new ArrayList<>();
            outputs.tables().forEach((key, name) -> {
                if (squash(key).contains(squash(table.name())) || squash(name).contains(squash(table.name()))) {
                    matches.add(key + " (" + name + ")");
                    adopted.put(table.name(), name);
                }
            });
            if (matches.size() > 1) {
                throw MysfitsException.usage("stack outputs " + source + " name " + matches.size() + " tables for table '"
                                + table.name() + "' of mysfits.json: " + String.join(", ", matches),
                        "keep one of those outputs in the file, or leave --stack-outputs out and let setup make the table");
            }
        }
        return adopted;
    }

    private static Map<String, String> repositories(StackOutputs.ResourceOutputs outputs, WorkshopConfig workshop, String source) {
        Map<String, String> adopted = new LinkedHashMap<>();
        outputs.repositories().forEach((key, name) -> {
            for (ServiceConfig service : workshop.servicesInOrder()) {
                if (service.repository().equals(name)) {
                    adopted.put(service.name(), name);
                    return;
                }
            }
            String last = name.substring(name.lastIndexOf('/') + 1);
            for (ServiceConfig service : workshop.servicesInOrder()) {
                if (last.equals(service.name()) || last.equals(service.image())) {
                    throw MysfitsException.usage("stack outputs " + source + ": " + key + " is repository " + name
                                    + ", and service " + service.name() + " pushes to " + service.repository(),
                            "set services." + service.name() + ".repository to \"" + name + "\" in mysfits.json to push there");
                }
            }
        });
        return adopted;
    }

    /** "Mysfits-Table_1" and "mysfitstable1" compare equal. */
    private static String squash(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** A resource the stack outputs (or the ledger, from an earlier run) name, and which is not there: exit 3. */
    static MysfitsException missing(SetupContext ctx, String what) {
        String source = ctx.request.stackOutputs() == null ? "the ledger (an earlier setup --stack-outputs)"
                : "stack outputs " + ctx.request.stackOutputs();
        return MysfitsException.precondition(source + " name " + what + ", which does not exist in " + ctx.region,
                "check --region and that the stack is CREATE_COMPLETE (aws cloudformation describe-stacks), or remove "
                        + "that output from the file to let setup make its own");
    }
}
