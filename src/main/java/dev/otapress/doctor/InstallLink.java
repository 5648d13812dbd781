package dev.otapress.doctor;

import dev.otapress.Utf8;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.util.Optional;

/**
 * Reads an {@code itms-services} link the way iOS does: the {@code url} parameter is
 * percent-decoded exactly once ({@code +} stays a plus) and the result is the manifest URL.
 */
record InstallLink(String link, Optional<String> manifestUrl) {

    static final String PREFIX = "itms-services://?";

    static InstallLink parse(String link) {
        if (!link.startsWith(PREFIX)) return new InstallLink(link, Optional.empty());
        String url = null;
        for (String pair : link.substring(PREFIX.length()).split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (name.equals("url") && eq >= 0 && url == null) url = percentDecode(pair.substring(eq + 1));
        }
        return new InstallLink(link, Optional.ofNullable(url));
    }

    boolean hasDownloadAction() {
        return link.startsWith(PREFIX + "action=download-manifest&") || link.contains("&action=download-manifest");
    }

    /** The "amp-url" mistake: the link was HTML-escaped twice, so iOS sees a parameter named amp;url. */
    boolean doubleEscaped() {
        return link.contains("amp;");
    }

    /** Null when the text is not valid percent-encoded UTF-8, which iOS would not accept either. */
    private static String percentDecode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) return null;
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return null;
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c > 0x7f) {
                return null;
            } else {
                bytes.write(c);
            }
        }
        try {
            return Utf8.decode(bytes.toByteArray());
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
