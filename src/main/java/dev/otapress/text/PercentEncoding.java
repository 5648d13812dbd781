package dev.otapress.text;

import dev.otapress.Utf8;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of URL parts, one way for the whole program: UTF-8, and everything but the
 * unreserved characters of RFC 3986 escaped, so a name that needs no escape is written as it is.
 */
public final class PercentEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    public static String encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /**
     * The text with each %XX decoded, as strict UTF-8; null when an escape is cut short or the
     * bytes are not UTF-8.
     *
     * @param literalNonAscii whether characters beyond ASCII may stand as they are (a URL typed by
     *                        a person) or make the text invalid (a link iOS must parse)
     */
    public static String decode(String text, boolean literalNonAscii) {
        if (!literalNonAscii && text.chars().anyMatch(c -> c > 0x7f)) return null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == '%') {
                if (i + 2 >= utf8.length) return null;
                int hi = Character.digit(utf8[i + 1], 16);
                int lo = Character.digit(utf8[i + 2], 16);
                if (hi < 0 || lo < 0) return null;
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                bytes.write(utf8[i]);
            }
        }
        try {
            return Utf8.decode(bytes.toByteArray());
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
