package dev.otapress.render;

import dev.otapress.site.App;
import dev.otapress.site.Release;

import java.util.ArrayList;
import java.util.List;

/** &lt;release folder&gt;/index.html: one page per release, with its install button and QR code. */
final class ReleasePages implements OutputKind {
    @Override
    public List<Planned> plan(RenderContext context) {
        List<Planned> planned = new ArrayList<>();
        for (App app : context.site().apps()) {
            for (Release r : app.releases()) {
                planned.add(Pages.page(Urls.release(r).file(), r.folder(), "release.ftlh", views -> views.release(app, r)));
            }
        }
        return planned;
    }
}
