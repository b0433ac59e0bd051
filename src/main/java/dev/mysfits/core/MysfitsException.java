package dev.mysfits.core;

/**
 * Every failure a user can cause or meet. The message reads "{what happened}: {why}"; the hint says what to do.
 * The central handler in the cli layer turns it into one error line, a hint line and an exit code.
 */
public class MysfitsException extends RuntimeException {
    private final ExitCode exitCode;
    private final String hint;

    public MysfitsException(ExitCode exitCode, String message, String hint, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    public MysfitsException(ExitCode exitCode, String message, String hint) {
        this(exitCode, message, hint, null);
    }

    public static MysfitsException usage(String message, String hint) {
        return new MysfitsException(ExitCode.USAGE, message, hint);
    }

    public static MysfitsException precondition(String message, String hint) {
        return new MysfitsException(ExitCode.PRECONDITION, message, hint);
    }

    public static MysfitsException failed(String message, String hint, Throwable cause) {
        return new MysfitsException(ExitCode.FAILED, message, hint, cause);
    }

    public static MysfitsException timeout(String message, String hint) {
        return new MysfitsException(ExitCode.TIMEOUT, message, hint);
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** What the user can do about it, or null. */
    public String hint() {
        return hint;
    }
}
