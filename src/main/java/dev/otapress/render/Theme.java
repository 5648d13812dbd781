package dev.otapress.render;

import dev.otapress.Diagnostic;
import dev.otapress.output.OutputFile;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A theme's templates and static files. A site's own {@code templates/} and {@code static/}
 * folders override the theme's file by file; the theme is {@code themes/NAME/} in the site, or,
 * for {@code default}, the copy built into otapress. A theme of the site's own falls back to the
 * built-in templates file by file, so a page type added to otapress does not break every theme
 * written before it; a warning names what came from the built-in theme.
 */
public final class Theme {
    public static final String BUILT_IN = "default";
    private static final String CLASSPATH_ROOT = "themes/" + BUILT_IN;
    private static final String TEMPLATES = "templates";
    /** Theme assets are stylesheets, scripts and small images. */
    /** Guards opening and closing the zip file system of the jar the built-in theme is read from. */
    private static final Object JAR_FILE_SYSTEM = new Object();
    private static final long MAX_STATIC_BYTES = 16L * 1024 * 1024;
    private static final Pattern READS_CLOCK = Pattern.compile("\\.now\\b");

    private final String name;
    private final Path siteTemplates;
    private final Path themeDir;   // null for the built-in copy
    private final List<String> fromBuiltIn;

    private Theme(String name, Path siteTemplates, Path themeDir, List<String> fromBuiltIn) {
        this.name = name;
        this.siteTemplates = siteTemplates;
        this.themeDir = themeDir;
        this.fromBuiltIn = List.copyOf(fromBuiltIn);
    }

    /** Finds the theme; null, with a diagnostic, when there is no such theme. */
    public static Theme resolve(Path siteDir, String name, Path configFile, List<Diagnostic> diagnostics) {
        Path dir = siteDir.resolve("themes").resolve(name);
        Path siteTemplates = siteDir.resolve(TEMPLATES);
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            List<String> fromBuiltIn = new ArrayList<>();
            try {
                for (String template : builtInTemplates()) {
                    if (!Files.isRegularFile(dir.resolve(TEMPLATES).resolve(template))
                            && !Files.isRegularFile(siteTemplates.resolve(template))) {
                        fromBuiltIn.add(template);
                    }
                }
            } catch (IOException e) {
                diagnostics.add(Diagnostic.error(null, "cannot read the built-in theme: " + e.getMessage()));
                return null;
            }
            if (!fromBuiltIn.isEmpty()) {
                boolean one = fromBuiltIn.size() == 1;
                diagnostics.add(Diagnostic.warning(dir.resolve(TEMPLATES), "theme '" + name + "' has no template"
                        + (one ? " " : "s ") + String.join(", ", fromBuiltIn) + ": using the built-in theme's (copy "
                        + (one ? "it" : "them") + " from themes/default/templates/ in otapress to change "
                        + (one ? "it" : "them") + ")"));
            }
            return new Theme(name, siteTemplates, dir, fromBuiltIn);
        }
        if (name.equals(BUILT_IN)) return new Theme(name, siteTemplates, null, List.of());
        diagnostics.add(Diagnostic.error(configFile, "theme '" + name + "' not found: there is no folder " + dir
                + "; create it or remove 'theme:' to use the built-in theme"));
        return null;
    }

    public String name() {
        return name;
    }

    /** The templates this theme takes from the built-in one, sorted; empty for the built-in theme itself. */
    public List<String> fromBuiltIn() {
        return fromBuiltIn;
    }

    TemplateLoader templateLoader() throws IOException {
        List<TemplateLoader> loaders = new ArrayList<>();
        if (Files.isDirectory(siteTemplates)) loaders.add(new FileTemplateLoader(siteTemplates.toFile()));
        if (themeDir != null) loaders.add(new FileTemplateLoader(themeDir.resolve(TEMPLATES).toFile()));
        loaders.add(new ClassTemplateLoader(Theme.class.getClassLoader(), CLASSPATH_ROOT + "/" + TEMPLATES));
        return new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new));
    }

    /**
     * Every template this theme can load, as (name, bytes) pairs in a fixed order: the site's
     * templates/, the theme's, and the built-in ones when they are files (in a jar they are part
     * of otapress's own code, which {@link PageReuse} keys on).
     */
    void templateSources(TemplateSourceSink sink) throws IOException {
        sources("site", siteTemplates, sink);
        if (themeDir != null) sources("theme", themeDir.resolve(TEMPLATES), sink);
        URL url = Theme.class.getClassLoader().getResource(CLASSPATH_ROOT + "/" + TEMPLATES);
        if (url != null && url.getProtocol().equals("file")) {
            try {
                sources("built-in", Path.of(url.toURI()), sink);
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }
    }

    /**
     * Whether a template of the site or its theme reads the clock itself ({@code .now}): then its
     * pages may change with no input changing, so no page of an earlier build stands for a new one.
     */
    public boolean readsClock() throws IOException {
        boolean[] reads = {false};
        templateSources((name, bytes) -> {
            if (READS_CLOCK.matcher(new String(bytes, StandardCharsets.ISO_8859_1)).find()) reads[0] = true;
        });
        return reads[0];
    }

    /** Receives template sources. */
    interface TemplateSourceSink {
        void source(String name, byte[] bytes);
    }

    private static void sources(String origin, Path root, TemplateSourceSink sink) throws IOException {
        if (!Files.isDirectory(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList()) {
                sink.source(origin + ":" + root.relativize(p), Files.readAllBytes(p));
            }
        }
    }

    /** Where a template comes from, for error messages. */
    public String describe(String templateName) {
        if (Files.isRegularFile(siteTemplates.resolve(templateName))) return siteTemplates.resolve(templateName).toString();
        if (themeDir != null && !fromBuiltIn.contains(templateName)) {
            return themeDir.resolve(TEMPLATES).resolve(templateName).toString();
        }
        return "built-in theme " + BUILT_IN + ": " + TEMPLATES + "/" + templateName;
    }

    /**
     * Static files under {@code assets/}: the theme's, then the site's own {@code static/} over
     * them. A theme that takes templates from the built-in one gets the built-in files beneath its
     * own, since those templates link the built-in stylesheet and script.
     */
    public List<OutputFile> staticFiles(Path siteDir) throws IOException {
        Map<String, OutputFile> files = new LinkedHashMap<>();
        if (themeDir == null || !fromBuiltIn.isEmpty()) {
            readBuiltIn("static", root -> {
                collect(root, files);
                return null;
            });
        }
        if (themeDir != null) collect(themeDir.resolve("static"), files);
        collect(siteDir.resolve("static"), files);
        return new ArrayList<>(files.values());
    }

    private static List<String> builtInTemplates() throws IOException {
        return readBuiltIn(TEMPLATES, root -> {
            try (Stream<Path> list = Files.list(root)) {
                return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ftlh")).sorted().toList();
            }
        });
    }

    interface BuiltInReader<T> {
        T read(Path root) throws IOException;
    }

    /** Reads a folder of the built-in theme, from the jar or, in development, from target/classes. */
    private static <T> T readBuiltIn(String folder, BuiltInReader<T> reader) throws IOException {
        URL url = Theme.class.getClassLoader().getResource(CLASSPATH_ROOT + "/" + folder);
        if (url == null) throw new IOException("the built-in theme is missing from this otapress build");
        return read(url, reader);
    }

    /** Reads a folder given by a file: or jar: URL; safe to call from several threads at once. */
    static <T> T read(URL url, BuiltInReader<T> reader) throws IOException {
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                // One zip file system per jar may be open at a time, and closing it ends it for every
                // user: pages rendered in parallel and serve's rebuilds take turns here.
                synchronized (JAR_FILE_SYSTEM) {
                    FileSystem open;
                    try {
                        open = FileSystems.newFileSystem(uri, Map.of());
                    } catch (FileSystemAlreadyExistsException e) {
                        // Opened by someone else, who will close it: read it, leave it open.
                        return reader.read(FileSystems.getFileSystem(uri).provider().getPath(uri));
                    }
                    try (FileSystem fs = open) {
                        return reader.read(fs.provider().getPath(uri));
                    }
                }
            }
            return reader.read(Path.of(uri));
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
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
