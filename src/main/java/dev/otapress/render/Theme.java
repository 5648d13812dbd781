package dev.otapress.render;

import dev.otapress.Diagnostic;
import dev.otapress.output.OutputFile;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A theme's templates and static files. A site's own {@code templates/} and {@code static/}
 * folders override the theme's file by file; the theme is {@code themes/NAME/} in the site, or,
 * for {@code default}, the copy built into otapress.
 */
public final class Theme {
    public static final String BUILT_IN = "default";
    private static final String CLASSPATH_ROOT = "themes/" + BUILT_IN;
    /** Theme assets are stylesheets, scripts and small images. */
    private static final long MAX_STATIC_BYTES = 16L * 1024 * 1024;

    private final String name;
    private final Path siteTemplates;
    private final Path themeDir;   // null for the built-in copy

    private Theme(String name, Path siteTemplates, Path themeDir) {
        this.name = name;
        this.siteTemplates = siteTemplates;
        this.themeDir = themeDir;
    }

    /** Finds the theme; null, with a diagnostic, when there is no such theme. */
    public static Theme resolve(Path siteDir, String name, Path configFile, List<Diagnostic> diagnostics) {
        Path dir = siteDir.resolve("themes").resolve(name);
        Path siteTemplates = siteDir.resolve("templates");
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return new Theme(name, siteTemplates, dir);
        if (name.equals(BUILT_IN)) return new Theme(name, siteTemplates, null);
        diagnostics.add(Diagnostic.error(configFile, "theme '" + name + "' not found: there is no folder " + dir
                + "; create it or remove 'theme:' to use the built-in theme"));
        return null;
    }

    public String name() {
        return name;
    }

    TemplateLoader templateLoader() throws IOException {
        List<TemplateLoader> loaders = new ArrayList<>();
        if (Files.isDirectory(siteTemplates)) loaders.add(new FileTemplateLoader(siteTemplates.toFile()));
        if (themeDir != null) loaders.add(new FileTemplateLoader(themeDir.resolve("templates").toFile()));
        else loaders.add(new ClassTemplateLoader(Theme.class.getClassLoader(), CLASSPATH_ROOT + "/templates"));
        return new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new));
    }

    /** Where a template comes from, for error messages. */
    public String describe(String templateName) {
        if (Files.isRegularFile(siteTemplates.resolve(templateName))) return siteTemplates.resolve(templateName).toString();
        if (themeDir != null) return themeDir.resolve("templates").resolve(templateName).toString();
        return "built-in theme " + BUILT_IN + ": templates/" + templateName;
    }

    /** Static files under {@code assets/}: the theme's, then the site's own {@code static/} over them. */
    public List<OutputFile> staticFiles(Path siteDir) throws IOException {
        Map<String, OutputFile> files = new LinkedHashMap<>();
        if (themeDir != null) {
            collect(themeDir.resolve("static"), files);
        } else {
            URL url = Theme.class.getClassLoader().getResource(CLASSPATH_ROOT + "/static");
            if (url == null) throw new IOException("the built-in theme is missing from this otapress build");
            try {
                URI uri = url.toURI();
                if (uri.getScheme().equals("jar")) {
                    try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                        collect(fs.provider().getPath(uri), files);
                    }
                } else {
                    collect(Path.of(uri), files);
                }
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }
        collect(siteDir.resolve("static"), files);
        return new ArrayList<>(files.values());
    }

    private static void collect(Path root, Map<String, OutputFile> files) throws IOException {
        if (!Files.isDirectory(root)) return;
        boolean onDisk = root.getFileSystem() == FileSystems.getDefault();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.comparing(Path::toString)).toList()) {
                if (Files.isSymbolicLink(p)) throw new IOException(p + " is a symbolic link; put the file itself in the theme");
                if (!Files.isRegularFile(p) || p.getFileName().toString().startsWith(".")) continue;
                if (Files.size(p) > MAX_STATIC_BYTES) throw new IOException(p + " is too large for a theme asset");
                List<String> parts = new ArrayList<>();
                for (Path part : root.relativize(p)) parts.add(part.toString());
                String path = Urls.asset(String.join("/", parts));
                if (onDisk) {
                    files.put(path, new OutputFile.Copy(path, p));
                } else {
                    try (InputStream in = Files.newInputStream(p)) {
                        files.put(path, new OutputFile.Bytes(path, in.readAllBytes()));
                    }
                }
            }
        }
    }
}
