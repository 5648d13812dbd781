package dev.otapress.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import static picocli.CommandLine.Spec.Target.MIXEE;

/**
 * The options every command has: {@code --help} and {@code --verbose}. {@code --version} is
 * only on the top-level command, where it means one thing.
 * <p>
 * {@code --verbose} is stored on the top-level {@link Main}, whichever command it was given to,
 * so the one error printer can ask a single place (picocli's LoggingMixin pattern).
 */
public final class CommonOptions {
    @Spec(MIXEE)
    CommandSpec mixee;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--verbose", description = "Print more detail, and the stack trace of an unexpected failure.")
    void verbose(boolean verbose) {
        ((Main) mixee.root().userObject()).verbose = verbose;
    }

    /** Whether --verbose was given anywhere on the command line. */
    boolean verbose() {
        return ((Main) mixee.root().userObject()).verbose;
    }
}
