package dev.otapress.config;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * site.yaml's {@code release_folder}: where {@code otapress add} files a build under content/,
 * such as {@code {app}/{version}-{build}}.
 */
public final class ReleaseFolderPattern {
    public static final String DEFAULT = "{app}/{version}-{build}";
    public static final Set<String> PLACEHOLDERS = Set.of("app", "version", "build", "bundle_id", "channel");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private ReleaseFolderPattern() {
    }

    /** What is wrong with a pattern, or null when it is usable. */
    public static String problem(String pattern) {
        for (String segment : pattern.split("/", -1)) {
            if (segment.isEmpty() || segment.startsWith(".") || segment.contains("\\")) {
                return "must be a relative folder path without empty, '.'-led or '\\' parts, such as " + DEFAULT;
            }
        }
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                return "knows {app}, {version}, {build}, {bundle_id} and {channel}, not {" + m.group(1) + "}";
            }
        }
        String rest = m.replaceAll("");
        if (rest.contains("{") || rest.contains("}")) return "has an unclosed '{'";
        return null;
    }

    /** The folder path for these values; each value must already be a safe folder name. */
    public static String fill(String pattern, Map<String, String> values) {
        return PLACEHOLDER.matcher(pattern).replaceAll(m -> Matcher.quoteReplacement(values.get(m.group(1))));
    }
}
