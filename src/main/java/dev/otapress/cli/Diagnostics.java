package dev.otapress.cli;

import dev.otapress.Diagnostic;

import java.nio.file.Path;

/** How diagnostics read on a terminal: paths relative to where the user stands. */
final class Diagnostics {
    private Diagnostics() {
    }

    static String format(Diagnostic d) {
        if (d.file() == null) return d.format();
        return new Diagnostic(Path.of(display(d.file())), d.line(), d.severity(), d.message()).format();
    }

    static String display(Path p) {
        Path here = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(here) && !abs.equals(here) ? here.relativize(abs).toString() : abs.toString();
    }
}
