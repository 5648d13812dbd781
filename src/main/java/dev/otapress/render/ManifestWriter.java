package dev.otapress.render;

import dev.otapress.site.Release;
import dev.otapress.text.XmlText;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the manifest.plist that iOS reads after an install link is tapped. The keys are Apple's
 * (items › assets and metadata; needs-shine is obsolete and left out); bundle-identifier and bundle-version come from the IPA itself, because iOS
 * discards a download whose identifier differs from the manifest's.
 *
 * <p>Written by hand, in the layout Xcode and plutil use, because plist libraries put strings with
 * '&' or '<' into CDATA sections; entity escaping is what every plist reader handles.
 */
public final class ManifestWriter {
    private final Urls urls;

    public ManifestWriter(Urls urls) {
        this.urls = urls;
    }

    /** The manifest of one release; its icons are always written beside it (a placeholder when the IPA has none). */
    public byte[] write(Release release) {
        List<String[]> assets = new ArrayList<>();
        assets.add(new String[] {"software-package", urls.download(Urls.ipa(release))});
        for (IconSize size : IconSize.values()) {
            if (size.manifestKind() == null) continue;
            assets.add(new String[] {size.manifestKind(), urls.download(Urls.icon(release, size))});
        }
        StringBuilder x = new StringBuilder(1024);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n")
                .append("<plist version=\"1.0\">\n<dict>\n\t<key>items</key>\n\t<array>\n\t\t<dict>\n")
                .append("\t\t\t<key>assets</key>\n\t\t\t<array>\n");
        for (String[] asset : assets) {
            x.append("\t\t\t\t<dict>\n");
            entry(x, 5, "kind", asset[0]);
            entry(x, 5, "url", asset[1]);
            x.append("\t\t\t\t</dict>\n");
        }
        x.append("\t\t\t</array>\n\t\t\t<key>metadata</key>\n\t\t\t<dict>\n");
        entry(x, 4, "bundle-identifier", release.bundleIdentifier());
        entry(x, 4, "bundle-version", release.version());
        entry(x, 4, "kind", "software");
        entry(x, 4, "title", release.facts().app().name());
        x.append("\t\t\t</dict>\n\t\t</dict>\n\t</array>\n</dict>\n</plist>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void entry(StringBuilder x, int depth, String key, String value) {
        String indent = "\t".repeat(depth);
        x.append(indent).append("<key>").append(escape(key)).append("</key>\n")
                .append(indent).append("<string>").append(escape(value)).append("</string>\n");
    }

    /** XML text escaping; characters XML 1.0 cannot carry at all are dropped. */
    static String escape(String s) {
        return XmlText.clean(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
