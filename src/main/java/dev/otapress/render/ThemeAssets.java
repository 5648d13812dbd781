package dev.otapress.render;

import dev.otapress.output.OutputFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** assets/: the theme's static files (stylesheet, script, images), the site's own static/ over them. */
final class ThemeAssets implements OutputKind {
    @Override
    public List<String> reserved() {
        return List.of(Urls.ASSETS);
    }

    @Override
    public List<Planned> plan(RenderContext context) throws IOException {
        List<Planned> planned = new ArrayList<>();
        for (OutputFile f : context.theme().staticFiles(context.siteDir())) planned.add(Planned.ready(f, null));
        return planned;
    }
}
