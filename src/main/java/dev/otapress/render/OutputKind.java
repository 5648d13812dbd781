package dev.otapress.render;

import dev.otapress.Diagnostic;
import dev.otapress.output.OutputFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One kind of file the portal holds (the home page, release pages, manifests, icons, feeds…),
 * registered in {@link OutputKinds#ALL}. A kind first plans: it names every file it will write
 * for a site, cheaply and before anything is made, so the whole output's paths can be checked for
 * clashes and files can then be made in parallel and streamed to disk one by one. Paths come from
 * {@link Urls}, as do the links to them.
 *
 * <p>Pattern: JBake's {@code RenderingTool}, one class per output, listed in one place.
 */
public interface OutputKind {

    /**
     * Top-level names of the site this kind owns ({@code index.html}, {@code assets/}), which
     * content must not take; a folder ends in '/'. Release folders live under content's own names.
     */
    default List<String> reserved() {
        return List.of();
    }

    /** Every file of this kind for the site, each with how to make it. Makes nothing yet. */
    List<Planned> plan(RenderContext context) throws IOException;

    /** Makes one planned file, reporting warnings (or an error, then returning null) to {@code report}. */
    @FunctionalInterface
    interface Maker {
        OutputFile make(RenderContext context, Consumer<Diagnostic> report);
    }

    /**
     * One file of the plan.
     *
     * @param path   its site path (from {@link Urls})
     * @param origin the content file or folder it comes from, named when it clashes; null for the site's own files
     * @param maker  makes the file when its turn comes
     */
    record Planned(String path, Path origin, Maker maker) {
        public Planned {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(maker, "maker");
        }

        /** A file whose bytes are already known, or a copy: nothing to make later. */
        public static Planned ready(OutputFile file, Path origin) {
            return new Planned(file.path(), origin, (c, r) -> file);
        }
    }
}
