package dev.otapress.render;

import dev.otapress.site.App;

import java.util.ArrayList;
import java.util.List;

/** apps/&lt;bundle id&gt;/index.html, one per app when the site has several (with one, the home page is it). */
final class AppPages implements OutputKind {
    @Override
    public List<String> reserved() {
        return List.of(Urls.APPS);
    }

    @Override
    public List<Planned> plan(RenderContext context) {
        List<App> apps = context.site().apps();
        List<Planned> planned = new ArrayList<>();
        if (context.site().singleApp()) return planned;
        for (App app : apps) planned.add(Pages.page(Urls.app(app).file(), null, "app.ftlh", views -> views.app(app)));
        return planned;
    }
}
