package dev.otapress.content;

import dev.otapress.yaml.YamlMapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code pruned:} block of a release's front matter. otapress prune writes it; a block
 * that lost a line (a bad merge, a hand edit) would turn the release into a page of guesses, so
 * every fact the pages show must be there and well formed.
 */
final class PrunedBuildParser {
    private static final Set<String> KEYS = Set.of("removed", "file", "size", "sha256", "bundle_id", "version", "build",
            "name", "date", "minimum_os", "device_families", "includes", "profile", "signed_by", "icon");
    private static final Set<String> INCLUDED_KEYS = Set.of("bundle_id", "type");
    private static final Set<String> PROFILE_KEYS = Set.of("type", "name", "team", "expires", "devices");
    private static final String RESTORE = "otapress prune writes it when it removes a build's .ipa: restore the block from"
            + " version control (git log -p -- index.md), or put the .ipa back and delete the 'pruned:' block";

    private PrunedBuildParser() {
    }

    /** The block, or null when there is none or it has mistakes (each one reported on the mapping). */
    static PrunedBuild parse(YamlMapping frontMatter) {
        YamlMapping p = frontMatter.mapping(PrunedBuild.KEY);
        if (p == null) {
            if (frontMatter.keys().contains(PrunedBuild.KEY)) {
                frontMatter.error(PrunedBuild.KEY, "'pruned' is empty; " + RESTORE);
            }
            return null;
        }
        p.rejectUnknownKeys(KEYS, " under 'pruned'");
        Instant removed = required(p, "removed") ? FrontMatterParser.instant(p, "removed") : null;
        String file = text(p, "file");
        if (file != null && (file.contains("/") || file.contains("\\") || file.startsWith(".")
                || !file.toLowerCase(java.util.Locale.ROOT).endsWith(".ipa"))) {
            p.error("file", "'file' must be the removed .ipa's own file name, e.g. 'file: MyApp.ipa', not '" + file + "'");
        }
        Long size = size(p);
        String sha256 = text(p, "sha256");
        if (sha256 != null && !sha256.matches("[0-9a-f]{64}")) {
            p.error("sha256", "'sha256' must be 64 lower-case hex digits (the removed .ipa's SHA-256), not '" + sha256 + "'");
        }
        String bundleId = text(p, "bundle_id");
        String version = text(p, "version");
        String build = text(p, "build");
        String name = text(p, "name");
        Instant date = required(p, "date") ? FrontMatterParser.instant(p, "date") : null;
        String minimumOs = blankToNull(p.string("minimum_os"));
        List<String> families = p.strings("device_families");
        List<PrunedBuild.Included> includes = new ArrayList<>();
        for (YamlMapping i : p.mappings("includes")) {
            i.rejectUnknownKeys(INCLUDED_KEYS, " in an entry of 'includes'");
            String id = text(i, "bundle_id");
            String type = text(i, "type");
            if (id != null && type != null) includes.add(new PrunedBuild.Included(id, type));
        }
        PrunedBuild.Profile profile = profile(p.mapping("profile"));
        String signedBy = blankToNull(p.string("signed_by"));
        String icon = blankToNull(p.string("icon"));
        if (icon != null && (icon.contains("/") || icon.contains("\\") || icon.startsWith(".")
                || !icon.toLowerCase(java.util.Locale.ROOT).endsWith(".png"))) {
            p.error("icon", "'icon' must name a .png file in this release's folder, not '" + icon + "'");
            icon = null;
        }
        if (removed == null || file == null || size == null || sha256 == null || bundleId == null || version == null
                || build == null || name == null || date == null) {
            return null;
        }
        return new PrunedBuild(removed, file, size, sha256, bundleId, version, build, name, date, minimumOs, families,
                includes, profile, signedBy, icon);
    }

    private static PrunedBuild.Profile profile(YamlMapping m) {
        if (m == null) return null;
        m.rejectUnknownKeys(PROFILE_KEYS, " under 'pruned.profile'");
        String type = text(m, "type");
        String name = text(m, "name");
        Instant expires = required(m, "expires") ? FrontMatterParser.instant(m, "expires") : null;
        Integer devices = m.integer("devices");
        if (devices != null && devices < 0) {
            m.error("devices", "'devices' must be 0 or more");
            return null;
        }
        if (type == null || name == null || expires == null) return null;
        return new PrunedBuild.Profile(type, name, blankToNull(m.string("team")), expires, devices == null ? 0 : devices);
    }

    /** A required value, stripped; null (reported) when missing or blank. */
    private static String text(YamlMapping m, String key) {
        if (!required(m, key)) return null;
        String v = blankToNull(m.string(key));
        if (v == null) m.error(key, "'" + key + "' is empty; " + RESTORE);
        return v;
    }

    private static boolean required(YamlMapping m, String key) {
        if (m.keys().contains(key)) return true;
        m.error(key, "the 'pruned:' block has no '" + key + "'; " + RESTORE);
        return false;
    }

    private static Long size(YamlMapping m) {
        String raw = required(m, "size") ? m.string("size") : null;
        if (raw == null) return null;
        try {
            long size = Long.parseLong(raw.strip());
            if (size >= 0) return size;
        } catch (NumberFormatException e) {
            // reported below
        }
        m.error("size", "'size' must be the removed .ipa's size in bytes, a whole number, not '" + raw + "'");
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
