package dev.otapress.cli;

import dev.otapress.config.SiteConfigLoader;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code -s/--site DIR}: the site folder, for every command that works on one. */
public final class SiteOption {
    @Option(names = {"-s", "--site"}, paramLabel = "DIR",
            description = "The site folder, holding site.yaml and content/ (default: the current folder).")
    Path site;

    /**
     * The site folder; refuses one that does not exist, so that a typo in --site is not reported
     * as a missing content/ folder or site.yaml.
     */
    public Path dir() {
        Path dir = site == null ? Path.of(".") : site;
        if (site != null && !Files.isDirectory(dir)) {
            throw new CliError(Files.exists(dir)
                    ? "--site " + site + " is a file, not a folder; pass the folder that holds " + SiteConfigLoader.FILE_NAME
                    : "--site " + site + ": no such folder; pass the folder that holds " + SiteConfigLoader.FILE_NAME
                            + " and content/");
        }
        return dir;
    }

    /** Whether -s/--site was given (rather than defaulting to the current folder). */
    public boolean given() {
        return site != null;
    }
}
