package dev.otapress.site;

import dev.otapress.Diagnostic;
import dev.otapress.config.SiteConfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups releases into apps by bundle identifier, puts everything in display order and decides
 * each release's state ({@link InstallRule}).
 */
public final class SiteAssembler {

    /** The site (null when an error prevents it), and the diagnostics: the same build in two folders, install checks. */
    public record Assembly(Site site, List<Diagnostic> diagnostics) {
        public Assembly {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    public Assembly assemble(SiteConfig config, String introHtml, List<SiteConfig.Channel> channels, List<Release> releases) {
        List<Diagnostic> problems = new ArrayList<>();
        Map<String, Release> byIdentity = new HashMap<>();
        Map<String, List<Release>> byApp = new TreeMap<>();
        for (Release r : releases) {
            String identity = r.bundleIdentifier() + "\u0000" + r.version() + "\u0000" + r.build();
            Release earlier = byIdentity.putIfAbsent(identity, r);
            if (earlier != null) {
                problems.add(Diagnostic.error(r.folder(), "is the same build as " + earlier.folder()
                        + " (" + r.bundleIdentifier() + " " + r.version() + " (" + r.build() + "));"
                        + " iOS cannot tell them apart: remove one folder, or raise the build number"));
                continue;
            }
            byApp.computeIfAbsent(r.bundleIdentifier(), k -> new ArrayList<>()).add(r);
        }
        List<App> apps = new ArrayList<>();
        for (Map.Entry<String, List<Release>> e : byApp.entrySet()) {
            List<Release> sorted = new ArrayList<>(e.getValue());
            sorted.sort(Release.NEWEST_FIRST);
            apps.add(new App(e.getKey(), sorted.get(0).facts().app().name(), sorted));
        }
        apps.sort(Comparator.comparing((App a) -> a.name().toLowerCase(Locale.ROOT)).thenComparing(App::bundleIdentifier));
        if (config != null) {
            InstallRule.Outcome states = new InstallRule().apply(apps, config.defaultChannel());
            apps = new ArrayList<>(states.apps());
            problems.addAll(states.diagnostics());
        }
        // Without a config (site.yaml was broken) the duplicates are still worth reporting with the rest.
        boolean failed = problems.stream().anyMatch(Diagnostic::isError);
        return new Assembly(!failed && config != null ? new Site(config, introHtml, channels, apps) : null, problems);
    }

}
