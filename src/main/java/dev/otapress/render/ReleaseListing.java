package dev.otapress.render;

import dev.otapress.output.OutputFile;

import java.util.List;

/** releases.json: every release for machines (CI, chat bots, {@code otapress check}). */
final class ReleaseListing implements OutputKind {
    @Override
    public List<String> reserved() {
        return List.of(Urls.LISTING);
    }

    @Override
    public List<Planned> plan(RenderContext context) {
        return List.of(new Planned(Urls.LISTING, null,
                (c, report) -> new OutputFile.Bytes(Urls.LISTING, new JsonListing(c.urls()).write(c.site()))));
    }
}
