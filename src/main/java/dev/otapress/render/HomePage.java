package dev.otapress.render;

import java.util.List;

/** index.html: every app, or the one app's history. */
final class HomePage implements OutputKind {
    @Override
    public List<String> reserved() {
        return List.of(Urls.HOME);
    }

    @Override
    public List<Planned> plan(RenderContext context) {
        return List.of(Pages.page(Urls.home().file(), null, "index.ftlh", Views::home));
    }
}
