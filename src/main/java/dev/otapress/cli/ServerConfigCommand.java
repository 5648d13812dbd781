package dev.otapress.cli;

import dev.otapress.BuildException;
import dev.otapress.Diagnostic;
import dev.otapress.config.SiteConfigLoader;
import dev.otapress.server.ServerConfigs;
import dev.otapress.server.ServerKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code otapress server-config KIND}: prints the web server snippet for the site's base URL. */
@Command(name = "server-config",
        mixinStandardHelpOptions = true,
        description = "Prints web server configuration for the portal: MIME types for .plist and .ipa, cache and security headers.")
final class ServerConfigCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SERVER", description = "nginx, apache, caddy, iis, netlify or s3")
    String server;

    @Option(names = "--base-url", paramLabel = "URL", description = "The portal's https base URL (default: base_url in site.yaml)")
    String baseUrl;

    @Option(names = "--site", paramLabel = "DIR", defaultValue = ".", description = "The site folder holding site.yaml (default: .)")
    Path site;

    @Option(names = "--verbose", description = "Print stack traces of unexpected failures")
    boolean verbose;

    @Override
    public Integer call() {
        ServerKind kind;
        try {
            kind = ServerKind.fromCliName(server);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            URI url = new SiteConfigLoader().load(site, baseUrl).baseUrl();
            spec.commandLine().getOut().print(new ServerConfigs(url).render(kind));
            spec.commandLine().getOut().flush();
            return Main.OK;
        } catch (BuildException e) {
            for (Diagnostic d : e.diagnostics()) spec.commandLine().getErr().println(Diagnostics.format(d));
            return Main.FAILED;
        }
    }
}
