package dev.otapress.cli;

import dev.otapress.BuildException;
import dev.otapress.BuildSummary;
import dev.otapress.Diagnostic;
import dev.otapress.cache.IpaCache;
import dev.otapress.pipeline.BuildOptions;
import dev.otapress.pipeline.BuildRequest;
import dev.otapress.pipeline.BuildResult;
import dev.otapress.pipeline.SiteBuilder;
import dev.otapress.pipeline.UpToDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "build",
        description = {"Builds the portal from site.yaml and content/ into the output folder.",
                "The output is replaced as a whole, and only when the build succeeds."})
public final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    SiteOption site;

    @Mixin
    OutputOption output;

    @Option(names = "--server-config", paramLabel = "DIR",
            description = "Where to write nginx.conf, apache.conf, Caddyfile and s3.md (default: DIR/"
                    + BuildRequest.SERVER_CONFIG_FOLDER + ").")
    Path serverConfig;

    @Option(names = {"-b", "--base-url"}, paramLabel = "URL",
            description = "Use this https URL instead of site.yaml's base_url, e.g. for a staging host (default: base_url).")
    String baseUrl;

    @Mixin
    DraftsOption drafts;

    @Option(names = "--no-cache", description = "Read every .ipa again, copy it and make every page afresh, without "
            + IpaCache.FOLDER + "/ (what earlier builds learnt; the folder is safe to delete at any time).")
    boolean noCache;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        ErrorPrinter errors = new ErrorPrinter(spec.commandLine().getErr());
        BuildRequest request = BuildRequest.of(site.dir(), output.dir(), serverConfig, baseUrl, drafts.included());
        long start = System.nanoTime();
        BuildOptions options = BuildOptions.defaults().withCache(!noCache);
        Clock clock = Clock.systemUTC();
        List<Diagnostic> recordProblems = List.of();
        if (options.cache()) {
            UpToDate.Check check = UpToDate.check(request, clock.instant(), options.threads());
            if (check.upToDate()) {
                print(check.summary(), request, "Up to date: %d release%s of %d app%s in %s (%d files, %s), checked in %.1f s;"
                        + " nothing changed since the build that made it (--no-cache builds anyway)%n", start, stdout, errors);
                return Main.OK;
            }
            recordProblems = check.warnings();
        }
        try {
            BuildResult result = new SiteBuilder(clock, options).build(request);
            BuildSummary summary = result.summary();
            if (!recordProblems.isEmpty()) summary = summary.with(recordProblems);
            print(summary, request, "Built %d release%s of %d app%s into %s (%d files, %s) in %.1f s%n", start, stdout, errors);
            return Main.OK;
        } catch (BuildException e) {
            long count = e.diagnostics().stream().filter(Diagnostic::isError).count();
            errors.print(e.diagnostics());
            errors.hint(String.format(Locale.ROOT, "Build failed with %d error%s; %s was left as it was.", count,
                    count == 1 ? "" : "s", ErrorPrinter.display(request.outDir())));
            return Main.FAILED;
        }
    }

    private void print(BuildSummary result, BuildRequest request, String headline, long start, PrintWriter stdout, ErrorPrinter errors) {
        errors.print(common.verbose() ? result.warnings() : WarningSummary.of(result.warnings()));
        stdout.printf(Locale.ROOT, headline, result.releases(), result.releases() == 1 ? "" : "s", result.apps(),
                result.apps() == 1 ? "" : "s", ErrorPrinter.display(request.outDir()), result.files(), megabytes(result.bytes()),
                (System.nanoTime() - start) / 1e9);
        if (result.skippedDrafts() > 0) {
            stdout.printf(Locale.ROOT, "Skipped %d draft%s (build with --drafts to include them)%n",
                    result.skippedDrafts(), result.skippedDrafts() == 1 ? "" : "s");
        }
        if (common.verbose()) {
            stdout.printf(Locale.ROOT, "Icons: %d files from %d scalings (each distinct icon is scaled once)%n",
                    result.iconFiles(), result.iconScalings());
            result.listing().forEach(r -> stdout.println("  " + r.sitePath() + "  " + r.bundleIdentifier() + " " + r.version()
                    + " (" + r.build() + ")"));
        }
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
