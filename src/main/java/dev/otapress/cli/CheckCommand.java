package dev.otapress.cli;

import dev.otapress.doctor.CheckResult;
import dev.otapress.doctor.PortalDoctor;
import dev.otapress.doctor.PortalTrust;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code otapress check URL}: checks a deployed portal the way an iPhone will use it. */
@Command(name = "check",
        description = "Checks a deployed portal: TLS, listing, manifests, .ipa downloads and install links.")
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "The portal's https base URL")
    String url;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Also trust the CA certificates in this PEM file (an internal CA)")
    Path caFile;

    @Option(names = "--latest", description = "Check only the newest release of each app")
    boolean latest;

    @CommandLine.Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        URI portal;
        try {
            portal = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "not a valid URL: " + e.getMessage());
        }
        if (!portal.isAbsolute()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the URL must be absolute, e.g. https://intranet.example.com/ios/");
        }
        PortalTrust trust;
        try {
            trust = caFile == null ? PortalTrust.system() : PortalTrust.systemPlus(caFile);
        } catch (IOException e) {
            new ErrorPrinter(err).error(e.getMessage());
            return Main.FAILED;
        }
        List<CheckResult> results = new PortalDoctor(trust, Clock.systemUTC()).check(portal, latest);
        long failed = results.stream().filter(r -> !r.ok()).count();
        for (CheckResult r : results) {
            out.println((r.ok() ? "✓ " : "✗ ") + r.name() + (r.detail().isEmpty() ? "" : " (" + r.detail() + ")"));
            if (!r.ok()) out.println("    fix: " + r.fix());
        }
        out.println(failed == 0 ? results.size() + " checks passed"
                : failed + " of " + results.size() + " checks failed");
        out.flush();
        return failed == 0 ? Main.OK : Main.FAILED;
    }
}
