package dev.otapress.cli;

import dev.otapress.BuildException;
import dev.otapress.Diagnostic;
import dev.otapress.pipeline.BuildRequest;
import dev.otapress.pipeline.BuildResult;
import dev.otapress.pipeline.SiteBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Builds the portal from site.yaml and content/ into the output folder.",
                "The output is replaced as a whole, and only when the build succeeds."})
public final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--site", paramLabel = "DIR", description = "The site folder, holding site.yaml and content/ (default: the current folder).")
    Path site = Path.of(".");

    @Option(names = "--out", paramLabel = "DIR", description = "The output folder (default: DIR/public).")
    Path out;

    @Option(names = "--server-config", paramLabel = "DIR", description = "Where to write nginx.conf, apache.conf, Caddyfile and s3.md (default: DIR/server-config).")
    Path serverConfig;

    @Option(names = "--base-url", paramLabel = "URL", description = "Use this https URL instead of site.yaml's base_url (for a staging host).")
    String baseUrl;

    @Option(names = "--drafts", description = "Include releases whose front matter says draft: true.")
    boolean drafts;

    @Option(names = "--verbose", description = "Print more detail, and stack traces of unexpected failures.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Path outDir = out != null ? out : site.resolve("public");
        long start = System.nanoTime();
        try {
            BuildResult result = new SiteBuilder().build(new BuildRequest(site, outDir,
                    serverConfig != null ? serverConfig : site.resolve("server-config"), baseUrl, drafts));
            for (Diagnostic d : result.warnings()) stderr.println(Diagnostics.format(d));
            int releases = result.site().releases().size();
            int apps = result.site().apps().size();
            stdout.printf(Locale.ROOT, "Built %d release%s of %d app%s into %s (%d files, %s) in %.1f s%n",
                    releases, releases == 1 ? "" : "s", apps, apps == 1 ? "" : "s", Diagnostics.display(outDir),
                    result.files(), megabytes(result.bytes()), (System.nanoTime() - start) / 1e9);
            if (result.skippedDrafts() > 0) {
                stdout.printf(Locale.ROOT, "Skipped %d draft%s (build with --drafts to include them)%n",
                        result.skippedDrafts(), result.skippedDrafts() == 1 ? "" : "s");
            }
            if (verbose) {
                result.site().releases().forEach(r -> stdout.println("  " + r.sitePath() + "  "
                        + r.ipa().app().bundleIdentifier() + " " + r.version() + " (" + r.build() + ")"));
            }
            return Main.OK;
        } catch (BuildException e) {
            long errors = e.diagnostics().stream().filter(Diagnostic::isError).count();
            for (Diagnostic d : e.diagnostics()) stderr.println(Diagnostics.format(d));
            stderr.printf(Locale.ROOT, "Build failed with %d error%s; %s was left as it was.%n", errors, errors == 1 ? "" : "s",
                    Diagnostics.display(outDir));
            return Main.FAILED;
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
