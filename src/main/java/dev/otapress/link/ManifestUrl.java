package dev.otapress.link;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A manifest URL as a person writes it (a raw space, an accented letter) turned into a valid URI,
 * which is what the install link must carry. Existing %XX escapes stay as they are.
 */
public final class ManifestUrl {
    private static final String HEX = "0123456789ABCDEF";

    private ManifestUrl() {
    }

    /** The URI form, or null when the text is not an absolute URL with a host. */
    public static String normalize(String text) {
        StringBuilder out = new StringBuilder();
        String s = text.strip();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            if (cp == '%' && isHex(s, i + 1) && isHex(s, i + 2)) {
                out.append(s, i, i + 3);
                i += 3;
                continue;
            }
            if (cp > 0x20 && cp < 0x7f && "\"<>\\^`{|}#%".indexOf(cp) < 0) out.append((char) cp);
            else for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
            }
            i += n;
        }
        try {
            URI uri = new URI(out.toString());
            if (!uri.isAbsolute() || uri.getHost() == null) return null;
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) return null;
            return out.toString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    public static boolean isHttp(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith("http:");
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }
}
