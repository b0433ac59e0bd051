package dev.mysfits.cli;

import picocli.CommandLine.Option;

/** --dry-run, worded once: every command that changes something can show the change instead. */
final class DryRunOption {
    @Option(names = "--dry-run", description = "Show what would be created, changed or deleted, and change nothing.")
    boolean on;

    boolean on() {
        return on;
    }
}
