package dev.otapress.server;

import dev.otapress.media.MediaType;
import dev.otapress.media.MediaTypes;
import dev.otapress.media.Served;
import dev.otapress.media.HttpRules;

import java.util.List;

/**
 * {@code web.config} for IIS 7+, read from the portal's web root. Without the URL Rewrite module
 * IIS sets headers per folder or per exact file, not per type; so the pages' policy is the
 * default, and every file an author put beside a release gets its own {@code <location>} with the
 * inert policy (and the download disposition for documents).
 */
final class IisConfig {

    private final PortalLocation location;

    IisConfig(PortalLocation location) {
        this.location = location;
    }

    /** @param sideFiles site paths of the files authors put beside releases */
    String render(List<String> sideFiles) {
        StringBuilder s = new StringBuilder();
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append("<!--\n");
        s.append("  otapress: IIS rules for the release portal at ").append(ConfigText.xmlComment(location.baseUrl().toString())).append('\n');
        s.append("  Lives in the portal's web root (public/), the folder IIS serves at ")
                .append(ConfigText.xmlComment(location.prefix())).append(".\n");
        s.append("  IIS sets Cache-Control per folder, not per file type, without the URL Rewrite module; so every\n");
        s.append("  file here is sent with no-cache (a cheap revalidation by ETag), the safe choice for the manifest\n");
        s.append("  and the pages. Optional http->https redirect for pages: a URL Rewrite rule in the http site.\n");
        s.append("-->\n");
        s.append("<configuration>\n");
        s.append("  <system.webServer>\n");
        s.append("    <staticContent>\n");
        // remove first: a mapping inherited from the server level would make the add fail with 500.19.
        for (MediaType t : MediaTypes.ALL) {
            for (String suffix : t.suffixes()) {
                s.append("      <remove fileExtension=\".").append(suffix).append("\" />\n");
                s.append("      <mimeMap fileExtension=\".").append(suffix).append("\" mimeType=\"")
                        .append(ConfigText.xml(t.contentType())).append("\" />\n");
            }
        }
        s.append("      <clientCache cacheControlMode=\"DisableCache\" />\n");
        s.append("    </staticContent>\n");
        s.append("    <httpProtocol>\n");
        s.append("      <customHeaders>\n");
        header(s, "X-Content-Type-Options", Served.NOSNIFF);
        header(s, "Content-Security-Policy", location.pagePolicy());
        s.append("      </customHeaders>\n");
        s.append("    </httpProtocol>\n");
        s.append("    <security>\n");
        s.append("      <!-- Release folders may contain '%' or '+', which request filtering rejects by default. -->\n");
        s.append("      <requestFiltering allowDoubleEscaping=\"true\" />\n");
        s.append("    </security>\n");
        s.append("  </system.webServer>\n");
        for (String path : sideFiles) {
            Served served = HttpRules.forPath(path);
            s.append("  <location path=\"").append(ConfigText.xml(path)).append("\">\n");
            s.append("    <system.webServer>\n");
            s.append("      <httpProtocol>\n");
            s.append("        <customHeaders>\n");
            header(s, "Content-Security-Policy", served.contentSecurityPolicy());
            if (served.attachment()) header(s, "Content-Disposition", Served.ATTACHMENT);
            s.append("        </customHeaders>\n");
            s.append("      </httpProtocol>\n");
            s.append("    </system.webServer>\n");
            s.append("  </location>\n");
        }
        s.append("</configuration>\n");
        return s.toString();
    }

    private static void header(StringBuilder s, String name, String value) {
        s.append("        <remove name=\"").append(name).append("\" />\n");
        s.append("        <add name=\"").append(name).append("\" value=\"").append(ConfigText.xml(value)).append("\" />\n");
    }
}
