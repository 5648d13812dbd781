package dev.otapress.add;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * What to file.
 *
 * @param siteDir the site folder
 * @param ipa     the build to file
 * @param notes   the release notes (Markdown), or null for a stub that says where to write them
 * @param channel the channel, or null for the site's default channel
 * @param date    the release date as the user wrote it, or null for {@code now}
 * @param title   the page title, or null for "App version"
 * @param now     the time of the add
 */
public record AddRequest(Path siteDir, Path ipa, String notes, String channel, String date, String title, Instant now) {
    public AddRequest {
        Objects.requireNonNull(siteDir, "siteDir");
        Objects.requireNonNull(ipa, "ipa");
        Objects.requireNonNull(now, "now");
    }
}
