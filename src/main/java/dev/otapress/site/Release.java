package dev.otapress.site;

import dev.otapress.content.ReleaseSource;
import dev.otapress.ipa.IpaInfo;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;

/**
 * One build as the portal shows it: what the IPA says, plus what the notes add.
 *
 * @param title     the front matter's title, or "Name version"
 * @param channel   the channel's name (one the site declares)
 * @param notesHtml the rendered notes, already safe to insert as markup
 * @param excerpt   the first lines of the notes as plain text
 * @param notesText all of the notes as plain text
 * @param iconPng   the app icon as a standard PNG (the front matter's, else the IPA's), or null
 *                  when there is none and a placeholder stands in
 */
public record Release(
        ReleaseSource source,
        IpaInfo ipa,
        String title,
        Instant date,
        String channel,
        boolean draft,
        String notesHtml,
        String excerpt,
        String notesText,
        byte[] iconPng,
        Map<String, Object> params) {

    /** Newest first: by version, then build, then date, then path (so the order is total). */
    public static final Comparator<Release> NEWEST_FIRST = Comparator
            .comparing((Release r) -> new Version(r.ipa().app().version()))
            .thenComparing(r -> new Version(r.ipa().app().build()))
            .thenComparing(Release::date)
            .reversed()
            .thenComparing(r -> r.source().sitePath());

    public Release {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ipa, "ipa");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(notesHtml, "notesHtml");
        Objects.requireNonNull(excerpt, "excerpt");
        Objects.requireNonNull(notesText, "notesText");
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    public String sitePath() {
        return source.sitePath();
    }

    public String version() {
        return ipa.app().version();
    }

    public String build() {
        return ipa.app().build();
    }
}
