package dev.otapress.link;

import dev.otapress.render.Urls;

import java.util.Objects;

/**
 * One install link written for each place it goes: plain (a raw {@code &}, for email, chat and
 * JSON), inside an HTML attribute (the {@code &} escaped once), and as a Markdown link.
 *
 * @param manifestUrl the manifest's absolute https URL, a valid URI
 * @param plain       the link iOS reads
 */
public record InstallLinkForms(String manifestUrl, String plain) {

    public InstallLinkForms {
        Objects.requireNonNull(manifestUrl, "manifestUrl");
        Objects.requireNonNull(plain, "plain");
    }

    public static InstallLinkForms of(String manifestUrl) {
        return new InstallLinkForms(manifestUrl, Urls.installLink(manifestUrl));
    }

    /** The link escaped once for an HTML attribute, in an anchor ready to paste. */
    public String html() {
        return "<a href=\"" + plain.replace("&", "&amp;").replace("\"", "&quot;") + "\">Install</a>";
    }

    /** A Markdown link; the encoded link holds no space or parenthesis, so it needs no brackets. */
    public String markdown() {
        return "[Install](" + plain + ")";
    }
}
