package dev.otapress.render;

import dev.otapress.output.OutputFile;
import dev.otapress.site.App;
import dev.otapress.site.Site;

import java.util.ArrayList;
import java.util.List;

/**
 * feed.xml for every release, and apps/&lt;bundle id&gt;/feed.xml for each app, also when the site
 * has only one, so a subscription survives a second app.
 */
final class Feeds implements OutputKind {
    @Override
    public List<String> reserved() {
        return List.of(Urls.FEED, Urls.APPS);
    }

    @Override
    public List<Planned> plan(RenderContext context) {
        Site site = context.site();
        String title = site.config().title();
        List<Planned> planned = new ArrayList<>();
        // One writer for every feed, so each release's entry is written once however many feeds list it.
        AtomFeed atom = new AtomFeed(context.urls());
        planned.add(new Planned(Urls.FEED, null, (c, report) -> new OutputFile.Bytes(Urls.FEED,
                atom.write(title, Urls.FEED, c.urls().absolute(Urls.home().linkPath()), title, site.releases()))));
        for (App app : site.apps()) {
            String path = Urls.appFeed(app);
            planned.add(new Planned(path, null, (c, report) -> {
                // With one app there is no app page: the home page shows its history.
                String page = c.urls().absolute(site.singleApp() ? Urls.home().linkPath() : Urls.app(app).linkPath());
                return new OutputFile.Bytes(path, atom.write(app.name() + " · " + title, path, page,
                        title, app.releases()));
            }));
        }
        return planned;
    }
}
