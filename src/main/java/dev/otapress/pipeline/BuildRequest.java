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
    public BuildRequest {
        Objects.requireNonNull(siteDir, "siteDir");
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(serverConfigDir, "serverConfigDir");
    }

    /** The defaults: public/ and server-config/ beside site.yaml. */
    public static BuildRequest of(Path siteDir) {
        return new BuildRequest(siteDir, siteDir.resolve("public"), siteDir.resolve("server-config"), null, false);
    }
}
