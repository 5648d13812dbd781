package dev.otapress.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.otapress.config.SiteConfig;
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

    /**
     * Raised when a field changes meaning or goes away; new fields may appear without it. 2 added
     * {@code state} and left the install fields out of releases that cannot be installed.
     */
    public static final int SCHEMA_VERSION = 2;

    public record Listing(int schemaVersion, String title, String baseUrl, String defaultChannel, List<AppEntry> apps) {
    }

    public record AppEntry(String bundleIdentifier, String name, List<ReleaseEntry> releases) {
    }

    /**
     * @param state      "installable", or why not: profile-expired, app-store-build, … ({@code site.ReleaseState.Reason})
     * @param stateReason why not in a few words ("its profile expired on 2 Nov 2026"); absent when installable
     * @param manifestUrl absent, like ipaUrl and installUrl, when the release cannot be installed
     * @param installUrl the itms-services link in plain text, with a raw '&'
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReleaseEntry(String version, String build, String title, String date, String channel,
                               String minimumOSVersion, String pageUrl, String state, String stateReason,
                               String manifestUrl, String ipaUrl, String installUrl, long size, String sha256) {
        public boolean installable() {
            return "installable".equals(state);
        }
    }

    /**
     * Reads a releases.json this class wrote (of any schema version: a missing state means
     * installable). Anything else, a null where an app or a release belongs included, is an
     * IOException saying where.
     */
    public static Listing read(byte[] json) throws java.io.IOException {
        Listing l = READER.readValue(json, Listing.class);
        if (l == null) throw new java.io.IOException("the file is empty or null, not a listing");
        List<AppEntry> apps = new java.util.ArrayList<>();
        List<AppEntry> given = l.apps() == null ? List.of() : l.apps();
        for (int i = 0; i < given.size(); i++) {
            AppEntry a = given.get(i);
            if (a == null) throw new java.io.IOException("apps[" + i + "] is null where an app belongs");
            List<ReleaseEntry> releases = new java.util.ArrayList<>();
            List<ReleaseEntry> listed = a.releases() == null ? List.of() : a.releases();
            for (int j = 0; j < listed.size(); j++) {
                ReleaseEntry r = listed.get(j);
                if (r == null) throw new java.io.IOException("apps[" + i + "].releases[" + j + "] is null where a release belongs");
                releases.add(r.state() != null ? r : new ReleaseEntry(r.version(), r.build(), r.title(), r.date(), r.channel(),
                        r.minimumOSVersion(), r.pageUrl(), "installable", null, r.manifestUrl(), r.ipaUrl(), r.installUrl(),
                        r.size(), r.sha256()));
            }
            apps.add(new AppEntry(a.bundleIdentifier(), a.name(), releases));
        }
        return new Listing(l.schemaVersion(), l.title(), l.baseUrl(), l.defaultChannel() == null ? SiteConfig.Channel.STABLE.name() : l.defaultChannel(),
                apps);
    }

    private static final ObjectMapper READER = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final ObjectWriter WRITER = new ObjectMapper()
            .writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private final Urls urls;

    public JsonListing(Urls urls) {
        this.urls = urls;
    }

    public Listing listing(Site site) {
        return new Listing(SCHEMA_VERSION, site.config().title(), site.config().baseUrl().toString(), site.config().defaultChannel(),
                site.apps().stream().map(this::app).toList());
    }

    private AppEntry app(App app) {
        return new AppEntry(app.bundleIdentifier(), app.name(), app.releases().stream().map(this::release).toList());
    }

    private ReleaseEntry release(Release r) {
        String manifestUrl = urls.absolute(Urls.manifest(r));
        boolean ok = r.installable();
        return new ReleaseEntry(r.version(), r.build(), r.title(), r.date().toString(), r.channel(),
                r.facts().app().minimumOSVersion(), urls.absolute(Urls.releaseFolder(r)), r.state().id(),
                ok ? null : r.state().because(), ok ? manifestUrl : null, ok ? urls.download(Urls.ipa(r)) : null,
                ok ? Urls.installLink(manifestUrl) : null, r.facts().ipa().size(), r.facts().ipa().sha256());
    }

    public byte[] write(Site site) {
        try {
            return (WRITER.writeValueAsString(listing(site)) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records always serialize", e);
        }
    }
}
