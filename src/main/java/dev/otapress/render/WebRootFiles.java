package dev.otapress.render;

import dev.otapress.config.BaseUrl;
import dev.otapress.output.OutputFile;
import dev.otapress.server.ServerConfigs;
import dev.otapress.server.TextFile;
import dev.otapress.site.Release;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * .htaccess, _headers and web.config: server settings that Apache, Netlify and IIS read from the
 * web root. IIS and Netlify can only make the files authors put beside releases inert one by one,
 * so these list them.
 */
final class WebRootFiles implements OutputKind {
    @Override
    public List<String> reserved() {
        // The names do not depend on the host; any valid base URL lists them.
        return new ServerConfigs(BaseUrl.of("https://example.invalid/")).webRootFiles(List.of()).stream()
                .map(TextFile::path).toList();
    }

    @Override
    public List<Planned> plan(RenderContext context) {
        List<String> sideFiles = new ArrayList<>();
        for (Release r : context.site().releases()) {
            for (Path file : context.files().assets(r)) sideFiles.add(Urls.releaseFile(r, file.getFileName().toString()));
        }
        List<Planned> planned = new ArrayList<>();
        for (TextFile f : new ServerConfigs(context.site().config().baseUrl(), context.site().config().downloadsBaseUrl()).webRootFiles(sideFiles.stream().sorted().toList())) {
            planned.add(Planned.ready(new OutputFile.Bytes(f.path(), f.content().getBytes(StandardCharsets.UTF_8)), null));
        }
        return planned;
    }
}
