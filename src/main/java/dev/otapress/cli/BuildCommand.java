package dev.otapress.cli;

import dev.otapress.BuildException;
import dev.otapress.Diagnostic;
import dev.otapress.cache.IpaCache;
import dev.otapress.pipeline.BuildOptions;
import dev.otapress.pipeline.BuildRequest;
import dev.otapress.pipeline.BuildResult;
import dev.otapress.pipeline.SiteBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
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
        try {
            BuildResult result = new SiteBuilder(Clock.systemUTC(), BuildOptions.defaults().withCache(!noCache)).build(request);
            errors.print(common.verbose() ? result.warnings() : WarningSummary.of(result.warnings()));
            int releases = result.site().releases().size();
            int apps = result.site().apps().size();
            stdout.printf(Locale.ROOT, "Built %d release%s of %d app%s into %s (%d files, %s) in %.1f s%n",
                    releases, releases == 1 ? "" : "s", apps, apps == 1 ? "" : "s", ErrorPrinter.display(request.outDir()),
                    result.files(), megabytes(result.bytes()), (System.nanoTime() - start) / 1e9);
            if (result.skippedDrafts() > 0) {
                stdout.printf(Locale.ROOT, "Skipped %d draft%s (build with --drafts to include them)%n",
                        result.skippedDrafts(), result.skippedDrafts() == 1 ? "" : "s");
            }
            if (common.verbose()) {
                stdout.printf(Locale.ROOT, "Icons: %d files from %d scalings (each distinct icon is scaled once)%n",
                        result.icons().files(), result.icons().scalings());
                result.site().releases().forEach(r -> stdout.println("  " + r.sitePath() + "  "
                        + r.bundleIdentifier() + " " + r.version() + " (" + r.build() + ")"));
            }
            return Main.OK;
        } catch (BuildException e) {
            long count = e.diagnostics().stream().filter(Diagnostic::isError).count();
            errors.print(e.diagnostics());
            errors.hint(String.format(Locale.ROOT, "Build failed with %d error%s; %s was left as it was.", count,
                    count == 1 ? "" : "s", ErrorPrinter.display(request.outDir())));
            return Main.FAILED;
        }
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
