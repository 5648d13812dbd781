package dev.otapress.render;

import freemarker.core.TemplateHTMLOutputModel;

import java.util.List;
import java.util.Map;

/**
 * What a template sees: {@code site}, {@code page}, {@code apps} (summaries, never histories), on
 * app pages and a one-app home {@code app} and {@code history}, and on release pages {@code app}
 * and {@code release}. Every link is computed here (relative to the page that holds it) and every
 * URL is absolute, so templates never build one. A page holds only what it shows: no page embeds
 * the whole history, so page sizes and build time stay linear in it.
 */
public record PageModel(SiteView site, PageView page, List<AppView> apps, AppView app, HistoryView history,
                        ReleasePageView release) {

    public PageModel {
        apps = List.copyOf(apps);
    }

    /**
     * @param intro              content/_index.md rendered, or empty markup
     * @param channels           all channels in the site's order
     * @param singleApp          the portal has one app: the home page is its page
     * @param defaultChannel     the channel people are told to install
     * @param deviceRegistration     site.yaml's device_registration as text, or empty (then its link is null)
     * @param deviceRegistrationLink the same when it is an https link, else null
     */
    public record SiteView(String title, String description, String baseUrl, TemplateHTMLOutputModel intro,
                           List<ChannelView> channels, int releaseCount, boolean singleApp, ChannelView defaultChannel,
                           String deviceRegistration, String deviceRegistrationLink) {
        public SiteView {
            channels = List.copyOf(channels);
        }
    }

    /** @param recommended whether this is the site's default channel, the one people are told to install */
    public record ChannelView(String name, String label, boolean recommended) {
    }

    /**
     * @param kind       home, app, history or release
     * @param root       the relative prefix from this page to the site root ("" or "../../")
     * @param home       link to the home page
     * @param stylesheet link to the theme's stylesheet
     * @param script     link to the theme's script
     * @param favicon    link to the theme's icon (without one, browsers ask for /favicon.ico and log a 404)
     * @param listing    link to releases.json
     * @param url        this page's absolute URL
     * @param csp        the Content-Security-Policy for the page's meta tag
     * @param feeds      the Atom feeds this page offers: the site's, and on app and release pages the app's
     * @param types      the media types of what the page links, for links' type attributes
     */
    public record PageView(String kind, String title, String root, String home, String stylesheet, String script,
                           String favicon, String listing, String url, String csp, List<FeedView> feeds, TypesView types) {
        public PageView {
            feeds = List.copyOf(feeds);
        }
    }

    /**
     * Media types from the media table (dev.otapress.media), so a template never spells one.
     *
     * @param feed    an Atom feed's
     * @param listing releases.json's
     * @param favicon the theme's icon's
     */
    public record TypesView(String feed, String listing, String favicon) {
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
     * An app as its card, header and breadcrumbs show it: a fixed size, whatever its history.
     *
     * @param link        link to the app's own page, or to the home page when the site has one app
     * @param iconLink    the app's icon at the size pages draw it (120 px, for 60 CSS px)
     * @param iconLargeLink the same for the large icon of an app's header (180 px)
     * @param recommended the newest build of the default channel, or null when the app has none
     * @param heads       the newest build of each channel the app has, the default channel's first
     * @param channels    the channels this app has releases in, in the site's order
     * @param latestJson  link to the app's latest.json (the in-app update check)
     * @param searchIndex link to the app's search index (the whole history, fetched on first search)
     * @param releaseCount how many releases the app has
     */
    public record AppView(String bundleIdentifier, String name, String link, String iconLink, String iconLargeLink,
                          ReleaseView recommended,
                          List<ReleaseView> heads, List<ChannelView> channels, String latestJson, String searchIndex,
                          int releaseCount) {
        public AppView {
            heads = List.copyOf(heads);
            channels = List.copyOf(channels);
        }
    }

    /**
     * One page of an app's history: releases grouped by version, newest first. Pages are numbered
     * from the oldest, so a new build changes only the newest page.
     *
     * @param number   this page's number (1 is the oldest)
     * @param count    how many pages there are, or 0 on an older page (which must not change when builds are added)
     * @param groups   the versions on this page
     * @param newer    link to the next newer page, or null on the newest
     * @param older    link to the next older page, or null on the oldest
     * @param front    link to the app's page (the newest builds first)
     * @param pages    on the app's page: links to every older page, newest first; empty elsewhere
     */
    public record HistoryView(int number, int count, List<VersionGroup> groups, String newer, String older, String front,
                              List<PageLink> pages) {
        public HistoryView {
            groups = List.copyOf(groups);
            pages = List.copyOf(pages);
        }
    }

    /** A link to a history page, e.g. "Page 3: 2.1.0 – 2.4.0". */
    public record PageLink(int number, String label, String link) {
    }

    /**
     * The builds of one version on a history page.
     *
     * @param shown the newest few builds
     * @param more  the rest, shown folded
     */
    public record VersionGroup(String version, List<ReleaseView> shown, List<ReleaseView> more) {
        public VersionGroup {
            shown = List.copyOf(shown);
            more = List.copyOf(more);
        }
    }

    /**
     * A release page: the release, its neighbours and the notes of the releases before it.
     *
     * @param newestInChannel the newest release of this one's channel when this one is older, else null
     * @param earlier         the releases of the same channel just before this one, newest first, with notes
     *                        ("What's new since your version"); at most a few
     * @param moreEarlier     whether there are more earlier releases than {@code earlier} shows
     * @param historyLink     link to the app's history
     * @param qrSvg           inline SVG of a QR code of the page's URL
     * @param guards          what the page checks before an install
     */
    public record ReleasePageView(ReleaseView release, ReleaseView previous, ReleaseView next, ReleaseView newestInChannel,
                                  List<ReleaseView> earlier, boolean moreEarlier, String historyLink,
                                  TemplateHTMLOutputModel qrSvg, GuardsView guards) {
        public ReleasePageView {
            earlier = List.copyOf(earlier);
        }
    }

    /**
     * What the install page checks in the browser (no request leaves the page).
     *
     * @param udidHashes SHA-256 hashes (hex) of salt + ':' + upper-case UDID of each device the
     *                   profile lists, space-separated; null when the check is off or the build is not for listed devices
     * @param udidSalt   the salt those hashes use
     */
    public record GuardsView(String udidHashes, String udidSalt) {
    }

    /**
     * One release as pages show it, in groups: its facts, its links, its profile and its notes.
     *
     * @param latestInChannel whether this is the newest release of its channel
     * @param latest          whether this is the app's newest release
     * @param params          the front matter's free-form params
     */
    public record ReleaseView(String title, String version, String build, ChannelView channel, DateView date,
                              boolean latestInChannel, boolean latest, StateView state, FactsView facts, LinksView links,
                              ProfileView profile, NotesView notes, Map<String, Object> params) {
        public ReleaseView {
            params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        }

        /** "3.4.2 (1054)", as pages print a build and as search matches it. */
        public String label() {
            return version + " (" + build + ")";
        }
    }

    /**
     * @param date     ISO date (2026-11-02)
     * @param datetime ISO instant for {@code <time datetime>}
     * @param label    for people (2 Nov 2026)
     * @param time     the time of day, UTC (14:30), or empty at midnight (a date given without a time)
     */
    public record DateView(String date, String datetime, String label, String time) {
    }

    /**
     * @param id          "installable" or why not ({@code site.ReleaseState} ids, e.g. "profile-expired")
     * @param sentence    "Can no longer be installed: …", or empty
     */
    public record StateView(String id, boolean installable, String sentence) {
    }

    /**
     * What the build is.
     *
     * @param minimumOS   the minimum iOS, or null
     * @param devices     device families, e.g. "iPhone, iPad"
     * @param extensions  the nested bundles, e.g. "com.acme.app.widgets (app extension)"
     */
    public record FactsView(String appName, String bundleIdentifier, String minimumOS, String devices, long size,
                            String sizeLabel, String sha256, String fileName, List<String> extensions) {
        public FactsView {
            extensions = List.copyOf(extensions);
        }
    }

    /**
     * Where the release is. The install fields are null when the release cannot be installed.
     *
     * @param page        link to the release's page
     * @param url         the page's absolute URL
     * @param install     the itms-services link; the template's escaping writes its '&' as &amp;amp; once
     * @param icon        the icon at the size pages draw it (120 px for 60 CSS px)
     * @param icon2x      the icon for 3x screens (180 px)
     */
    public record LinksView(String page, String url, String manifestUrl, String ipaUrl, String ipa, String icon,
                            String icon2x, String install) {
    }

    /**
     * @param type        enterprise, ad-hoc, development or app-store
     * @param summary     the type in plain words, e.g. "Ad hoc: 24 registered devices"
     * @param expiresSoon the profile expires within the site's warning period
     * @param expired     the profile has expired
     * @param signedBy    "TEAM NAME (TEAMID)" of an intact signature's signer, or null when unknown or broken
     */
    public record ProfileView(String type, String summary, String name, String teamName, String expires,
                              String expiresLabel, boolean expiresSoon, boolean expired, int devices, String signedBy) {
    }

    /**
     * The notes as a page shows them. {@link #html} and {@link #heading} are worked out from the
     * components when a template asks, so a page taken over from the previous output never pays
     * for them (its model's digest covers the components they are made from).
     *
     * @param rendered the notes as rendered from Markdown
     * @param top      the heading level the notes' own top headings get on this page
     * @param excerpt  the first lines as plain text
     */
    public record NotesView(String rendered, int top, String excerpt) {
        /** The notes, their headings nested under the page's "What's new" (h{@code top} and below). */
        public TemplateHTMLOutputModel html() {
            return Templates.markup(NotesHtml.nest(rendered, top));
        }

        /** What the page calls the notes: "What's new", or "Release notes" when they have a "What's new" section. */
        public String heading() {
            return NotesHtml.heading(rendered);
        }
    }
}
