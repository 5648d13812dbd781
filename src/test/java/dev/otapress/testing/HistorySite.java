package dev.otapress.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A portal with a real history, for the feed and browser tests: one app with stable and beta
 * releases (one in a folder whose name needs escaping), and optionally a second app.
 */
public final class HistorySite {
    public static final String BUNDLE_ID = "com.acme.field";
    public static final String OTHER_BUNDLE_ID = "com.acme.expenses";
    public static final String BASE_URL = "https://apps.example.com/ios/";

    /**
     * One release as the tests expect to see it.
     *
     * @param folder the folder under content/, exactly as on disk
     */
    public record Entry(String bundleId, String folder, String version, String build, String channel, String date,
                        String notes) {
    }

    /** Newest first, by version and by date alike. */
    public static final List<Entry> FIELD = List.of(
            new Entry(BUNDLE_ID, "field/1.3 beta & more", "1.3.0", "130", "beta", "2026-11-10",
                    "Beta: **route planning** for <jobs> & more. See [the screenshot](shot.png)."),
            new Entry(BUNDLE_ID, "field/1.2.0", "1.2.0", "120", "stable", "2026-11-01",
                    "Signature capture on delivery."),
            new Entry(BUNDLE_ID, "field/1.1.0", "1.1.0", "110", "stable", "2026-10-15",
                    "Offline job list."),
            new Entry(BUNDLE_ID, "field/1.0.0", "1.0.0", "100", "stable", "2026-10-01",
                    "First release."));

    public static final Entry EXPENSES = new Entry(OTHER_BUNDLE_ID, "expenses/2.0.0", "2.0.0", "200", "stable",
            "2026-11-05", "Receipts by camera.");

    private HistorySite() {
    }

    /** Lays the site out under {@code root}; with {@code secondApp} the Expenses app joins. */
    public static TestSite write(Path root, boolean secondApp) throws IOException {
        TestSite site = TestSite.at(root).siteYaml("""
                title: Acme Builds
                base_url: %s
                channels:
                  - name: stable
                    label: Stable
                  - name: beta
                    label: Beta
                """.formatted(BASE_URL));
        for (Entry e : FIELD) release(site, e, "Field");
        if (secondApp) release(site, EXPENSES, "Expenses");
        return site;
    }

    private static void release(TestSite site, Entry e, String app) throws IOException {
        site.release(e.folder(), app + ".ipa", TestIpa.app(app, e.bundleId()).version(e.version(), e.build())
                .enterpriseSigned().time(Instant.parse(e.date() + "T09:00:00Z")));
        site.notes(e.folder(), "---\ndate: " + e.date() + "\nchannel: " + e.channel() + "\n---\n" + e.notes() + "\n");
    }
}
