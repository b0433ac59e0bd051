package dev.mysfits.console;

import dev.mysfits.workflow.autoscale.AutoscaleResult;

/** What autoscale answers on stdout: the bounds it holds now, or that it is off (or the result as JSON). */
public final class AutoscaleRenderer {
    private final Console console;

    public AutoscaleRenderer(Console console) {
        this.console = console;
    }

    /** @param dryRun nothing changed, so there is nothing to look at yet */
    public void render(AutoscaleResult result, boolean dryRun) {
        if (console.jsonOutput()) {
            console.json(result);
        } else if (result.enabled()) {
            console.data(result.service() + " autoscales between " + result.min() + " and " + result.max() + " tasks at "
                    + result.cpuTarget() + "% CPU");
        } else {
            console.data(result.service() + " does not autoscale");
        }
        if (!dryRun) {
            console.nextSteps("mysfits status " + result.service());
        }
    }
}
