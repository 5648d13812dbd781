package dev.otapress.deploy;

import dev.otapress.cli.Main;
import dev.otapress.server.TestCertificate;
import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestPng;
import dev.otapress.testing.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code deploy --check} proves that every page URL the portal prints resolves, against real
 * components: a portal deployed to S3Proxy and served straight from it (as from S3's REST
 * endpoint) fails on its folder URLs and names the fix; the same portal behind the shipped
 * CloudFront Function (deploy/cloudfront-index.js, run by node in a CloudFront stand-in), or behind
 * nginx configured with the README's block for MinIO, passes.
 */
class DeployCheckTest {
    private static final Path CLOUDFRONT_FUNCTION = Path.of("deploy/cloudfront-index.js");
    private static final Pattern PAGES_CHECKED = Pattern.compile("page URLs ending in / are served as pages \\((\\d+) page URLs");

    @TempDir
    static Path shared;
    private static TestCertificate cert;
    /** A filesystem store, which answers a key ending in '/' with an empty folder object. */
    private static LocalS3 files;
    private static LocalS3.PublicView filesServed;
    /** A store with flat keys, as AWS has: a folder URL is a missing key there. */
    private static LocalS3 flat;
    private static LocalS3.PublicView flatServed;
    private static String startFailure;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        try {
            cert = TestCertificate.create(shared.resolve("tls"));
            files = LocalS3.start(shared.resolve("s3"));
            filesServed = files.servePublicly(cert.serverSslContext());
            flat = LocalS3.startInMemory();
            flatServed = flat.servePublicly(cert.serverSslContext());
            System.setProperty("aws.accessKeyId", LocalS3.ACCESS_KEY);
            System.setProperty("aws.secretAccessKey", LocalS3.SECRET_KEY);
        } catch (Exception e) {
            startFailure = e.toString();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (files != null) files.close();
        if (flat != null) flat.close();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run cli(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** A portal of two apps, so it has app pages besides the home page, at {@code baseUrl}. */
    private TestSite site(String baseUrl) throws IOException {
        TestSite site = TestSite.at(dir.resolve("site")).siteYaml("title: Acme\nbase_url: " + baseUrl + "\n");
        for (String version : List.of("1.0", "1.1")) release(site, "field/" + version, "Field", version);
        release(site, "expenses/2.0", "Expenses", "2.0");
        return site;
    }

    private static void release(TestSite site, String folder, String app, String version) throws IOException {
        site.release(folder, app + " App.ipa", TestIpa.app(app, "com.example." + app.toLowerCase(java.util.Locale.ROOT))
                .version(version, version.replace(".", "")).enterpriseSigned()
                .iconFiles("AppIcon60x60").icon("AppIcon60x60@2x.png", TestPng.solidCgbi(120, 0x80FF0000)));
    }

    private static Run deployAndCheck(LocalS3 store, TestSite site, String bucket) {
        return cli(List.of("deploy", "s3://" + bucket + "/ios", "--site", site.root().toString(), "--endpoint", store.endpoint().toString(),
                "--region", "us-east-1", "--check", "--ca-file", cert.certFile().toString()));
    }

    private static long failures(String out) {
        return out.lines().filter(l -> l.startsWith("✗")).count();
    }

    @ParameterizedTest
    @ValueSource(strings = {"files", "flat"})
    void servedStraightFromTheBucketTheFolderUrlsFailAndTheFixIsNamed(String kind) throws Exception {
        assumeTrue(startFailure == null, "S3Proxy could not start on 127.0.0.1, so the check is not tested against it: " + startFailure);
        LocalS3 store = kind.equals("files") ? files : flat;
        LocalS3.PublicView served = kind.equals("files") ? filesServed : flatServed;
        String bucket = "direct-" + kind;
        store.createBucket(bucket);
        TestSite site = site(served.https() + "/" + bucket + "/ios/");

        Run run = deployAndCheck(store, site, bucket);
        assertEquals(Main.FAILED, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("Deployed to s3://" + bucket + "/ios/"), run.out());
        assertTrue(run.out().contains("✗ page URLs ending in / are served as pages"), run.out());
        assertTrue(run.out().contains(served.https() + "/" + bucket + "/ios/ answered HTTP "), run.out());
        assertTrue(run.out().contains(served.https() + "/" + bucket + "/ios/index.html answers 200"), run.out());
        assertTrue(run.out().contains(kind.equals("files") ? "with application/x-directory, empty, not a page" : "(XML error NoSuchKey)"),
                run.out());
        assertTrue(run.out().contains("fix: the host does not answer a folder URL (…/) with its index.html")
                && run.out().contains("deploy/cloudfront-index.js") && run.out().contains("S3 website endpoint"), run.out());
        assertEquals(1, failures(run.out()), "manifests, .ipa files and icons are served right; only the pages fail:\n" + run.out());
    }

    @Test
    void behindTheShippedCloudFrontFunctionEveryPrintedUrlResolves() throws Exception {
        assumeTrue(startFailure == null, "S3Proxy could not start on 127.0.0.1, so the check is not tested against it: " + startFailure);
        String node = nodeOrSkip();
        String bucket = "fronted";
        flat.createBucket(bucket);
        Path front = Files.copy(Path.of(DeployCheckTest.class.getResource("cloudfront-front.js").toURI()), dir.resolve("front.js"));
        Process cloudFront = new ProcessBuilder(node, front.toString(), CLOUDFRONT_FUNCTION.toAbsolutePath().toString(),
                cert.certFile().toString(), cert.keyFile().toString(), flatServed.http() + "/" + bucket)
                .redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(cloudFront.getInputStream(), StandardCharsets.UTF_8));
            String first = lines.readLine();
            assertTrue(first != null && first.startsWith("listening "), "the CloudFront stand-in did not start: " + first);
            URI base = URI.create("https://127.0.0.1:" + first.substring("listening ".length()).strip() + "/ios/");
            TestSite site = site(base.toString());

            Run run = deployAndCheck(flat, site, bucket);
            assertEquals(Main.OK, run.code(), run.out() + run.err());
            assertEquals(0, failures(run.out()), run.out());
            Matcher pages = PAGES_CHECKED.matcher(run.out());
            assertTrue(pages.find(), run.out());
            // The home page, both app pages and the three release pages.
            assertEquals(6, Integer.parseInt(pages.group(1)), run.out());
        } finally {
            cloudFront.destroy();
        }
    }

    @Test
    void behindNginxAsTheReadmeWritesItForMinioEveryPrintedUrlResolves() throws Exception {
        assumeTrue(startFailure == null, "S3Proxy could not start on 127.0.0.1, so the check is not tested against it: " + startFailure);
        Path nginx = Path.of("/usr/sbin/nginx");
        assumeTrue(Files.isExecutable(nginx), "nginx is not installed ('apt-get install nginx-light'), so the README's MinIO front is not run");
        String bucket = "nginx-fronted";
        flat.createBucket(bucket);
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int minio = readme.indexOf("**MinIO.**");
        int start = readme.indexOf("```nginx\n", minio) + "```nginx\n".length();
        String block = readme.substring(start, readme.indexOf("```", start))
                .replace("http://127.0.0.1:9000/BUCKET/", flatServed.http() + "/" + bucket + "/");
        assertTrue(minio > 0 && block.contains(flatServed.http().toString()), "the README's MinIO block names the store: " + block);

        Path conf = dir.resolve("nginx");
        for (String t : List.of("body", "proxy", "fastcgi", "uwsgi", "scgi")) Files.createDirectories(conf.resolve("tmp/" + t));
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Files.writeString(conf.resolve("nginx.conf"), """
                %6$s
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/tmp/body;
                    proxy_temp_path %1$s/tmp/proxy;
                    fastcgi_temp_path %1$s/tmp/fastcgi;
                    uwsgi_temp_path %1$s/tmp/uwsgi;
                    scgi_temp_path %1$s/tmp/scgi;
                    server {
                        listen 127.0.0.1:%2$d ssl;
                        ssl_certificate %3$s;
                        ssl_certificate_key %4$s;
                        %5$s
                    }
                }
                """.formatted(conf, port, cert.certFile(), cert.keyFile(), block, "root".equals(System.getProperty("user.name"))
                ? "user root;" : ""));
        Process server = new ProcessBuilder(nginx.toString(), "-p", conf.toString(), "-c", conf.resolve("nginx.conf").toString(),
                "-g", "daemon off;").redirectErrorStream(true).redirectOutput(conf.resolve("process.log").toFile()).start();
        try {
            awaitPort(port, server, conf);
            TestSite site = site("https://127.0.0.1:" + port + "/ios/");
            Run run = deployAndCheck(flat, site, bucket);
            assertEquals(Main.OK, run.code(), run.out() + run.err());
            assertEquals(0, failures(run.out()), run.out());
            Matcher pages = PAGES_CHECKED.matcher(run.out());
            assertTrue(pages.find() && Integer.parseInt(pages.group(1)) == 6, run.out());
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static void awaitPort(int port, Process server, Path conf) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) break;
            try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        String log = Files.exists(conf.resolve("process.log")) ? Files.readString(conf.resolve("process.log")) : "";
        String errors = Files.exists(conf.resolve("error.log")) ? Files.readString(conf.resolve("error.log")) : "";
        throw new IllegalStateException("nginx did not listen on " + port + ":\n" + log + errors);
    }

    /** The node binary, or the test is skipped saying why. */
    private static String nodeOrSkip() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assumeTrue(p.waitFor() == 0, "node --version failed (" + version + "), so the CloudFront Function is not run");
            return "node";
        } catch (IOException e) {
            assumeTrue(false, "node is not installed, so the shipped CloudFront Function (deploy/cloudfront-index.js) is not run: "
                    + e.getMessage());
            return null;
        }
    }
}
