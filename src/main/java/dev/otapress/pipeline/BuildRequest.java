package dev.otapress.pipeline;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to build.
 *
 * @param siteDir         the folder holding site.yaml and content/
 * @param outDir          where the portal goes (replaced as a whole)
 * @param baseUrlOverride replaces site.yaml's base_url (a staging host, say), or null
 * @param serverConfigDir where nginx.conf, apache.conf, Caddyfile and s3.md go
 * @param drafts          include releases marked {@code draft: true}
 */
public record BuildRequest(Path siteDir, Path outDir, Path serverConfigDir, String baseUrlOverride, boolean drafts) {
    /** The output folder's default name, beside site.yaml. */
    public static final String OUTPUT_FOLDER = "public";
    /** The server snippets' default folder name, beside site.yaml. */
    public static final String SERVER_CONFIG_FOLDER = "server-config";

    public BuildRequest {
        Objects.requireNonNull(siteDir, "siteDir");
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(serverConfigDir, "serverConfigDir");
    }

    /** The defaults: public/ and server-config/ beside site.yaml. */
    public static BuildRequest of(Path siteDir) {
        return new BuildRequest(siteDir, siteDir.resolve(OUTPUT_FOLDER), siteDir.resolve(SERVER_CONFIG_FOLDER), null, false);
    }

    /** These defaults with whatever the command line gave (null keeps the default). */
    public static BuildRequest of(Path siteDir, Path outDir, Path serverConfigDir, String baseUrlOverride, boolean drafts) {
        BuildRequest d = of(siteDir);
        return new BuildRequest(siteDir, outDir != null ? outDir : d.outDir(),
                serverConfigDir != null ? serverConfigDir : d.serverConfigDir(), baseUrlOverride, drafts);
    }
}
