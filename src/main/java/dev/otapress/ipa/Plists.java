package dev.otapress.ipa;

import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;

/**
 * Reads text values out of property lists, one way for every reader (Info.plist, profiles, nested
 * bundles, deployed manifests). A text value is a string, or a number, which hand-edited and
 * generated plists write for versions; any other type counts as absent.
 */
public final class Plists {

    private Plists() {
    }

    /** The value exactly as written, for comparisons that iOS makes exactly; null when absent. */
    public static String string(NSObject value) {
        if (value instanceof NSString s) return s.getContent();
        if (value instanceof NSNumber n) return n.toString();
        return null;
    }

    public static String string(NSDictionary dict, String key) {
        return string(dict.get(key));
    }

    /** The value without surrounding white space, for showing and naming; null when absent or blank. */
    public static String text(NSObject value) {
        String s = string(value);
        return s == null || s.isBlank() ? null : s.strip();
    }

    public static String text(NSDictionary dict, String key) {
        return text(dict.get(key));
    }

    /** The text of the first key that has some, e.g. the display name, else the bundle name. */
    public static String firstText(NSDictionary dict, String... keys) {
        for (String key : keys) {
            String s = text(dict, key);
            if (s != null) return s;
        }
        return null;
    }
}
