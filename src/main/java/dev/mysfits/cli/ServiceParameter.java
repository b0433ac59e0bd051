package dev.mysfits.cli;

import picocli.CommandLine.Parameters;

/** The one SERVICE a command works on, declared once for every command that takes one. */
final class ServiceParameter {
    @Parameters(index = "0", paramLabel = "SERVICE", description = "A service of the workshop file (mysfits.json), e.g. monolith.")
    String name;

    String name() {
        return name;
    }
}
