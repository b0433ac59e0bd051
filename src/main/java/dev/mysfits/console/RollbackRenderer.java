package dev.mysfits.console;

import dev.mysfits.workflow.rollback.RollbackRequest;
import dev.mysfits.workflow.rollback.RollbackResult;

/** What rollback answers on stdout: the service's URL (or the result as JSON), then what to do next. */
public final class RollbackRenderer {
    private final Console console;

    public RollbackRenderer(Console console) {
        this.console = console;
    }

    public void render(RollbackRequest request, RollbackResult result) {
        if (console.jsonOutput()) {
            console.json(result);
        } else if (result.url() != null) {
            console.data(result.url());
        }
        if (result.dryRun()) {
            console.nextSteps("mysfits rollback " + result.service() + (request.to() == null ? "" : " --to " + request.to())
                    + (request.stop() ? " --stop" : ""));
            return;
        }
        console.success(result.service() + " is rolled back from " + result.from() + " to " + result.to()
                + (result.waited() ? "" : ", rolling out"));
        console.nextSteps(result.url() == null ? new String[]{"mysfits revisions " + result.service()}
                : new String[]{"mysfits revisions " + result.service(), "curl " + result.url()});
    }
}
