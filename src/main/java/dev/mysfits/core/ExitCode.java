package dev.mysfits.core;

/** The exit codes of every mysfits command, listed once here and in --help and the README. */
public enum ExitCode {
    OK(0, "Success."),
    FAILED(1, "The operation failed (AWS or Docker refused it, a build or rollout failed, something was left behind)."),
    USAGE(2, "Bad usage or bad input: unknown service, invalid name, bad config or template; nothing was changed."),
    PRECONDITION(3, "A precondition is missing: Docker daemon, AWS credentials or region, setup not run, image not pushed."),
    TIMEOUT(4, "Gave up waiting (deployment not stable, service not healthy) within the timeout."),
    INTERRUPTED(130, "Interrupted (Ctrl-C).");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
