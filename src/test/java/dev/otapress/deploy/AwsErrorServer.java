package dev.otapress.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Answers as AWS S3 does in the cases S3Proxy cannot produce (expired session credentials, a
 * bucket in another region, a policy that lets a user list but not write), byte for byte in S3's
 * XML error format, on 127.0.0.1. The real SDK talks to it over HTTP, so the error goes through
 * the same parsing as one from AWS. Every request is recorded ("GET /bucket?list-type=2…").
 */
final class AwsErrorServer implements AutoCloseable {

    /** One answer: status, headers, body. */
    record Answer(int status, Map<String, String> headers, String body) {
        static Answer error(int status, Map<String, String> headers, String code, String message, String extra) {
            return new Answer(status, headers, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                    + message + "</Message>" + extra + "<RequestId>4442587FB7D0A2F9</RequestId>"
                    + "<HostId>eftixk72aD6Ap51TnqcoF8eFidJG9Z/2mkiDFu8yU9AS1ed4OpIszj7UDNEHGran</HostId></Error>");
        }
    }

    /** How the server answers a request, by method and path with query. */
    interface Behaviour {
        Answer answer(String method, String pathAndQuery);
    }

    /** An empty listing of {@code bucket}: the request that comes first in a deploy succeeds. */
    static Answer emptyListing(String bucket, String... keys) {
        StringBuilder contents = new StringBuilder();
        for (String key : keys) {
            contents.append("<Contents><Key>").append(key).append("</Key><LastModified>2026-12-01T10:00:00.000Z</LastModified>")
                    .append("<ETag>&quot;0cc175b9c0f1b6a831c399e269772661&quot;</ETag><Size>1</Size><StorageClass>STANDARD</StorageClass></Contents>");
        }
        return new Answer(200, Map.of("Content-Type", "application/xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>" + bucket + "</Name><Prefix>ios/</Prefix>"
                + "<KeyCount>" + keys.length + "</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>" + contents
                + "</ListBucketResult>");
    }

    private final HttpServer server;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    private AwsErrorServer(HttpServer server) {
        this.server = server;
    }

    static AwsErrorServer start(Behaviour behaviour) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AwsErrorServer s = new AwsErrorServer(server);
        server.createContext("/", exchange -> s.handle(exchange, behaviour));
        server.start();
        return s;
    }

    private void handle(HttpExchange exchange, Behaviour behaviour) throws IOException {
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        requests.add(exchange.getRequestMethod() + " " + target);
        exchange.getRequestBody().readAllBytes();
        Answer a = behaviour.answer(exchange.getRequestMethod(), target);
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("x-amz-request-id", "4442587FB7D0A2F9");
        exchange.getResponseHeaders().set("Server", "AmazonS3");
        if (!a.body().isEmpty()) exchange.getResponseHeaders().set("Content-Type", "application/xml");
        a.headers().forEach(exchange.getResponseHeaders()::set);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(a.status(), head || body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) out.write(body);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
