package dev.otapress.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A portal with a long history, for the portal's page and browser tests: Field, with {@link #FIELD_RELEASES}
 * releases in stable and beta (four builds to a version, so versions group; the newest is a
 * beta, so the recommended build is not the newest; one old stable build's profile expired; one
 * build is ad hoc; one is 3.4.2 (1054) on an older page; the newest stable needs iOS 17.0), and
 * Expenses, with one release.
 */
public final class PortalSite {
    public static final String BASE_URL = "https://apps.example.com/ios/";
    public static final String FIELD = "com.acme.field";
    public static final String EXPENSES = "com.acme.expenses";
    public static final int FIELD_RELEASES = 110;
    /** Builds 1000 to 1109; the folder of build b is field/b. */
    public static final int FIRST_BUILD = 1000;
    public static final int NEWEST_STABLE_BUILD = 1108;
    public static final int NEWEST_BETA_BUILD = 1109;
    public static final int EXPIRED_BUILD = 1002;
    public static final int AD_HOC_BUILD = 1104;
    public static final int SEARCHED_BUILD = 1054;
    /** The UDIDs of the ad hoc build's profile (TestProfiles' made-up ones). */
    public static final String REGISTERED_UDID = "00008110-0000000000001001";
    public static final String UNREGISTERED_UDID = "00008110-00000000000FFFFF";
    /** A code block wider than any phone, in the newest stable build's notes. */
    public static final String WIDE_CODE = "x".repeat(30) + "_a_line_of_a_log_that_does_not_wrap_" + "y".repeat(60);

    private PortalSite() {
    }

    /** The version of a build: four builds to a version, 3.4.2 for build 1054. */
    public static String version(int build) {
        if (build == SEARCHED_BUILD) return "3.4.2";
        int v = (build - FIRST_BUILD) / 4;
        return (1 + v / 10) + "." + (v % 10) + ".0";
    }

    public static String channel(int build) {
        return build == NEWEST_BETA_BUILD || (build % 5 == 0 && build != NEWEST_STABLE_BUILD) ? "beta" : "stable";
    }

    public static TestSite write(Path root) throws IOException {
        TestSite site = TestSite.at(root).siteYaml("""
                title: Acme Builds
                base_url: %s
                channels:
                  - name: stable
                    label: Stable
                  - name: beta
                    label: Beta
                device_registration: https://it.example.com/register-device
                udid_salt: acme-portal-salt
                """.formatted(BASE_URL));
        for (int b = FIRST_BUILD; b < FIRST_BUILD + FIELD_RELEASES; b++) {
            String version = version(b);
            Instant date = LocalDate.of(2025, 1, 1).plusDays(b - FIRST_BUILD).atTime(9, 30).toInstant(ZoneOffset.UTC);
            TestIpa ipa = TestIpa.app("Field", FIELD).version(version, String.valueOf(b)).time(date);
            if (b == EXPIRED_BUILD) {
                ipa.embeddedProfile(TestProfiles.enterprise("Old").dates(Instant.parse("2020-01-01T00:00:00Z"),
                        Instant.parse("2021-01-01T00:00:00Z")).cms());
            } else if (b == AD_HOC_BUILD) {
                ipa.embeddedProfile(TestProfiles.adHoc("Acme Ad Hoc", 3).dates(Instant.parse("2026-01-01T00:00:00Z"),
                        Instant.parse("2036-01-01T00:00:00Z")).cms());
            } else {
                ipa.enterpriseSigned();
            }
            if (b == NEWEST_STABLE_BUILD) ipa.put("MinimumOSVersion", "17.0");
            String folder = "field/" + b;
            site.release(folder, "Field.ipa", ipa);
            String notes = b == NEWEST_STABLE_BUILD
                    ? "## What's new\n\nFaster sync.\n\n```\n" + WIDE_CODE + "\n```\n\n| a | b |\n|---|---|\n| " + WIDE_CODE + " | x |\n"
                    : "Build " + b + ": fixes for route " + (b % 7) + (b == SEARCHED_BUILD ? ", and the signature pad" : "") + ".\n";
            site.notes(folder, "---\nchannel: " + channel(b) + "\n---\n" + notes);
        }
        site.release("expenses/2.0.0", "Expenses.ipa", TestIpa.app("Expenses", EXPENSES).version("2.0.0", "200")
                .enterpriseSigned().time(Instant.parse("2026-11-05T09:00:00Z")));
        site.notes("expenses/2.0.0", "Receipts by camera.\n");
        return site;
    }
}
