package dev.otapress.content;

import java.time.Instant;
import java.util.Map;

/**
 * What a release's index.md says about it beyond what the IPA knows.
 *
 * @param title   null when not given (the page then uses app name and version)
 * @param date    null when not given (the IPA's Info.plist time is used)
 * @param channel null when not given (the site's default_channel is used)
 * @param version null, or a version that must agree with the IPA's
 * @param build   null, or a build number that must agree with the IPA's
 * @param icon    null, or a PNG file in the bundle folder to use as the app icon
 * @param params  free-form keys for templates, in file order
 * @param checks  install checks this release turns on or off (keys as under site.yaml's checks:)
 * @param pruned  what is recorded of the build when {@code otapress prune} removed its .ipa, or null
 */
public record FrontMatter(
        String title,
        Instant date,
        String channel,
        boolean draft,
        String version,
        String build,
        String icon,
        Map<String, Object> params,
        Map<String, Boolean> checks,
        PrunedBuild pruned) {

    public static final FrontMatter EMPTY = new FrontMatter(null, null, null, false, null, null, null, Map.of(), Map.of(), null);

    public FrontMatter {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        checks = Map.copyOf(checks);
    }
}
