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
import java.util.ArrayList;
import java.util.List;

/**
 * apps/&lt;bundle id&gt;/latest.json: what an app needs to offer "a new build is available": the
 * newest build of each channel. Its size does not grow with the history. The schema is in the
 * README; {@link #SCHEMA_VERSION} rises when a field changes meaning or goes away.
 */
final class LatestJson {
    static final int SCHEMA_VERSION = 1;

    record Latest(int schemaVersion, String bundleIdentifier, String name, String appUrl, String defaultChannel,
                  List<ChannelLatest> channels) {
    }

    /**
     * @param installUrl the itms-services link with a raw '&'; absent when this build can no longer be installed
     * @param state      "installable" or why not (as in releases.json)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChannelLatest(String channel, String label, String version, String build, String date, String minimumOSVersion,
                         String pageUrl, String state, String installUrl) {
    }

    private static final ObjectWriter WRITER = new ObjectMapper()
            .writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private final Urls urls;

    LatestJson(Urls urls) {
        this.urls = urls;
    }

    Latest latest(Site site, App app) {
        List<ChannelLatest> channels = new ArrayList<>();
        for (SiteConfig.Channel c : site.channels()) {
            Release r = app.releases().stream().filter(x -> x.channel().equals(c.name())).findFirst().orElse(null);
            if (r == null) continue;
            channels.add(new ChannelLatest(c.name(), c.label(), r.version(), r.build(), r.date().toString(),
                    r.facts().app().minimumOSVersion(), urls.absolute(Urls.releaseFolder(r)), r.state().id(),
                    r.installable() ? Urls.installLink(urls.absolute(Urls.manifest(r))) : null));
        }
        String appUrl = site.singleApp() ? urls.absolute("") : urls.absolute(Urls.appFolder(app));
        return new Latest(SCHEMA_VERSION, app.bundleIdentifier(), app.name(), appUrl, site.config().defaultChannel(), channels);
    }

    byte[] write(Site site, App app) {
        try {
            return (WRITER.writeValueAsString(latest(site, app)) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records always serialize", e);
        }
    }
}
