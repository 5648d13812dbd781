package dev.otapress.config;


import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The typed content of site.yaml.
 *
 * @param baseUrl     the https address under which public/ is served
 * @param downloadsBaseUrl the https address under which the .ipa files and release icons are served
 *                    instead (a CDN or download host), or null when they sit beside the pages
 * @param description may be empty
 * @param theme       folder name under themes/
 * @param channels    the release channels declared, in display order; empty when site.yaml lists
 *                    none, and then any channel a release names is accepted
 * @param defaultChannel     the channel people are told to install, and the channel of releases
 *                           that name none (default_channel, else stable)
 * @param deviceRegistration how to get a device into an ad hoc build (text, may hold a link), or empty
 * @param udidCheck          whether ad hoc release pages publish salted hashes of their devices'
 *                           UDIDs so that people can check theirs in the browser
 * @param udidSalt           the salt of those hashes (udid_salt, else the base URL)
 * @param releaseFolder      where {@code otapress add} files a build under content/ (release_folder),
 *                           with {app}, {version}, {build}, {bundle_id} and {channel} filled in
 * @param prune              the retention policy of {@code otapress prune} (prune:), or null when
 *                           site.yaml sets none (then prune needs one on its command line)
 */
public record SiteConfig(
        String title,
        BaseUrl baseUrl,
        String description,
        String theme,
        MarkdownOptions markdown,
        List<Channel> channels,
        CheckSwitches checks,
        String defaultChannel,
        String deviceRegistration,
        boolean udidCheck,
        String udidSalt,
        String releaseFolder,
        BaseUrl downloadsBaseUrl,
        PrunePolicy prune) {

    public SiteConfig {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(checks, "checks");
        channels = List.copyOf(channels);
        Objects.requireNonNull(defaultChannel, "defaultChannel");
        Objects.requireNonNull(deviceRegistration, "deviceRegistration");
        Objects.requireNonNull(udidSalt, "udidSalt");
        Objects.requireNonNull(releaseFolder, "releaseFolder");
        if (!channels.isEmpty() && channels.stream().noneMatch(c -> c.name().equals(defaultChannel))) {
            throw new IllegalArgumentException("default_channel '" + defaultChannel + "' is not one of the channels listed"
                    + " under 'channels:'; add it there or name one of them");
        }
    }

    /** Options of the Markdown renderer. */
    public record MarkdownOptions(boolean unsafeHtml) {
    }

    /** A release channel (stable, beta, nightly…) with the label people read. */
    public record Channel(String name, String label) {
        /** The one rule for a channel name, wherever it is written: it becomes part of CSS classes and page text. */
        private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

        public static final Channel STABLE = named("stable");

        public Channel {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(label, "label");
            if (!isName(name)) throw new IllegalArgumentException("'" + name + "' is not a channel name");
        }

        public static boolean isName(String name) {
            return name != null && NAME.matcher(name).matches();
        }

        /** A channel that site.yaml gives no label is shown by its name, capitalized: beta is "Beta". */
        public static Channel named(String name) {
            return new Channel(name, name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1));
        }
    }


}
