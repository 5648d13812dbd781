package dev.otapress.doctor;

import java.util.Locale;

/**
 * The concrete configuration line that repairs a fault, for the server the portal runs on (as its
 * {@code Server} header names it), falling back to the generated snippets when it is unknown.
 */
record ServerFixes(String serverHeader) {

    ServerFixes {
        serverHeader = serverHeader == null ? "" : serverHeader.toLowerCase(Locale.ROOT);
    }

    String manifestType() {
        if (serverHeader.contains("nginx")) {
            return "nginx: add `types { } default_type text/xml;` inside `location ~ \\.plist$ { … }` in the portal's "
                    + "location (a types block there replaces the inherited map); all rules: otapress server-config nginx";
        }
        if (serverHeader.contains("apache")) {
            return "Apache: add `AddType text/xml .plist` to the VirtualHost or the portal's .htaccess; "
                    + "all rules: otapress server-config apache";
        }
        if (serverHeader.contains("caddy")) {
            return "Caddy: add `@plist path *.plist` and `header @plist Content-Type text/xml` to the site block; "
                    + "all rules: otapress server-config caddy";
        }
        if (serverHeader.contains("microsoft-iis")) {
            return "IIS: add `<mimeMap fileExtension=\".plist\" mimeType=\"text/xml\" />` under staticContent in web.config; "
                    + "otapress server-config iis";
        }
        return "serve .plist files as `text/xml` (Apple's recommendation); otapress server-config "
                + "nginx|apache|caddy|iis|netlify|s3 prints the rules for your server";
    }

    String ipaType() {
        if (serverHeader.contains("nginx")) {
            return "nginx: add `types { } default_type application/octet-stream;` inside `location ~ \\.ipa$ { … }` in the "
                    + "portal's location; all rules: otapress server-config nginx";
        }
        if (serverHeader.contains("apache")) {
            return "Apache: add `AddType application/octet-stream .ipa` to the VirtualHost or the portal's .htaccess; "
                    + "all rules: otapress server-config apache";
        }
        if (serverHeader.contains("caddy")) {
            return "Caddy: add `@ipa path *.ipa` and `header @ipa Content-Type application/octet-stream` to the site block; "
                    + "all rules: otapress server-config caddy";
        }
        if (serverHeader.contains("microsoft-iis")) {
            return "IIS: add `<mimeMap fileExtension=\".ipa\" mimeType=\"application/octet-stream\" />` under staticContent "
                    + "in web.config; otapress server-config iis";
        }
        return "serve .ipa files as `application/octet-stream`; otapress server-config "
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
