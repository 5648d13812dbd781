package dev.otapress.render;

/**
 * The install link's syntax, as iOS reads it: {@code itms-services://?action=download-manifest&url=}
 * followed by the manifest's URL percent-encoded as one query value. {@link Urls} writes links
 * with it; {@code check} and {@code link --explain} read them with it.
 */
public final class ItmsServices {
    /** The scheme's name, as in {@code a[href^=itms-services:]}. */
    public static final String SCHEME = "itms-services";
    /** The scheme with its separator, as people see it written. */
    public static final String SCHEME_START = SCHEME + "://";
    /** What every install link starts with: the scheme and the start of the query. */
    public static final String PREFIX = SCHEME_START + "?";
    public static final String ACTION = "action";
    /** The only action iOS acts on. */
    public static final String DOWNLOAD_MANIFEST = "download-manifest";
    /** The parameter carrying the manifest's URL, percent-encoded once more. */
    public static final String URL = "url";
    /** {@code action=download-manifest}. */
    public static final String ACTION_PARAMETER = ACTION + "=" + DOWNLOAD_MANIFEST;
    /** All of a link before the encoded manifest URL. */
    public static final String LINK_START = PREFIX + ACTION_PARAMETER + "&" + URL + "=";

    private ItmsServices() {
    }
}
