package dev.otapress.ipa;

import dev.otapress.config.CheckSwitches;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells, before anything is published, whether devices will be able to install a build: the
 * failures iOS reports only after a download, or not at all. Which checks stop a build, and when
 * a profile counts as expiring soon, is site.yaml's (and a release's front matter's) say:
 * {@link CheckSwitches}.
 */
public record InstallChecks(CheckSwitches switches) {

    public static final InstallChecks ALL = new InstallChecks(CheckSwitches.ALL);

    public InstallChecks {
        java.util.Objects.requireNonNull(switches, "switches");
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", java.util.Locale.ENGLISH).withZone(ZoneOffset.UTC);

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
     * How to turn a check off, said only while it is on: advice to set what is already set would
     * send people looking for a mistake in the wrong place.
     */
    private static String advice(boolean on, String key) {
        return on ? " (to publish it anyway, set checks." + key + ": false in site.yaml, or under checks: in this"
                + " release's index.md)" : " (published anyway: checks." + key + " is false)";
    }

    public List<Finding> check(IpaInfo ipa, Instant now) {
        List<Finding> findings = new ArrayList<>();
        ProvisioningProfile p = ipa.profile();
        String turnOff = " (to publish it anyway, set checks.%s: false in site.yaml, or under checks: in this release's index.md)";
        if (p == null) {
            findings.add(new Finding(switches.missingProfile(), "has no readable embedded.mobileprovision: it is unsigned or built for"
                    + " the simulator, and no device will install it; export it with an Enterprise, Ad Hoc or Development"
                    + " profile" + advice(switches.missingProfile(), "missing_profile"), Blocker.PROFILE_MISSING,
                    "it carries no provisioning profile"));
            findings.addAll(new SignatureChecks(switches).check(ipa, turnOff));
            return findings;
        }
        if (!p.type().installableOverTheAir()) {
            findings.add(new Finding(switches.appStoreBuild(), "is signed for the App Store (profile '" + p.name() + "'), which iOS"
                    + " never installs from a web page; export it again with an Enterprise or Ad Hoc profile"
                    + advice(switches.appStoreBuild(), "app_store_build"), Blocker.APP_STORE_BUILD,
                    "it is signed for the App Store"));
        }
        if (!p.coversBundleId(ipa.app().bundleIdentifier())) {
            findings.add(new Finding(switches.bundleIdMismatch(), "is signed with profile '" + p.name() + "' for "
                    + p.applicationIdentifier() + ", which does not cover " + ipa.app().bundleIdentifier()
                    + "; iOS will refuse the install: sign it with a profile for its bundle id"
                    + advice(switches.bundleIdMismatch(), "bundle_id_mismatch"), Blocker.BUNDLE_ID_MISMATCH,
                    "its profile does not cover " + ipa.app().bundleIdentifier()));
        }
        if (p.isExpiredAt(now)) {
            findings.add(new Finding(switches.expiredProfile(), "has a provisioning profile that expired on " + DAY.format(p.expires())
                    + "; iOS will not install or launch it: renew the profile and export the build again"
                    + advice(switches.expiredProfile(), "expired_profile"), Blocker.PROFILE_EXPIRED,
                    "its profile expired on " + DAY.format(p.expires())));
        } else if (p.expiresWithin(now, switches.warningDays())) {
            long days = ProvisioningProfile.daysLeft(p.expires(), now);
            findings.add(new Finding(false, "has a provisioning profile that expires on " + DAY.format(p.expires())
                    + " (in " + days + " day" + (days == 1 ? "" : "s") + "); after that the app no longer launches:"
                    + " renew the profile and publish a new build before then"));
        }
        if (p.type() == ProvisioningProfile.Type.AD_HOC) {
            findings.add(new Finding(false, "is an ad hoc build for " + p.devices() + " registered device"
                    + (p.devices() == 1 ? "" : "s") + "; other devices cannot install it"));
        }
        findings.addAll(new SignatureChecks(switches).check(ipa, turnOff));
        return findings;
    }
}
