package dev.mysfits.console;

import dev.mysfits.workflow.codebuild.BuildspecResult;
import dev.mysfits.workflow.codebuild.CodeBuildResult;

/**
 * What `codebuild` and `buildspec` answer: the project (and the build it started), or how a followed build ended
 * with the tail of its log; the buildspec's file, or its text on a dry run. Text or JSON, and what to run next.
 */
public final class CodeBuildRenderer {
    private final Console console;

    public CodeBuildRenderer(Console console) {
        this.console = console;
    }

    /** A build that failed gets no next steps: the command's error line says what to read. */
    public void render(CodeBuildResult result, boolean dryRun) {
        if (console.jsonOutput()) {
            console.json(result);
            return;
        }
        if (!result.phases().isEmpty()) {
            printEnd(result);
            console.data(result.buildId() + " " + result.buildStatus() + (result.imagePushed() == null ? "" : " " + result.imagePushed()));
            if (!result.buildFailed()) {
                console.nextSteps("mysfits images " + result.service(), "mysfits cleanup");
            }
            return;
        }
        console.data(result.projectArn() == null ? result.project() : result.projectArn());
        if (result.buildId() != null) {
            console.data(result.buildId());
        }
        if (!dryRun) {
            console.nextSteps(result.buildId() == null ? "mysfits codebuild " + result.service() + " --start"
                    : "aws codebuild batch-get-builds --ids " + result.buildId(), "mysfits cleanup");
        }
    }

    public void render(BuildspecResult result, boolean dryRun) {
        if (console.jsonOutput()) {
            console.json(result);
        } else if (dryRun) {
            console.data(result.buildspec().stripTrailing());
        } else {
            console.data(result.file());
            console.nextSteps("git add " + result.file() + " && git commit -m 'buildspec for " + result.service() + "' && git push",
                    "mysfits codebuild " + result.service() + " --start");
        }
    }

    private void printEnd(CodeBuildResult result) {
        if (!result.logTail().isEmpty()) {
            console.info("last " + result.logTail().size() + " lines of its log" + (result.buildFailed() ? " up to where "
                    + result.failedPhase().split(" ")[0] + " ended" : "") + " (" + result.logGroup() + ", stream " + result.logStream() + "):");
            result.logTail().forEach(line -> console.info("  " + line));
        }
        if ("SUCCEEDED".equals(result.buildStatus())) {
            console.success("build " + result.buildId() + " SUCCEEDED" + (result.imagePushed() == null ? "" : ": pushed " + result.imagePushed()));
        }
    }
}
