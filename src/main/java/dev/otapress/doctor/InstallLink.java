package dev.otapress.doctor;

import dev.otapress.render.ItmsServices;
import dev.otapress.text.PercentEncoding;

import java.util.Optional;

/**
 * Reads an {@code itms-services} link the way iOS does: the {@code url} parameter is
 * percent-decoded exactly once ({@code +} stays a plus) and the result is the manifest URL.
 */
record InstallLink(String link, Optional<String> manifestUrl) {

    static InstallLink parse(String link) {
        if (!link.startsWith(ItmsServices.PREFIX)) return new InstallLink(link, Optional.empty());
        String url = null;
        for (String pair : link.substring(ItmsServices.PREFIX.length()).split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            // Null when the value is not percent-encoded UTF-8, which iOS would not accept either.
            if (name.equals(ItmsServices.URL) && eq >= 0 && url == null) url = PercentEncoding.decode(pair.substring(eq + 1), false);
        }
        return new InstallLink(link, Optional.ofNullable(url));
    }

    boolean hasDownloadAction() {
        return link.startsWith(ItmsServices.PREFIX + ItmsServices.ACTION_PARAMETER + "&")
                || link.contains("&" + ItmsServices.ACTION_PARAMETER);
    }

    /** The "amp-url" mistake: the link was HTML-escaped twice, so iOS sees a parameter named amp;url. */
    boolean doubleEscaped() {
        return link.contains("amp;");
    }
}
