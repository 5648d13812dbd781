package dev.otapress.pipeline;

import dev.otapress.BuildException;
import dev.otapress.Diagnostic;
import dev.otapress.cache.IpaCache;
import dev.otapress.cache.PreviousOutput;
import dev.otapress.cache.TreeStamp;
import dev.otapress.config.SiteConfig;
import dev.otapress.config.SiteConfigLoader;
import dev.otapress.content.ContentScanner;
import dev.otapress.content.FrontMatterParser;
import dev.otapress.content.Markdown;
import dev.otapress.content.NotesFile;
import dev.otapress.content.NotesRenderer;
import dev.otapress.content.ReleaseSource;
import dev.otapress.ipa.IpaReader;
import dev.otapress.ipa.ProvisioningProfile;
import dev.otapress.config.CheckSwitches;
import dev.otapress.output.OutputFile;
import dev.otapress.output.OutputWriter;
import dev.otapress.render.SiteRenderer;
import dev.otapress.render.Urls;
import dev.otapress.render.Theme;
import dev.otapress.server.ServerConfigs;
import dev.otapress.site.Release;
import dev.otapress.site.ReleaseFacts;
import dev.otapress.site.Site;
import dev.otapress.site.SiteAssembler;
import dev.otapress.yaml.DidYouMean;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
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

    private final SiteConfigLoader configLoader = new SiteConfigLoader();
    private final ContentScanner scanner = new ContentScanner();
    private final FrontMatterParser frontMatter = new FrontMatterParser();
    private final SiteAssembler assembler = new SiteAssembler();
    private final OutputWriter writer = new OutputWriter();
    private final Clock clock;
    private final BuildOptions options;
    private final ReleaseReader releaseReader;

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
        this.releaseReader = new ReleaseReader(clock);
    }

    public BuildResult build(BuildRequest request) throws BuildException {
        Path siteDir = request.siteDir();
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Diagnostic> overlaps = OutputFolders.check(siteDir, request.outDir(), request.serverConfigDir());
        if (!overlaps.isEmpty()) throw new BuildException(overlaps);
        // Before anything can fail: a build killed mid-swap must not leave the portal missing.
        writer.recover(request.outDir());

        try {
            // Both folders are checked before either is replaced, so a refusal never leaves them out of step.
            writer.checkReplaceable(request.outDir());
            writer.checkReplaceable(request.serverConfigDir());
            // The new output is opened first, so each .ipa is copied into it while it is read.
            // Stamped before anything is read, so a file changed while the build runs is seen by the next one.
            TreeStamp inputs = options.cache() ? UpToDate.stampInputs(request, options.threads()) : null;
            IpaCache cache = options.cache() ? IpaCache.of(siteDir) : IpaCache.off();
            boolean built = false;
            try (OutputWriter.Session session = writer.open(request.outDir())) {
                BuildResult result = build(request, session, diagnostics, cache, inputs);
                built = true;
                return result;
            } catch (IOException e) {
                throw new OutputWriter.OutputException("cannot write " + request.outDir() + ": " + e.getMessage(), e);
            } finally {
                // What a failed build learnt about its IPAs is kept too; only a successful one drops what it did not use.
                cache.save(built);
            }
        } catch (OutputWriter.OutputException e) {
            diagnostics.add(Diagnostic.error(null, e.getMessage()));
            throw new BuildException(diagnostics);
        }
    }

    private BuildResult build(BuildRequest request, OutputWriter.Session session, List<Diagnostic> diagnostics, IpaCache cache,
                              TreeStamp inputs) throws BuildException, IOException, OutputWriter.OutputException {
        Path siteDir = request.siteDir();
        Instant start = clock.instant();
        // What this run met in its own cache is true of this run only: the record never replays it.
        List<Diagnostic> ownCache = new ArrayList<>();
        // A wrong key takes its default and the rest of site.yaml (checks:, channels:) still applies,
        // so its mistakes are reported once, at the top, and not again as their consequences.
        SiteConfigLoader.Loaded loaded = configLoader.loadAll(siteDir, request.baseUrlOverride());
        diagnostics.addAll(loaded.problems());
        SiteConfig config = loaded.config();
        Markdown markdown = new Markdown(config != null && config.markdown().unsafeHtml());

        ContentScanner.Scan scan = scanner.scan(siteDir.resolve("content"));
        diagnostics.addAll(scan.diagnostics());
        String introHtml = scan.intro() == null ? "" : intro(scan.intro(), markdown, diagnostics);

        CheckSwitches checks = config == null ? CheckSwitches.ALL : config.checks();
        String defaultChannel = config == null ? SiteConfig.Channel.STABLE.name() : config.defaultChannel();
        PreviousOutput previous = PreviousOutput.of(cache, request.outDir());
        IpaStep ipas = new IpaStep(new IpaReader(), cache, previous, session);
        NotesRenderer notes = cache.notes().over(markdown);
        List<ReleaseSource> sources = scan.sources();
        List<ReleaseReader.Read> reads = ParallelWork.run(IpaStep.largestFirst(sources), options.threads(),
                i -> releaseReader.read(sources.get(i), ipas, notes, checks, defaultChannel));
        List<Release> releases = new ArrayList<>();
        int drafts = 0;
        for (ReleaseReader.Read r : reads) {
            diagnostics.addAll(r.diagnostics());
            if (r.release() == null) continue;
            if (r.release().draft() && !request.drafts()) drafts++;
            else releases.add(r.release());
        }
        cacheWarnings(cache, diagnostics, ownCache);
        if (releases.isEmpty() && drafts == 0 && scan.sources().isEmpty() && Files.isDirectory(siteDir.resolve("content"))) {
            diagnostics.add(Diagnostic.warning(siteDir.resolve("content"), "holds no release, so the portal is empty: put each"
                    + " build in a folder of its own beside its index.md, e.g. content/my-app/1.0-1/MyApp.ipa"
                    + " (otapress add MyApp.ipa does that)"));
        }
        ReleaseSources files = ReleaseSources.of(sources);
        List<SiteConfig.Channel> channels = config == null ? List.of() : channels(config, releases, files, diagnostics);
        Theme theme = config == null ? null
                : Theme.resolve(siteDir, config.theme(), siteDir.resolve(SiteConfigLoader.FILE_NAME), diagnostics);

        SiteAssembler.Assembly assembly = assembler.assemble(config, introHtml, channels, releases);
        diagnostics.addAll(assembly.diagnostics());
        failOnErrors(diagnostics);

        SiteRenderer.Prepared prepared = new SiteRenderer(theme, siteDir, clock.instant(), cache.scaledIcons(), cache.qrCodes(), previous)
                .prepare(assembly.site(), files);
        diagnostics.addAll(prepared.plan().problems());
        failOnErrors(diagnostics);

        diagnostics.addAll(RenderStep.run(prepared, session, options.threads()));
        cacheWarnings(cache, diagnostics, ownCache);
        failOnErrors(diagnostics);
        OutputWriter.Written written = session.commit();
        writer.write(request.serverConfigDir(), serverConfigs(assembly.site()));
        previous.record(writtenIpas(assembly.site()));
        BuildResult result = new BuildResult(assembly.site(), written.folder(), written.files(), written.bytes(), drafts,
                diagnostics, prepared.context().iconCount(), files);
        if (inputs == null || readsClock(theme)) return result;
        Diagnostic unrecorded = UpToDate.record(request, start, unchangedBefore(reads, start), inputs,
                result.summary().without(ownCache), options.threads());
        return unrecorded == null ? result : result.withWarning(unrecorded);
    }

    private static void cacheWarnings(IpaCache cache, List<Diagnostic> diagnostics, List<Diagnostic> ownCache) {
        List<Diagnostic> taken = cache.takeWarnings();
        diagnostics.addAll(taken);
        ownCache.addAll(taken);
    }

    private static boolean readsClock(Theme theme) {
        try {
            return theme == null || theme.readsClock();
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * The first moment after {@code start} at which a verdict this build printed may change (every
     * release read counts, drafts left out too, since their warnings were printed), or null for never.
     */
    private static Instant unchangedBefore(List<ReleaseReader.Read> reads, Instant start) {
        Instant first = null;
        for (ReleaseReader.Read r : reads) {
            ReleaseFacts.Profile p = r.release() == null ? null : r.release().facts().profile();
            if (p == null) continue;
            Instant t = ProvisioningProfile.verdictsUnchangedBefore(p.expires(), start);
            if (t != null && (first == null || t.isBefore(first))) first = t;
        }
        return first;
    }

    /** The .ipa files this build published, by site path, for the next build's hard links. */
    private static Map<String, String> writtenIpas(Site site) {
        Map<String, String> ipas = new HashMap<>();
        for (Release r : site.releases()) if (r.installable()) ipas.put(Urls.ipa(r), r.facts().ipa().sha256());
        return ipas;
    }

    private static List<OutputFile> serverConfigs(Site site) {
        return new ServerConfigs(site.config().baseUrl(), site.config().downloadsBaseUrl()).serverConfigFiles().stream()
                .map(f -> (OutputFile) new OutputFile.Bytes(f.path(), f.content().getBytes(StandardCharsets.UTF_8)))
                .toList();
    }

    /** site.yaml's mistakes come first: they are often the cause of what follows. */
    private static boolean isSiteYaml(Diagnostic d) {
        return d.file() != null && d.file().getFileName() != null
                && d.file().getFileName().toString().equals(SiteConfigLoader.FILE_NAME);
    }

    private static void failOnErrors(List<Diagnostic> diagnostics) throws BuildException {
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            List<Diagnostic> sorted = new ArrayList<>(diagnostics);
            // Errors first, then by file and line, so the output reads like a compiler's.
            sorted.sort(Comparator.comparing((Diagnostic d) -> !d.isError())
                    .thenComparing(d -> !isSiteYaml(d))
                    .thenComparing(d -> d.file() == null ? "" : d.file().toString())
                    .thenComparingInt(Diagnostic::line));
            throw new BuildException(sorted);
        }
    }

    private String intro(Path file, Markdown markdown, List<Diagnostic> diagnostics) {
        NotesFile notes = frontMatter.read(file, diagnostics);
        return notes == null ? "" : markdown.toHtml(notes.body());
    }

    /**
     * The declared channels, every release's channel checked against them; or, when none are
     * declared, the channels the releases use: the default channel first, then by name.
     */
    public static List<SiteConfig.Channel> channels(SiteConfig config, List<Release> releases, ReleaseSources sources,
                                                    List<Diagnostic> diagnostics) {
        if (!config.channels().isEmpty()) {
            Set<String> names = new LinkedHashSet<>();
            for (SiteConfig.Channel c : config.channels()) names.add(c.name());
            for (Release r : releases) {
                if (names.contains(r.channel())) continue;
                ReleaseSource source = sources.of(r);
                String suggestion = DidYouMean.closest(r.channel(), names);
                diagnostics.add(Diagnostic.error(Objects.requireNonNullElse(source.notes(), source.folder()),
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
        channels.add(SiteConfig.Channel.named(first));
        for (String name : used) channels.add(SiteConfig.Channel.named(name));
        return channels;
    }
}
