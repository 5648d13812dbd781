package dev.otapress.render;

import dev.otapress.output.OutputFile;
import dev.otapress.server.ServerConfigs;
import dev.otapress.server.TextFile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** .htaccess, _headers and web.config: server settings that Apache, Netlify and IIS read from the web root. */
final class WebRootFiles implements OutputKind {
    @Override
    public List<String> reserved() {
        // The names do not depend on the host; any valid base URL lists them.
        return files(new ServerConfigs(java.net.URI.create("https://example.invalid/"))).stream().map(TextFile::path).toList();
    }

    @Override
    public List<Planned> plan(RenderContext context) {
        List<Planned> planned = new ArrayList<>();
        for (TextFile f : files(new ServerConfigs(context.site().config().baseUrl()))) {
            planned.add(Planned.ready(new OutputFile.Bytes(f.path(), f.content().getBytes(StandardCharsets.UTF_8)), null));
        }
        return planned;
    }

    private static List<TextFile> files(ServerConfigs configs) {
        return configs.webRootFiles();
    }
}
