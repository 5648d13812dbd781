package dev.otapress.render;

import dev.otapress.output.OutputFile;
import dev.otapress.site.Release;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The other files of a release folder (screenshots, a PDF the notes link to), copied beside its page. */
final class ReleaseAttachments implements OutputKind {
    @Override
    public List<Planned> plan(RenderContext context) {
        List<Planned> planned = new ArrayList<>();
        for (Release r : context.site().releases()) {
            for (Path file : context.files().assets(r)) {
                planned.add(Planned.ready(new OutputFile.Copy(Urls.releaseFile(r, file.getFileName().toString()), file), file));
            }
        }
        return planned;
    }
}
