package dev.otapress.ipa;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Picks the app icon: the PNGs that Info.plist declares, looked up at the top of the .app folder
 * (where Xcode puts them), the largest by the width in its PNG header, converted from CgBI.
 *
 * <p>Declared names are base names: {@code AppIcon60x60} stands for {@code AppIcon60x60@2x.png},
 * {@code AppIcon76x76@2x~ipad.png} and the like. Apps built with asset catalogs may keep the
 * icon only in {@code Assets.car}; then there is no icon, and callers use a placeholder.
 */
final class IconFinder {

    /** Enough for the signature, a CgBI chunk and IHDR. */
    private static final int HEADER_BYTES = 64;
    /** Xcode writes a dozen or two; a cap keeps a hostile archive from making us read thousands. */
    private static final int MAX_CANDIDATES = 64;
    /** Icon names looked up from Info.plist; Xcode declares a few dozen at most. */
    static final int MAX_DECLARED = 256;

    private final CgbiPng converter = new CgbiPng();

    private record Candidate(String name, CgbiPng.Header header) {}

    Icon find(NSDictionary info, BundleFiles files, String appFolder, List<String> warnings) throws IOException {
        NavigableSet<String> topLevel = new TreeSet<>();
        for (String name : files.names()) if (!name.contains("/")) topLevel.add(name);
        List<String> declared = declaredFiles(info);
        if (declared.size() > MAX_DECLARED) {
            warnings.add("Info.plist declares " + declared.size() + " icon files; only the first " + MAX_DECLARED
                    + " are looked up (Xcode writes a few dozen at most)");
            declared = declared.subList(0, MAX_DECLARED);
        }
        Set<String> matched = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        for (String name : declared) {
            List<String> found = matching(name, topLevel);
            if (found.isEmpty()) missing.add(name);
            addUpTo(found, matched);
        }
        if (!missing.isEmpty()) warnings.add(missingWarning(missing, appFolder));
        // CFBundleIconName names the asset-catalog icon; Xcode usually also copies its PNGs with
        // that name as prefix, and when it did not, the icon is in Assets.car only (no warning).
        List<String> assetNames = iconNames(info);
        for (String assetName : assetNames.subList(0, Math.min(assetNames.size(), MAX_DECLARED))) {
            addUpTo(matching(assetName, topLevel), matched);
        }

        List<Candidate> candidates = new ArrayList<>();
        for (String name : matched) {
            if (candidates.size() >= MAX_CANDIDATES) break;
            try {
                candidates.add(new Candidate(name, converter.header(files.head(name, HEADER_BYTES))));
            } catch (IpaException e) {
                warnings.add("icon " + appFolder + name + " skipped: " + e.getMessage());
            }
        }
        candidates.sort(Comparator.comparingInt((Candidate c) -> c.header().width())
                .thenComparingInt(c -> c.header().height()).reversed());
        for (Candidate c : candidates) {
            try {
                byte[] png = converter.toStandardPng(files.read(c.name(), Icon.MAX_PNG_BYTES));
                return new Icon(appFolder + c.name(), c.header().width(), c.header().height(), c.header().cgbi(), png);
            } catch (IpaException e) {
                warnings.add("icon " + appFolder + c.name() + " skipped: " + e.getMessage());
            }
        }
        if (candidates.isEmpty() && (!declaredFiles(info).isEmpty() || !iconNames(info).isEmpty())) {
            warnings.add("no icon PNG found in " + appFolder + " (the icon may be only in Assets.car);"
                    + " a placeholder is used unless the release names an icon");
        }
        return null;
    }

    /** Files declared in Info.plist, in the order the keys are listed here, without repeats. */
    private static List<String> declaredFiles(NSDictionary info) {
        Set<String> names = new LinkedHashSet<>();
        for (String key : List.of("CFBundleIcons", "CFBundleIcons~ipad")) {
            if (info.get(key) instanceof NSDictionary icons && icons.get("CFBundlePrimaryIcon") instanceof NSDictionary primary) {
                addStrings(primary.get("CFBundleIconFiles"), names);
            }
        }
        addStrings(info.get("CFBundleIconFiles"), names);
        addStrings(info.get("CFBundleIconFile"), names);
        return List.copyOf(names);
    }

    private static List<String> iconNames(NSDictionary info) {
        Set<String> names = new LinkedHashSet<>();
        for (String key : List.of("CFBundleIcons", "CFBundleIcons~ipad")) {
            if (info.get(key) instanceof NSDictionary icons && icons.get("CFBundlePrimaryIcon") instanceof NSDictionary primary) {
                addStrings(primary.get("CFBundleIconName"), names);
            }
        }
        return List.copyOf(names);
    }

    /** Arrays and single strings alike: old Info.plists have a string where new ones have an array. */
    private static void addStrings(NSObject value, Set<String> into) {
        if (value instanceof NSArray array) {
            for (NSObject item : array.getArray()) addStrings(item, into);
        } else if (value instanceof NSString s && !s.getContent().isBlank() && !s.getContent().contains("/")) {
            into.add(s.getContent().strip());
        }
    }

    /** One line for all missing names, so a hostile Info.plist cannot flood the output. */
    private static String missingWarning(List<String> missing, String appFolder) {
        if (missing.size() == 1) {
            return "Info.plist declares the icon '" + missing.get(0) + "' but " + appFolder + " has no such file";
        }
        List<String> shown = missing.subList(0, Math.min(missing.size(), 3));
        return "Info.plist declares " + missing.size() + " icons that " + appFolder + " has no file for: '"
                + String.join("', '", shown) + "'" + (missing.size() > shown.size() ? " and " + (missing.size() - shown.size()) + " more" : "");
    }

    private static void addUpTo(List<String> names, Set<String> into) {
        for (String name : names) {
            if (into.size() >= MAX_CANDIDATES) return;
            into.add(name);
        }
    }

    /**
     * The declared name itself and the PNGs whose names start with its base name: a range of the
     * sorted file names, so each lookup costs a logarithm, not a pass over the bundle.
     */
    private static List<String> matching(String declared, NavigableSet<String> topLevel) {
        String base = declared.toLowerCase(Locale.ROOT).endsWith(".png")
                ? declared.substring(0, declared.length() - 4) : declared;
        List<String> found = new ArrayList<>();
        for (String name : topLevel.subSet(base, true, base + Character.MAX_VALUE, true)) {
            if (found.size() >= MAX_CANDIDATES) break;
            if (name.equals(declared) || name.toLowerCase(Locale.ROOT).endsWith(".png")) found.add(name);
        }
        return found;
    }
}
