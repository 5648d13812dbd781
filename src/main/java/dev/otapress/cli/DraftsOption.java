package dev.otapress.cli;

import picocli.CommandLine.Option;

/** {@code -D/--drafts}: for the commands that build the portal. */
public final class DraftsOption {
    @Option(names = {"-D", "--drafts"}, description = "Include releases whose front matter says draft: true.")
    boolean drafts;

    public boolean included() {
        return drafts;
    }
}
