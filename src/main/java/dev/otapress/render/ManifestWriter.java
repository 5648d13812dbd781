package dev.otapress.render;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import dev.otapress.site.Release;

import java.nio.charset.StandardCharsets;

/**
 * Writes the manifest.plist that iOS reads after an install link is tapped. The keys are Apple's
 * (DESIGN.md §1); bundle-identifier and bundle-version come from the IPA itself, because iOS
 * discards a download whose identifier differs from the manifest's.
 */
public final class ManifestWriter {
    private final Urls urls;

    public ManifestWriter(Urls urls) {
        this.urls = urls;
    }

    /** @param withIcons whether icon-57.png and icon-512.png are written beside the manifest */
    public byte[] write(Release release, boolean withIcons) {
        NSArray assets = new NSArray(withIcons ? 3 : 1);
        assets.setValue(0, asset("software-package", urls.absolute(Urls.ipa(release))));
        if (withIcons) {
            assets.setValue(1, asset("display-image", urls.absolute(Urls.icon(release, 57))));
            assets.setValue(2, asset("full-size-image", urls.absolute(Urls.icon(release, 512))));
        }
        NSDictionary metadata = new NSDictionary();
        metadata.put("bundle-identifier", release.ipa().app().bundleIdentifier());
        metadata.put("bundle-version", release.version());
        metadata.put("kind", "software");
        metadata.put("title", release.ipa().app().name());

        NSDictionary item = new NSDictionary();
        item.put("assets", assets);
        item.put("metadata", metadata);
        NSDictionary root = new NSDictionary();
        root.put("items", new NSArray(item));
        return root.toXMLPropertyList().getBytes(StandardCharsets.UTF_8);
    }

    private static NSDictionary asset(String kind, String url) {
        NSDictionary d = new NSDictionary();
        d.put("kind", kind);
        d.put("url", url);
        return d;
    }
}
