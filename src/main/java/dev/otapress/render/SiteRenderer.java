package dev.otapress.render;

import dev.otapress.Diagnostic;
import dev.otapress.cache.PreviousOutput;
import dev.otapress.cache.QrCodeStore;
import dev.otapress.cache.ScaledIconStore;
import dev.otapress.output.OutputFile;
import dev.otapress.site.Site;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns the site model into the portal's files, kind by kind ({@link OutputKinds}); writes
 * nothing itself. First the plan of every path, checked for clashes; then each file, made on
 * demand so that a caller can write it and let it go before the next is made.
 */
public final class SiteRenderer {

    /** The plan of a site, with what its files are made from; {@code context} is null when the plan failed. */
    public record Prepared(RenderContext context, Plan plan) {
    }

    private final Theme theme;
    private final Path siteDir;
    private final Instant now;
    private final ScaledIconStore icons;
    private final QrCodeStore qrCodes;
    private final PreviousOutput previous;
    private final List<OutputKind> kinds;

    /** @param now when the build runs, for "expires soon" notes on the pages */
    public SiteRenderer(Theme theme, Path siteDir, Instant now) {
        this(theme, siteDir, now, null, null, null, OutputKinds.ALL);
    }

    /**
     * @param icons    scaled icons kept by earlier builds (the cache), or null
     * @param qrCodes  QR codes drawn by earlier builds (the cache), or null
     * @param previous what the previous build wrote, whose unchanged files are linked instead of made again; or null
     */
    public SiteRenderer(Theme theme, Path siteDir, Instant now, ScaledIconStore icons, QrCodeStore qrCodes, PreviousOutput previous) {
        this(theme, siteDir, now, icons, qrCodes, previous, OutputKinds.ALL);
    }

    SiteRenderer(Theme theme, Path siteDir, Instant now, ScaledIconStore icons, QrCodeStore qrCodes, PreviousOutput previous,
                 List<OutputKind> kinds) {
        this.theme = theme;
        this.siteDir = siteDir;
        this.now = now;
        this.icons = icons;
        this.qrCodes = qrCodes;
        this.previous = previous;
        this.kinds = List.copyOf(kinds);
    }

    /** Plans every file of the site; {@code sources} says where the files it copies lie. */
    public Prepared prepare(Site site, SourceFiles sources) {
        Templates templates;
        try {
            templates = new Templates(theme);
        } catch (IOException e) {
            return new Prepared(null, new Plan(List.of(), List.of(themeError(e))));
        }
        RenderContext context = new RenderContext(site, sources, theme, templates, siteDir, now, new ScaledIcons(icons),
                qrCodes, PageReuse.of(previous, theme));
        List<OutputKind.Planned> files = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (OutputKind kind : kinds) {
            try {
                files.addAll(kind.plan(context));
            } catch (IOException e) {
                problems.add(themeError(e));
            }
        }
        Plan plan = Plan.check(files, problems);
        return new Prepared(plan.failed() ? null : context, plan);
    }

    /** Makes one planned file; null when making it failed, which {@code report} has been told. */
    public static OutputFile make(RenderContext context, OutputKind.Planned planned, Consumer<Diagnostic> report) {
        return planned.maker().make(context, report);
    }

    private Diagnostic themeError(IOException e) {
        return Diagnostic.error(siteDir.resolve("themes").resolve(theme.name()), "cannot read the theme: " + e.getMessage());
    }
}
