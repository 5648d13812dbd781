package dev.otapress.render;

import dev.otapress.config.SiteConfig;
import dev.otapress.ipa.DeviceFamily;
import dev.otapress.codesign.CodeSignature;
import dev.otapress.ipa.ProvisioningProfile;
import dev.otapress.render.PageModel.ProfileView;
import dev.otapress.render.PageModel.AppView;
import dev.otapress.render.PageModel.ChannelView;
import dev.otapress.render.PageModel.FeedView;
import dev.otapress.render.PageModel.PageView;
import dev.otapress.render.PageModel.ReleaseView;
import dev.otapress.render.PageModel.SiteView;
import dev.otapress.media.ContentSecurityPolicy;
import dev.otapress.site.App;
import dev.otapress.site.Release;
import dev.otapress.site.Site;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds the template model of each page from the site model. */
final class Views {
    /**
     * The servers' policy, less frame-ancestors: browsers ignore that directive in a meta tag and
     * log an error for it.
     */

    private static final DateTimeFormatter DATE_LABEL = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final Site site;
    private final Urls urls;
    private final Set<String> latestInChannel = new HashSet<>();
    private final Instant now;
    /**
     * Views of every app as pages at one depth show them, keyed by the relative prefix to the root.
     * Built once per depth and shared, so the model of a whole build is linear in the history.
     */
    private final Map<String, List<AppView>> appsByRoot = new ConcurrentHashMap<>();
    private final Map<Release, App> appOfRelease = new IdentityHashMap<>();
    private final Map<Release, Integer> indexInApp = new IdentityHashMap<>();
    private final Map<Release, Release> newestOfChannel = new IdentityHashMap<>();

    Views(Site site, Urls urls, Instant now) {
        this.site = site;
        this.urls = urls;
        this.now = now;
        for (App app : site.apps()) {
            Map<String, Release> newest = new HashMap<>();
            for (int i = 0; i < app.releases().size(); i++) {
                Release r = app.releases().get(i);
                if (newest.putIfAbsent(r.channel(), r) == null) latestInChannel.add(r.sitePath());
                newestOfChannel.put(r, newest.get(r.channel()));
                appOfRelease.put(r, app);
                indexInApp.put(r, i);
            }
        }
    }

    PageModel home() {
        return new PageModel(siteView(), page("home", site.config().title(), Urls.HOME,
                // With one app the home page is that app's page, so it offers the app's feed too.
                site.singleApp() ? site.apps().get(0) : null), apps(Urls.HOME), null, null);
    }

    PageModel app(App app) {
        String from = Urls.appPage(app);
        return new PageModel(siteView(), page("app", app.name(), from, app), apps(from), appView(app, from), null);
    }

    PageModel release(App app, Release r) {
        String from = Urls.releasePage(r);
        int i = indexInApp.get(r);
        // "previous" is the older release, "next" the newer one, as in a history read top down.
        ReleaseView previous = i + 1 < app.releases().size() ? release(app.releases().get(i + 1), from, null, null, false) : null;
        ReleaseView next = i > 0 ? release(app.releases().get(i - 1), from, null, null, false) : null;
        ReleaseView view = release(r, from, previous, next, true);
        String title = r.title() + " · " + site.config().title();
        return new PageModel(siteView(), page("release", title, from, app), apps(from),
                apps(from).get(site.apps().indexOf(app)), view);
    }

    private SiteView siteView() {
        return new SiteView(site.config().title(), site.config().description(), site.config().baseUrl().toString(),
                Templates.markup(site.introHtml()), channels(site.channels().stream().map(SiteConfig.Channel::name).toList()),
                site.releases().size());
    }

    private List<ChannelView> channels(List<String> names) {
        return site.channels().stream().filter(c -> names.contains(c.name()))
                .map(c -> new ChannelView(c.name(), c.label())).toList();
    }

    /** @param app the app whose feed the page offers besides the site's, or null */
    private PageView page(String kind, String title, String from, App app) {
        List<FeedView> feeds = new ArrayList<>();
        feeds.add(new FeedView(site.config().title() + ": all releases", "Feed of all releases", Urls.relative(from, Urls.FEED)));
        if (app != null) {
            feeds.add(new FeedView(site.config().title() + ": " + app.name() + " releases", app.name() + " feed",
                    Urls.relative(from, Urls.appFeed(app))));
        }
        return new PageView(kind, title, Urls.root(from), Urls.relative(from, Urls.HOME), Urls.relative(from, Urls.STYLESHEET),
                Urls.relative(from, Urls.SCRIPT), Urls.relative(from, Urls.FAVICON), Urls.relative(from, Urls.LISTING),
                urls.absolute(Urls.linkPath(from)),
                ContentSecurityPolicy.pageMeta(urls.imageOrigin()), feeds);
    }

    private List<AppView> apps(String from) {
        return appsByRoot.computeIfAbsent(Urls.root(from), root -> site.apps().stream().map(a -> appView(a, from)).toList());
    }

    private AppView appView(App app, String from) {
        List<ReleaseView> releases = app.releases().stream().map(r -> release(r, from, null, null, false)).toList();
        Set<String> names = new LinkedHashSet<>();
        for (Release r : app.releases()) names.add(r.channel());
        String link = site.singleApp() ? Urls.relative(from, Urls.HOME) : Urls.relative(from, Urls.appPage(app));
        return new AppView(app.bundleIdentifier(), app.name(), link, iconLink(app.latest(), from), releases.get(0), releases,
                channels(new ArrayList<>(names)));
    }

    private String iconLink(Release r, String from) {
        return urls.downloadLink(from, Urls.icon(r, IconSize.FULL_SIZE_IMAGE));
    }

    /** @param withQr whether the view is the page's own release, the only one that shows a QR code */
    private ReleaseView release(Release r, String from, ReleaseView previous, ReleaseView next, boolean withQr) {
        App app = appOfRelease.get(r);
        Release newest = newestOfChannel.get(r);
        ReleaseView newestView = newest == r ? null : release(newest, from, null, null, false);
        SiteConfig.Channel channel = site.channel(r.channel());
        String manifestUrl = urls.absolute(Urls.manifest(r));
        String pageUrl = urls.absolute(Urls.releaseFolder(r));
        // The QR code carries the page's https URL, never the itms-services link: a phone's camera
        // opens the page in Safari, where the install button works.
        var qr = withQr ? Templates.markup(QrSvg.of(pageUrl, "QR code of this page: " + pageUrl)) : null;
        var a = r.ipa().app();
        boolean installable = r.installable();
        return new ReleaseView(r.title(), a.name(), a.bundleIdentifier(), a.version(), a.build(),
                ISO_DATE.format(r.date()), r.date().toString(), DATE_LABEL.format(r.date()),
                r.channel(), channel.label(), latestInChannel.contains(r.sitePath()),
                app.latest() == r,
                a.minimumOSVersion(), a.deviceFamilies().stream().map(DeviceFamily::label).collect(Collectors.joining(", ")),
                r.ipa().size(), sizeLabel(r.ipa().size()), r.ipa().sha256(), r.source().ipa().getFileName().toString(),
                Templates.markup(r.notesHtml()), r.excerpt(),
                String.join(" ", r.title(), a.version(), a.build(), channel.label(), r.notesText()).toLowerCase(Locale.ROOT),
                Urls.relative(from, Urls.releasePage(r)), pageUrl, installable ? manifestUrl : null,
                installable ? urls.download(Urls.ipa(r)) : null, installable ? urls.downloadLink(from, Urls.ipa(r)) : null,
                iconLink(r, from), installable ? Urls.installLink(manifestUrl) : null,
                r.state().id(), r.state().sentence(), profile(r.ipa().profile(), r.ipa().codeSignature()),
                r.ipa().extensions().stream().map(e -> e.bundleIdentifier() + " (" + e.type().id().replace('-', ' ') + ")").toList(),
                r.params(), previous, next, newestView, qr);
    }

    private ProfileView profile(ProvisioningProfile p, CodeSignature signature) {
        if (p == null) return null;
        String devices = p.devices() + " registered device" + (p.devices() == 1 ? "" : "s");
        String summary = switch (p.type()) {
            case ENTERPRISE -> "Enterprise: installs on any company device";
            case AD_HOC -> "Ad hoc: " + devices;
            case DEVELOPMENT -> "Development: " + devices;
            case APP_STORE -> "App Store: cannot be installed from this page";
        };
        boolean expired = p.isExpiredAt(now);
        boolean soon = p.expiresWithin(now, site.config().checks().warningDays());
        return new ProfileView(p.type().id(), summary, p.name(), p.teamName(), ISO_DATE.format(p.expires()),
                DATE_LABEL.format(p.expires()), soon, expired, p.devices(), signedBy(p, signature));
    }

    /** The team that signed an intact build, as "Name (TEAMID)"; null when that is not known for sure. */
    private static String signedBy(ProvisioningProfile p, CodeSignature s) {
        if (s.status() != CodeSignature.Status.VALID || s.signer() == null || s.teamIdentifier() == null) return null;
        String name = s.signer().organization() != null ? s.signer().organization() : p.teamName();
        return (name == null ? "" : name + " ") + "(" + s.teamIdentifier() + ")";
    }

    /** Decimal units, as iOS and macOS show file sizes. */
    static String sizeLabel(long bytes) {
        if (bytes < 1000) return bytes + " bytes";
        if (bytes < 1_000_000) return String.format(Locale.ROOT, "%.0f KB", bytes / 1000.0);
        if (bytes < 1_000_000_000) return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1_000_000_000.0);
    }
}
