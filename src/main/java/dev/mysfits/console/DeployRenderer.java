package dev.mysfits.console;

import dev.mysfits.workflow.deploy.DeployRequest;
import dev.mysfits.workflow.deploy.DeployResult;

/** What deploy answers on stdout: the service's URL (or the result as JSON), then what to do next. */
public final class DeployRenderer {
    private final Console console;

    public DeployRenderer(Console console) {
        this.console = console;
    }

    public void render(DeployRequest request, DeployResult result) {
        if (console.jsonOutput()) {
            console.json(result);
        } else {
            console.data(result.url());
        }
        if (result.dryRun()) {
            console.nextSteps("mysfits deploy " + result.service() + " --" + request.launchType()
                    + (request.path() == null ? "" : " --path '" + request.path() + "'"));
        } else {
            console.success(result.service() + " is deployed (revision " + result.revision() + ")"
                    + (!request.waitForStable() ? ", rolling out" : ""));
            console.nextSteps("mysfits status " + result.service(), "curl " + result.url());
        }
    }
}
