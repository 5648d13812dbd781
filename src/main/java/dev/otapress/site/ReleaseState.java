package dev.otapress.site;

import dev.otapress.ipa.InstallChecks;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * Whether a published release can still be installed, and if not, why. A release that cannot is
 * still published (its page, notes and place in the history stay) but gets no install link, no
 * manifest and no .ipa in the output.
 *
 * @param reason  null when the release is installable
 * @param because the reason in a few words for pages ("its profile expired on 2 Nov 2026"); empty when installable
 */
public record ReleaseState(Reason reason, String because) {
    public static final ReleaseState INSTALLABLE = new ReleaseState(null, "");

    /** Why a release cannot be installed; {@link #id()} is the {@code state} in releases.json. */
    public enum Reason {
        PROFILE_MISSING("profile-missing"),
        PROFILE_EXPIRED("profile-expired"),
        APP_STORE_BUILD("app-store-build"),
        BUNDLE_ID_MISMATCH("bundle-id-mismatch"),
        SIGNATURE_BROKEN("signature-broken"),
        SIGNATURE_TOO_OLD("signature-too-old"),
        TEAM_NOT_PINNED("team-not-pinned"),
        /** The .ipa was removed by {@code otapress prune}; notes and page stay. */
        IPA_PRUNED("ipa-pruned");

        private final String id;

        Reason(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The state an install check's blocker puts a release in. */
        public static Reason of(InstallChecks.Blocker blocker) {
            return switch (blocker) {
                case PROFILE_MISSING -> PROFILE_MISSING;
                case PROFILE_EXPIRED -> PROFILE_EXPIRED;
                case APP_STORE_BUILD -> APP_STORE_BUILD;
                case BUNDLE_ID_MISMATCH -> BUNDLE_ID_MISMATCH;
                case SIGNATURE_BROKEN -> SIGNATURE_BROKEN;
                case SIGNATURE_TOO_OLD -> SIGNATURE_TOO_OLD;
                case TEAM_NOT_PINNED -> TEAM_NOT_PINNED;
            };
        }
    }

    public ReleaseState {
        Objects.requireNonNull(because, "because");
        if (reason != null && because.isBlank()) throw new IllegalArgumentException("a release not installable says why");
    }

    public static ReleaseState notInstallable(Reason reason, String because) {
        return new ReleaseState(Objects.requireNonNull(reason, "reason"), because);
    }

    /** A release whose .ipa otapress prune removed on that day. */
    public static ReleaseState pruned(Instant removed) {
        return notInstallable(Reason.IPA_PRUNED, "removed on " + DAY.format(removed));
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    public boolean installable() {
        return reason == null;
    }

    /** "installable", or the reason's id ("profile-expired"). */
    public String id() {
        return reason == null ? "installable" : reason.id();
    }

    /**
     * The sentence pages show, "Can no longer be installed: its profile expired on 2 Nov 2026.",
     * "No longer available (removed on 2 Dec 2026).", or empty.
     */
    public String sentence() {
        if (reason == null) return "";
        if (reason == Reason.IPA_PRUNED) return "No longer available (" + because + ").";
        return "Can no longer be installed: " + because + ".";
    }
}
