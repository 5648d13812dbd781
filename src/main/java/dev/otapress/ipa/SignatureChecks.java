package dev.otapress.ipa;

import dev.otapress.codesign.CodeSignature;
import dev.otapress.config.CheckSwitches;

import java.util.ArrayList;
import java.util.List;

/**
 * The install checks that read the code signature: the seal, the signer, the team and the
 * format. Part of {@link InstallChecks#check}, so every command that checks a build (build, add,
 * inspect) checks it the same way.
 */
final class SignatureChecks {

    private static final String INTEGRITY = "iOS refuses it with \"This app cannot be installed because its integrity"
            + " could not be verified\"";
    /** A broken seal names this many changes; the rest are counted (inspect --json lists them all). */
    private static final int SHOWN_PROBLEMS = 3;
    private static final int OLD_FORMAT_ERROR_FROM_IOS = 15;

    private final CheckSwitches checks;

    SignatureChecks(CheckSwitches checks) {
        this.checks = checks;
    }

    List<InstallChecks.Finding> check(IpaInfo ipa, String turnOff) {
        List<InstallChecks.Finding> findings = new ArrayList<>();
        CodeSignature sig = ipa.codeSignature();
        String app = ipa.infoPlistPath().substring(0, ipa.infoPlistPath().length() - "Info.plist".length());
        if (sig.status() == CodeSignature.Status.UNSIGNED) {
            if (ipa.profile() != null) {
                findings.add(new InstallChecks.Finding(false, "has a provisioning profile but no code signature"
                        + " (no " + app + "_CodeSignature/CodeResources), so it cannot be installed on any device; test tools"
                        + " and simulator builds make such files: publish a build exported from Xcode"));
            }
        } else {
            seal(sig, app, turnOff, findings);
            signer(sig, turnOff, findings);
            format(sig, ipa.app().minimumOSVersion(), turnOff, findings);
        }
        pinning(ipa, sig, findings);
        return findings;
    }

    private void seal(CodeSignature sig, String app, String turnOff, List<InstallChecks.Finding> findings) {
        if (sig.status() != CodeSignature.Status.INVALID) return;
        List<String> shown = sig.problems().stream().limit(SHOWN_PROBLEMS).map(p -> describe(p, app)).toList();
        int more = sig.problems().size() - shown.size();
        findings.add(new InstallChecks.Finding(checks.codeSeal(), "was changed after it was signed: "
                + String.join("; ", shown) + (more > 0 ? "; and " + more + " more (otapress inspect --json lists them)" : "")
                + ". " + INTEGRITY + ": sign it again after the last change (export it again from Xcode, or re-sign it with"
                + " codesign) and never edit the .ipa afterwards" + String.format(turnOff, "code_seal"),
                InstallChecks.Blocker.SIGNATURE_BROKEN, "it was changed after it was signed"));
    }

    /** A seal problem in words that name the file (the ground truth's terse form is for scripts). */
    private static String describe(String problem, String app) {
        if (problem.startsWith("changed ")) return app + problem.substring(8) + " was changed";
        if (problem.startsWith("missing ")) return app + problem.substring(8) + " was removed";
        if (problem.startsWith("added ")) return app + problem.substring(6) + " was added";
        if (problem.startsWith("Info.plist ") || problem.startsWith("CodeResources ")) {
            return app + (problem.startsWith("Info") ? "" : "_CodeSignature/") + problem.replaceFirst(" does not match", " no longer matches");
        }
        if (problem.startsWith("code page ")) return problem.replace("of the executable", "of " + app + "'s executable")
                .replace("does not match", "no longer matches");
        if (problem.equals("main executable missing")) return app + "'s main executable was removed";
        // A nested bundle's problem starts with its path ("Frameworks/A.framework: changed A").
        if (problem.matches("[^ ]+/[^ ]*: .*")) return app + problem;
        return app + ": " + problem;
    }

    private void signer(CodeSignature sig, String turnOff, List<InstallChecks.Finding> findings) {
        String why = null;
        CodeSignature.Signer s = sig.signer();
        if (s == null) {
            why = "is signed without a certificate (an ad hoc signature), which iOS installs on no device; export it"
                    + " again with your distribution certificate";
        } else if (!s.signatureValid()) {
            why = "has a code directory that its CMS signature does not cover (it was edited after signing); " + INTEGRITY
                    + ": sign it again";
        } else if (Boolean.FALSE.equals(sig.signerMatchesProfile())) {
            why = "is signed by '" + s.commonName() + "', whose certificate is not one of the embedded provisioning profile's"
                    + " DeveloperCertificates, so iOS will refuse to install it: sign it with a certificate that the profile"
                    + " includes, or embed the profile that belongs to that certificate";
        } else if (sig.teamMismatch() != null) {
            why = "is signed inconsistently: " + sig.teamMismatch() + "; iOS will refuse to install it: sign it with the"
                    + " certificate and profile of one team";
        }
        if (why == null) return;
        findings.add(new InstallChecks.Finding(checks.signer(), why + String.format(turnOff, "signer"),
                InstallChecks.Blocker.SIGNATURE_BROKEN, "its signer does not match its profile"));
    }

    private void format(CodeSignature sig, String minimumOS, String turnOff, List<InstallChecks.Finding> findings) {
        CodeSignature.SignatureFormat f = sig.format();
        if (f == null || !f.outdated()) return;
        boolean ios15 = majorVersion(minimumOS) >= OLD_FORMAT_ERROR_FROM_IOS;
        String what = f.codeDirectoryVersion() < CodeSignature.SignatureFormat.CURRENT_VERSION
                ? "CodeDirectory version " + f.versionHex() + ", below 0x20400" : "entitlements without the DER form";
        String message = "is signed in the format of macOS 10.15 or earlier (" + what + "): iOS 15 and later install it,"
                + " then say it \"needs to be updated\" at launch; re-sign it with a current Xcode (13 or later)";
        if (ios15) {
            findings.add(new InstallChecks.Finding(checks.oldSignature(), message + " (the app needs iOS " + minimumOS
                    + ", so every device that can install it will refuse to launch it)" + String.format(turnOff, "old_signature"),
                    InstallChecks.Blocker.SIGNATURE_TOO_OLD, "its signature format is too old for iOS 15"));
        } else {
            findings.add(new InstallChecks.Finding(false, message));
        }
    }

    private void pinning(IpaInfo ipa, CodeSignature sig, List<InstallChecks.Finding> findings) {
        if (checks.teamIds().isEmpty()) return;
        String team = sig.teamIdentifier();
        String allowed = String.join(", ", checks.teamIds());
        if (team == null) {
            findings.add(new InstallChecks.Finding(true, "is not signed by any team, and site.yaml's team_ids (" + allowed
                    + ") accepts only builds that one of those teams signed: publish a build exported from Xcode",
                    InstallChecks.Blocker.TEAM_NOT_PINNED, "it is signed by no team"));
        } else if (!checks.teamIds().contains(team)) {
            String name = sig.signer() != null && sig.signer().organization() != null ? sig.signer().organization()
                    : ipa.profile() != null ? ipa.profile().teamName() : null;
            findings.add(new InstallChecks.Finding(true, "is signed by team " + (name == null ? "" : name + " ") + "(" + team
                    + "), which is not in site.yaml's team_ids (" + allowed + "): this portal publishes only builds its own"
                    + " teams signed; if " + team + " is yours, add it to team_ids",
                    InstallChecks.Blocker.TEAM_NOT_PINNED, "it is signed by team " + team + ", not one of this portal's"));
        }
    }

    private static int majorVersion(String version) {
        if (version == null) return 0;
        String major = version.strip().split("\\.", 2)[0];
        return major.matches("\\d{1,4}") ? Integer.parseInt(major) : 0;
    }
}
