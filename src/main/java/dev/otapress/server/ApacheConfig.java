package dev.otapress.server;

import static dev.otapress.server.HeaderPolicy.IMMUTABLE;
import static dev.otapress.server.HeaderPolicy.IPA_TYPE;
import static dev.otapress.server.HeaderPolicy.LONG;
import static dev.otapress.server.HeaderPolicy.NOSNIFF;
import static dev.otapress.server.HeaderPolicy.NO_CACHE;
import static dev.otapress.server.HeaderPolicy.PLIST_TYPE;

/**
 * Apache 2.4 rules in two forms: {@code apache.conf} for a {@code <VirtualHost>}, matched by URL
 * path so the base URL's prefix is honoured, and {@code .htaccess} for the web root when only
 * {@code AllowOverride FileInfo} is available, matched by file name.
 */
final class ApacheConfig {

    private final PortalLocation location;

    ApacheConfig(PortalLocation location) {
        this.location = location;
    }

    String renderVirtualHost() {
        String prefix = location.prefix();
        String re = location.prefixRegex();
        StringBuilder s = new StringBuilder();
        s.append("# otapress: Apache 2.4 rules for the release portal at ").append(location.baseUrl()).append('\n');
        s.append("# Include this file inside the <VirtualHost *:443> for ").append(location.host())
                .append(" (Include /etc/apache2/otapress.conf).\n");
        s.append("# Needs mod_mime, mod_dir and mod_headers (a2enmod headers). The DocumentRoot must hold the\n");
        s.append("# built public/ folder at ").append(location.atRoot() ? "its top level" : location.folder()).append(".\n");
        s.append("# Debian's /etc/mime.types knows neither .plist nor .ipa, so the types are forced here.\n");
        s.append('\n');
        s.append("<Location \"").append(prefix).append("\">\n");
        s.append("    DirectoryIndex index.html\n");
        s.append("</Location>\n\n");
        // One section per kind of file rather than a catch-all plus overrides, so no two
        // Cache-Control rules ever meet in a merge.
        s.append("<LocationMatch \"^").append(re).append("(.*/)?([^/]*\\.html)?$\">\n");
        headers(s, NO_CACHE, true);
        s.append("</LocationMatch>\n\n");
        s.append("<LocationMatch \"^").append(re).append("releases\\.json$\">\n");
        headers(s, NO_CACHE, false);
        s.append("</LocationMatch>\n\n");
        s.append("<LocationMatch \"^").append(re).append(".*\\.plist$\">\n");
        s.append("    ForceType ").append(PLIST_TYPE).append('\n');
        headers(s, NO_CACHE, false);
        s.append("</LocationMatch>\n\n");
        s.append("<LocationMatch \"^").append(re).append(".*\\.ipa$\">\n");
        s.append("    ForceType ").append(IPA_TYPE).append('\n');
        headers(s, IMMUTABLE, false);
        s.append("</LocationMatch>\n\n");
        s.append("<LocationMatch \"^").append(re).append(".*\\.png$\">\n");
        headers(s, LONG, false);
        s.append("</LocationMatch>\n\n");
        s.append("# Optional: send plain-http visitors of the pages to HTTPS (in the <VirtualHost *:80>).\n");
        s.append("# Manifest and .ipa URLs are https already; the install daemon does not follow redirects.\n");
        s.append("# Redirect permanent ").append(prefix).append(" https://").append(location.host()).append(prefix).append('\n');
        return s.toString();
    }

    String renderHtaccess() {
        StringBuilder s = new StringBuilder();
        s.append("# otapress: Apache 2.4 rules for the release portal at ").append(location.baseUrl()).append('\n');
        s.append("# Lives in the portal's web root (public/). Needs AllowOverride FileInfo (or All) and mod_mime;\n");
        s.append("# the headers also need mod_headers, and are skipped without it.\n");
        s.append('\n');
        s.append("AddType ").append(PLIST_TYPE).append(" .plist\n");
        s.append("AddType ").append(IPA_TYPE).append(" .ipa\n");
        s.append('\n');
        s.append("<IfModule mod_headers.c>\n");
        s.append("    Header set X-Content-Type-Options \"").append(NOSNIFF).append("\"\n");
        filesMatch(s, "\\.plist$", NO_CACHE, false);
        filesMatch(s, "\\.ipa$", IMMUTABLE, false);
        filesMatch(s, "\\.png$", LONG, false);
        filesMatch(s, "^releases\\.json$", NO_CACHE, false);
        // A directory URL is answered with its index.html, which this section then matches.
        filesMatch(s, "\\.html$", NO_CACHE, true);
        s.append("</IfModule>\n");
        s.append('\n');
        s.append("# Optional: send plain-http visitors of the pages to HTTPS (needs mod_rewrite).\n");
        s.append("# Manifest and .ipa URLs are https already; the install daemon does not follow redirects.\n");
        s.append("# RewriteEngine On\n");
        s.append("# RewriteCond %{HTTPS} !=on\n");
        s.append("# RewriteRule ^ https://%{HTTP_HOST}%{REQUEST_URI} [R=301,L]\n");
        return s.toString();
    }

    private static void headers(StringBuilder s, String cacheControl, boolean page) {
        s.append("    Header always set Cache-Control \"").append(cacheControl).append("\"\n");
        s.append("    Header always set X-Content-Type-Options \"").append(NOSNIFF).append("\"\n");
        if (page) {
            s.append("    Header always set Content-Security-Policy \"")
                    .append(ServerConfigs.CONTENT_SECURITY_POLICY).append("\"\n");
        }
    }

    private static void filesMatch(StringBuilder s, String regex, String cacheControl, boolean page) {
        s.append("    <FilesMatch \"").append(regex).append("\">\n");
        s.append("        Header set Cache-Control \"").append(cacheControl).append("\"\n");
        if (page) {
            s.append("        Header set Content-Security-Policy \"")
                    .append(ServerConfigs.CONTENT_SECURITY_POLICY).append("\"\n");
        }
        s.append("    </FilesMatch>\n");
    }
}
