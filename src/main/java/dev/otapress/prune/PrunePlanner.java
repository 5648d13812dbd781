package dev.otapress.prune;

import dev.otapress.BuildException;
import dev.otapress.Diagnostic;
import dev.otapress.cache.IpaCache;
import dev.otapress.config.PrunePolicy;
import dev.otapress.config.SiteConfig;
import dev.otapress.config.SiteConfigLoader;
import dev.otapress.content.ContentScanner;
import dev.otapress.content.FrontMatterParser;
import dev.otapress.content.Markdown;
import dev.otapress.content.NotesFile;
import dev.otapress.content.PrunedBuild;
import dev.otapress.content.ReleaseSource;
import dev.otapress.pipeline.CachedIpas;
import dev.otapress.pipeline.ReleaseReader;
import dev.otapress.site.Release;
import dev.otapress.site.ReleaseState;
import dev.otapress.yaml.DidYouMean;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Decides which .ipa files a policy removes. The site is read as the build reads it (a site with
 * errors is refused, so a release that cannot be read is never miscounted), and per app and
 * channel the releases are ranked newest first, pruned ones included. Always kept: drafts, the
 * newest release of each app and channel (for the default channel, the build people are told to
 * install), and the newest of each that still has its .ipa.
 */
public final class PrunePlanner {
    private final SiteConfigLoader configLoader = new SiteConfigLoader();
    private final ContentScanner scanner = new ContentScanner();
    private final FrontMatterParser frontMatter = new FrontMatterParser();
    private final Clock clock;

    public PrunePlanner(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param rules    the command line's rules, or null for site.yaml's {@code prune:}
     * @param channels the command line's channels (empty: the rules' own)
     * @throws BuildException when there is no policy, or the site has errors; nothing was changed
     */
    public PrunePlan plan(Path siteDir, PrunePolicy rules, List<String> channels) throws BuildException {
        SiteConfig config = configLoader.load(siteDir, null);
        Path siteYaml = siteDir.resolve(SiteConfigLoader.FILE_NAME);
        PrunePolicy policy = rules != null ? rules : config.prune();
        if (policy == null) {
            throw new BuildException(Diagnostic.error(siteYaml, "has no 'prune:' policy and none was given: prune deletes .ipa"
                    + " files, which cannot be undone, so it needs an explicit one: --keep N (the newest N releases of each"
                    + " app and channel keep their .ipa) and/or --older-than DAYS, or in site.yaml e.g."
                    + " 'prune: {keep: 30, older_than_days: 90}'; try it with --dry-run first"));
        }
        if (!channels.isEmpty()) policy = policy.withChannels(channels);
        List<Diagnostic> problems = new ArrayList<>();
        Set<String> declared = new LinkedHashSet<>();
        for (SiteConfig.Channel c : config.channels()) declared.add(c.name());
        for (String c : policy.channels()) {
            if (!declared.isEmpty() && !declared.contains(c)) {
                String suggestion = DidYouMean.closest(c, declared);
                problems.add(Diagnostic.error(siteYaml, "has no channel '" + c + "' (its channels: " + String.join(", ", declared)
                        + ")" + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?")));
            }
        }
        if (!problems.isEmpty()) throw new BuildException(problems);

        List<Read> reads = read(siteDir, config, problems);
        if (problems.stream().anyMatch(Diagnostic::isError)) {
            throw new BuildException(problems.stream().filter(Diagnostic::isError).toList());
        }
        List<Diagnostic> warnings = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (Read r : reads) used.add(r.release().channel());
        for (String c : policy.channels()) {
            if (!used.contains(c)) warnings.add(Diagnostic.warning(siteYaml, "no release is in channel '" + c + "', so it has nothing to prune"));
        }
        List<Removal> removals = choose(reads, policy, warnings);
        removals.sort(Comparator.comparing(r -> r.release().sitePath()));
        return new PrunePlan(siteDir, policy, rules == null, removals, warnings);
    }

    /**
     * A release as read, with what its index.md records of a prune.
     *
     * @param recorded the front matter's {@code pruned:} block, or null
     */
    private record Read(Release release, ReleaseSource source, PrunedBuild recorded) {
        /** Its .ipa was removed. */
        boolean gone() {
            return !release.installable() && release.state().reason() == ReleaseState.Reason.IPA_PRUNED;
        }

        /** Its index.md records the removal of the .ipa that is still here: a prune stopped before deleting it. */
        boolean unfinished() {
            return !gone() && recorded != null && recorded.sha256().equals(release.facts().ipa().sha256());
        }

        /** Its index.md records the removal of other bytes than the .ipa here: a block nobody should act on. */
        boolean stale() {
            return !gone() && recorded != null && !unfinished();
        }

        /** It still has its .ipa, and keeps it unless a policy says otherwise. */
        boolean holdsIpa() {
            return !gone() && !unfinished();
        }
    }

    private List<Read> read(Path siteDir, SiteConfig config, List<Diagnostic> problems) {
        ContentScanner.Scan scan = scanner.scan(siteDir.resolve("content"));
        problems.addAll(scan.diagnostics());
        Markdown markdown = new Markdown(config.markdown().unsafeHtml());
        ReleaseReader reader = new ReleaseReader(clock);
        IpaCache cache = IpaCache.of(siteDir);
        CachedIpas ipas = new CachedIpas(cache);
        List<ReleaseSource> sources = scan.sources();
        List<ReleaseReader.Read> reads = IntStream.range(0, sources.size()).parallel()
                .mapToObj(i -> reader.read(sources.get(i), ipas, markdown, config.checks(), config.defaultChannel())).toList();
        cache.save(false);
        List<Read> out = new ArrayList<>();
        for (int i = 0; i < reads.size(); i++) {
            ReleaseReader.Read r = reads.get(i);
            ReleaseSource source = sources.get(i);
            problems.addAll(r.diagnostics());
            if (r.release() == null || r.release().draft()) continue;
            PrunedBuild recorded = null;
            if (source.notes() != null) {
                NotesFile notes = frontMatter.read(source.notes(), new ArrayList<>());
                recorded = notes == null ? null : notes.frontMatter().pruned();
            }
            out.add(new Read(r.release(), source, recorded));
        }
        return out;
    }

    private List<Removal> choose(List<Read> reads, PrunePolicy policy, List<Diagnostic> warnings) {
        Map<String, List<Read>> groups = new TreeMap<>();
        for (Read r : reads) {
            String key = r.release().bundleIdentifier() + "\u0000" + r.release().channel();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        Instant cutoff = policy.olderThanDays() == null ? null : clock.instant().minus(Duration.ofDays(policy.olderThanDays()));
        List<Removal> removals = new ArrayList<>();
        for (List<Read> group : groups.values()) {
            group.sort(Comparator.comparing(Read::release, Release.NEWEST_FIRST));
            Read newest = group.get(0);
            Read newestWithIpa = group.stream().filter(Read::holdsIpa).findFirst().orElse(null);
            for (int rank = 0; rank < group.size(); rank++) {
                Read r = group.get(rank);
                Release release = r.release();
                if (r.unfinished()) {
                    if (r == newest) {
                        warnings.add(Diagnostic.warning(r.source().notes(), "records that prune removed its .ipa, but it is"
                                + " the newest " + release.channel() + " release of " + release.facts().app().name()
                                + ", which keeps its .ipa: delete the 'pruned:' block"));
                    } else {
                        removals.add(new Removal(release, r.source(), r.source().ipa(), "its index.md already records the removal"
                                + " (an earlier prune stopped before deleting it)", true));
                    }
                    continue;
                }
                if (r.stale()) {
                    warnings.add(Diagnostic.warning(r.source().notes(), "has a 'pruned:' block for other bytes than the .ipa"
                            + " beside it, so prune leaves this release alone: delete the block"));
                    continue;
                }
                if (!r.holdsIpa() || r == newest || r == newestWithIpa || !policy.covers(release.channel())) continue;
                List<String> why = new ArrayList<>();
                if (policy.keep() != null) {
                    if (rank < policy.keep()) continue;
                    why.add("beyond the newest " + policy.keep() + " of " + release.channel());
                }
                if (cutoff != null) {
                    if (!release.date().isBefore(cutoff)) continue;
                    why.add("dated more than " + policy.olderThanDays() + " days ago");
                }
                removals.add(new Removal(release, r.source(), r.source().ipa(), String.join(" and ", why), false));
            }
        }
        return removals;
    }
}
