package dev.otapress.ipa;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The facts of a provisioning profile that decide whether, and on which devices, a build installs.
 *
 * @param type                   how the profile distributes (see {@link Type})
 * @param name                   Name, as shown in the Apple Developer portal
 * @param teamName               TeamName, or null when the profile has none (hand-made profiles)
 * @param teamIdentifier         the first TeamIdentifier (e.g. {@code 72LA85G59H})
 * @param uuid                   UUID of the profile
 * @param created                CreationDate
 * @param expires                ExpirationDate: after it, iOS refuses to launch the app
 * @param devices                how many devices ProvisionedDevices lists (0 when it has none)
 * @param platforms              Platform (e.g. {@code iOS}, {@code xrOS}); empty when absent
 * @param apsEnvironment         the aps-environment entitlement ({@code development} or
 *                               {@code production}), or null without push notifications
 * @param getTaskAllow           the get-task-allow entitlement (a debugger may attach)
 * @param applicationIdentifier  the application-identifier entitlement, {@code TEAMID.bundle.id}
 *                               or a wildcard such as {@code TEAMID.*}
 * @param certificateExpiries    the expiry dates of the DeveloperCertificates that could be read,
 *                               earliest first; a build stops launching when its signing
 *                               certificate expires, which can be before the profile does
 * @param certificates           the SHA-256 (lower-case hex) of each DeveloperCertificate's DER
 *                               bytes: the certificates allowed to sign builds with this profile
 * @param warnings               what was odd about the file but did not stop reading it
 * @param deviceIds              the UDIDs ProvisionedDevices lists, in file order (empty when none)
 */
public record ProvisioningProfile(
        Type type,
        String name,
        String teamName,
        String teamIdentifier,
        String uuid,
        Instant created,
        Instant expires,
        int devices,
        List<String> platforms,
        String apsEnvironment,
        boolean getTaskAllow,
        String applicationIdentifier,
        List<Instant> certificateExpiries,
        List<String> certificates,
        List<String> warnings,
        List<String> deviceIds) {

    /** The four ways Apple distributes a build; only the first three install over the air. */
    public enum Type {
        ENTERPRISE("enterprise", "Enterprise (in-house)"),
        AD_HOC("ad-hoc", "Ad Hoc"),
        DEVELOPMENT("development", "Development"),
        APP_STORE("app-store", "App Store");

        private final String id;
        private final String label;

        Type(String id, String label) {
            this.id = id;
            this.label = label;
        }

        /** The name used in JSON and configuration ({@code "ad-hoc"}). */
        public String id() {
            return id;
        }

        /** The name people read ({@code "Ad Hoc"}). */
        public String label() {
            return label;
        }

        /** Whether a device can install a build signed with this kind of profile from a web page. */
        public boolean installableOverTheAir() {
            return this != APP_STORE;
        }

        /**
         * Apple's rule, in this order: a profile for all devices is an enterprise one; a device list
         * with get-task-allow is for development; a device list without it is ad hoc; no devices at
         * all means App Store.
         */
        public static Type classify(boolean provisionsAllDevices, boolean getTaskAllow, int devices) {
            if (provisionsAllDevices) return ENTERPRISE;
            if (getTaskAllow) return DEVELOPMENT;
            if (devices > 0) return AD_HOC;
            return APP_STORE;
        }
    }

    public ProvisioningProfile {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(teamIdentifier, "teamIdentifier");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(applicationIdentifier, "applicationIdentifier");
        if (devices < 0) throw new IllegalArgumentException("devices must be >= 0: " + devices);
        if (teamName != null && teamName.isBlank()) teamName = null;
        platforms = List.copyOf(platforms);
        certificateExpiries = certificateExpiries.stream().sorted().toList();
        certificates = List.copyOf(certificates);
        warnings = List.copyOf(warnings);
        deviceIds = List.copyOf(deviceIds);
    }

    /** Whether the profile has expired at the given moment. */
    public boolean isExpiredAt(Instant when) {
        return isExpiredAt(expires, when);
    }

    /** The one "expires soon" rule, for the build's warning and the page's note alike. */
    public boolean expiresWithin(Instant when, int days) {
        return expiresWithin(expires, when, days);
    }

    /** Whether a profile expiring at {@code expires} has expired at the given moment. */
    public static boolean isExpiredAt(Instant expires, Instant when) {
        return !when.isBefore(expires);
    }

    /** The "expires soon" rule itself, for the pages' facts, which keep the date and not the profile. */
    public static boolean expiresWithin(Instant expires, Instant when, int days) {
        return !isExpiredAt(expires, when) && expires.isBefore(when.plus(Duration.ofDays(days)));
    }

    /** The whole days left before a profile expiring at {@code expires}, as the build's warning counts them. */
    public static long daysLeft(Instant expires, Instant when) {
        return Duration.between(when, expires).toDays();
    }

    /**
     * The first moment after {@code when} at which one of the rules above may answer differently, or
     * null when none ever will (the profile has expired). Each answer changes only at the expiry or at
     * a whole number of days before it, so until the next such moment a build prints the same.
     */
    public static Instant verdictsUnchangedBefore(Instant expires, Instant when) {
        if (isExpiredAt(expires, when)) return null;
        return expires.minus(Duration.ofDays(daysLeft(expires, when)));
    }

    /**
     * Whether an app with this bundle identifier may be signed with this profile, following the
     * application-identifier entitlement: the team prefix ({@code TEAMID.}) is not part of the
     * bundle id, and a trailing {@code *} matches any rest ({@code TEAMID.*},
     * {@code TEAMID.com.example.*}).
     */
    public boolean coversBundleId(String bundleId) {
        if (bundleId == null || bundleId.isEmpty()) return false;
        String pattern = applicationIdentifier;
        String prefix = teamIdentifier + ".";
        if (pattern.startsWith(prefix)) {
            pattern = pattern.substring(prefix.length());
        } else {
            // The App ID prefix can differ from the team id on old accounts: it is whatever comes
            // before the first dot, as long as that leaves something to match.
            int dot = pattern.indexOf('.');
            if (dot > 0 && dot < pattern.length() - 1) pattern = pattern.substring(dot + 1);
        }
        if (pattern.equals("*")) return true;
        if (pattern.endsWith("*")) return bundleId.startsWith(pattern.substring(0, pattern.length() - 1));
        return bundleId.equals(pattern);
    }
}
