package dev.otapress.config;

import java.util.List;

/**
 * Which install checks stop a build (site.yaml's {@code checks:}, and a release's front matter over
 * it), read by {@code ipa.InstallChecks}. Plain switches, so the configuration knows nothing of
 * how an .ipa is checked.
 *
 * @param appStoreBuild    an App Store profile is an error (it never installs over the air)
 * @param expiredProfile   an expired profile is an error
 * @param bundleIdMismatch a profile for another bundle id is an error
 * @param missingProfile   no embedded.mobileprovision (unsigned or simulator build) is an error
 * @param warningDays      a profile expiring within this many days is a warning
 * @param codeSeal         a build changed after it was signed (a broken seal) is an error
 * @param signer           a signer outside the profile's certificates, a CMS signature that does
 *                         not verify, or teams that disagree, is an error
 * @param oldSignature     a signature in the format of macOS 10.15 or earlier is an error when the
 *                         app needs iOS 15 or later (it is a warning otherwise)
 * @param teamIds          the teams allowed to sign builds for this portal (site.yaml
 *                         {@code team_ids}); empty allows any team
 */
public record CheckSwitches(boolean appStoreBuild, boolean expiredProfile, boolean bundleIdMismatch,
                            boolean missingProfile, int warningDays, boolean codeSeal, boolean signer,
                            boolean oldSignature, List<String> teamIds) {

    public static final CheckSwitches ALL = new CheckSwitches(true, true, true, true, 30, true, true, true, List.of());

    public CheckSwitches {
        teamIds = List.copyOf(teamIds);
    }

    /** The profile checks alone, with the signature checks on and no team pinned. */
    public CheckSwitches(boolean appStoreBuild, boolean expiredProfile, boolean bundleIdMismatch, boolean missingProfile,
                         int warningDays) {
        this(appStoreBuild, expiredProfile, bundleIdMismatch, missingProfile, warningDays, true, true, true, List.of());
    }

    /** The site.yaml (and front matter) keys under {@code checks:} that turn a check on or off. */
    public static final java.util.Set<String> KEYS = java.util.Set.of("app_store_build", "expired_profile",
            "bundle_id_mismatch", "missing_profile", "code_seal", "signer", "old_signature");

    /**
     * These checks with some turned on or off, as a release's front matter asks.
     *
     * @param overrides check key ({@link #KEYS}) to on or off
     */
    public CheckSwitches with(java.util.Map<String, Boolean> overrides) {
        return new CheckSwitches(overrides.getOrDefault("app_store_build", appStoreBuild),
                overrides.getOrDefault("expired_profile", expiredProfile),
                overrides.getOrDefault("bundle_id_mismatch", bundleIdMismatch),
                overrides.getOrDefault("missing_profile", missingProfile), warningDays,
                overrides.getOrDefault("code_seal", codeSeal), overrides.getOrDefault("signer", signer),
                overrides.getOrDefault("old_signature", oldSignature), teamIds);
    }

    /** These checks with the teams a portal accepts. */
    public CheckSwitches withTeamIds(List<String> teams) {
        return new CheckSwitches(appStoreBuild, expiredProfile, bundleIdMismatch, missingProfile, warningDays, codeSeal,
                signer, oldSignature, teams);
    }
}
