package dev.otapress.server;

import static dev.otapress.server.HeaderPolicy.IMMUTABLE;
import static dev.otapress.server.HeaderPolicy.IPA_TYPE;
import static dev.otapress.server.HeaderPolicy.LONG;
import static dev.otapress.server.HeaderPolicy.NOSNIFF;
import static dev.otapress.server.HeaderPolicy.NO_CACHE;
import static dev.otapress.server.HeaderPolicy.PLIST_TYPE;

/** {@code nginx.conf}: location blocks to include inside the portal's {@code server {}} block. */
final class NginxConfig {

    private final PortalLocation location;

    NginxConfig(PortalLocation location) {
        this.location = location;
    }

    String render() {
        String prefix = location.prefix();
        String csp = ServerConfigs.CONTENT_SECURITY_POLICY;
        StringBuilder s = new StringBuilder();
        s.append("# otapress: nginx rules for the release portal at ").append(location.baseUrl()).append('\n');
        s.append("# Include this file inside the HTTPS server { } block for ").append(location.host())
                .append(", e.g. 'include snippets/otapress.conf;'.\n");
        s.append("# The server's root must hold the built public/ folder at ")
                .append(location.atRoot() ? "its top level" : location.folder()).append(" (root /var/www -> /var/www/")
                .append(location.folder()).append(").\n");
        s.append("# nginx's default MIME map knows neither .plist nor .ipa; a types { } block inside a location\n");
        s.append("# replaces the inherited map, so each such location sets its one type with default_type.\n");
        s.append("# add_header in a nested location drops the outer ones, so every location repeats its headers.\n");
        s.append('\n');
        s.append("location ^~ ").append(prefix).append(" {\n");
        s.append("    index index.html;\n");
        s.append("    # Pages, releases.json and everything else not matched below: revalidate on every visit.\n");
        headers(s, "    ", NO_CACHE, csp);
        s.append('\n');
        s.append("    location ~* \\.plist$ {\n");
        s.append("        types { } default_type ").append(PLIST_TYPE).append(";\n");
        headers(s, "        ", NO_CACHE, null);
        s.append("    }\n\n");
        s.append("    location ~* \\.ipa$ {\n");
        s.append("        types { } default_type ").append(IPA_TYPE).append(";\n");
        headers(s, "        ", IMMUTABLE, null);
        s.append("    }\n\n");
        s.append("    location ~* \\.png$ {\n");
        headers(s, "        ", LONG, null);
        s.append("    }\n");
        s.append("}\n");
        s.append('\n');
        s.append("# Optional: send plain-http visitors of the pages to HTTPS. Manifest and .ipa URLs are always\n");
        s.append("# https already, and the install daemon does not follow redirects. Put this in its own block:\n");
        s.append("# server {\n");
        s.append("#     listen 80;\n");
        s.append("#     server_name ").append(location.host()).append(";\n");
        s.append("#     location ^~ ").append(prefix).append(" { return 301 https://$host$request_uri; }\n");
        s.append("# }\n");
        return s.toString();
    }

    private static void headers(StringBuilder s, String indent, String cacheControl, String csp) {
        // "always" keeps the headers on 206 and error answers too.
        s.append(indent).append("add_header Cache-Control \"").append(cacheControl).append("\" always;\n");
        s.append(indent).append("add_header X-Content-Type-Options \"").append(NOSNIFF).append("\" always;\n");
        if (csp != null) {
            s.append(indent).append("add_header Content-Security-Policy \"").append(csp).append("\" always;\n");
        }
    }
}
