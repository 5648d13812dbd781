package dev.otapress.render;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every kind of file otapress writes into a portal, in one list: a new page type is one class
 * added here. The list's order is the plan's order, which is also the order in which the files of
 * a build are made.
 */
public final class OutputKinds {
    public static final List<OutputKind> ALL = List.of(
            new ThemeAssets(),
            new HomePage(),
            new AppPages(),
            new HistoryPages(),
            new AppIndexes(),
            new ReleasePages(),
            new Manifests(),
            new ReleaseIcons(),
            new IpaFiles(),
            new ReleaseAttachments(),
            new ReleaseListing(),
            new Feeds(),
            new WebRootFiles());

    private OutputKinds() {
    }

    /** The top-level names the portal's own files take (the home page, the assets folder…), in registry order. */
    public static List<String> reservedNames() {
        Set<String> names = new LinkedHashSet<>();
        for (OutputKind kind : ALL) names.addAll(kind.reserved());
        return new ArrayList<>(names);
    }
}
