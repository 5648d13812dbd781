package dev.otapress.doctor;

import dev.otapress.media.HttpRules;

import java.util.Locale;

/**
 * The concrete configuration line that repairs a fault, for the server the portal runs on (as its
 * {@code Server} header names it), falling back to the generated snippets when it is unknown.
 */
record ServerFixes(String serverHeader) {

    /** The types iOS needs, from the table the server configs are written from. */
    static final String MANIFEST_TYPE = essence(HttpRules.generated(HttpRules.Role.MANIFEST, HttpRules.MANIFEST_FILE).served().contentType());
    static final String IPA_TYPE = essence(HttpRules.APP.contentType());

    static String essence(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
    }

    ServerFixes {
        serverHeader = serverHeader == null ? "" : serverHeader.toLowerCase(Locale.ROOT);
    }

    String manifestType() {
        if (serverHeader.contains("nginx")) {
            return "nginx: add `types { } default_type " + MANIFEST_TYPE + ";` inside `location ~ \\.plist$ { … }` in the portal's "
                    + "location (a types block there replaces the inherited map); all rules: otapress server-config nginx";
        }
        if (serverHeader.contains("apache")) {
            return "Apache: add `AddType " + MANIFEST_TYPE + " .plist` to the VirtualHost or the portal's .htaccess; "
                    + "all rules: otapress server-config apache";
        }
        if (serverHeader.contains("caddy")) {
            return "Caddy: add `@plist path *.plist` and `header @plist Content-Type " + MANIFEST_TYPE + "` to the site block; "
                    + "all rules: otapress server-config caddy";
        }
        if (serverHeader.contains("microsoft-iis")) {
            return "IIS: add `<mimeMap fileExtension=\".plist\" mimeType=\"" + MANIFEST_TYPE + "\" />` under staticContent in web.config; "
                    + "otapress server-config iis";
        }
        return "serve .plist files as `" + MANIFEST_TYPE + "` (Apple's recommendation); otapress server-config "
                + "nginx|apache|caddy|iis|netlify|s3 prints the rules for your server";
    }

    String ipaType() {
        if (serverHeader.contains("nginx")) {
            return "nginx: add `types { } default_type " + IPA_TYPE + ";` inside `location ~ \\.ipa$ { … }` in the "
                    + "portal's location; all rules: otapress server-config nginx";
        }
        if (serverHeader.contains("apache")) {
            return "Apache: add `AddType " + IPA_TYPE + " .ipa` to the VirtualHost or the portal's .htaccess; "
                    + "all rules: otapress server-config apache";
        }
        if (serverHeader.contains("caddy")) {
            return "Caddy: add `@ipa path *.ipa` and `header @ipa Content-Type " + IPA_TYPE + "` to the site block; "
                    + "all rules: otapress server-config caddy";
        }
        if (serverHeader.contains("microsoft-iis")) {
            return "IIS: add `<mimeMap fileExtension=\".ipa\" mimeType=\"" + IPA_TYPE + "\" />` under staticContent "
                    + "in web.config; otapress server-config iis";
        }
        return "serve .ipa files as `" + IPA_TYPE + "`; otapress server-config "
                + "nginx|apache|caddy|iis|netlify|s3 prints the rules for your server";
    }

    String redirect(String what) {
        return "serve the " + what + " at its listed URL with a 200: the iOS install daemon does not follow redirects. "
                + "Remove the redirect rule for this path, or fix base_url in site.yaml to the final https URL and rebuild";
    }

    String notFound(String what) {
        return "upload the whole public/ folder so that the " + what + " exists at its listed URL, or fix base_url in "
                + "site.yaml to where the portal is really served and rebuild";
    }
}
