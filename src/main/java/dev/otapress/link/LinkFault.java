package dev.otapress.link;

import java.util.Objects;

/**
 * One thing wrong with an install link, named so a person can look it up.
 *
 * @param kind        which mistake
 * @param explanation what iOS does with it and how to write it instead
 */
public record LinkFault(Kind kind, String explanation) {

    public enum Kind {
        DOUBLE_ESCAPED("escaped twice (\"amp-url\")"),
        ESCAPED_OUTSIDE_HTML("&amp; outside HTML"),
        WRONG_SCHEME("not an itms-services link"),
        DOUBLED_SCHEME("doubled scheme"),
        MISSING_ACTION("missing action"),
        MISSPELLED_ACTION("misspelled action"),
        MISSING_URL("missing url"),
        UNENCODED_AMPERSAND("unencoded '&' in the manifest URL"),
        UNENCODED_HASH("unencoded '#' in the manifest URL"),
        UNENCODED_QUESTION_MARK("unencoded '?' in the manifest URL"),
        UNENCODED_SPACE("unencoded space in the manifest URL"),
        UNENCODED_NON_ASCII("unencoded non-ASCII letters in the manifest URL"),
        ESCAPES_DECODED_AWAY("percent-escapes that iOS decodes away"),
        PLUS_FOR_SPACE("'+' for a space"),
        ENCODED_TWICE("manifest URL encoded twice"),
        BROKEN_ESCAPE("broken percent-escape"),
        HTTP_MANIFEST("http manifest URL"),
        NOT_A_URL("manifest URL is not an absolute URL");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public LinkFault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(explanation, "explanation");
    }
}
