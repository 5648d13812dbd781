package dev.otapress.render;

import dev.otapress.cache.QrCodeStore;
import dev.otapress.config.SiteConfig;
import dev.otapress.render.PageModel.AppView;
import dev.otapress.render.PageModel.ChannelView;
import dev.otapress.render.PageModel.DateView;
import dev.otapress.render.PageModel.FactsView;
import dev.otapress.render.PageModel.FeedView;
import dev.otapress.render.PageModel.GuardsView;
import dev.otapress.render.PageModel.HistoryView;
import dev.otapress.render.PageModel.LinksView;
import dev.otapress.render.PageModel.NotesView;
import dev.otapress.render.PageModel.PageLink;
import dev.otapress.render.PageModel.PageView;
import dev.otapress.render.PageModel.ProfileView;
import dev.otapress.render.PageModel.ReleasePageView;
import dev.otapress.render.PageModel.ReleaseView;
import dev.otapress.render.PageModel.SiteView;
import dev.otapress.media.ContentSecurityPolicy;
import dev.otapress.media.MediaTypes;
import dev.otapress.render.PageModel.TypesView;
import dev.otapress.render.PageModel.StateView;
import dev.otapress.render.PageModel.VersionGroup;
import dev.otapress.site.App;
import dev.otapress.site.Release;
import dev.otapress.site.ReleaseFacts;
import dev.otapress.site.Site;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the template model of each page from the site model. Each page gets what it shows and no
 * more: a release page its release, neighbours and a few earlier notes; an app page one page of
 * history. What every page of an app shows (its header) is built once per page depth and shared.
 */
final class Views {
    /** How many builds of one version a history page lists before folding the rest. */
    static final int BUILDS_SHOWN_PER_VERSION = 3;
    /** How many earlier releases a release page reads out under "What's new since your version". */
    static final int EARLIER_NOTES = 5;

    private static final DateTimeFormatter DATE_LABEL = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME_LABEL = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private static final TypesView TYPES = new TypesView(MediaTypes.ATOM.name(), MediaTypes.JSON.name(),
            MediaTypes.forName(Urls.FAVICON).name());

    private final Site site;
    private final Urls urls;
    private final Instant now;
    private final Histories histories;
    private final UdidHashes udids;
    /** QR codes drawn by earlier builds, or null. */
    private final QrCodeStore qrCodes;
    /** The same on every page, so built (and digested) once. */
    private final SiteView siteView;
    /** Every app's view as pages at one depth show it, keyed by the relative prefix to the root. */
    private final Map<String, List<AppView>> appsByRoot = new ConcurrentHashMap<>();
    /**
     * Each release's view as pages at one depth show it: a release page shows up to eight releases
     * (its neighbours, its channel's newest, five earlier notes), so each is built once, not once a page.
     */
    private final Map<ViewKey, ReleaseView> releaseViews = new ConcurrentHashMap<>();

    /** Links in a view depend on the page only through its depth ({@link Urls#root}). */
    private record ViewKey(int release, String root, int notesTop) {
    }

    Views(Site site, Urls urls, Instant now, QrCodeStore qrCodes) {
        this.site = site;
        this.qrCodes = qrCodes;
        this.urls = urls;
        this.now = now;
        this.histories = new Histories(site.apps());
        this.udids = new UdidHashes(site.config().udidSalt());
        this.siteView = buildSiteView();
    }

    Histories histories() {
        return histories;
    }

    PageModel home() {
        String from = Urls.HOME;
        PageView page = page("home", site.config().title(), from, site.singleApp() ? site.apps().get(0) : null);
        if (site.singleApp()) {
            App app = site.apps().get(0);
            return new PageModel(siteView(), page, apps(from), apps(from).get(0), history(app, histories.pageCount(app), from, true), null);
        }
        return new PageModel(siteView(), page, apps(from), null, null, null);
    }

    PageModel app(App app) {
        String from = Urls.appPage(app);
        return new PageModel(siteView(), page("app", app.name(), from, app), apps(from), appView(app, from),
                history(app, histories.pageCount(app), from, true), null);
    }

    /** One page of an app's history, 1 being the oldest. */
    PageModel historyPage(App app, int number) {
        String from = Urls.historyPage(app, number);
        String title = app.name() + " history, page " + number;
        return new PageModel(siteView(), page("history", title, from, app), apps(from), appView(app, from),
                history(app, number, from, false), null);
    }

    PageModel release(App app, Release r) {
        String from = Urls.releasePage(r);
        List<Release> all = app.releases();
        int i = histories.index(r);
        // "previous" is the older release, "next" the newer one, as in a history read top down.
        ReleaseView previous = i + 1 < all.size() ? release(all.get(i + 1), from) : null;
        ReleaseView next = i > 0 ? release(all.get(i - 1), from) : null;
        Release newest = histories.newestOfChannel(app, r.channel());
        List<Release> before = histories.earlierInChannel(r, EARLIER_NOTES + 1);
        List<ReleaseView> earlier = before.stream().limit(EARLIER_NOTES).map(e -> release(e, from, 4)).toList();
        ReleaseView view = release(r, from);
        // The QR code is drawn by complete(), only for a page that is made: it is drawn from the
        // page's URL alone, which the model holds, so a model's digest vouches for it too.
        if (qrCodes != null) qrCodes.planned(view.links().url());
        ReleasePageView page = new ReleasePageView(view, previous, next, newest == r ? null : release(newest, from), earlier,
                before.size() > EARLIER_NOTES, frontLink(app, from), null, guards(r));
        String title = r.title() + " · " + site.config().title();
        return new PageModel(siteView(), page("release", title, from, app), apps(from), appView(app, from), null, page);
    }

    /** The model as the template gets it: a release page with its QR code drawn. */
    PageModel complete(PageModel model) {
        ReleasePageView page = model.release();
        if (page == null || page.qrSvg() != null) return model;
        // The QR code carries the page's https URL, never the itms-services link: a phone's camera
        // opens the page in Safari, where the install button works.
        String url = page.release().links().url();
        String label = "QR code of this page: " + url;
        var qr = Templates.markup(qrCodes == null ? QrSvg.of(url, label) : QrSvg.svg(qrCodes.modules(url, QrSvg::modules), label));
        return new PageModel(model.site(), model.page(), model.apps(), model.app(), model.history(),
                new ReleasePageView(page.release(), page.previous(), page.next(), page.newestInChannel(), page.earlier(),
                        page.moreEarlier(), page.historyLink(), qr, page.guards()));
    }

    private GuardsView guards(Release r) {
        ReleaseFacts.Profile p = r.facts().profile();
        if (!site.config().udidCheck() || p == null || p.deviceIds().isEmpty() || !r.installable()) {
            return new GuardsView(null, null);
        }
        return new GuardsView(udids.hashes(p.deviceIds()), site.config().udidSalt());
    }

    private SiteView siteView() {
        return siteView;
    }

    private SiteView buildSiteView() {
        String registration = site.config().deviceRegistration();
        return new SiteView(site.config().title(), site.config().description(), site.config().baseUrl().toString(),
                Templates.markup(site.introHtml()), site.channels().stream().map(c -> channel(c.name())).toList(),
                site.releases().size(), site.singleApp(), channel(site.config().defaultChannel()), registration,
                registration.matches("https://\\S+") ? registration : null);
    }

    private ChannelView channel(String name) {
        SiteConfig.Channel c = site.channel(name);
        return new ChannelView(c.name(), c.label(), c.name().equals(site.config().defaultChannel()));
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
                urls.absolute(Urls.linkPath(from)), ContentSecurityPolicy.pageMeta(urls.imageOrigin()), feeds, TYPES);
    }

    private List<AppView> apps(String from) {
        return appsByRoot.computeIfAbsent(Urls.root(from), root -> site.apps().stream().map(a -> buildAppView(a, from)).toList());
    }

    private AppView appView(App app, String from) {
        return apps(from).get(site.apps().indexOf(app));
    }

    private String frontLink(App app, String from) {
        return site.singleApp() ? Urls.relative(from, Urls.HOME) : Urls.relative(from, Urls.appFolder(app));
    }

    private AppView buildAppView(App app, String from) {
        Release recommended = histories.newestOfChannel(app, site.config().defaultChannel());
        List<ReleaseView> heads = new ArrayList<>();
        List<ChannelView> channels = new ArrayList<>();
        for (SiteConfig.Channel c : site.channels()) {
            Release head = histories.newestOfChannel(app, c.name());
            if (head == null) continue;
            channels.add(channel(c.name()));
            heads.add(release(head, from));
        }
        // The default channel leads, whatever the site's display order.
        heads.sort((a, b) -> Boolean.compare(b.channel().recommended(), a.channel().recommended()));
        Release face = recommended != null ? recommended : app.latest();
        return new AppView(app.bundleIdentifier(), app.name(), frontLink(app, from), urls.downloadLink(from, Urls.icon(face, IconSize.PAGE)),
                urls.downloadLink(from, Urls.icon(face, IconSize.PAGE_3X)),
                recommended == null ? null : release(recommended, from), heads, channels,
                Urls.relative(from, Urls.latestJson(app)), Urls.relative(from, Urls.searchIndex(app)), app.releases().size());
    }

    /** @param front whether the page is the app's own page (which links every older page) */
    private HistoryView history(App app, int number, String from, boolean front) {
        int count = histories.pageCount(app);
        List<Release> releases = histories.page(app, number);
        List<VersionGroup> groups = new ArrayList<>();
        int start = 0;
        while (start < releases.size()) {
            int end = start;
            while (end < releases.size() && releases.get(end).version().equals(releases.get(start).version())) end++;
            List<ReleaseView> builds = releases.subList(start, end).stream().map(r -> release(r, from)).toList();
            groups.add(new VersionGroup(releases.get(start).version(),
                    builds.subList(0, Math.min(BUILDS_SHOWN_PER_VERSION, builds.size())),
                    builds.subList(Math.min(BUILDS_SHOWN_PER_VERSION, builds.size()), builds.size())));
            start = end;
        }
        List<PageLink> pages = new ArrayList<>();
        if (front) {
            for (int k = number - 1; k >= 1; k--) {
                List<Release> on = histories.page(app, k);
                pages.add(new PageLink(k, on.get(on.size() - 1).version() + " – " + on.get(0).version(),
                        Urls.relative(from, Urls.historyFolder(app, k))));
            }
        }
        // An older page must stay byte-identical when builds are added: it names no page count
        // and links the next newer page by number, which exists from the moment this one is full.
        String newer = number < count ? Urls.relative(from, Urls.historyFolder(app, number + 1)) : null;
        String older = number > 1 ? Urls.relative(from, Urls.historyFolder(app, number - 1)) : null;
        return new HistoryView(number, front ? count : 0, groups, front ? null : newer, older, frontLink(app, from), pages);
    }

    ReleaseView release(Release r, String from) {
        return release(r, from, 3);
    }

    /** @param notesTop the heading level the notes' own top headings get on this page */
    private ReleaseView release(Release r, String from, int notesTop) {
        return releaseViews.computeIfAbsent(new ViewKey(histories.ordinal(r), Urls.root(from), notesTop),
                k -> buildRelease(r, from, notesTop));
    }

    private ReleaseView buildRelease(Release r, String from, int notesTop) {
        ReleaseFacts.App a = r.facts().app();
        ReleaseFacts.Ipa ipa = r.facts().ipa();
        boolean installable = r.installable();
        String manifestUrl = urls.absolute(Urls.manifest(r));
        LinksView links = new LinksView(Urls.relative(from, Urls.releaseFolder(r)), urls.absolute(Urls.releaseFolder(r)),
                installable ? manifestUrl : null, installable ? urls.download(Urls.ipa(r)) : null,
                installable ? urls.downloadLink(from, Urls.ipa(r)) : null,
                urls.downloadLink(from, Urls.icon(r, IconSize.PAGE)), urls.downloadLink(from, Urls.icon(r, IconSize.PAGE_3X)),
                installable ? Urls.installLink(manifestUrl) : null);
        FactsView facts = new FactsView(a.name(), a.bundleIdentifier(), a.minimumOSVersion(),
                String.join(", ", a.devices()), ipa.size(), sizeLabel(ipa.size()), ipa.sha256(), ipa.fileName(),
                a.nested().stream().map(e -> e.bundleIdentifier() + " (" + e.kind().replace('-', ' ') + ")").toList());
        DateView date = new DateView(ISO_DATE.format(r.date()), r.date().toString(), DATE_LABEL.format(r.date()),
                // A date given without a time is midnight UTC: printing "00:00" would invent a time.
                TIME_LABEL.format(r.date()).equals("00:00") ? "" : TIME_LABEL.format(r.date()));
        return new ReleaseView(r.title(), a.version(), a.build(), channel(r.channel()), date,
                histories.newestOfChannel(histories.appOf(r), r.channel()) == r, histories.index(r) == 0,
                new StateView(r.state().id(), installable, r.state().sentence()), facts, links, profile(r.facts().profile()),
                new NotesView(r.notesHtml(), notesTop, r.excerpt()), r.params());
    }

    private ProfileView profile(ReleaseFacts.Profile p) {
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
                DATE_LABEL.format(p.expires()), soon, expired, p.devices(), p.signedBy());
    }

    static String dateLabel(Instant instant) {
        return DATE_LABEL.format(instant);
    }

    /** Decimal units, as iOS and macOS show file sizes. */
    static String sizeLabel(long bytes) {
        if (bytes < 1000) return bytes + " bytes";
        if (bytes < 1_000_000) return String.format(Locale.ROOT, "%.0f KB", bytes / 1000.0);
        if (bytes < 1_000_000_000) return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1_000_000_000.0);
    }
}
