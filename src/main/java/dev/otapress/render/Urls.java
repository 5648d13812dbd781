package dev.otapress.render;

import dev.otapress.config.BaseUrl;
import dev.otapress.config.SiteConfig;
import dev.otapress.media.HttpRules;
import dev.otapress.site.App;
import dev.otapress.site.Release;
import dev.otapress.text.PercentEncoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The only place that turns site paths into URLs and install links.
 *
 * <p>A site path is the '/'-separated path of an output file relative to public/, in plain text
 * ({@code releases/2.0 beta & more #1/R&D App (β).ipa}). Every segment is percent-encoded as UTF-8
 * here, and nowhere else, so no name can break a link.
 */
public final class Urls {
    private final BaseUrl baseUrl;
    private final BaseUrl downloadsBaseUrl;

    public Urls(BaseUrl baseUrl) {
        this(baseUrl, null);
    }

    /** @param downloadsBaseUrl where the {@link #binaries} are served instead, or null when they sit beside the pages */
    public Urls(BaseUrl baseUrl, BaseUrl downloadsBaseUrl) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.downloadsBaseUrl = downloadsBaseUrl;
    }

    /** The URLs of a site as its site.yaml places it. */
    public static Urls of(SiteConfig config) {
        return new Urls(config.baseUrl(), config.downloadsBaseUrl());
    }

    /** The file a folder's page lives in: servers show it for the folder's own address. */
    public static final String INDEX = HttpRules.PAGE_FILE;
    /** Site path of the home page. */
    public static final String HOME = INDEX;
    /** Site path of the machine-readable listing. */
    public static final String LISTING = HttpRules.LISTING_FILE;
    /** Site path of the Atom feed of every release. */
    public static final String FEED = HttpRules.FEED_FILE;
    /** The folder of the theme's static files (stylesheet, script, images), ending in '/'. */
    public static final String ASSETS = "assets/";
    /** The folder of the per-app pages and feeds, ending in '/'. */
    public static final String APPS = "apps/";
    public static final String STYLESHEET = ASSETS + "style.css";
    public static final String SCRIPT = ASSETS + "app.js";
    public static final String FAVICON = ASSETS + "favicon.svg";
    private static final String MANIFEST = HttpRules.MANIFEST_FILE;

    /**
     * One output file and the address people use for it, from one descriptor (as Hugo's
     * page_paths does): a page is written as {@code folder/index.html} and linked as {@code folder/}.
     *
     * @param file     the site path of the file written
     * @param linkPath the site path links use: the folder for an index page, else the file itself
     */
    public record Target(String file, String linkPath) {
        public static Target file(String path) {
            return new Target(path, path);
        }

        /** @param folder a folder path ending in '/', or "" for the site root */
        public static Target page(String folder) {
            if (!folder.isEmpty() && !folder.endsWith("/")) throw new IllegalArgumentException("not a folder: " + folder);
            return new Target(folder + INDEX, folder);
        }
    }

    /** A theme asset by its path inside the theme's static/ folder, e.g. {@code img/logo.svg}. */
    public static String asset(String pathInTheme) {
        return ASSETS + pathInTheme;
    }

    /** The home page, linked as the site root. */
    public static Target home() {
        return Target.page("");
    }

    /** An app's page and its folder. */
    public static Target app(App app) {
        return Target.page(appFolder(app));
    }

    /** A release's page and its folder. */
    public static Target release(Release r) {
        return Target.page(releaseFolder(r));
    }

    /** The link path of any page file: its folder for an index page, else the file. */
    public static String linkPath(String file) {
        if (file.equals(INDEX)) return "";
        return file.endsWith("/" + INDEX) ? file.substring(0, file.length() - INDEX.length()) : file;
    }

    /** The Atom feed of one app's releases; written for every app, also when the site has only one. */
    public static String appFeed(App app) {
        return appFolder(app) + FEED;
    }

    /** An app's own page, used when the site has several apps. */
    public static String appPage(App app) {
        return app(app).file();
    }

    /** The folder of an app's page and feed, ending in '/': the app page's address as people share it. */
    public static String appFolder(App app) {
        return APPS + app.bundleIdentifier() + "/";
    }

    /** Page {@code number} of an app's history (1 is the oldest), linked as its folder. */
    public static String historyFolder(App app, int number) {
        return appFolder(app) + HISTORY + number + "/";
    }

    private static final String HISTORY = "history/";
    /** An app's folder or one of its history pages' folders, as links give them (relative to the site root, percent-encoded). */
    private static final Pattern LISTING_PAGE = Pattern.compile(Pattern.quote(APPS) + "[^/?#]+/(" + Pattern.quote(HISTORY) + "[1-9][0-9]{0,8}/)?");

    /**
     * Whether a folder path (relative to the site root, as a link gives it) is an app's page or one
     * of its history pages: the pages that together list every release of a portal, which check
     * reads when a portal has no releases.json.
     */
    public static boolean listsReleases(String relativeFolder) {
        return LISTING_PAGE.matcher(relativeFolder).matches();
    }

    public static String historyPage(App app, int number) {
        return Target.page(historyFolder(app, number)).file();
    }

    /** The app's update check: the newest build of each channel (see LatestJson). */
    public static String latestJson(App app) {
        return appFolder(app) + HttpRules.LATEST_FILE;
    }

    /** The app's search index: its whole history, compact, fetched by the page on the first search. */
    public static String searchIndex(App app) {
        return appFolder(app) + HttpRules.SEARCH_FILE;
    }

    public static String releasePage(Release r) {
        return release(r).file();
    }

    /** The release's folder, which is what people share: it ends in '/', so servers show index.html. */
    public static String releaseFolder(Release r) {
        return r.sitePath() + "/";
    }

    public static String manifest(Release r) {
        return releaseFile(r, MANIFEST);
    }

    /** The .ipa keeps its own file name, so a downloaded copy is recognisable. */
    public static String ipa(Release r) {
        return releaseFile(r, r.facts().ipa().fileName());
    }

    public static String icon(Release r, IconSize size) {
        return releaseFile(r, HttpRules.iconFile(size.pixels()));
    }

    /** A file in a release's folder: its own, or one the build writes there. */
    public static String releaseFile(Release r, String fileName) {
        return releaseFolder(r) + fileName;
    }

    /**
     * The files of a release that {@code downloads_base_url} moves to the download host: the .ipa
     * and the icons the manifest names. Everything else stays beside the pages.
     */
    public static List<String> binaries(Release r) {
        List<String> paths = new ArrayList<>();
        paths.add(ipa(r));
        for (IconSize size : IconSize.values()) paths.add(icon(r, size));
        return List.copyOf(paths);
    }

    /** Whether a site path names one of {@link #binaries}: an .ipa or a manifest icon. */
    public static boolean isBinary(String sitePath) {
        String name = sitePath.substring(sitePath.lastIndexOf('/') + 1);
        if (name.endsWith(".ipa")) return true;
        for (IconSize size : IconSize.values()) if (name.equals(HttpRules.iconFile(size.pixels()))) return true;
        return false;
    }

    /** The absolute URL of a binary: on the download host when the site has one, else beside the pages. */
    public String download(String sitePath) {
        return (downloadsBaseUrl != null ? downloadsBaseUrl : baseUrl).resolve(encodePath(sitePath));
    }

    /**
     * The link from a page to a binary: relative while binaries sit beside the pages (so the portal
     * still browses from disk), absolute on the download host when the site has one.
     */
    public String downloadLink(String fromPage, String sitePath) {
        return downloadsBaseUrl != null ? download(sitePath) : relative(fromPage, sitePath);
    }

    /** The origin pages load images from besides their own: the download host's, or null. */
    public String imageOrigin() {
        return downloadsBaseUrl == null ? null : downloadsBaseUrl.origin();
    }

    /** The absolute https URL of a file; a folder path ending in '/' gives the folder's URL. */
    public String absolute(String sitePath) {
        return baseUrl.resolve(encodePath(sitePath));
    }

    /**
     * The link from one page to a file, relative so that the portal browses from disk as well as
     * from its server.
     *
     * @param fromPage the site path of the page holding the link, e.g. {@code releases/1.0/index.html}
     */
    public static String relative(String fromPage, String toSitePath) {
        // encodePath escapes ':', so no first segment can be mistaken for a scheme.
        String link = root(fromPage) + encodePath(toSitePath);
        return link.isEmpty() ? "./" : link;
    }

    /** The relative prefix from a page to the site root: "" for the home page, "../../" two levels down. */
    public static String root(String fromPage) {
        int depth = 0;
        for (int i = 0; i < fromPage.length(); i++) if (fromPage.charAt(i) == '/') depth++;
        return "../".repeat(depth);
    }

    /** The itms-services link that makes iOS fetch the manifest at {@code manifestUrl}. */
    public static String installLink(String manifestUrl) {
        return ItmsServices.LINK_START + encodeQueryValue(manifestUrl);
    }

    /** Encodes each segment of a '/'-separated path; the separators stay. */
    public static String encodePath(String sitePath) {
        StringBuilder out = new StringBuilder();
        int start = 0;
        while (true) {
            int slash = sitePath.indexOf('/', start);
            String segment = slash < 0 ? sitePath.substring(start) : sitePath.substring(start, slash);
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("a site path has no '.' or '..' segments: " + sitePath);
            }
            out.append(encodeSegment(segment));
            if (slash < 0) break;
            out.append('/');
            start = slash + 1;
        }
        return out.toString();
    }

    /** UTF-8 percent-encoding of everything but the unreserved characters of RFC 3986. */
    public static String encodeSegment(String segment) {
        return percentEncode(segment);
    }

    /**
     * A whole URL as one query value. iOS decodes the value once and parses the result as the
     * manifest's URL, so its own %XX escapes must survive as %25XX: a space becomes %2520.
     */
    public static String encodeQueryValue(String value) {
        return percentEncode(value);
    }

    private static String percentEncode(String s) {
        return PercentEncoding.encode(s);
    }
}
