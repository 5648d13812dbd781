package dev.otapress.pipeline;

import dev.otapress.BuildSummary;
import dev.otapress.Diagnostic;
import dev.otapress.cache.BuildRecord;
import dev.otapress.cache.CodeStamp;
import dev.otapress.cache.IpaCache;
import dev.otapress.cache.TreeStamp;
import dev.otapress.config.SiteConfigLoader;
import dev.otapress.output.OutputWriter;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Says whether the portal in the output folder is already what a build would make now, so the
 * build can stop before reading anything: the same request, the same otapress and runtime, no input
 * file added, removed or written (site.yaml, content/, the site's theme folders), the output as the
 * last build left it, and the clock still short of the first moment at which a verdict that build
 * printed (a profile's expiry, "expires soon", the days left) would change. A theme whose templates
 * read the clock never qualifies. What it cannot vouch for (a symbolic link among the inputs, a file
 * system without file identities) always gets a full build.
 */
public final class UpToDate {
    /** The folders and files of the site a build reads; see {@code Theme} and {@code SiteConfigLoader}. */
    private static final List<String> INPUTS = List.of(SiteConfigLoader.FILE_NAME, "site.yml", "content", "themes",
            "templates", "static");

    /**
     * The answer: the summary of the build that made the output, when it still stands; else null,
     * and warnings about a record that could not be read.
     */
    public record Check(BuildSummary summary, List<Diagnostic> warnings) {
        public Check {
            warnings = List.copyOf(warnings);
        }

        public boolean upToDate() {
            return summary != null;
        }
    }

    private UpToDate() {
    }

    public static Check check(BuildRequest request, Instant now, int threads) {
        Path file = BuildRecord.file(request.siteDir(), request.outDir());
        BuildRecord record;
        try {
            record = BuildRecord.read(file);
        } catch (IOException e) {
            return new Check(null, List.of(Diagnostic.warning(file, "is a damaged or foreign cache file (" + e.getMessage()
                    + "); otapress ignored it and builds everything (the cache folder " + IpaCache.FOLDER
                    + " is safe to delete)")));
        }
        String key = key(request);
        if (record == null || key == null || !record.key().equals(key)) return new Check(null, List.of());
        if (now.isBefore(record.builtAt()) || record.unchangedBefore() != null && !now.isBefore(record.unchangedBefore())) {
            return new Check(null, List.of());
        }
        try {
            // What a killed build left beside the output is for a real build to clean up.
            for (Path out : outputs(request)) if (OutputWriter.hasLeftovers(out)) return new Check(null, List.of());
            if (!record.inputs().equals(TreeStamp.of(inputs(request), threads))) return new Check(null, List.of());
            if (!record.outputs().equals(TreeStamp.of(outputs(request), threads))) return new Check(null, List.of());
        } catch (IOException e) {
            return new Check(null, List.of());
        }
        return new Check(record.summary(), List.of());
    }

    /** The stamp of what a build is about to read; taken before it reads anything. Null when there is none. */
    static TreeStamp stampInputs(BuildRequest request, int threads) {
        try {
            return TreeStamp.of(inputs(request), threads);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Keeps what a successful build started from and left, for the next {@link #check}.
     *
     * @param inputs          {@link #stampInputs} from before the build read anything
     * @param unchangedBefore the first moment one of its verdicts may change, or null for never
     * @return a warning when the record could not be written, else null
     */
    static Diagnostic record(BuildRequest request, Instant builtAt, Instant unchangedBefore, TreeStamp inputs,
                             BuildSummary summary, int threads) {
        Path file = BuildRecord.file(request.siteDir(), request.outDir());
        String key = key(request);
        if (key == null) return null;
        try {
            TreeStamp outputs = TreeStamp.of(outputs(request), threads);
            if (outputs == null) return null;
            new BuildRecord(key, builtAt, unchangedBefore, inputs, outputs, summary).write(file);
            return null;
        } catch (IOException e) {
            return Diagnostic.warning(file, "cannot be written (" + e.getMessage() + "), so the next build makes every"
                    + " file again; the cache folder " + IpaCache.FOLDER + " is safe to delete");
        }
    }

    private static List<Path> inputs(BuildRequest request) {
        return INPUTS.stream().map(request.siteDir()::resolve).toList();
    }

    private static List<Path> outputs(BuildRequest request) {
        return List.of(request.outDir(), request.serverConfigDir());
    }

    /** Everything besides the files that the output depends on; null when otapress's code cannot be told apart. */
    private static String key(BuildRequest request) {
        String code = CodeStamp.current();
        if (code == null) return null;
        return String.join("\n", "site " + request.siteDir().toAbsolutePath().normalize(),
                "out " + request.outDir().toAbsolutePath().normalize(),
                "server-config " + request.serverConfigDir().toAbsolutePath().normalize(),
                "base-url " + request.baseUrlOverride(), "drafts " + request.drafts(),
                "code " + code,
                "runtime " + Runtime.version() + " " + System.getProperty("java.home"),
                "locale " + Locale.getDefault() + " " + TimeZone.getDefault().getID() + " " + Charset.defaultCharset());
    }
}
