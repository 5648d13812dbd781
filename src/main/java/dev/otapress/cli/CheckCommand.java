package dev.otapress.cli;

import dev.otapress.BuildException;
import dev.otapress.config.BaseUrl;
import dev.otapress.config.SiteConfig;
import dev.otapress.config.SiteConfigLoader;
import dev.otapress.doctor.CheckLimits;
import dev.otapress.doctor.CheckResult;
import dev.otapress.doctor.PortalDoctor;
import dev.otapress.doctor.PortalTrust;
import dev.otapress.text.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code otapress check [URL]}: checks a deployed portal the way an iPhone will use it. */
@Command(name = "check",
        description = {"Checks a deployed portal: TLS, listing, manifests, .ipa downloads and install links.",
                "Without URL it checks base_url from site.yaml. Only https URLs on the checked host and on hosts that"
                        + " site.yaml (base_url, downloads_base_url) or --allow-host names are requested."})
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "URL",
            description = "The portal's https base URL (default: base_url in site.yaml).")
    String url;

    @CommandLine.Mixin
    SiteOption site;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Also trust the CA certificates in this PEM file (an internal CA).")
    Path caFile;

    @Option(names = "--latest", description = "Check only the newest installable release of each app.")
    boolean latest;

    @Option(names = "--allow-host", paramLabel = "HOST[:PORT]",
            description = "Also request URLs on this host (repeatable), e.g. a download host the listing names.")
    List<String> allowHosts = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "The most one request may take, body included (default: 20).")
    long timeoutSeconds = CheckLimits.DEFAULTS.requestTimeout().toSeconds();

    @Option(names = "--deadline", paramLabel = "SECONDS", description = "The most the whole check may take (default: 900).")
    long deadlineSeconds = CheckLimits.DEFAULTS.deadline().toSeconds();

    @Option(names = "--parallel", paramLabel = "N", description = "Releases checked at the same time (default: 4).")
    int parallel = CheckLimits.DEFAULTS.parallel();

    @Option(names = "--max-releases", paramLabel = "N", description = "Releases checked at most (default: 10000).")
    int maxReleases = CheckLimits.DEFAULTS.maxReleases();

    @Option(names = "--max-listing-mb", paramLabel = "MB", description = "The cap on releases.json (default: 32).")
    long maxListingMb = CheckLimits.DEFAULTS.maxListingBytes() >> 20;

    @Option(names = "--max-page-mb", paramLabel = "MB", description = "The cap on each page read: home, app, history and release pages (default: 8).")
    long maxPageMb = CheckLimits.DEFAULTS.maxPageBytes() >> 20;

    @Option(names = "--max-manifest-kb", paramLabel = "KB", description = "The cap on each manifest.plist (default: 1024).")
    long maxManifestKb = CheckLimits.DEFAULTS.maxManifestBytes() >> 10;

    @Option(names = "--max-pages", paramLabel = "N",
            description = "Pages read at most to find the releases of a portal without releases.json (default: 1000).")
    int maxPages = CheckLimits.DEFAULTS.maxPages();

    @CommandLine.Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ErrorPrinter errors = new ErrorPrinter(spec.commandLine().getErr());
        CheckLimits limits = limits();
        List<URI> configured = new ArrayList<>();
        if (url == null || site.given()) {
            try {
                SiteConfig config = new SiteConfigLoader().load(site.dir(), null);
                configured.add(config.baseUrl().uri());
                // The site's own download host (a CDN) serves its .ipa files and icons: the user named it.
                if (config.downloadsBaseUrl() != null) configured.add(config.downloadsBaseUrl().uri());
            } catch (BuildException e) {
                errors.print(e.diagnostics());
                if (url == null) errors.hint("check needs the portal's URL: pass it, or run in the site folder (or with --site DIR)");
                return Main.FAILED;
            }
        }
        BaseUrl portal;
        if (url == null) {
            portal = BaseUrl.of(configured.get(0).toString());
        } else {
            BaseUrl.Parse parse = BaseUrl.parse(url);
            if (!parse.ok()) {
                // The same rule as base_url: a URL no portal can have is reported without a connection.
                out.println(TerminalText.escape("✗ portal URL is an https base URL (" + url.strip() + ")"));
                out.println(TerminalText.escape("    fix: the URL " + parse.problem()));
                out.println("1 of 1 checks failed");
                out.flush();
                return Main.FAILED;
            }
            portal = parse.url();
        }
        PortalTrust trust;
        try {
            trust = caFile == null ? PortalTrust.system() : PortalTrust.systemPlus(caFile);
        } catch (IOException e) {
            errors.error(e.getMessage());
            return Main.FAILED;
        }
        PortalDoctor doctor;
        try {
            doctor = new PortalDoctor(trust, Clock.systemUTC(), limits, configured, allowHosts);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        List<CheckResult> results = doctor.check(portal, latest);
        long failed = results.stream().filter(r -> !r.ok()).count();
        for (CheckResult r : results) {
            // Names, details and URLs come from the server being checked.
            out.println(TerminalText.escape((r.ok() ? "✓ " : "✗ ") + r.name() + (r.detail().isEmpty() ? "" : " (" + r.detail() + ")")));
            if (!r.ok()) out.println(TerminalText.escape("    fix: " + r.fix()));
        }
        out.println(failed == 0 ? results.size() + " checks passed"
                : failed + " of " + results.size() + " checks failed");
        out.flush();
        return failed == 0 ? Main.OK : Main.FAILED;
    }

    private CheckLimits limits() {
        try {
            return new CheckLimits(Duration.ofSeconds(timeoutSeconds), Duration.ofSeconds(deadlineSeconds), parallel, maxReleases,
                    Math.multiplyExact(maxListingMb, 1L << 20), Math.multiplyExact(maxPageMb, 1L << 20),
                    Math.multiplyExact(maxManifestKb, 1L << 10), maxPages);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "check's limits: " + e.getMessage());
        }
    }
}
