package dev.otapress.config;

import dev.otapress.ipa.InstallChecks;

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
        InstallChecks checks) {

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
    }

    /** A release channel (stable, beta, nightly…) with the label people read. */
    public record Channel(String name, String label) {
        public static final Channel STABLE = new Channel("stable", "Stable");

        public Channel {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(label, "label");
        }
    }


}
