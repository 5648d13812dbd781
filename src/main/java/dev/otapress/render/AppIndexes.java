package dev.otapress.render;

import dev.otapress.output.OutputFile;
import dev.otapress.site.App;

import java.util.ArrayList;
import java.util.List;

/**
 * apps/&lt;bundle id&gt;/latest.json (the in-app update check) and search.json (the history for
 * the search box), for every app, also when the site has only one.
 */
final class AppIndexes implements OutputKind {
    @Override
    public List<Planned> plan(RenderContext context) {
        List<Planned> planned = new ArrayList<>();
        for (App app : context.site().apps()) {
            String latest = Urls.latestJson(app);
            planned.add(new Planned(latest, null,
                    (c, report) -> new OutputFile.Bytes(latest, new LatestJson(c.urls()).write(c.site(), app))));
            String search = Urls.searchIndex(app);
            planned.add(new Planned(search, null,
                    (c, report) -> new OutputFile.Bytes(search, new SearchIndex().write(c.site(), app))));
        }
        return planned;
    }
}
