package dev.otapress.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The typed content of site.yaml.
 *
 * @param baseUrl     absolute https URL ending in '/', under which public/ is served
 * @param description may be empty
 * @param theme       folder name under themes/
 * @param channels    the release channels declared, in display order; empty when site.yaml lists
 *                    none, and then any channel a release names is accepted
 */
public record SiteConfig(
        String title,
        URI baseUrl,
        String description,
        String theme,
        MarkdownOptions markdown,
        List<Channel> channels,
        Checks checks) {

    public SiteConfig {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(checks, "checks");
        if (!"https".equals(baseUrl.getScheme()) || !baseUrl.getPath().endsWith("/")) {
            throw new IllegalArgumentException("base URL must be https and end in '/': " + baseUrl);
        }
        channels = List.copyOf(channels);
    }

    /** Options of the Markdown renderer. */
    public record MarkdownOptions(boolean unsafeHtml) {
        public static final MarkdownOptions SAFE = new MarkdownOptions(false);
    }

    /** A release channel (stable, beta, nightly…) with the label people read. */
    public record Channel(String name, String label) {
        public static final Channel STABLE = new Channel("stable", "Stable");

        public Channel {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * The build-time guards against builds that cannot install, each of which a site may turn off.
     *
     * @param expiryWarningDays warn when a profile expires within this many days
     */
    public record Checks(
            boolean appStoreBuild,
            boolean expiredProfile,
            boolean bundleIdMismatch,
            boolean missingProfile,
            int expiryWarningDays) {
        public static final Checks ALL = new Checks(true, true, true, true, 30);

        public Checks {
            if (expiryWarningDays < 0) throw new IllegalArgumentException("expiryWarningDays < 0");
        }
    }

}
