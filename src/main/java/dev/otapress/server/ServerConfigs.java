package dev.otapress.server;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Web server configuration for a portal: the right MIME types for the manifest and the .ipa, cache
 * rules, and the security headers, for each kind of server otapress knows. Output depends only on
 * the base URL, so the same site always gives byte-identical files.
 */
public final class ServerConfigs {

    /** The policy sent with every page; the pages carry the same in a meta tag. */
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                    + "manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final PortalLocation location;

    /** @throws IllegalArgumentException when the base URL is not an absolute https URL */
    public ServerConfigs(URI baseUrl) {
        this.location = PortalLocation.of(Objects.requireNonNull(baseUrl, "baseUrl"));
    }

    /** The snippet for one server, as {@code otapress server-config} prints it. */
    public String render(ServerKind kind) {
        return switch (Objects.requireNonNull(kind, "kind")) {
            case NGINX -> new NginxConfig(location).render();
            case APACHE -> new ApacheConfig(location).renderVirtualHost();
            case CADDY -> new CaddyConfig(location).render();
            case IIS -> new IisConfig(location).render();
            case NETLIFY -> new NetlifyHeaders(location).render();
            case S3 -> new S3Instructions(location).render();
        };
    }

    /** Files that go into the web root itself ({@code public/}), read by the server from there. */
    public List<TextFile> webRootFiles() {
        return List.of(
                new TextFile(".htaccess", new ApacheConfig(location).renderHtaccess()),
                new TextFile("_headers", render(ServerKind.NETLIFY)),
                new TextFile("web.config", render(ServerKind.IIS)));
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
