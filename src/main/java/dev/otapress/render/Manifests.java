package dev.otapress.render;

import dev.otapress.output.OutputFile;
import dev.otapress.site.Release;

import java.util.ArrayList;
import java.util.List;

/** &lt;release folder&gt;/manifest.plist: what iOS fetches when an install link is tapped. */
final class Manifests implements OutputKind {
    @Override
    public List<Planned> plan(RenderContext context) {
        List<Planned> planned = new ArrayList<>();
        for (Release r : context.site().releases()) {
            // A release that can no longer be installed keeps its page, but nothing to install from.
            if (!r.installable()) continue;
            String path = Urls.manifest(r);
            planned.add(new Planned(path, r.folder(),
                    (c, report) -> new OutputFile.Bytes(path, c.manifests().write(r))));
        }
        return planned;
    }
}
