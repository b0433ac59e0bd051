package dev.mysfits.console;

import dev.mysfits.workflow.init.InitResult;
import dev.mysfits.workflow.init.ServiceCandidate;

/** What `init` answers: the files it wrote (or would write), as text or JSON, the services, and what to run next. */
public final class InitRenderer {
    private final Console console;

    public InitRenderer(Console console) {
        this.console = console;
    }

    /** @param again the init command line to run for real after a dry run */
    public void render(InitResult result, String again) {
        if (console.jsonOutput()) {
            console.json(result);
        } else {
            result.files().forEach(console::data);
        }
        String first = result.services().get(0).name();
        if (result.dryRun()) {
            console.success("dry run: " + result.services().size() + " service(s) planned, nothing written");
            console.nextSteps(again);
            return;
        }
        console.success("workshop " + result.workshop() + ": " + result.services().size() + " service(s): "
                + String.join(", ", result.services().stream().map(ServiceCandidate::name).toList()));
        console.nextSteps("mysfits build " + first, "mysfits run " + first, "mysfits push " + first,
                "mysfits setup && mysfits deploy " + first + " --fargate");
    }
}
