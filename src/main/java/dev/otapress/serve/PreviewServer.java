package dev.otapress.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.otapress.BuildException;
import dev.otapress.Diagnostic;
import dev.otapress.media.HttpRules;
import dev.otapress.media.MediaTypes;
import dev.otapress.media.Served;
import dev.otapress.pipeline.BuildRequest;
import dev.otapress.pipeline.BuildResult;
import dev.otapress.pipeline.SiteBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds the site into a temporary folder of its own, serves it on 127.0.0.1 with the headers of
 * the generated server configs ({@link HttpRules}), and rebuilds when the site changes. A failed
 * rebuild leaves the last good output in place and is shown in every open page.
 */
public final class PreviewServer implements AutoCloseable {
    static final String PREFIX = "/__otapress/";
    private static final long POLL_MILLIS = 300;

    private final Path siteDir;
    private final boolean drafts;
    private final Consumer<String> log;
    private final Path work;
    private final Path out;
    private final HttpServer http;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "otapress-serve-watch");
        t.setDaemon(true);
        return t;
    });
    private volatile long builds;
    private volatile List<String> errors = List.of();
    private volatile String baseUrl = "";
    private long builtFingerprint;
    private long lastFingerprint;

    /**
     * Builds once and starts serving.
     *
     * @param port 0 for any free port
     * @param log  where build results go (the terminal)
     */
    public PreviewServer(Path siteDir, int port, boolean drafts, Consumer<String> log) throws IOException {
        this.siteDir = siteDir;
        this.drafts = drafts;
        this.log = log;
        this.work = Files.createTempDirectory("otapress-serve-");
        this.out = work.resolve("site");
        lastFingerprint = builtFingerprint = SiteWatcher.fingerprint(siteDir);
        rebuild();
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        http.createContext("/", this::handle);
        http.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "otapress-serve-http");
            t.setDaemon(true);
            return t;
        }));
        http.start();
        watcher.scheduleWithFixedDelay(this::watch, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    public URI address() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
    }

    /** The folder the preview is built into: a temporary one, never public/. */
    public Path outputFolder() {
        return out;
    }

    /** Rebuilds once a change has settled: the fingerprint moved, then held still for one poll. */
    private void watch() {
        long now = SiteWatcher.fingerprint(siteDir);
        boolean settled = now == lastFingerprint;
        lastFingerprint = now;
        if (settled && now != builtFingerprint) {
            builtFingerprint = now;
            rebuild();
        }
    }

    private synchronized void rebuild() {
        try {
            BuildResult result = new SiteBuilder().build(new BuildRequest(siteDir, out, work.resolve("server-config"), null, drafts));
            baseUrl = result.site().config().baseUrl().toString();
            errors = List.of();
            builds++;
            for (Diagnostic d : result.warnings()) log.accept(d.format());
            log.accept("Built " + result.site().releases().size() + " release(s); open pages reload.");
        } catch (BuildException e) {
            errors = e.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::format).toList();
            e.diagnostics().forEach(d -> log.accept(d.format()));
            log.accept(builds == 0 ? "The build failed; fix the errors above and save: serve rebuilds."
                    : "The rebuild failed; still serving the last good build.");
        } catch (RuntimeException e) {
            errors = List.of("unexpected failure: " + e);
            log.accept("The rebuild failed unexpectedly: " + e);
        }
    }

    /** Plain-text answers of the preview itself (not found, wrong method). */
    private static final String TEXT = MediaTypes.forName("message.txt").contentType();

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, TEXT, Map.of(), "GET or HEAD only\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith(PREFIX)) {
                own(exchange, path.substring(PREFIX.length()));
                return;
            }
            String sitePath = path.startsWith("/") ? path.substring(1) : path;
            Path file = out.resolve(sitePath).normalize();
            if (!file.startsWith(out) || sitePath.contains("\\")) {
                send(exchange, 404, TEXT, Map.of(), "not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                if (!sitePath.isEmpty() && !sitePath.endsWith("/")) {
                    exchange.getResponseHeaders().set("Location", path + "/");
                    send(exchange, 301, TEXT, Map.of(), new byte[0]);
                    return;
                }
                file = file.resolve(HttpRules.PAGE_FILE);
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                send(exchange, 404, TEXT, Map.of(), ("not found: " + path + "\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            Served served = HttpRules.forPath(sitePath);
            byte[] body = Files.readAllBytes(file);
            if (served.page()) body = withReloadScript(body);
            send(exchange, 200, served.contentType(), served.extraHeaders(), body);
        }
    }

    /** The reload script, within the page's CSP: a same-origin script file, not inline code. */
    private static byte[] withReloadScript(byte[] html) {
        String page = new String(html, StandardCharsets.UTF_8);
        int end = page.lastIndexOf("</body>");
        String tag = "<script src=\"" + PREFIX + "reload.js\" defer></script>";
        return (end < 0 ? page + tag : page.substring(0, end) + tag + page.substring(end)).getBytes(StandardCharsets.UTF_8);
    }

    private void own(HttpExchange exchange, String name) throws IOException {
        Map<String, String> noCache = HttpRules.forType(MediaTypes.JSON).extraHeaders();
        switch (name) {
            case "status" -> {
                Map<String, Object> status = new LinkedHashMap<>();
                status.put("builds", builds);
                status.put("errors", errors);
                status.put("baseUrl", baseUrl);
                send(exchange, 200, MediaTypes.JSON.contentType(), noCache, new ObjectMapper().writeValueAsBytes(status));
            }
            case "reload.js" -> send(exchange, 200, MediaTypes.forName("reload.js").contentType(), noCache, resource("reload.js"));
            case "serve.css" -> send(exchange, 200, MediaTypes.forName("serve.css").contentType(), noCache, resource("serve.css"));
            default -> send(exchange, 404, TEXT, noCache, "not found\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PreviewServer.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("missing resource " + name);
            return in.readAllBytes();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, Map<String, String> headers, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        boolean head = exchange.getRequestMethod().equals("HEAD");
        if (head) exchange.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }
    }

    @Override
    public void close() {
        watcher.shutdownNow();
        http.stop(0);
        try (Stream<Path> walk = Files.walk(work)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            log.accept("could not remove the preview folder " + work + ": " + e.getMessage());
        }
    }
}
