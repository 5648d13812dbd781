package dev.otapress.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The devices of an ad hoc or development profile as the page publishes them: SHA-256 of the
 * site's salt, ':' and the UDID as Apple prints it (upper case, no spaces), never the UDID itself.
 * The page hashes what a person pastes the same way (app.js) and compares, without a request.
 */
final class UdidHashes {
    private final String salt;

    UdidHashes(String salt) {
        this.salt = salt;
    }

    /** The hashes, sorted (so the list says nothing of the profile's order), separated by spaces. */
    String hashes(List<String> udids) {
        return udids.stream().map(this::hash).sorted().distinct().reduce((a, b) -> a + " " + b).orElse("");
    }

    String hash(String udid) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((salt + ":" + normalise(udid)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Upper case without white space, as Apple prints a UDID; app.js does the same to what is pasted. */
    static String normalise(String udid) {
        return udid.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
