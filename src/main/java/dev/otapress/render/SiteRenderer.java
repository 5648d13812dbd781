package dev.otapress.render;

import dev.otapress.Diagnostic;
import dev.otapress.image.IconScaler;
import dev.otapress.image.PlaceholderIcon;
import dev.otapress.output.OutputFile;
import dev.otapress.server.ServerConfigs;
import dev.otapress.server.TextFile;
import dev.otapress.site.App;
import dev.otapress.site.Release;
import dev.otapress.site.Site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns the site model into the list of files of the portal; writes nothing itself. */
public final class SiteRenderer {

    /** The files, or the diagnostics that stopped rendering. */
    public record Rendering(List<OutputFile> files, List<Diagnostic> diagnostics) {
        public Rendering {
            files = List.copyOf(files);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    private final Theme theme;
    private final Path siteDir;
    private final Instant now;
    private final IconScaler scaler = new IconScaler();
    private final PlaceholderIcon placeholder = new PlaceholderIcon();

    /** @param now when the build runs, for "expires soon" notes on the pages */
    public SiteRenderer(Theme theme, Path siteDir, Instant now) {
        this.theme = theme;
        this.siteDir = siteDir;
        this.now = now;
    }

    /** icon-57.png and icon-512.png, the sizes the manifest's display-image and full-size-image want. */
    private void icons(Release r, List<OutputFile> files, List<Diagnostic> problems) {
        for (int size : new int[] {IconScaler.DISPLAY_IMAGE_SIZE, IconScaler.FULL_SIZE_IMAGE_SIZE}) {
            byte[] png;
            if (r.iconPng() == null) {
                png = placeholder.render(r.ipa().app().name(), size);
            } else {
                try {
                    png = scaler.scale(r.iconPng(), size);
                } catch (IOException e) {
                    problems.add(Diagnostic.warning(r.source().ipa(), "its icon cannot be scaled (" + e.getMessage() + "); a placeholder is used"));
                    png = placeholder.render(r.ipa().app().name(), size);
                }
            }
            files.add(new OutputFile.Bytes(Urls.icon(r, size), png));
        }
    }

    public Rendering render(Site site) {
        List<Diagnostic> problems = new ArrayList<>();
        List<OutputFile> files = new ArrayList<>();
        Urls urls = new Urls(site.config().baseUrl());
        Views views = new Views(site, urls, now);
        ManifestWriter manifests = new ManifestWriter(urls);
        Templates templates;
        try {
            templates = new Templates(theme);
            files.addAll(theme.staticFiles(siteDir));
        } catch (IOException e) {
            return new Rendering(List.of(), List.of(Diagnostic.error(siteDir.resolve("themes").resolve(theme.name()),
                    "cannot read the theme: " + e.getMessage())));
        }

        page(templates, "index.ftlh", views.home(), Urls.HOME, files, problems);
        for (App app : site.apps()) {
            if (!site.singleApp()) page(templates, "app.ftlh", views.app(app), Urls.appPage(app), files, problems);
            for (Release r : app.releases()) {
                page(templates, "release.ftlh", views.release(app, r), Urls.releasePage(r), files, problems);
                icons(r, files, problems);
                // A release that can no longer be installed keeps its page, but nothing to install from.
                if (r.installable()) {
                    files.add(new OutputFile.Bytes(Urls.manifest(r), manifests.write(r, true)));
                    files.add(new OutputFile.Copy(Urls.ipa(r), r.source().ipa()));
                }
                for (Path asset : r.source().assets()) {
                    files.add(new OutputFile.Copy(r.sitePath() + "/" + asset.getFileName(), asset));
                }
            }
        }
        files.add(new OutputFile.Bytes(Urls.LISTING, new JsonListing(urls).write(site)));
        feeds(site, urls, files);
        for (TextFile f : new ServerConfigs(site.config().baseUrl()).webRootFiles()) {
            files.add(new OutputFile.Bytes(f.path(), f.content().getBytes(StandardCharsets.UTF_8)));
        }
        problems.addAll(collisions(files, site));
        boolean failed = problems.stream().anyMatch(Diagnostic::isError);
        return new Rendering(failed ? List.of() : files, problems);
    }

    /** The site's feed and one per app, also for a single app, so a subscription survives a second app. */
    private static void feeds(Site site, Urls urls, List<OutputFile> files) {
        AtomFeed feed = new AtomFeed(urls);
        String title = site.config().title();
        files.add(new OutputFile.Bytes(Urls.FEED, feed.write(title, Urls.FEED, urls.absolute(""), title, site.releases())));
        for (App app : site.apps()) {
            // With one app there is no app page: the home page shows its history.
            String page = site.singleApp() ? urls.absolute("") : urls.absolute(Urls.appFolder(app));
            files.add(new OutputFile.Bytes(Urls.appFeed(app), feed.write(app.name() + " · " + title, Urls.appFeed(app), page,
                    title, app.releases())));
        }
    }

    private static void page(Templates templates, String template, PageModel model, String path,
                             List<OutputFile> files, List<Diagnostic> problems) {
        try {
            files.add(new OutputFile.Bytes(path, templates.render(template, model)));
        } catch (Templates.TemplateFailure e) {
            if (!problems.contains(e.diagnostic())) problems.add(e.diagnostic());
        }
    }

    /** Two outputs for one path (a release folder named like a generated page, say) is a content error. */
    private static List<Diagnostic> collisions(List<OutputFile> files, Site site) {
        Map<String, OutputFile> byPath = new HashMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (OutputFile f : files) {
            OutputFile earlier = byPath.putIfAbsent(f.path(), f);
            if (earlier != null) {
                Path where = site.releases().stream().filter(r -> f.path().startsWith(r.sitePath() + "/"))
                        .map(r -> r.source().folder()).findFirst().orElse(null);
                problems.add(Diagnostic.error(where, "would write " + f.path() + " twice; rename this folder or file"
                        + " so it does not clash with otapress's own files (index.html, manifest.plist, feed.xml, assets/, apps/)"));
            }
        }
        return problems;
    }
}
