package dev.otapress.server;

import dev.otapress.media.HttpRules;
import dev.otapress.media.MediaType;
import dev.otapress.media.MediaTypes;
import dev.otapress.media.Served;

import java.util.Map;

/**
 * Apache 2.4 rules in two forms: {@code apache.conf} for a {@code <VirtualHost>}, matched by URL
 * path so the base URL's prefix is honoured, and {@code .htaccess} for the web root when only
 * {@code AllowOverride FileInfo} is available, matched by file name. In both, sections apply in the
 * order written and a later {@code Header set} replaces an earlier one: the inert defaults first,
 * then documents, the .ipa, and the generated files by their exact names last.
 */
final class ApacheConfig {

    private final PortalLocation location;

    ApacheConfig(PortalLocation location) {
        this.location = location;
    }

    String renderVirtualHost() {
        String re = "^" + location.prefixRegex();
        StringBuilder s = new StringBuilder();
        s.append("# otapress: Apache 2.4 rules for the release portal at ").append(ConfigText.comment(location.baseUrl().toString())).append('\n');
        s.append("# Include this file inside the <VirtualHost *:443> for ").append(location.host())
                .append(" (Include /etc/apache2/otapress.conf).\n");
        s.append("# Needs mod_mime, mod_dir and mod_headers (a2enmod headers). The DocumentRoot must hold the\n");
        s.append("# built public/ folder at ").append(location.atRoot() ? "its top level" : ConfigText.comment(location.folder())).append(".\n");
        s.append("# Debian's /etc/mime.types knows neither .plist nor .ipa, so every type is set here.\n");
        s.append('\n');
        s.append("<Location ").append(quote(location.prefix())).append(">\n");
        s.append("    DirectoryIndex index.html\n");
        types(s, "    ");
        s.append("    # Theme files and files authors put beside a release: inert, whatever their type.\n");
        headers(s, "    ", location.extraHeaders(TypeRules.defaults()));
        s.append("</Location>\n\n");
        s.append("<LocationMatch ").append(quote(re + ".*\\.(?i:" + TypeRules.documentSuffixes() + ")$")).append(">\n");
        headers(s, "    ", location.extraHeaders(HttpRules.forType(MediaTypes.HTML)));
        s.append("</LocationMatch>\n\n");
        s.append("<LocationMatch ").append(quote(re + ".*\\.(?i:ipa)$")).append(">\n");
        headers(s, "    ", location.extraHeaders(HttpRules.APP));
        s.append("</LocationMatch>\n\n");
        for (HttpRules.NameRule rule : HttpRules.GENERATED) {
            // A folder URL is a page too: mod_dir answers it with index.html.
            String name = rule.role() == HttpRules.Role.PAGE ? "(" + TypeRules.nameRegex(rule) + ")?" : TypeRules.nameRegex(rule);
            s.append("<LocationMatch ").append(quote(re + "(.*/)?" + name + "$")).append(">\n");
            nameRule(s, "    ", rule);
            s.append("</LocationMatch>\n\n");
        }
        s.append("# Optional: send plain-http visitors of the pages to HTTPS (in the <VirtualHost *:80>).\n");
        s.append("# Manifest and .ipa URLs are https already; the install daemon does not follow redirects.\n");
        s.append("# Redirect permanent ").append(quote(location.prefix())).append(' ')
                .append(quote("https://" + location.host() + location.rawPrefix())).append('\n');
        return s.toString();
    }

    String renderHtaccess() {
        StringBuilder s = new StringBuilder();
        s.append("# otapress: Apache 2.4 rules for the release portal at ").append(ConfigText.comment(location.baseUrl().toString())).append('\n');
        s.append("# Lives in the portal's web root (public/). Needs AllowOverride FileInfo (or All) and mod_mime;\n");
        s.append("# the headers also need mod_headers. Without mod_headers the server refuses to start serving\n");
        s.append("# the portal (an error 500) rather than serve authors' files without their inert policy.\n");
        s.append('\n');
        types(s, "");
        s.append('\n');
        s.append("# Theme files and files authors put beside a release: inert, whatever their type.\n");
        headers(s, "", location.extraHeaders(TypeRules.defaults()));
        s.append('\n');
        s.append("<FilesMatch ").append(quote("\\.(?i:" + TypeRules.documentSuffixes() + ")$")).append(">\n");
        headers(s, "    ", location.extraHeaders(HttpRules.forType(MediaTypes.HTML)));
        s.append("</FilesMatch>\n");
        s.append("<FilesMatch ").append(quote("\\.(?i:ipa)$")).append(">\n");
        headers(s, "    ", location.extraHeaders(HttpRules.APP));
        s.append("</FilesMatch>\n");
        for (HttpRules.NameRule rule : HttpRules.GENERATED) {
            // A folder URL is answered with its index.html, which this section then matches.
            s.append("<FilesMatch ").append(quote("^" + TypeRules.nameRegex(rule) + "$")).append(">\n");
            nameRule(s, "    ", rule);
            s.append("</FilesMatch>\n");
        }
        s.append('\n');
        s.append("# Optional: send plain-http visitors of the pages to HTTPS (needs mod_rewrite).\n");
        s.append("# Manifest and .ipa URLs are https already; the install daemon does not follow redirects.\n");
        s.append("# RewriteEngine On\n");
        s.append("# RewriteCond %{HTTPS} !=on\n");
        s.append("# RewriteRule ^ https://%{HTTP_HOST}%{REQUEST_URI} [R=301,L]\n");
        return s.toString();
    }

    private static void types(StringBuilder s, String indent) {
        for (MediaType t : TypeRules.fileTypes()) {
            s.append(indent).append("AddType ").append(quote(t.contentType()));
            for (String suffix : t.suffixes()) s.append(" .").append(suffix);
            s.append('\n');
        }
        s.append(indent).append("AddType ").append(quote(MediaTypes.IPA.contentType())).append(" .ipa\n");
    }

    private void nameRule(StringBuilder s, String indent, HttpRules.NameRule rule) {
        if (TypeRules.overridesType(rule)) s.append(indent).append("ForceType ").append(quote(rule.served().contentType())).append('\n');
        headers(s, indent, location.extraHeaders(rule.served()));
        if (!rule.served().attachment()) s.append(indent).append("Header always unset Content-Disposition\n");
    }

    private static void headers(StringBuilder s, String indent, Map<String, String> headers) {
        // "always" also covers 206 and error answers, and one table means a later set replaces an earlier one.
        headers.forEach((name, value) ->
                s.append(indent).append("Header always set ").append(name).append(' ').append(quote(value)).append('\n'));
    }

    /** An Apache double-quoted argument; BaseUrl keeps '"' and line breaks out of every value. */
    static String quote(String value) {
        return "\"" + ConfigText.noControls(value).replace("\"", "\\\"") + "\"";
    }
}
