package dev.otapress.ipa;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells, before anything is published, whether devices will be able to install a build: the
 * failures iOS reports only after a download, or not at all.
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
public record InstallChecks(boolean appStoreBuild, boolean expiredProfile, boolean bundleIdMismatch,
                            boolean missingProfile, int warningDays, boolean codeSeal, boolean signer,
                            boolean oldSignature, List<String> teamIds) {

    public static final InstallChecks ALL = new InstallChecks(true, true, true, true, 30, true, true, true, List.of());

    public InstallChecks {
        teamIds = List.copyOf(teamIds);
    }

    /** The profile checks alone, with the signature checks on and no team pinned. */
    public InstallChecks(boolean appStoreBuild, boolean expiredProfile, boolean bundleIdMismatch, boolean missingProfile,
                         int warningDays) {
        this(appStoreBuild, expiredProfile, bundleIdMismatch, missingProfile, warningDays, true, true, true, List.of());
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", java.util.Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** The site.yaml (and front matter) keys under {@code checks:} that turn a check on or off. */
    public static final java.util.Set<String> KEYS = java.util.Set.of("app_store_build", "expired_profile",
            "bundle_id_mismatch", "missing_profile", "code_seal", "signer", "old_signature");

    /**
     * What stops a device from installing a build. The site model maps each to a release state
     * ({@code site.ReleaseState.Reason}); the compiler makes sure every one is mapped.
     */
    public enum Blocker { PROFILE_MISSING, APP_STORE_BUILD, BUNDLE_ID_MISMATCH, PROFILE_EXPIRED, SIGNATURE_BROKEN,
        SIGNATURE_TOO_OLD, TEAM_NOT_PINNED }

    /**
     * One finding. With {@code error} and a blocker, the build cannot be installed: the build fails
     * when it is the release people should install, and otherwise publishes it as no longer
     * installable. With {@code error} and no blocker it always stops the build; without
     * {@code error} it is printed as a warning.
     *
     * @param blocker what stops the install, or null for a finding that does not
     * @param because the blocker in a few words for the pages ("its profile expired on 2 Nov 2026"), or null
     */
    public record Finding(boolean error, String message, Blocker blocker, String because) {
        public Finding(boolean error, String message) {
            this(error, message, null, null);
        }
    }

    /**
     * These checks with some turned on or off, as a release's front matter asks.
     *
     * @param overrides check key ({@link #KEYS}) to on or off
     */
    public InstallChecks with(java.util.Map<String, Boolean> overrides) {
        return new InstallChecks(overrides.getOrDefault("app_store_build", appStoreBuild),
                overrides.getOrDefault("expired_profile", expiredProfile),
                overrides.getOrDefault("bundle_id_mismatch", bundleIdMismatch),
                overrides.getOrDefault("missing_profile", missingProfile), warningDays,
                overrides.getOrDefault("code_seal", codeSeal), overrides.getOrDefault("signer", signer),
                overrides.getOrDefault("old_signature", oldSignature), teamIds);
    }

    /** These checks with the teams a portal accepts. */
    public InstallChecks withTeamIds(List<String> teams) {
        return new InstallChecks(appStoreBuild, expiredProfile, bundleIdMismatch, missingProfile, warningDays, codeSeal,
                signer, oldSignature, teams);
    }

    public List<Finding> check(IpaInfo ipa, Instant now) {
        List<Finding> findings = new ArrayList<>();
        ProvisioningProfile p = ipa.profile();
        String turnOff = " (to publish it anyway, set checks.%s: false in site.yaml, or under checks: in this release's index.md)";
        if (p == null) {
            findings.add(new Finding(missingProfile, "has no readable embedded.mobileprovision: it is unsigned or built for"
                    + " the simulator, and no device will install it; export it with an Enterprise, Ad Hoc or Development"
                    + " profile" + String.format(turnOff, "missing_profile"), Blocker.PROFILE_MISSING,
                    "it carries no provisioning profile"));
            findings.addAll(new SignatureChecks(this).check(ipa, turnOff));
            return findings;
        }
        if (!p.type().installableOverTheAir()) {
            findings.add(new Finding(appStoreBuild, "is signed for the App Store (profile '" + p.name() + "'), which iOS"
                    + " never installs from a web page; export it again with an Enterprise or Ad Hoc profile"
                    + String.format(turnOff, "app_store_build"), Blocker.APP_STORE_BUILD,
                    "it is signed for the App Store"));
        }
        if (!p.coversBundleId(ipa.app().bundleIdentifier())) {
            findings.add(new Finding(bundleIdMismatch, "is signed with profile '" + p.name() + "' for "
                    + p.applicationIdentifier() + ", which does not cover " + ipa.app().bundleIdentifier()
                    + "; iOS will refuse the install: sign it with a profile for its bundle id"
                    + String.format(turnOff, "bundle_id_mismatch"), Blocker.BUNDLE_ID_MISMATCH,
                    "its profile does not cover " + ipa.app().bundleIdentifier()));
        }
        if (p.isExpiredAt(now)) {
            findings.add(new Finding(expiredProfile, "has a provisioning profile that expired on " + DAY.format(p.expires())
                    + "; iOS will not install or launch it: renew the profile and export the build again"
                    + String.format(turnOff, "expired_profile"), Blocker.PROFILE_EXPIRED,
                    "its profile expired on " + DAY.format(p.expires())));
        } else if (p.expiresWithin(now, warningDays)) {
            long days = Duration.between(now, p.expires()).toDays();
            findings.add(new Finding(false, "has a provisioning profile that expires on " + DAY.format(p.expires())
                    + " (in " + days + " day" + (days == 1 ? "" : "s") + "); after that the app no longer launches:"
                    + " renew the profile and publish a new build before then"));
        }
        if (p.type() == ProvisioningProfile.Type.AD_HOC) {
            findings.add(new Finding(false, "is an ad hoc build for " + p.devices() + " registered device"
                    + (p.devices() == 1 ? "" : "s") + "; other devices cannot install it"));
        }
        findings.addAll(new SignatureChecks(this).check(ipa, turnOff));
        return findings;
    }
}
