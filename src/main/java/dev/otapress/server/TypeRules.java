package dev.otapress.server;

import dev.otapress.media.HttpRules;
import dev.otapress.media.MediaType;
import dev.otapress.media.MediaTypes;
import dev.otapress.media.Served;

import java.util.List;
import java.util.stream.Collectors;

/** The registry's rules in the shapes the config writers print them: suffix alternations and names as regexes. */
final class TypeRules {

    private TypeRules() {
    }

    /** Every listed type with suffixes, except the .ipa's, which has its own rule. */
    static List<MediaType> fileTypes() {
        return MediaTypes.ALL.stream().filter(t -> t != MediaTypes.IPA && !t.suffixes().isEmpty()).toList();
    }

    /** {@code html|htm|xhtml|…}: the suffixes of the types browsers render as documents. */
    static String documentSuffixes() {
        return MediaTypes.documents().stream().flatMap(t -> t.suffixes().stream()).collect(Collectors.joining("|"));
    }

    static String suffixes(MediaType type) {
        return String.join("|", type.suffixes());
    }

    /** The Served of an author's or theme file, which is what every path gets unless a later rule says otherwise. */
    static Served defaults() {
        return HttpRules.forType(MediaTypes.UNKNOWN);
    }

    /** A generated name as a regular expression on the last segment, e.g. {@code manifest\.plist}. */
    static String nameRegex(HttpRules.NameRule rule) {
        return PortalLocation.regex(rule.fileName());
    }

    /** Whether a name rule needs a Content-Type other than its suffix's, e.g. feed.xml. */
    static boolean overridesType(HttpRules.NameRule rule) {
        return !rule.served().contentType().equals(MediaTypes.forName(rule.fileName()).contentType());
    }
}
