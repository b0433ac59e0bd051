package dev.mysfits.cli;

import dev.mysfits.core.MysfitsException;
import picocli.CommandLine.Mixin;

/**
 * A command that changes one deployed service in AWS (deploy, scale, autoscale): the SERVICE, --dry-run, and the
 * workshop's lock, taken only when something may change.
 */
abstract class ServiceChangeCommand extends BaseCommand {
    @Mixin
    ServiceParameter service = new ServiceParameter();

    @Mixin
    DryRunOption dryRun = new DryRunOption();

    /** Takes the workshop's lock as "deploy monolith", unless this is a dry run. */
    protected final void lockUnlessDryRun() {
        if (!dryRun.on()) {
            context().lockWorkshop(spec.name() + " " + service.name());
        }
    }

    /** --count, checked before anything is asked of AWS; null is no count given. */
    protected static void requireCount(Integer count, int example) {
        if (count != null && count < 0) {
            throw MysfitsException.usage("--count must be 0 or more, got " + count, "pass --count " + example);
        }
    }
}
