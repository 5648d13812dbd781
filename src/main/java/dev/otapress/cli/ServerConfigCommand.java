package dev.otapress.cli;

import dev.otapress.BuildException;
import dev.otapress.config.BaseUrl;
import dev.otapress.config.SiteConfigLoader;
import dev.otapress.server.ServerConfigs;
import dev.otapress.server.ServerKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code otapress server-config KIND}: prints the web server snippet for the site's base URL. */
@Command(name = "server-config",
        description = "Prints web server configuration for the portal: MIME types for .plist and .ipa, cache and security headers.")
final class ServerConfigCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SERVER", description = "nginx, apache, caddy, iis, netlify or s3")
    String server;

    @CommandLine.Mixin
    CommonOptions common;

    @CommandLine.Mixin
    SiteOption site;

    @Option(names = {"-b", "--base-url"}, paramLabel = "URL", description = "The portal's https base URL (default: base_url in site.yaml).")
    String baseUrl;

    /** --base-url needs no site.yaml: the snippet depends on nothing else. */
    private static BaseUrl fromOption(String text) {
        BaseUrl.Parse parse = BaseUrl.parse(text);
        if (!parse.ok()) throw new CliError("--base-url " + parse.problem());
        return parse.url();
    }

    @Override
    public Integer call() {
        ServerKind kind;
        try {
            kind = ServerKind.fromCliName(server);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            BaseUrl url = baseUrl != null ? fromOption(baseUrl) : new SiteConfigLoader().load(site.dir(), null).baseUrl();
            spec.commandLine().getOut().print(new ServerConfigs(url).render(kind));
            spec.commandLine().getOut().flush();
            return Main.OK;
        } catch (BuildException e) {
            new ErrorPrinter(spec.commandLine().getErr()).print(e.diagnostics());
            return Main.FAILED;
        }
    }
}
