package dev.otapress.pipeline;

import dev.otapress.Diagnostic;
import dev.otapress.output.OutputFile;
import dev.otapress.output.OutputWriter;
import dev.otapress.render.OutputKind;
import dev.otapress.render.SiteRenderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes every planned file, in parallel, and writes each to the new output as soon as it is made:
 * memory holds a few files at a time, not the whole portal. Diagnostics come back in plan order.
 */
final class RenderStep {
    private RenderStep() {
    }

    static List<Diagnostic> run(SiteRenderer.Prepared prepared, OutputWriter.Session session, int threads) throws IOException {
        List<OutputKind.Planned> files = prepared.plan().files();
        List<List<Diagnostic>> reports;
        try {
            reports = ParallelWork.run(files.size(), threads, i -> {
                List<Diagnostic> report = new ArrayList<>(0);
                OutputFile f = SiteRenderer.make(prepared.context(), files.get(i), report::add);
                if (f != null && report.stream().noneMatch(Diagnostic::isError)) {
                    try {
                        session.write(f);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return report;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        // A broken template fails every page alike: say it once.
        Set<Diagnostic> all = new LinkedHashSet<>();
        for (List<Diagnostic> r : reports) all.addAll(r);
        return new ArrayList<>(all);
    }
}
