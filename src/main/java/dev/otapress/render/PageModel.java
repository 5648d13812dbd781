package dev.otapress.render;

import freemarker.core.TemplateHTMLOutputModel;

import java.util.List;
import java.util.Map;

/**
 * What a template sees: {@code site}, {@code page}, {@code apps}, and on app and release pages
 * {@code app} and {@code release}. Every link is computed here (relative to the page that holds
 * it) and every URL is absolute, so templates never build one.
 */
public record PageModel(SiteView site, PageView page, List<AppView> apps, AppView app, ReleaseView release) {

    public PageModel {
        apps = List.copyOf(apps);
    }

    /**
     * @param intro    content/_index.md rendered, or empty markup
     * @param channels all channels in the site's order
     */
    public record SiteView(String title, String description, String baseUrl, TemplateHTMLOutputModel intro,
                           List<ChannelView> channels, int releaseCount) {
        public SiteView {
            channels = List.copyOf(channels);
        }
    }

    public record ChannelView(String name, String label) {
    }

    /**
     * @param type        enterprise, ad-hoc, development or app-store
     * @param summary     the type in plain words, e.g. "Ad hoc: 24 registered devices"
     * @param expiresSoon the profile expires within the site's warning period
     * @param expired     the profile has expired
     */
    /** @param signedBy "TEAM NAME (TEAMID)" of an intact signature's signer, or null when unknown or broken */
    public record ProfileView(String type, String summary, String name, String teamName, String expires,
                              String expiresLabel, boolean expiresSoon, boolean expired, int devices, String signedBy) {
    }

    /**
     * @param kind       home, app or release
     * @param root       the relative prefix from this page to the site root ("" or "../../")
     * @param home       link to the home page
     * @param stylesheet link to the theme's stylesheet
     * @param script     link to the theme's script
     * @param favicon    link to the theme's icon (without one, browsers ask for /favicon.ico and log a 404)
     * @param listing    link to releases.json
     * @param url        this page's absolute URL
     * @param csp        the Content-Security-Policy for the page's meta tag
     * @param feeds      the Atom feeds this page offers: the site's, and on app and release pages the app's
     */
    public record PageView(String kind, String title, String root, String home, String stylesheet, String script,
                           String favicon, String listing, String url, String csp, List<FeedView> feeds) {
        public PageView {
            feeds = List.copyOf(feeds);
        }
    }

    /**
     * An Atom feed as a page links it.
     *
     * @param title for the head's link, which feed readers show
     * @param label for the visible link in the footer
     */
    public record FeedView(String title, String label, String link) {
    }

    /**
     * @param link     link to the app's own page, or to the home page when the site has one app
     * @param channels the channels this app has releases in, in the site's order
     */
    public record AppView(String bundleIdentifier, String name, String link, String iconLink, ReleaseView latest,
                          List<ReleaseView> releases, List<ChannelView> channels) {
        public AppView {
            releases = List.copyOf(releases);
            channels = List.copyOf(channels);
        }
    }

    /**
     * One release as pages show it.
     *
     * @param date            ISO date (2026-11-02)
     * @param datetime        ISO instant for {@code <time datetime>}
     * @param dateLabel       for people (2 Nov 2026)
     * @param searchText      lower-case text of title, version, build, channel and notes, for the search box
     * @param installLink     the itms-services link, or null when the release cannot be installed; the
     *                        template's escaping writes its '&' as &amp;amp; once
     * @param manifestUrl     null when the release cannot be installed (as are ipaUrl and ipaLink)
     * @param state           "installable" or why not ({@code site.ReleaseState} ids, e.g. "profile-expired")
     * @param stateSentence   "Can no longer be installed: …", or empty
     * @param latestInChannel whether this is the newest release of its channel
     * @param newestInChannel the newest release of this one's channel when this one is older, else null
     * @param profile         the provisioning profile's facts, or null for an unsigned build
     * @param extensions      the nested bundles, e.g. "com.acme.app.widgets (app extension)"
     * @param qrSvg           inline SVG of a QR code of {@code url}, on the release's own page only (else null)
     */
    public record ReleaseView(
            String title, String appName, String bundleIdentifier, String version, String build,
            String date, String datetime, String dateLabel,
            String channel, String channelLabel, boolean latestInChannel, boolean latest,
            String minimumOS, String devices, long size, String sizeLabel, String sha256, String fileName,
            TemplateHTMLOutputModel notes, String excerpt, String searchText,
            String link, String url, String manifestUrl, String ipaUrl, String ipaLink, String iconLink,
            String installLink, String state, String stateSentence, ProfileView profile, List<String> extensions, Map<String, Object> params,
            ReleaseView previous, ReleaseView next, ReleaseView newestInChannel, TemplateHTMLOutputModel qrSvg) {
        public ReleaseView {
            extensions = List.copyOf(extensions);
            params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        }
    }
}
