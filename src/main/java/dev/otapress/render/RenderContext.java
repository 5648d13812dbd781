package dev.otapress.render;

import dev.otapress.cache.QrCodeStore;
import dev.otapress.site.Site;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * What every output kind renders from: the model, the links, the page views, the templates, and
 * the icons made so far. Shared by the threads that make files, so everything in it is safe to
 * use from several at once.
 */
public final class RenderContext {
    private final Site site;
    private final Urls urls;
    private final Views views;
    private final Templates templates;
    private final Theme theme;
    private final Path siteDir;
    private final ManifestWriter manifests;
    private final ScaledIcons icons;
    private final SourceFiles files;
    private final PageReuse reuse;

    RenderContext(Site site, SourceFiles files, Theme theme, Templates templates, Path siteDir, Instant now, ScaledIcons icons,
                  QrCodeStore qrCodes, PageReuse reuse) {
        this.site = Objects.requireNonNull(site, "site");
        this.files = Objects.requireNonNull(files, "files");
        this.theme = theme;
        this.templates = templates;
        this.siteDir = siteDir;
        this.urls = Urls.of(site.config());
        this.views = new Views(site, urls, now, qrCodes);
        this.manifests = new ManifestWriter(urls);
        this.icons = Objects.requireNonNull(icons, "icons");
        this.reuse = Objects.requireNonNull(reuse, "reuse");
    }

    public Site site() {
        return site;
    }

    /** Where the files that are copied as they are lie: only for the kinds that copy them. */
    SourceFiles files() {
        return files;
    }

    public Urls urls() {
        return urls;
    }

    Views views() {
        return views;
    }

    Templates templates() {
        return templates;
    }

    Theme theme() {
        return theme;
    }

    Path siteDir() {
        return siteDir;
    }

    ManifestWriter manifests() {
        return manifests;
    }

    ScaledIcons icons() {
        return icons;
    }

    PageReuse reuse() {
        return reuse;
    }

    /** The icon work done so far. */
    public IconCount iconCount() {
        return icons.count();
    }
}
