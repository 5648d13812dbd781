package dev.otapress;

import java.util.List;
import java.util.stream.Collectors;

/** Carries every problem of a run to the CLI, which prints them all together. */
public final class BuildException extends Exception {
    private final List<Diagnostic> diagnostics;

    public BuildException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        if (diagnostics.isEmpty()) throw new IllegalArgumentException("a BuildException needs at least one diagnostic");
        this.diagnostics = List.copyOf(diagnostics);
    }

    public BuildException(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
