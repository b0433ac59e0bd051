package dev.mysfits.console;

import dev.mysfits.workflow.image.BuildResult;
import dev.mysfits.workflow.push.PushResult;

/** What `build` and `push` answer on stdout: the image and its tags, as text or JSON, and what to run next. */
public final class BuildRenderer {
    private final Console console;

    public BuildRenderer(Console console) {
        this.console = console;
    }

    /** @param together the service runs beside others (dependsOn either way), so `up` starts it rather than `run` */
    public void render(BuildResult result, boolean together) {
        if (console.jsonOutput()) {
            console.json(result);
        } else {
            console.data(result.imageId());
            result.tags().forEach(console::data);
        }
        console.nextSteps((together ? "mysfits up " : "mysfits run ") + result.service(), "mysfits push " + result.service());
    }

    /** A dry run answers on stderr only: its steps said what would happen. */
    public void render(PushResult result, boolean dryRun) {
        if (dryRun) {
            return;
        }
        if (console.jsonOutput()) {
            console.json(result);
        } else {
            console.data(result.repositoryUri() + "@" + result.digest());
            result.tags().forEach(tag -> console.data(result.repositoryUri() + ":" + tag));
        }
        console.success("pushed " + result.service() + " to " + result.repositoryUri());
        console.nextSteps("mysfits setup", "mysfits deploy " + result.service() + " --fargate");
    }
}
