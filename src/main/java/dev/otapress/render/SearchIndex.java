package dev.otapress.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otapress.site.App;
import dev.otapress.site.Release;
import dev.otapress.site.Site;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * apps/&lt;bundle id&gt;/search.json: an app's whole history for the search box, as compact as the
 * search needs (short keys, no whitespace, notes cut to a budget). The page fetches it on the
 * first search, so the pages themselves stay small however long the history grows.
 */
final class SearchIndex {
    /** Notes characters kept per release: enough to find a fix by its words, small at 1,000 releases. */
    static final int NOTES_BUDGET = 240;

    /** @param releases newest first */
    record Index(int schemaVersion, List<Entry> releases) {
    }

    /**
     * @param v version
     * @param b build
     * @param c channel name
     * @param l channel label
     * @param d date label
     * @param t the title when it is not just "name version"
     * @param p the release page's path from the site root, percent-encoded
     * @param s why the release can no longer be installed, if it cannot
     * @param n the notes as plain text, cut to {@link #NOTES_BUDGET}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String v, String b, String c, String l, String d, String t, String p, String s, String n) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    byte[] write(Site site, App app) {
        List<Entry> entries = app.releases().stream().map(r -> entry(site, app, r)).toList();
        try {
            return (MAPPER.writeValueAsString(new Index(1, entries)) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records always serialize", e);
        }
    }

    private static Entry entry(Site site, App app, Release r) {
        String title = r.title().equals(app.name() + " " + r.version()) ? null : r.title();
        String notes = r.notesText().strip().replaceAll("\\s+", " ");
        if (notes.length() > NOTES_BUDGET) {
            int end = Character.isHighSurrogate(notes.charAt(NOTES_BUDGET - 1)) ? NOTES_BUDGET - 1 : NOTES_BUDGET;
            notes = notes.substring(0, end) + "…";
        }
        return new Entry(r.version(), r.build(), r.channel(), site.channel(r.channel()).label(), Views.dateLabel(r.date()), title,
                Urls.encodePath(Urls.releaseFolder(r)), r.installable() ? null : r.state().sentence(), notes.isEmpty() ? null : notes);
    }
}
