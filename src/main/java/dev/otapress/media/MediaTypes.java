package dev.otapress.media;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every media type otapress serves, by file name suffix: the one table that the server configs,
 * {@code check}, {@code serve} and {@code deploy} read, so no two of them disagree on a type.
 * A suffix not listed is served as {@link #UNKNOWN}, which browsers download and never render.
 */
public final class MediaTypes {

    /** Apple's recommendation for the manifest; also what an author's .plist is served as. */
    public static final MediaType PLIST = new MediaType("text/xml", false, true, List.of("plist"));
    /** The app itself: opaque bytes, fetched by the install daemon with HEAD and ranges. */
    public static final MediaType IPA = new MediaType("application/octet-stream", false, false, List.of("ipa"));
    public static final MediaType HTML = new MediaType("text/html", true, true, List.of("html", "htm"));
    public static final MediaType JSON = new MediaType("application/json", false, false, List.of("json"));
    public static final MediaType ATOM = new MediaType("application/atom+xml", true, true, List.of("atom"));
    public static final MediaType PNG = new MediaType("image/png", false, false, List.of("png"));
    public static final MediaType SVG = new MediaType("image/svg+xml", false, true, List.of("svg", "svgz"));
    /** Any other XML; iOS also accepts it for the manifest. */
    public static final MediaType XML = new MediaType("application/xml", false, true, List.of("xml", "xsl", "xslt", "rss"));
    public static final MediaType UNKNOWN = new MediaType("application/octet-stream", false, false, List.of());

    /** In the order the server configs list them. */
    public static final List<MediaType> ALL = List.of(
            HTML,
            new MediaType("application/xhtml+xml", true, true, List.of("xhtml", "xht")),
            SVG,
            XML,
            ATOM,
            PLIST,
            new MediaType("application/pdf", false, true, List.of("pdf")),
            new MediaType("text/css", true, false, List.of("css")),
            new MediaType("text/javascript", true, false, List.of("js", "mjs")),
            JSON,
            new MediaType("application/manifest+json", false, false, List.of("webmanifest")),
            new MediaType("text/plain", true, false, List.of("txt", "log")),
            new MediaType("text/csv", true, false, List.of("csv")),
            PNG,
            new MediaType("image/jpeg", false, false, List.of("jpg", "jpeg")),
            new MediaType("image/gif", false, false, List.of("gif")),
            new MediaType("image/webp", false, false, List.of("webp")),
            new MediaType("image/avif", false, false, List.of("avif")),
            new MediaType("image/x-icon", false, false, List.of("ico")),
            new MediaType("font/woff2", false, false, List.of("woff2")),
            new MediaType("font/woff", false, false, List.of("woff")),
            new MediaType("video/mp4", false, false, List.of("mp4", "m4v")),
            new MediaType("video/quicktime", false, false, List.of("mov")),
            new MediaType("video/webm", false, false, List.of("webm")),
            new MediaType("audio/mpeg", false, false, List.of("mp3")),
            new MediaType("audio/mp4", false, false, List.of("m4a")),
            new MediaType("application/zip", false, false, List.of("zip")),
            new MediaType("application/gzip", false, false, List.of("gz")),
            IPA);

    private static final Map<String, MediaType> BY_SUFFIX = bySuffix();

    private MediaTypes() {
    }

    /** The type for a file name or path, by its last suffix, case-insensitively. */
    public static MediaType forName(String fileName) {
        String name = fileName.substring(fileName.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot < 0) return UNKNOWN;
        return BY_SUFFIX.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), UNKNOWN);
    }

    /** The types a browser renders as documents, whose author copies are sent as attachments. */
    public static List<MediaType> documents() {
        return ALL.stream().filter(MediaType::document).toList();
    }

    private static Map<String, MediaType> bySuffix() {
        Map<String, MediaType> map = new HashMap<>();
        for (MediaType t : ALL) {
            for (String s : t.suffixes()) {
                if (map.putIfAbsent(s, t) != null) throw new IllegalStateException("suffix listed twice: " + s);
            }
        }
        return Map.copyOf(map);
    }
}
