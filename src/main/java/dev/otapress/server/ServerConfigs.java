package dev.otapress.server;

import dev.otapress.config.BaseUrl;
import dev.otapress.media.ContentSecurityPolicy;

import java.util.List;
import java.util.Objects;

/**
 * Web server configuration for a portal, for each kind of server otapress knows: every media
 * type, cache rule and security header comes from {@link dev.otapress.media.HttpRules}. Output
 * depends only on the base URL (and, for the web-root files, the list of author files), so the same
 * site always gives byte-identical files.
 */
public final class ServerConfigs {

    private final PortalLocation location;

    public ServerConfigs(BaseUrl baseUrl) {
        this(baseUrl, null);
    }

    /** @param downloadsBaseUrl the download host of the .ipa files and icons, or null when they sit beside the pages */
    public ServerConfigs(BaseUrl baseUrl, BaseUrl downloadsBaseUrl) {
        // With a download host, the pages' img-src also names that origin, so they can show the
        // release icons kept there.
        this.location = new PortalLocation(Objects.requireNonNull(baseUrl, "baseUrl"),
                ContentSecurityPolicy.page(downloadsBaseUrl == null ? null : downloadsBaseUrl.origin()));
    }

    /** The snippet for one server, as {@code otapress server-config} prints it (no author files listed). */
    public String render(ServerKind kind) {
        return render(kind, List.of());
    }

    private String render(ServerKind kind, List<String> sideFiles) {
        return switch (Objects.requireNonNull(kind, "kind")) {
            case NGINX -> new NginxConfig(location).render();
            case APACHE -> new ApacheConfig(location).renderVirtualHost();
            case CADDY -> new CaddyConfig(location).render();
            case IIS -> new IisConfig(location).render(sideFiles);
            case NETLIFY -> new NetlifyHeaders(location).render(sideFiles);
            case S3 -> new S3Instructions(location).render();
        };
    }

    /**
     * Files that go into the web root itself ({@code public/}), read by the server from there.
     *
     * @param sideFiles site paths of the files authors put beside releases, which IIS and Netlify can
     *                  only make inert one by one
     */
    public List<TextFile> webRootFiles(List<String> sideFiles) {
        return List.of(
                new TextFile(".htaccess", new ApacheConfig(location).renderHtaccess()),
                new TextFile("_headers", render(ServerKind.NETLIFY, sideFiles)),
                new TextFile("web.config", render(ServerKind.IIS, sideFiles)));
    }

    /** Files for the server's own configuration ({@code server-config/}), never deployed as content. */
    public List<TextFile> serverConfigFiles() {
        return List.of(
                new TextFile("nginx.conf", render(ServerKind.NGINX)),
                new TextFile("apache.conf", render(ServerKind.APACHE)),
                new TextFile("Caddyfile", render(ServerKind.CADDY)),
                new TextFile("s3.md", render(ServerKind.S3)));
    }
}
