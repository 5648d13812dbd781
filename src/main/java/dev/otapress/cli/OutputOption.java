package dev.otapress.cli;

import dev.otapress.pipeline.BuildRequest;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code -d/--out DIR}: the output folder, for the commands that write it or publish it. */
public final class OutputOption {
    @Option(names = {"-d", "--out"}, paramLabel = "DIR",
            description = "The output folder (default: DIR/" + BuildRequest.OUTPUT_FOLDER + ").")
    Path out;

    /** The folder given, or null for the site's own ({@link BuildRequest#of}). */
    public Path dir() {
        return out;
    }
}
