package dev.otapress.site;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One build as the portal shows it: what the IPA says, plus what the notes add. It holds what the
 * pages print ({@link ReleaseFacts}), not the files it was read from: the pipeline keeps those for
 * the steps that copy them.
 *
 * @param sitePath  the release's folder relative to content/, '/'-separated, e.g. {@code releases/1.4.0}:
 *                  its place in the portal
 * @param folder    the release's folder on disk, for messages that name where a problem is
 * @param facts     what the pages print about the build
 * @param title     the front matter's title, or "Name version"
 * @param channel   the channel's name (one the site declares)
 * @param notesHtml the rendered notes, already safe to insert as markup
 * @param excerpt   the first lines of the notes as plain text
 * @param notesText all of the notes as plain text
 * @param iconPng   the app icon as a standard PNG (the front matter's, else the IPA's), or null
 *                  when there is none and a placeholder stands in
 * @param stops     what stops devices from installing it, as the install checks found (empty when nothing does)
 * @param state     whether it can be installed: decided for the whole site by {@link InstallRule}, since
 *                  a stop fails the build for the release people install and only marks the others
 */
public record Release(
        String sitePath,
        Path folder,
        ReleaseFacts facts,
        String title,
        Instant date,
        String channel,
        boolean draft,
        String notesHtml,
        String excerpt,
        String notesText,
        byte[] iconPng,
        Map<String, Object> params,
        List<Stop> stops,
        ReleaseState state) {

    /**
     * An install check that failed for this release.
     *
     * @param message the whole diagnostic, with what to do
     * @param because the reason in a few words for the pages
     */
    public record Stop(ReleaseState.Reason reason, String message, String because) {
        public Stop {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(because, "because");
        }
    }

    /** Newest first: by version, then build, then date, then path (so the order is total). */
    public static final Comparator<Release> NEWEST_FIRST = Comparator
            .comparing((Release r) -> new Version(r.version()))
            .thenComparing(r -> new Version(r.build()))
            .thenComparing(Release::date)
            .reversed()
            .thenComparing(Release::sitePath);

    public Release {
        Objects.requireNonNull(sitePath, "sitePath");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(notesHtml, "notesHtml");
        Objects.requireNonNull(excerpt, "excerpt");
        Objects.requireNonNull(notesText, "notesText");
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        stops = List.copyOf(stops);
        Objects.requireNonNull(state, "state");
    }

    public Release withState(ReleaseState newState) {
        return new Release(sitePath, folder, facts, title, date, channel, draft, notesHtml, excerpt, notesText, iconPng, params, stops, newState);
    }

    public boolean installable() {
        return state.installable();
    }

    public String bundleIdentifier() {
        return facts.app().bundleIdentifier();
    }

    public String version() {
        return facts.app().version();
    }

    public String build() {
        return facts.app().build();
    }
}
