package dev.otapress.server;

import dev.otapress.media.HttpRules;
import dev.otapress.media.MediaType;
import dev.otapress.media.MediaTypes;
import dev.otapress.media.Served;

import java.util.Map;

/** {@code nginx.conf}: location blocks to include inside the portal's {@code server {}} block. */
final class NginxConfig {

    private final PortalLocation location;

    NginxConfig(PortalLocation location) {
        this.location = location;
    }

    String render() {
        StringBuilder s = new StringBuilder();
        s.append("# otapress: nginx rules for the release portal at ").append(ConfigText.comment(location.baseUrl().toString())).append('\n');
        s.append("# Include this file inside the HTTPS server { } block for ").append(location.host())
                .append(", e.g. 'include snippets/otapress.conf;'.\n");
        s.append("# The server's root must hold the built public/ folder at ")
                .append(location.atRoot() ? "its top level" : ConfigText.comment(location.folder())).append(".\n");
        s.append("# The types { } block replaces nginx's MIME map for the portal (it knows neither .plist nor .ipa).\n");
        s.append("# add_header in a nested location drops the outer ones, so every location repeats its headers.\n");
        s.append("# Regular-expression locations are tried in order and the first match wins: generated files by\n");
        s.append("# their exact names first, then the .ipa, then documents an author put beside a release.\n");
        s.append('\n');
        s.append("location ^~ ").append(quote(location.prefix())).append(" {\n");
        s.append("    index index.html;\n");
        s.append("    types {\n");
        for (MediaType t : TypeRules.fileTypes()) {
            s.append("        ").append(quote(t.contentType())).append(' ').append(String.join(" ", t.suffixes())).append(";\n");
        }
        s.append("        ").append(quote(MediaTypes.IPA.contentType())).append(" ipa;\n");
        s.append("    }\n");
        s.append("    default_type ").append(quote(MediaTypes.UNKNOWN.contentType())).append(";\n");
        s.append("    # Theme files and files authors put beside a release: inert, whatever their type.\n");
        headers(s, "    ", location.extraHeaders(TypeRules.defaults()));
        for (HttpRules.NameRule rule : HttpRules.GENERATED) {
            s.append('\n');
            s.append("    location ~ ").append(quote("/" + TypeRules.nameRegex(rule) + "$")).append(" {\n");
            if (TypeRules.overridesType(rule)) {
                s.append("        types { } default_type ").append(quote(rule.served().contentType())).append(";\n");
            }
            headers(s, "        ", location.extraHeaders(rule.served()));
            s.append("    }\n");
        }
        s.append('\n');
        s.append("    location ~* ").append(quote("\\.ipa$")).append(" {\n");
        headers(s, "        ", location.extraHeaders(HttpRules.APP));
        s.append("    }\n\n");
        s.append("    location ~* ").append(quote("\\.(" + TypeRules.documentSuffixes() + ")$")).append(" {\n");
        headers(s, "        ", location.extraHeaders(HttpRules.forType(MediaTypes.HTML)));
        s.append("    }\n");
        s.append("}\n");
        s.append('\n');
        s.append("# Optional: send plain-http visitors of the pages to HTTPS. Manifest and .ipa URLs are always\n");
        s.append("# https already, and the install daemon does not follow redirects. Put this in its own block:\n");
        s.append("# server {\n");
        s.append("#     listen 80;\n");
        s.append("#     server_name ").append(location.host()).append(";\n");
        s.append("#     location ^~ ").append(quote(location.prefix())).append(" { return 301 https://$host$request_uri; }\n");
        s.append("# }\n");
        return s.toString();
    }

    private static void headers(StringBuilder s, String indent, Map<String, String> headers) {
        // "always" keeps the headers on 206 and error answers too.
        headers.forEach((name, value) ->
                s.append(indent).append("add_header ").append(name).append(' ').append(quote(value)).append(" always;\n"));
    }

    /** A double-quoted nginx string; BaseUrl keeps '$' (a variable) and line breaks out of every value. */
    static String quote(String value) {
        return "\"" + ConfigText.noControls(value).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
