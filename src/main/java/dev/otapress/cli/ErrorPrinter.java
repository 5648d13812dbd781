package dev.otapress.cli;

import dev.otapress.Diagnostic;
import dev.otapress.text.TerminalText;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;

/**
 * The one place that prints problems to the terminal: diagnostics as {@code path:line: error:
 * message} with paths relative to where the user stands, and single errors as
 * {@code otapress: error: message}. Messages quote names from archives and content folders, so
 * control characters in them are escaped before they reach the terminal.
 */
public final class ErrorPrinter {
    private final PrintWriter err;

    public ErrorPrinter(PrintWriter err) {
        this.err = err;
    }

    public void print(Collection<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) err.println(TerminalText.escape(format(d)));
        err.flush();
    }

    public void print(Diagnostic diagnostic) {
        err.println(TerminalText.escape(format(diagnostic)));
        err.flush();
    }

    public void error(String message) {
        err.println("otapress: error: " + TerminalText.escape(message));
        err.flush();
    }

    /** A line of advice after an error, such as where to read more. */
    public void hint(String message) {
        err.println(TerminalText.escape(message));
        err.flush();
    }

    public void unexpected(Exception e, boolean verbose) {
        err.println("otapress: unexpected failure: " + TerminalText.escape(String.valueOf(e)));
        if (verbose) e.printStackTrace(err);
        else err.println("Run again with --verbose for the stack trace, and report it as a bug.");
        err.flush();
    }

    public static String format(Diagnostic d) {
        if (d.file() == null) return d.format();
        return new Diagnostic(Path.of(display(d.file())), d.line(), d.severity(), d.message()).format();
    }

    /** A path as the user would type it: relative to the current folder when inside it. */
    public static String display(Path p) {
        Path here = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(here) && !abs.equals(here) ? here.relativize(abs).toString() : abs.toString();
    }
}
