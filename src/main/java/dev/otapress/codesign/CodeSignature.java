package dev.otapress.codesign;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the code signature of an app says, read from the IPA's bytes alone (so it can be cached
 * with the IPA's other facts); the clock-dependent verdicts (certificate expiry) are the checks'.
 *
 * @param status               the seal alone: every sealed file, code page and special slot matches
 * @param problems             what breaks the seal, in the words of the fixtures' ground truth
 *                             ({@code changed Info.plist}, {@code missing X}, {@code added X}…)
 * @param format               the signature's format, or null when there is none
 * @param signer               who signed it (the CMS signer's leaf certificate), or null when the
 *                             signature has no CMS signature (ad hoc) or the app is unsigned
 * @param entitlementsTeam     the team prefix of the signed entitlements' application-identifier, or null
 * @param signerMatchesProfile whether the signer's certificate is one of the embedded profile's
 *                             DeveloperCertificates; null when there is no signer or no profile
 * @param teamMismatch         why the certificate's, the profile's and the entitlements' teams
 *                             disagree, or null when they agree (or there is nothing to compare)
 */
public record CodeSignature(Status status, List<String> problems, SignatureFormat format, Signer signer,
                            String entitlementsTeam, Boolean signerMatchesProfile, String teamMismatch) {

    /** The seal's verdict, as {@code inspect --json} writes it. */
    public enum Status {
        VALID("valid"), INVALID("invalid"), UNSIGNED("unsigned");

        private final String id;

        Status(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /**
     * The signature's format. iOS 15 and later ask to update, at launch, apps signed in the format
     * of macOS 10.15 and earlier: a CodeDirectory below 0x20400, or entitlements without DER.
     *
     * @param codeDirectoryVersion the highest CodeDirectory version of the signature
     * @param derEntitlements      whether a code directory seals DER entitlements (slot -7)
     * @param entitlements         whether a code directory seals XML entitlements (slot -5)
     * @param hashTypes            the code directories' hash types ({@code sha1}, {@code sha256})
     */
    public record SignatureFormat(long codeDirectoryVersion, boolean derEntitlements, boolean entitlements,
                                  List<String> hashTypes) {
        public static final long CURRENT_VERSION = 0x20400;

        public SignatureFormat {
            hashTypes = List.copyOf(hashTypes);
        }

        /** Whether iOS 15+ will say the app "needs to be updated". */
        public boolean outdated() {
            return codeDirectoryVersion < CURRENT_VERSION || (entitlements && !derEntitlements);
        }

        /** The version as the ground truth writes it ({@code 0x20400}). */
        public String versionHex() {
            return "0x" + Long.toHexString(codeDirectoryVersion);
        }
    }

    /**
     * The signing certificate.
     *
     * @param commonName       subject CN ({@code iPhone Distribution: Acme Inc (ABCDE12345)})
     * @param organization     subject O (the team's name), or null
     * @param teamIdentifier   subject OU, Apple's team identifier, or null
     * @param expires          notAfter
     * @param sha256           lower-case hex SHA-256 of the certificate (DER)
     * @param signatureValid   whether the CMS signature verifies over the CodeDirectory
     */
    public record Signer(String commonName, String organization, String teamIdentifier, Instant expires,
                         String sha256, boolean signatureValid) {
        public Signer {
            Objects.requireNonNull(expires, "expires");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    public static final CodeSignature NONE = new CodeSignature(Status.UNSIGNED, List.of(), null, null, null, null, null);

    public CodeSignature {
        Objects.requireNonNull(status, "status");
        problems = List.copyOf(problems);
        if (status == Status.INVALID && problems.isEmpty()) throw new IllegalArgumentException("an invalid seal needs a problem");
    }

    /** The team the signature is from: the signer's, else the entitlements'; null when unknown. */
    public String teamIdentifier() {
        if (signer != null && signer.teamIdentifier() != null) return signer.teamIdentifier();
        return entitlementsTeam;
    }

    /**
     * This signature compared with the embedded profile's facts.
     *
     * @param certificates the SHA-256 (hex) of the profile's DeveloperCertificates
     * @param profileTeam  the profile's TeamIdentifier
     * @param profileAppId the profile's application-identifier ({@code PREFIX.bundle.id}); its
     *                     prefix is the team id except on old accounts, so the entitlements are
     *                     compared with it rather than with the team
     */
    public CodeSignature againstProfile(Set<String> certificates, String profileTeam, String profileAppId) {
        if (status == Status.UNSIGNED || profileTeam == null) return this;
        Boolean matches = signer == null ? null : certificates.contains(signer.sha256());
        String mismatch = null;
        String certTeam = signer == null ? null : signer.teamIdentifier();
        if (certTeam != null && !certTeam.equals(profileTeam)) {
            mismatch = "the signing certificate is team " + certTeam + "'s but the provisioning profile is team " + profileTeam + "'s";
        } else if (entitlementsTeam != null && profileAppId != null && !profileAppId.startsWith(entitlementsTeam + ".")) {
            mismatch = "the signed entitlements are for " + entitlementsTeam + ".* but the provisioning profile is for "
                    + profileAppId;
        }
        return new CodeSignature(status, problems, format, signer, entitlementsTeam, matches, mismatch);
    }
}
