package dev.otapress.render;

import dev.otapress.output.OutputFile;
import dev.otapress.site.Release;

import java.util.ArrayList;
import java.util.List;

/** &lt;release folder&gt;/&lt;its own name&gt;.ipa: the build itself, byte for byte. */
final class IpaFiles implements OutputKind {
    @Override
    public List<Planned> plan(RenderContext context) {
        List<Planned> planned = new ArrayList<>();
        for (Release r : context.site().releases()) {
            if (!r.installable()) continue;
            planned.add(Planned.ready(new OutputFile.Copy(Urls.ipa(r), context.files().ipa(r)), context.files().ipa(r)));
        }
        return planned;
    }
}
