package dev.otapress;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One problem found in a run, kept as data until the CLI prints it.
 *
 * @param file     the file the problem is in (null when it concerns no single file)
 * @param line     1-based line number, or 0 when there is none
 * @param severity an error stops the build; a warning is printed and the build goes on
 * @param message  what is wrong and what to do about it
 */
public record Diagnostic(Path file, int line, Severity severity, String message) {

    public enum Severity { ERROR, WARNING }

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        if (line < 0) throw new IllegalArgumentException("line must be >= 0: " + line);
    }

    public static Diagnostic error(Path file, int line, String message) {
        return new Diagnostic(file, line, Severity.ERROR, message);
    }

    public static Diagnostic error(Path file, String message) {
        return new Diagnostic(file, 0, Severity.ERROR, message);
    }

    public static Diagnostic warning(Path file, String message) {
        return new Diagnostic(file, 0, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code path:line: error: message}, the form editors and CI logs link to. */
    public String format() {
        StringBuilder s = new StringBuilder();
        if (file != null) {
            s.append(file);
            if (line > 0) s.append(':').append(line);
            s.append(": ");
        }
        s.append(severity == Severity.ERROR ? "error: " : "warning: ");
        s.append(message);
        return s.toString();
    }
}
