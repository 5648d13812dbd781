package dev.otapress.server;

import dev.otapress.text.XmlText;

import static dev.otapress.server.HeaderPolicy.IPA_TYPE;
import static dev.otapress.server.HeaderPolicy.NOSNIFF;
import static dev.otapress.server.HeaderPolicy.PLIST_TYPE;

/** {@code web.config} for IIS 7+, read from the portal's web root. */
final class IisConfig {

    private final PortalLocation location;

    IisConfig(PortalLocation location) {
        this.location = location;
    }

    String render() {
        StringBuilder s = new StringBuilder();
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append("<!--\n");
        s.append("  otapress: IIS rules for the release portal at ").append(xml(location.baseUrl().toString())).append('\n');
        s.append("  Lives in the portal's web root (public/), the folder IIS serves at ").append(xml(location.prefix())).append(".\n");
        s.append("  IIS sets Cache-Control per folder, not per file type, without the URL Rewrite module; so every\n");
        s.append("  file here is sent with no-cache (a cheap revalidation by ETag), the safe choice for the manifest\n");
        s.append("  and the pages. Optional http->https redirect for pages: a URL Rewrite rule in the http site.\n");
        s.append("-->\n");
        s.append("<configuration>\n");
        s.append("  <system.webServer>\n");
        s.append("    <staticContent>\n");
        // remove first: a mapping inherited from the server level would make the add fail with 500.19.
        s.append("      <remove fileExtension=\".plist\" />\n");
        s.append("      <mimeMap fileExtension=\".plist\" mimeType=\"").append(PLIST_TYPE).append("\" />\n");
        s.append("      <remove fileExtension=\".ipa\" />\n");
        s.append("      <mimeMap fileExtension=\".ipa\" mimeType=\"").append(IPA_TYPE).append("\" />\n");
        s.append("      <clientCache cacheControlMode=\"DisableCache\" />\n");
        s.append("    </staticContent>\n");
        s.append("    <httpProtocol>\n");
        s.append("      <customHeaders>\n");
        s.append("        <remove name=\"X-Content-Type-Options\" />\n");
        s.append("        <add name=\"X-Content-Type-Options\" value=\"").append(NOSNIFF).append("\" />\n");
        s.append("        <remove name=\"Content-Security-Policy\" />\n");
        s.append("        <add name=\"Content-Security-Policy\" value=\"")
                .append(xml(ServerConfigs.CONTENT_SECURITY_POLICY)).append("\" />\n");
        s.append("      </customHeaders>\n");
        s.append("    </httpProtocol>\n");
        s.append("    <security>\n");
        s.append("      <!-- Release folders may contain '%' or '+', which request filtering rejects by default. -->\n");
        s.append("      <requestFiltering allowDoubleEscaping=\"true\" />\n");
        s.append("    </security>\n");
        s.append("  </system.webServer>\n");
        s.append("</configuration>\n");
        return s.toString();
    }

    private static String xml(String text) {
        return XmlText.clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("--", "- -");
    }
}
