package dev.otapress.cli;

/**
 * A mistake on the command line or in the user's files that a command found and cannot go past:
 * printed by the {@link ErrorPrinter} as one line, with exit code 1 and no stack trace.
 */
public final class CliError extends RuntimeException {
    public CliError(String message) {
        super(message, null, false, false);
    }
}
