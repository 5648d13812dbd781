package dev.otapress.media;

import dev.otapress.image.IconScaler;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What each output file is served with. Files the build generates are recognised by their exact
 * names, wherever they sit (a generated {@code manifest.plist} is text/xml, inline, no-cache); the
 * .ipa by its suffix; everything else (theme files and files authors put beside a release) by its
 * media type, under the inert policy, and as an attachment when a browser would render it as a
 * document. Author files may not take a generated name ({@link #isReservedName}), so a name rule
 * never meets an author's file.
 */
public final class HttpRules {

    /** What a generated name is. */
    public enum Role { PAGE, MANIFEST, LISTING, FEED, ICON }

    /** A file the build generates, by its exact name. */
    public record NameRule(Role role, String fileName, Served served) {
        public NameRule {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(served, "served");
        }
    }

    /*
     * The names of the files the build generates: their one home, shared by the output registry
     * (render.Urls), the server configs and check, since a server recognises them by name.
     */
    public static final String PAGE_FILE = "index.html";
    public static final String MANIFEST_FILE = "manifest.plist";
    public static final String LISTING_FILE = "releases.json";
    public static final String FEED_FILE = "feed.xml";
    /** Beside each app's page: the newest build of each channel, for the in-app update check. */
    public static final String LATEST_FILE = "latest.json";
    /** Beside each app's page: the app's history for the search box. */
    public static final String SEARCH_FILE = "search.json";
    /** The icon sizes pages draw (60 CSS px on 2x and 3x screens), beside the manifest's. */
    public static final int PAGE_ICON_SIZE = 120;
    public static final int PAGE_ICON_3X_SIZE = 180;

    /** The manifest icon of this size beside a release. */
    public static String iconFile(int pixels) {
        return "icon-" + pixels + ".png";
    }

    /** Generated names, in the order the server configs list them (they come after, and win over, the type rules). */
    public static final List<NameRule> GENERATED = List.of(
            new NameRule(Role.PAGE, PAGE_FILE,
                    new Served(MediaTypes.HTML.contentType(), Caching.NO_CACHE, ContentSecurityPolicy.PAGE, false)),
            new NameRule(Role.MANIFEST, MANIFEST_FILE,
                    new Served(MediaTypes.PLIST.contentType(), Caching.NO_CACHE, ContentSecurityPolicy.INERT, false)),
            new NameRule(Role.LISTING, LISTING_FILE,
                    new Served(MediaTypes.JSON.contentType(), Caching.NO_CACHE, ContentSecurityPolicy.INERT, false)),
            new NameRule(Role.FEED, FEED_FILE,
                    new Served(MediaTypes.ATOM.contentType(), Caching.NO_CACHE, ContentSecurityPolicy.INERT, false)),
            new NameRule(Role.ICON, iconFile(IconScaler.DISPLAY_IMAGE_SIZE),
                    new Served(MediaTypes.PNG.contentType(), Caching.LONG, ContentSecurityPolicy.INERT, false)),
            new NameRule(Role.ICON, iconFile(IconScaler.FULL_SIZE_IMAGE_SIZE),
                    new Served(MediaTypes.PNG.contentType(), Caching.LONG, ContentSecurityPolicy.INERT, false)),
            new NameRule(Role.ICON, iconFile(PAGE_ICON_SIZE),
                    new Served(MediaTypes.PNG.contentType(), Caching.LONG, ContentSecurityPolicy.INERT, false)),
            new NameRule(Role.ICON, iconFile(PAGE_ICON_3X_SIZE),
                    new Served(MediaTypes.PNG.contentType(), Caching.LONG, ContentSecurityPolicy.INERT, false)),
            new NameRule(Role.LISTING, LATEST_FILE,
                    new Served(MediaTypes.JSON.contentType(), Caching.NO_CACHE, ContentSecurityPolicy.INERT, false)),
            new NameRule(Role.LISTING, SEARCH_FILE,
                    new Served(MediaTypes.JSON.contentType(), Caching.NO_CACHE, ContentSecurityPolicy.INERT, false)));

    /** The release's .ipa: opaque, immutable, inline (the install daemon fetches it, browsers download it anyway). */
    public static final Served APP =
            new Served(MediaTypes.IPA.contentType(), Caching.IMMUTABLE, ContentSecurityPolicy.INERT, false);

    /**
     * Files the host itself reads as configuration, which must never come from an author's folder:
     * a {@code .htaccess} or {@code web.config} beside a release would change how the server treats it.
     */
    public static final Set<String> HOST_CONTROL_FILES = Set.of(
            ".htaccess", ".htpasswd", ".user.ini", "web.config", "_headers", "_redirects", "_routes.json",
            "netlify.toml", "vercel.json", "staticwebapp.config.json", ".well-known");

    private HttpRules() {
    }

    /**
     * How the file at a site path (relative to public/, unencoded, e.g. {@code releases/1.0/notes.svg})
     * is served. A path that is empty or ends in '/' is a folder, answered with its index.html.
     * This is the call for {@code serve}, {@code deploy} and {@code check}.
     */
    public static Served forPath(String sitePath) {
        String name = sitePath.isEmpty() || sitePath.endsWith("/") ? PAGE_FILE
                : sitePath.substring(sitePath.lastIndexOf('/') + 1);
        for (NameRule rule : GENERATED) {
            if (rule.fileName().equals(name)) return rule.served();
        }
        MediaType type = MediaTypes.forName(name);
        if (type == MediaTypes.IPA) return APP;
        return forType(type);
    }

    /** An author's or the theme's file of this type. */
    public static Served forType(MediaType type) {
        return new Served(type.contentType(), Caching.NO_CACHE, ContentSecurityPolicy.INERT, type.document());
    }

    /** The rule for a generated name; the name must be one of {@link #GENERATED}. */
    public static NameRule generated(Role role, String fileName) {
        return GENERATED.stream().filter(r -> r.role() == role && r.fileName().equals(fileName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no generated file " + fileName));
    }

    /** Whether a file of this name is read by some host as its configuration, compared without case. */
    public static boolean isHostControlFile(String fileName) {
        return HOST_CONTROL_FILES.contains(fileName.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether an author's file may not have this name: it is a generated name or a host control file,
     * compared without case, since some hosts' file systems ignore it.
     */
    public static boolean isReservedName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return HOST_CONTROL_FILES.contains(lower) || GENERATED.stream().anyMatch(r -> r.fileName().equals(lower));
    }

    /** The generated names, for messages. */
    public static String generatedNames() {
        return GENERATED.stream().map(NameRule::fileName).collect(Collectors.joining(", "));
    }
}
