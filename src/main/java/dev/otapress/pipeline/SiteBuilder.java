package dev.otapress.pipeline;

import dev.otapress.BuildException;
import dev.otapress.Diagnostic;
import dev.otapress.config.SiteConfig;
import dev.otapress.config.SiteConfigLoader;
import dev.otapress.content.ContentScanner;
import dev.otapress.content.FrontMatter;
import dev.otapress.content.FrontMatterParser;
import dev.otapress.content.Markdown;
import dev.otapress.content.NotesFile;
import dev.otapress.content.ReleaseSource;
import dev.otapress.ipa.CgbiPng;
import dev.otapress.ipa.InstallChecks;
import dev.otapress.ipa.IpaException;
import dev.otapress.ipa.IpaInfo;
import dev.otapress.ipa.IpaReader;
import dev.otapress.output.OutputFile;
import dev.otapress.output.OutputWriter;
import dev.otapress.render.SiteRenderer;
import dev.otapress.render.Theme;
import dev.otapress.server.ServerConfigs;
import dev.otapress.site.Release;
import dev.otapress.site.ReleaseState;
import dev.otapress.site.Site;
import dev.otapress.site.SiteAssembler;
import dev.otapress.yaml.DidYouMean;

import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The build as a list of steps: read the config, find the releases, read each IPA and its notes,
 * assemble the model, render, and swap the result in. Every step reports its problems as
 * diagnostics; if any is an error, nothing is written.
 */
public final class SiteBuilder {
    private static final int EXCERPT_CHARS = 160;
    private static final long MAX_ICON_BYTES = 8L * 1024 * 1024;

    private final SiteConfigLoader configLoader = new SiteConfigLoader();
    private final ContentScanner scanner = new ContentScanner();
    private final FrontMatterParser frontMatter = new FrontMatterParser();
    private final IpaReader ipaReader = new IpaReader();
    private final SiteAssembler assembler = new SiteAssembler();
    private final OutputWriter writer = new OutputWriter();
    private final CgbiPng png = new CgbiPng();
    private final Clock clock;
    private final BuildOptions options;

    public SiteBuilder() {
        this(Clock.systemUTC());
    }

    /** @param clock what "now" is for profile expiry checks */
    public SiteBuilder(Clock clock) {
        this(clock, BuildOptions.defaults());
    }

    public SiteBuilder(Clock clock, BuildOptions options) {
        this.clock = clock;
        this.options = options;
    }

    public BuildResult build(BuildRequest request) throws BuildException {
        Path siteDir = request.siteDir();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Path dir : List.of(request.outDir(), request.serverConfigDir())) {
            Path out = dir.toAbsolutePath().normalize();
            Path content = siteDir.resolve("content").toAbsolutePath().normalize();
            if (out.startsWith(content) || siteDir.toAbsolutePath().normalize().startsWith(out)) {
                throw new BuildException(Diagnostic.error(dir, "cannot be an output folder: it is, or holds, the site's"
                        + " own files, and every build replaces its output as a whole; use a folder such as public/"));
            }
        }
        // Before anything can fail: a build killed mid-swap must not leave the portal missing.
        writer.recover(request.outDir());

        SiteConfig config = null;
        try {
            config = configLoader.load(siteDir, request.baseUrlOverride());
        } catch (BuildException e) {
            diagnostics.addAll(e.diagnostics());
        }
        Markdown markdown = new Markdown(config != null && config.markdown().unsafeHtml());

        ContentScanner.Scan scan = scanner.scan(siteDir.resolve("content"));
        diagnostics.addAll(scan.diagnostics());
        String introHtml = scan.intro() == null ? "" : intro(scan.intro(), markdown, diagnostics);

        InstallChecks checks = config == null ? InstallChecks.ALL : config.checks();
        String defaultChannel = config == null ? SiteConfig.Channel.STABLE.name() : config.defaultChannel();
        List<Read> reads = scan.sources().parallelStream().map(s -> read(s, markdown, checks, defaultChannel)).toList();
        List<Release> releases = new ArrayList<>();
        int drafts = 0;
        for (Read r : reads) {
            diagnostics.addAll(r.diagnostics());
            if (r.release() == null) continue;
            if (r.release().draft() && !request.drafts()) drafts++;
            else releases.add(r.release());
        }
        List<SiteConfig.Channel> channels = config == null ? List.of() : channels(config, releases, diagnostics);
        Theme theme = config == null ? null
                : Theme.resolve(siteDir, config.theme(), siteDir.resolve(SiteConfigLoader.FILE_NAME), diagnostics);

        SiteAssembler.Assembly assembly = assembler.assemble(config, introHtml, channels, releases);
        diagnostics.addAll(assembly.diagnostics());
        failOnErrors(diagnostics);

        SiteRenderer.Prepared prepared = new SiteRenderer(theme, siteDir, clock.instant()).prepare(assembly.site());
        diagnostics.addAll(prepared.plan().problems());
        failOnErrors(diagnostics);

        try {
            // Both folders are checked before either is replaced, so a refusal never leaves them out of step.
            writer.checkReplaceable(request.outDir());
            writer.checkReplaceable(request.serverConfigDir());
            try (OutputWriter.Session session = writer.open(request.outDir())) {
                diagnostics.addAll(RenderStep.run(prepared, session, options.threads()));
                failOnErrors(diagnostics);
                OutputWriter.Written written = session.commit();
                writer.write(request.serverConfigDir(), serverConfigs(assembly.site()));
                return new BuildResult(assembly.site(), written.folder(), written.files(), written.bytes(), drafts, diagnostics);
            } catch (IOException e) {
                throw new OutputWriter.OutputException("cannot write " + request.outDir() + ": " + e.getMessage(), e);
            }
        } catch (OutputWriter.OutputException e) {
            diagnostics.add(Diagnostic.error(null, e.getMessage()));
            throw new BuildException(diagnostics);
        }
    }

    private static List<OutputFile> serverConfigs(Site site) {
        return new ServerConfigs(site.config().baseUrl()).serverConfigFiles().stream()
                .map(f -> (OutputFile) new OutputFile.Bytes(f.path(), f.content().getBytes(StandardCharsets.UTF_8)))
                .toList();
    }

    private static void failOnErrors(List<Diagnostic> diagnostics) throws BuildException {
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            List<Diagnostic> sorted = new ArrayList<>(diagnostics);
            // Errors first, then by file and line, so the output reads like a compiler's.
            sorted.sort(Comparator.comparing((Diagnostic d) -> !d.isError())
                    .thenComparing(d -> d.file() == null ? "" : d.file().toString())
                    .thenComparingInt(Diagnostic::line));
            throw new BuildException(sorted);
        }
    }

    /** One release folder read: the release, or the reasons it could not be. */
    private record Read(Release release, List<Diagnostic> diagnostics) {
    }

    private Read read(ReleaseSource source, Markdown markdown, InstallChecks siteChecks, String defaultChannel) {
        List<Diagnostic> problems = new ArrayList<>();
        NotesFile notes = source.notes() == null ? new NotesFile(FrontMatter.EMPTY, "", 1)
                : frontMatter.read(source.notes(), problems);
        IpaInfo ipa = null;
        try {
            ipa = ipaReader.read(source.ipa());
            for (String w : ipa.warnings()) problems.add(Diagnostic.warning(source.ipa(), w));
        } catch (IpaException e) {
            problems.add(Diagnostic.error(source.ipa(), e.getMessage()));
        }
        if (notes == null || ipa == null) return new Read(null, problems);

        FrontMatter fm = notes.frontMatter();
        var app = ipa.app();
        if (fm.version() != null && !fm.version().equals(app.version())) {
            problems.add(Diagnostic.error(source.notes(), 0, "says version " + fm.version() + " but "
                    + source.ipa().getFileName() + " is version " + app.version() + "; fix the front matter or replace the .ipa"));
        }
        if (fm.build() != null && !fm.build().equals(app.build())) {
            problems.add(Diagnostic.error(source.notes(), 0, "says build " + fm.build() + " but "
                    + source.ipa().getFileName() + " is build " + app.build() + "; fix the front matter or replace the .ipa"));
        }
        // A check that stops installs is not an error yet: whether it fails the build or only marks
        // the release depends on the release's place in its app (site.InstallRule).
        List<Release.Stop> stops = new ArrayList<>();
        for (InstallChecks.Finding f : siteChecks.with(fm.checks()).check(ipa, clock.instant())) {
            if (f.error() && f.blocker() != null) {
                stops.add(new Release.Stop(ReleaseState.Reason.of(f.blocker()), f.message(), f.because()));
            } else {
                problems.add(new Diagnostic(source.ipa(), 0, f.error() ? Diagnostic.Severity.ERROR : Diagnostic.Severity.WARNING,
                        f.message()));
            }
        }
        byte[] icon = icon(source, fm, ipa, problems);
        if (problems.stream().anyMatch(Diagnostic::isError)) return new Read(null, problems);

        String title = fm.title() != null ? fm.title() : app.name() + " " + app.version();
        Release release = new Release(source, ipa, title, fm.date() != null ? fm.date() : ipa.infoPlistTime(),
                fm.channel() != null ? fm.channel() : defaultChannel, fm.draft(),
                markdown.toHtml(notes.body()), markdown.excerpt(notes.body(), EXCERPT_CHARS),
                markdown.plain(notes.body()), icon, fm.params(), stops, ReleaseState.INSTALLABLE);
        return new Read(release, problems);
    }

    /** The front matter's icon file, else the IPA's own icon; null (with a warning) when neither. */
    private byte[] icon(ReleaseSource source, FrontMatter fm, IpaInfo ipa, List<Diagnostic> problems) {
        if (fm.icon() != null) {
            Path file = source.folder().resolve(fm.icon());
            try {
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_ICON_BYTES) {
                    problems.add(Diagnostic.error(source.notes(), 0, "icon '" + fm.icon() + "' is not a file of at most "
                            + MAX_ICON_BYTES / 1024 / 1024 + " MB in " + source.folder() + "; put the PNG beside index.md"));
                    return null;
                }
                return png.toStandardPng(Files.readAllBytes(file));
            } catch (IOException | IpaException e) {
                problems.add(Diagnostic.error(file, "is not a usable PNG icon (" + e.getMessage() + "); use a square PNG, 512×512 or larger"));
                return null;
            }
        }
        if (ipa.icon() != null) return ipa.icon().png();
        problems.add(Diagnostic.warning(source.ipa(), "has no icon PNG that otapress can read (modern apps may keep icons only"
                + " in Assets.car); a placeholder is shown: add 'icon: AppIcon.png' to index.md with a 512×512 PNG to use your own"));
        return null;
    }

    private String intro(Path file, Markdown markdown, List<Diagnostic> diagnostics) {
        NotesFile notes = frontMatter.read(file, diagnostics);
        return notes == null ? "" : markdown.toHtml(notes.body());
    }

    /**
     * The declared channels, every release's channel checked against them; or, when none are
     * declared, the channels the releases use: the default channel first, then by name.
     */
    private static List<SiteConfig.Channel> channels(SiteConfig config, List<Release> releases, List<Diagnostic> diagnostics) {
        if (!config.channels().isEmpty()) {
            Set<String> names = new LinkedHashSet<>();
            for (SiteConfig.Channel c : config.channels()) names.add(c.name());
            for (Release r : releases) {
                if (names.contains(r.channel())) continue;
                String suggestion = DidYouMean.closest(r.channel(), names);
                diagnostics.add(Diagnostic.error(Objects.requireNonNullElse(r.source().notes(), r.source().folder()),
                        "channel '" + r.channel() + "' is not one of the channels in site.yaml ("
                                + String.join(", ", names) + ")" + (suggestion == null ? "; add it there" : "; did you mean '" + suggestion + "'?")));
            }
            return config.channels();
        }
        Set<String> used = new java.util.TreeSet<>();
        for (Release r : releases) used.add(r.channel());
        List<SiteConfig.Channel> channels = new ArrayList<>();
        // The default channel is always listed, so a portal can say an app has no build in it yet.
        String first = config.defaultChannel();
        used.remove(first);
        channels.add(first.equals(SiteConfig.Channel.STABLE.name()) ? SiteConfig.Channel.STABLE
                : new SiteConfig.Channel(first, Character.toUpperCase(first.charAt(0)) + first.substring(1)));
        for (String name : used) channels.add(new SiteConfig.Channel(name, Character.toUpperCase(name.charAt(0)) + name.substring(1)));
        return channels;
    }
}
