package dev.otapress.ipa;

import com.dd.plist.NSDictionary;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists the bundles inside the main app (extensions, frameworks, watch apps, App Clips) from their
 * own Info.plists. A nested bundle that cannot be read is skipped with a warning: it does not
 * make the app itself unusable.
 */
final class NestedBundles {

    /** Nested Info.plists are small; the cap only stops a hostile archive. */
    static final int MAX_PLIST_BYTES = 1024 * 1024;
    /** Large apps embed a few dozen frameworks; this is far beyond any real one. */
    static final int MAX_BUNDLES = 500;

    private static final Pattern NESTED_INFO_PLIST =
            Pattern.compile("^(PlugIns|Frameworks|Watch|AppClips)/([^/]+)(\\.appex|\\.framework|\\.app)/Info\\.plist$");

    List<NestedBundle> find(BundleFiles files, String appFolder, List<String> warnings) throws IOException {
        List<NestedBundle> found = new ArrayList<>();
        List<String> plists = files.names().stream().filter(n -> NESTED_INFO_PLIST.matcher(n).matches()).sorted().toList();
        if (plists.size() > MAX_BUNDLES) {
            warnings.add(appFolder + " holds " + plists.size() + " nested bundles; only the first " + MAX_BUNDLES + " are listed");
            plists = plists.subList(0, MAX_BUNDLES);
        }
        for (String path : plists) {
            Matcher m = NESTED_INFO_PLIST.matcher(path);
            if (!m.matches()) continue;
            NestedBundle.Kind kind = kind(m.group(1), m.group(3));
            if (kind == null) continue;
            try {
                NSDictionary plist = IpaReader.parseDictionary(files.read(path, MAX_PLIST_BYTES), appFolder + path);
                String id = Plists.text(plist, "CFBundleIdentifier");
                if (id == null) {
                    warnings.add(appFolder + path + " has no CFBundleIdentifier; that bundle is not listed");
                    continue;
                }
                String name = Plists.firstText(plist, "CFBundleDisplayName", "CFBundleName", "CFBundleExecutable");
                found.add(new NestedBundle(id, kind, name == null ? m.group(2).strip() : name));
            } catch (IpaException e) {
                warnings.add("nested bundle skipped: " + e.getMessage());
            }
        }
        return found;
    }

    private static NestedBundle.Kind kind(String folder, String suffix) {
        for (NestedBundle.Kind k : NestedBundle.Kind.values()) {
            if (k.folder().equals(folder) && k.suffix().equals(suffix)) return k;
        }
        return null;
    }
}
