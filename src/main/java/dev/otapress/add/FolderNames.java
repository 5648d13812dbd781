package dev.otapress.add;

import java.text.Normalizer;
import java.util.Locale;

/** Folder names made from what an IPA says. */
final class FolderNames {
    private FolderNames() {
    }

    /**
     * Why a version or build string cannot be a folder name, or null when it can. Such strings
     * come from the IPA, which anyone can write.
     */
    static String unsafe(String value) {
        if (value.isEmpty()) return "is empty";
        if (value.startsWith(".")) return "starts with '.'";
        if (value.contains("/") || value.contains("\\")) return "holds a '/' or '\\'";
        if (value.contains("..")) return "holds '..'";
        if (value.codePoints().anyMatch(c -> c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0)) return "holds control characters";
        return null;
    }

    /** A lower-case ASCII slug of an app's name ("Field Service" → field-service), or null if nothing is left. */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? null : slug;
    }
}
