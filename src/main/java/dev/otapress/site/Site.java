package dev.otapress.site;

import dev.otapress.config.SiteConfig;

import java.util.List;
import java.util.Objects;

/**
 * The whole portal as a value: configuration, the home page's intro and the apps in display order.
 *
 * @param introHtml the rendered content/_index.md, or empty
 * @param channels  the channels in display order: the declared ones, or those the releases use
 */
public record Site(SiteConfig config, String introHtml, List<SiteConfig.Channel> channels, List<App> apps) {
    public Site {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(introHtml, "introHtml");
        channels = List.copyOf(channels);
        apps = List.copyOf(apps);
    }

    /** The channel with this name. */
    public SiteConfig.Channel channel(String name) {
        for (SiteConfig.Channel c : channels) if (c.name().equals(name)) return c;
        throw new IllegalArgumentException("no channel " + name);
    }

    /**
     * Whether the portal has one app: then the home page is that app's page, and there are no app
     * pages. Decided here only; templates read it as {@code site.singleApp}.
     */
    public boolean singleApp() {
        return apps.size() == 1;
    }

    /** The channel people are told to install: site.yaml's default_channel. */
    public SiteConfig.Channel defaultChannel() {
        return channel(config.defaultChannel());
    }

    public List<Release> releases() {
        return apps.stream().flatMap(a -> a.releases().stream()).toList();
    }
}
