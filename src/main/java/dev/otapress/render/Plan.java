package dev.otapress.render;

import dev.otapress.Diagnostic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every file of a build, known before any is made: the paths are checked here for clashes (two
 * files for one path, or a file where another needs a folder), so the files can then be made in
 * any order, in parallel, and written as they come.
 *
 * @param files    the files in registry order
 * @param problems clashes and kinds that could not plan; when any is an error, nothing may be written
 */
public record Plan(List<OutputKind.Planned> files, List<Diagnostic> problems) {
    public Plan {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    public boolean failed() {
        return problems.stream().anyMatch(Diagnostic::isError);
    }

    /** The site paths of the plan, in its order: what a deploy uploads. */
    public List<String> paths() {
        return files.stream().map(OutputKind.Planned::path).toList();
    }

    static Plan check(List<OutputKind.Planned> files, List<Diagnostic> earlier) {
        List<Diagnostic> problems = new ArrayList<>(earlier);
        Map<String, OutputKind.Planned> byPath = new HashMap<>();
        for (OutputKind.Planned f : files) {
            OutputKind.Planned first = byPath.putIfAbsent(f.path(), f);
            if (first != null) problems.add(clash(f.path(), f, first));
        }
        // A file where another file needs a folder: releases/1.0 and releases/1.0/index.html, say.
        for (OutputKind.Planned f : files) {
            String path = f.path();
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                OutputKind.Planned file = byPath.get(path.substring(0, slash));
                if (file != null) {
                    problems.add(clash(path.substring(0, slash), f, file));
                    break;
                }
            }
        }
        return new Plan(files, problems);
    }

    private static Diagnostic clash(String path, OutputKind.Planned one, OutputKind.Planned other) {
        var where = one.origin() != null ? one.origin() : other.origin();
        return Diagnostic.error(where, "would write " + path + " twice; rename this folder or file so it does not clash"
                + " with another release or with otapress's own files (" + String.join(", ", OutputKinds.reservedNames())
                + ", and index.html, manifest.plist and icon-*.png in each release folder)");
    }
}
