package dev.otapress.doctor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.otapress.server.TestCertificate;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTPS server on 127.0.0.1 that misbehaves on purpose, path by path: bodies that never end,
 * bodies that trickle in at a byte a second, requests never answered. It counts every request,
 * so a test can prove that a URL was not requested at all.
 */
final class HostileServer implements AutoCloseable {

    @FunctionalInterface
    interface Behaviour {
        void answer(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpsServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Behaviour> paths = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    private HostileServer(TestCertificate cert) throws Exception {
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(cert.serverSslContext()));
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            Behaviour b = paths.get(exchange.getRequestURI().getPath());
            try (exchange) {
                if (b == null) exchange.sendResponseHeaders(404, -1);
                else b.answer(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // The client hung up, which is what a bounded check does.
            }
        });
        server.start();
    }

    static HostileServer start(TestCertificate cert) throws Exception {
        return new HostileServer(cert);
    }

    URI url(String path) {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    int port() {
        return server.getAddress().getPort();
    }

    int requests() {
        return requests.get();
    }

    HostileServer on(String path, Behaviour behaviour) {
        paths.put(path, behaviour);
        return this;
    }

    static Behaviour text(String type, String body) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            // A HEAD answer carries the length of the body it does not send, as static servers do.
            if (exchange.getRequestMethod().equals("HEAD")) exchange.getResponseHeaders().set("Content-Length", String.valueOf(bytes.length));
            exchange.sendResponseHeaders(200, exchange.getRequestMethod().equals("HEAD") ? -1 : bytes.length);
            if (!exchange.getRequestMethod().equals("HEAD")) exchange.getResponseBody().write(bytes);
        };
    }

    /** Answers 200 and sends bytes until the client goes away. */
    static Behaviour endless() {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = "[".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            OutputStream out = exchange.getResponseBody();
            while (true) out.write(chunk);
        };
    }

    /** Answers 200 and sends one byte a second, forever. */
    static Behaviour slow() {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            while (true) {
                out.write(' ');
                out.flush();
                Thread.sleep(1000);
            }
        };
    }

    /** Reads the request and never answers. */
    static Behaviour silent() {
        return exchange -> Thread.sleep(600_000);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
