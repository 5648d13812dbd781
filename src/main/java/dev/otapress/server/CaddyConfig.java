package dev.otapress.server;

import dev.otapress.media.HttpRules;
import dev.otapress.media.MediaType;
import dev.otapress.media.MediaTypes;
import dev.otapress.media.Served;

import java.util.Map;

/**
 * {@code Caddyfile}: directives to paste inside the portal's site block. Caddy applies {@code header}
 * directives with named matchers in the order written, and a later one replaces what an earlier
 * one set: the inert defaults first, then each type, documents, the .ipa, and generated names last.
 */
final class CaddyConfig {

    private final PortalLocation location;

    CaddyConfig(PortalLocation location) {
        this.location = location;
    }

    String render() {
        String re = "^" + location.prefixRegex();
        StringBuilder s = new StringBuilder();
        s.append("# otapress: Caddy 2 rules for the release portal at ").append(ConfigText.comment(location.baseUrl().toString())).append('\n');
        s.append("# Paste inside the site block '").append(location.host()).append(" { ... }', whose root must hold the\n");
        s.append("# built public/ folder at ").append(location.atRoot() ? "its top level" : ConfigText.comment(location.folder())).append(".\n");
        s.append("# Caddy would sniff an .ipa as application/zip and knows no .plist type, so every type is set here;\n");
        s.append("# file_server keeps a Content-Type that is already set. Caddy's automatic HTTPS already sends\n");
        s.append("# plain-http visitors to https; the manifest and .ipa URLs are https, so they never meet it.\n");
        s.append('\n');
        int n = 0;
        matcher(s, "otapress_all", re);
        for (MediaType t : TypeRules.fileTypes()) matcher(s, "otapress_type" + ++n, re + ".*\\.(?i:" + TypeRules.suffixes(t) + ")$");
        matcher(s, "otapress_document", re + ".*\\.(?i:" + TypeRules.documentSuffixes() + ")$");
        matcher(s, "otapress_ipa", re + ".*\\.(?i:ipa)$");
        for (HttpRules.NameRule rule : HttpRules.GENERATED) {
            String name = rule.role() == HttpRules.Role.PAGE ? "(" + TypeRules.nameRegex(rule) + ")?" : TypeRules.nameRegex(rule);
            matcher(s, matcherName(rule), re + "(.*/)?" + name + "$");
        }
        s.append('\n');
        s.append("# Theme files and files authors put beside a release: inert, whatever their type.\n");
        block(s, "otapress_all", location.headers(TypeRules.defaults()), false);
        n = 0;
        for (MediaType t : TypeRules.fileTypes()) block(s, "otapress_type" + ++n, Map.of("Content-Type", t.contentType()), false);
        block(s, "otapress_document", location.extraHeaders(HttpRules.forType(MediaTypes.HTML)), false);
        block(s, "otapress_ipa", location.headers(HttpRules.APP), false);
        for (HttpRules.NameRule rule : HttpRules.GENERATED) {
            block(s, matcherName(rule), location.headers(rule.served()),
                    !rule.served().attachment());
        }
        s.append('\n');
        s.append("handle ").append(quote(location.prefix() + "*")).append(" {\n");
        s.append("\tfile_server\n");
        s.append("}\n");
        return s.toString();
    }

    private static String matcherName(HttpRules.NameRule rule) {
        return "otapress_" + rule.fileName().replaceAll("[^a-z0-9]", "_");
    }

    private static void matcher(StringBuilder s, String name, String regex) {
        s.append('@').append(name).append(" path_regexp ").append(name).append(' ').append(quote(regex)).append('\n');
    }

    private static void block(StringBuilder s, String matcher, Map<String, String> headers, boolean inline) {
        s.append("header @").append(matcher).append(" {\n");
        headers.forEach((name, value) -> s.append('\t').append(name).append(' ').append(quote(value)).append('\n'));
        if (inline) s.append("\t-Content-Disposition\n");
        s.append("}\n");
    }

    /** A Caddyfile quoted token; BaseUrl keeps '"', '{' and '}' (placeholders) out of every value. */
    static String quote(String value) {
        return "\"" + ConfigText.noControls(value).replace("\"", "\\\"") + "\"";
    }
}
