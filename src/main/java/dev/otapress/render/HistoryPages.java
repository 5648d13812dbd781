package dev.otapress.render;

import dev.otapress.site.App;

import java.util.ArrayList;
import java.util.List;

/**
 * apps/&lt;bundle id&gt;/history/&lt;n&gt;/index.html: an app's history in pages of
 * {@link Histories#PAGE_SIZE}, numbered from the oldest, so older pages stay byte-identical as builds are added.
 */
final class HistoryPages implements OutputKind {
    @Override
    public List<Planned> plan(RenderContext context) {
        List<Planned> planned = new ArrayList<>();
        Histories histories = context.views().histories();
        for (App app : context.site().apps()) {
            for (int k = 1; k <= histories.pageCount(app); k++) {
                int number = k;
                planned.add(Pages.page(Urls.historyPage(app, number), null, "history.ftlh", views -> views.historyPage(app, number)));
            }
        }
        return planned;
    }
}
