package dev.otapress.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.otapress.codesign.CodeSignature;
import dev.otapress.text.TerminalText;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The code signature as {@code inspect} shows it: a JSON object for scripts, a few lines for people.
 *
 * @param status               the seal alone: valid, invalid or unsigned
 * @param problems             what breaks the seal (empty unless invalid)
 * @param signerMatchesProfile null when there is no signer or no profile to compare
 * @param teamMismatch         why the teams disagree, or null
 */
@JsonPropertyOrder({"status", "problems", "format", "teamIdentifier", "signer", "signerMatchesProfile", "teamMismatch"})
record SignatureReport(String status, List<String> problems, FormatJson format, String teamIdentifier, SignerJson signer,
                       Boolean signerMatchesProfile, String teamMismatch) {

    /** Problems beyond this many are counted, not listed, in the text output. */
    private static final int SHOWN_PROBLEMS = 5;

    @JsonPropertyOrder({"codeDirectoryVersion", "derEntitlements", "entitlements", "hashTypes", "outdated"})
    record FormatJson(String codeDirectoryVersion, boolean derEntitlements, boolean entitlements, List<String> hashTypes,
                      boolean outdated) {}

    @JsonPropertyOrder({"commonName", "organization", "teamIdentifier", "expires", "sha256", "signatureValid"})
    record SignerJson(String commonName, String organization, String teamIdentifier, String expires, String sha256,
                      boolean signatureValid) {}

    static SignatureReport of(CodeSignature s) {
        CodeSignature.SignatureFormat f = s.format();
        CodeSignature.Signer signer = s.signer();
        return new SignatureReport(s.status().id(), s.problems(),
                f == null ? null : new FormatJson(f.versionHex(), f.derEntitlements(), f.entitlements(), f.hashTypes(), f.outdated()),
                s.teamIdentifier(),
                signer == null ? null : new SignerJson(signer.commonName(), signer.organization(), signer.teamIdentifier(),
                        iso(signer), signer.sha256(), signer.signatureValid()),
                s.signerMatchesProfile(), s.teamMismatch());
    }

    /** The text lines: seal, signer and team. */
    static void print(PrintWriter out, CodeSignature s) {
        String seal = switch (s.status()) {
            case VALID -> "intact";
            case UNSIGNED -> "none (unsigned)";
            case INVALID -> "BROKEN: " + String.join("; ", s.problems().stream().limit(SHOWN_PROBLEMS).map(SignatureReport::safe).toList())
                    + (s.problems().size() > SHOWN_PROBLEMS ? "; and " + (s.problems().size() - SHOWN_PROBLEMS) + " more" : "");
        };
        line(out, "Seal", seal);
        if (s.format() != null) {
            line(out, "Format", "CodeDirectory " + s.format().versionHex() + ", " + String.join(" + ", s.format().hashTypes())
                    + (s.format().derEntitlements() ? ", DER entitlements" : "") + (s.format().outdated() ? " (outdated)" : ""));
        }
        CodeSignature.Signer signer = s.signer();
        if (signer != null) {
            line(out, "Signed by", safe(signer.commonName()) + ", expires " + iso(signer)
                    + (signer.signatureValid() ? "" : " (its CMS signature does NOT verify)")
                    + (Boolean.FALSE.equals(s.signerMatchesProfile()) ? " (NOT one of the profile's certificates)" : ""));
        } else if (s.status() != CodeSignature.Status.UNSIGNED) {
            line(out, "Signed by", "nobody (ad hoc signature, no certificate)");
        }
        if (s.teamIdentifier() != null) line(out, "Team ID", safe(s.teamIdentifier()));
        if (s.teamMismatch() != null) line(out, "Team", "MISMATCH: " + safe(s.teamMismatch()));
    }

    private static String iso(CodeSignature.Signer signer) {
        return DateTimeFormatter.ISO_INSTANT.format(signer.expires().truncatedTo(ChronoUnit.SECONDS));
    }

    /** Certificate strings are untrusted: no control or bidi characters reach the terminal. */
    static String safe(String text) {
        return text == null ? "" : TerminalText.escape(text);
    }

    private static void line(PrintWriter out, String label, String value) {
        out.printf("  %-12s %s%n", label + ":", value);
    }
}
