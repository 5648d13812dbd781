package dev.otapress.cli;

import dev.otapress.server.ServerConfigs;
import dev.otapress.server.ServerKind;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
            URI url = baseUrl != null ? parse(baseUrl, "--base-url") : baseUrlFromSiteYaml(site.resolve("site.yaml"));
            spec.commandLine().getOut().print(new ServerConfigs(url).render(kind));
            spec.commandLine().getOut().flush();
            return Main.OK;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("otapress: error: " + e.getMessage());
            return Main.FAILED;
        }
    }

    // Reads only base_url until the site configuration loader is shared by all commands.
    private static URI baseUrlFromSiteYaml(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": not found; pass --base-url URL or --site DIR");
        }
        Object value;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            value = root instanceof Map<?, ?> map ? map.get("base_url") : null;
        } catch (IOException | YAMLException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException(file + ": base_url is missing; add e.g. 'base_url: https://intranet.example.com/ios/' or pass --base-url");
        }
        return parse(text, file + ": base_url");
    }

    private static URI parse(String text, String where) {
        try {
            return new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + " is not a valid URL: " + e.getMessage());
        }
    }
}
