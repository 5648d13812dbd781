package dev.otapress.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.otapress.site.App;
import dev.otapress.site.Release;
import dev.otapress.site.Site;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * releases.json: the portal for machines (CI notifications, chat bots, `otapress check`). Field
 * order is the record order, so the file is the same on every build of the same input.
 */
public final class JsonListing {

    public record Listing(String title, String baseUrl, List<AppEntry> apps) {
    }

    public record AppEntry(String bundleIdentifier, String name, List<ReleaseEntry> releases) {
    }

    /** @param installUrl the itms-services link in plain text, with a raw '&' */
    public record ReleaseEntry(String version, String build, String title, String date, String channel,
                               String minimumOSVersion, String pageUrl, String manifestUrl, String ipaUrl,
                               String installUrl, long size, String sha256) {
    }

    private static final ObjectWriter WRITER = new ObjectMapper()
            .writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private final Urls urls;

    public JsonListing(Urls urls) {
        this.urls = urls;
    }

    public Listing listing(Site site) {
        return new Listing(site.config().title(), site.config().baseUrl().toString(),
                site.apps().stream().map(this::app).toList());
    }

    private AppEntry app(App app) {
        return new AppEntry(app.bundleIdentifier(), app.name(), app.releases().stream().map(this::release).toList());
    }

    private ReleaseEntry release(Release r) {
        String manifestUrl = urls.absolute(Urls.manifest(r));
        return new ReleaseEntry(r.version(), r.build(), r.title(), r.date().toString(), r.channel(),
                r.ipa().app().minimumOSVersion(), urls.absolute(Urls.releaseFolder(r)), manifestUrl,
                urls.absolute(Urls.ipa(r)), Urls.installLink(manifestUrl), r.ipa().size(), r.ipa().sha256());
    }

    public byte[] write(Site site) {
        try {
            return (WRITER.writeValueAsString(listing(site)) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records always serialize", e);
        }
    }
}
