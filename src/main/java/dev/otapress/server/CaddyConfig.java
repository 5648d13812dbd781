package dev.otapress.server;

import static dev.otapress.server.HeaderPolicy.IMMUTABLE;
import static dev.otapress.server.HeaderPolicy.IPA_TYPE;
import static dev.otapress.server.HeaderPolicy.LONG;
import static dev.otapress.server.HeaderPolicy.NOSNIFF;
import static dev.otapress.server.HeaderPolicy.NO_CACHE;
import static dev.otapress.server.HeaderPolicy.PLIST_TYPE;

/** {@code Caddyfile}: directives to paste inside the portal's site block. */
final class CaddyConfig {

    private final PortalLocation location;

    CaddyConfig(PortalLocation location) {
        this.location = location;
    }

    String render() {
        String re = location.prefixRegex();
        StringBuilder s = new StringBuilder();
        s.append("# otapress: Caddy 2 rules for the release portal at ").append(location.baseUrl()).append('\n');
        s.append("# Paste inside the site block '").append(location.host()).append(" { ... }', whose root must hold the\n");
        s.append("# built public/ folder at ").append(location.atRoot() ? "its top level" : location.folder()).append(".\n");
        s.append("# Caddy would sniff an .ipa as application/zip and knows no .plist type, so both are set here;\n");
        s.append("# file_server keeps a Content-Type that is already set. Caddy's automatic HTTPS already sends\n");
        s.append("# plain-http visitors to https; the manifest and .ipa URLs are https, so they never meet it.\n");
        s.append('\n');
        matcher(s, "otapress_page", "^" + re + "(.*/)?([^/]*\\.html)?$");
        matcher(s, "otapress_listing", "^" + re + "releases\\.json$");
        matcher(s, "otapress_manifest", "^" + re + ".*\\.plist$");
        matcher(s, "otapress_ipa", "^" + re + ".*\\.ipa$");
        matcher(s, "otapress_icon", "^" + re + ".*\\.png$");
        s.append('\n');
        s.append("header @otapress_page {\n");
        s.append("\tCache-Control \"").append(NO_CACHE).append("\"\n");
        s.append("\tContent-Security-Policy \"").append(ServerConfigs.CONTENT_SECURITY_POLICY).append("\"\n");
        s.append("\tX-Content-Type-Options \"").append(NOSNIFF).append("\"\n");
        s.append("}\n");
        headerBlock(s, "otapress_listing", null, NO_CACHE);
        headerBlock(s, "otapress_manifest", PLIST_TYPE, NO_CACHE);
        headerBlock(s, "otapress_ipa", IPA_TYPE, IMMUTABLE);
        headerBlock(s, "otapress_icon", null, LONG);
        s.append('\n');
        s.append("handle ").append(location.prefix()).append("* {\n");
        s.append("\tfile_server\n");
        s.append("}\n");
        return s.toString();
    }

    private static void matcher(StringBuilder s, String name, String regex) {
        s.append('@').append(name).append(" path_regexp ").append(name).append(" \"").append(regex).append("\"\n");
    }

    private static void headerBlock(StringBuilder s, String matcher, String contentType, String cacheControl) {
        s.append("header @").append(matcher).append(" {\n");
        if (contentType != null) s.append("\tContent-Type \"").append(contentType).append("\"\n");
        s.append("\tCache-Control \"").append(cacheControl).append("\"\n");
        s.append("\tX-Content-Type-Options \"").append(NOSNIFF).append("\"\n");
        s.append("}\n");
    }
}
