package dev.otapress.server;

import dev.otapress.config.BaseUrl;
import org.junit.jupiter.api.Assumptions;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real web server started as a child process on 127.0.0.1 with HTTPS, serving a {@link TestPortal}
 * under a path prefix with otapress's generated configuration. Closing it stops the process and
 * everything it forked.
 */
public final class RealServer implements AutoCloseable {

    public enum Setup {
        /** nginx with nginx.conf included in the server block. */
        NGINX("/usr/sbin/nginx"),
        /** nginx as Debian ships it (mime.types, default_type application/octet-stream), no otapress rules. */
        NGINX_STOCK("/usr/sbin/nginx"),
        /** Apache with apache.conf included in the VirtualHost. */
        APACHE_CONF("/usr/sbin/apache2"),
        /** Apache with only the .htaccess in the web root and AllowOverride All. */
        APACHE_HTACCESS("/usr/sbin/apache2"),
        /** Caddy with the Caddyfile snippet inside the site block. */
        CADDY("/usr/bin/caddy");

        final Path binary;

        Setup(String binary) {
            this.binary = Path.of(binary);
        }

        /** Skips the calling test when the server is not installed here. */
        public void assumeInstalled() {
            Assumptions.assumeTrue(Files.isExecutable(binary), binary + " is not installed; "
                    + "'apt-get install nginx-light apache2 caddy' to run the tests against real servers");
        }
    }

    public static final String PREFIX = "/mobile/ios/";
    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final Process process;
    private final Path dir;
    private final TestPortal portal;

    private RealServer(Process process, Path dir, TestPortal portal) {
        this.process = process;
        this.dir = dir;
        this.portal = portal;
    }

    public TestPortal portal() {
        return portal;
    }

    public URI baseUrl() {
        return portal.baseUrl();
    }

    /**
     * Lays out the portal under {@code dir}, writes the server's configuration and starts it. The
     * servers cannot report a port they chose, so a free port is picked first; another process may
     * take it before the server binds it, and then the start is retried on a new port.
     */
    public static RealServer start(Setup setup, Path dir, TestCertificate cert) throws Exception {
        return start(setup, dir, cert, PREFIX);
    }

    /** @param prefix the portal's path on the server, decoded, starting and ending in '/' (e.g. {@code /mobile apps/}) */
    public static RealServer start(Setup setup, Path dir, TestCertificate cert, String prefix) throws Exception {
        setup.assumeInstalled();
        for (int attempt = 1; ; attempt++) {
            Path attemptDir = Files.createDirectories(dir.resolve("attempt-" + attempt));
            try {
                return startOnce(setup, attemptDir, cert, freePort(), prefix);
            } catch (PortTaken e) {
                if (attempt == BIND_ATTEMPTS) throw new IllegalStateException("no free port after " + attempt + " attempts", e);
            }
        }
    }

    private static final int BIND_ATTEMPTS = 5;

    /** The server could not bind its port: another process took it between the pick and the start. */
    private static final class PortTaken extends Exception {
        PortTaken(String log) {
            super(log);
        }
    }

    private static RealServer startOnce(Setup setup, Path dir, TestCertificate cert, int port, String prefix) throws Exception {
        StringBuilder raw = new StringBuilder("/");
        for (String segment : prefix.substring(1).split("/")) {
            if (!segment.isEmpty()) raw.append(BaseUrl.encodeSegment(segment)).append('/');
        }
        URI baseUrl = URI.create("https://127.0.0.1:" + port + raw);
        Path www = dir.resolve("www");
        Path publicDir = www.resolve(prefix.substring(1));
        TestPortal portal = TestPortal.build(dir.resolve("site"), publicDir, baseUrl);
        // The build itself wrote .htaccess, _headers and web.config into the web root.
        ServerConfigs configs = new ServerConfigs(BaseUrl.of(baseUrl.toString()));

        List<String> command = switch (setup) {
            case NGINX, NGINX_STOCK -> nginx(setup, dir, www, port, cert, configs);
            case APACHE_CONF, APACHE_HTACCESS -> apache(setup, dir, www, port, cert, configs);
            case CADDY -> caddy(dir, www, port, cert, configs);
        };
        // Servers drop privileges to another user when started as root; that user must read the files.
        openUp(dir);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("process.log").toFile());
        builder.environment().put("HOME", dir.toString());
        builder.environment().put("XDG_CONFIG_HOME", dir.resolve("xdg-config").toString());
        builder.environment().put("XDG_DATA_HOME", dir.resolve("xdg-data").toString());
        RealServer server = new RealServer(builder.start(), dir, portal);
        try {
            server.awaitReady(port, cert.sslContext());
        } catch (Exception | Error e) {
            server.close();
            String log = server.log();
            if (log.contains("Address already in use") || log.contains("address already in use")) throw new PortTaken(log);
            throw e;
        }
        return server;
    }

    private static List<String> nginx(Setup setup, Path dir, Path www, int port, TestCertificate cert,
                                      ServerConfigs configs) throws IOException {
        Path snippet = dir.resolve("otapress.conf");
        Files.writeString(snippet, setup == Setup.NGINX ? configs.render(ServerKind.NGINX) : "# no otapress rules\n");
        for (String t : List.of("body", "proxy", "fastcgi", "uwsgi", "scgi")) Files.createDirectories(dir.resolve("tmp/" + t));
        String conf = """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 64; }
                http {
                    include /etc/nginx/mime.types;
                    default_type application/octet-stream;
                    access_log off;
                    client_body_temp_path %1$s/tmp/body;
                    proxy_temp_path %1$s/tmp/proxy;
                    fastcgi_temp_path %1$s/tmp/fastcgi;
                    uwsgi_temp_path %1$s/tmp/uwsgi;
                    scgi_temp_path %1$s/tmp/scgi;
                    server {
                        listen 127.0.0.1:%2$d ssl;
                        server_name localhost;
                        ssl_certificate %3$s;
                        ssl_certificate_key %4$s;
                        root %5$s;
                        include %6$s;
                    }
                }
                """.formatted(dir, port, cert.certFile(), cert.keyFile(), www, snippet);
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, conf);
        return List.of(Setup.NGINX.binary.toString(), "-p", dir.toString(), "-c", file.toString(), "-g", "daemon off;");
    }

    private static List<String> apache(Setup setup, Path dir, Path www, int port, TestCertificate cert,
                                       ServerConfigs configs) throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        Path snippet = dir.resolve("otapress.conf");
        Files.writeString(snippet, setup == Setup.APACHE_CONF ? configs.render(ServerKind.APACHE) : "# rules come from .htaccess\n");
        StringBuilder conf = new StringBuilder();
        conf.append("ServerRoot \"").append(dir).append("\"\n");
        conf.append("DefaultRuntimeDir \"").append(run).append("\"\n");
        conf.append("PidFile \"").append(run.resolve("httpd.pid")).append("\"\n");
        conf.append("Mutex file:").append(run).append(" default\n");
        for (String module : List.of("mpm_event", "authz_core", "mime", "headers", "ssl", "dir", "alias", "socache_shmcb")) {
            conf.append("LoadModule ").append(module).append("_module /usr/lib/apache2/modules/mod_")
                    .append(module).append(".so\n");
        }
        if (isRoot()) conf.append("User www-data\nGroup www-data\n");
        conf.append("""
                ServerName localhost
                Listen 127.0.0.1:%1$d
                ErrorLog "%2$s/error.log"
                LogLevel warn
                TypesConfig /etc/mime.types
                StartServers 1
                ServerLimit 1
                ThreadsPerChild 16
                MaxRequestWorkers 16
                SSLSessionCache "shmcb:%3$s/ssl_scache(512000)"
                <Directory />
                    AllowOverride None
                    Require all denied
                </Directory>
                <FilesMatch "^\\.ht">
                    Require all denied
                </FilesMatch>
                <VirtualHost 127.0.0.1:%1$d>
                    SSLEngine on
                    SSLCertificateFile "%4$s"
                    SSLCertificateKeyFile "%5$s"
                    DocumentRoot "%6$s"
                    <Directory "%6$s">
                        AllowOverride %7$s
                        Require all granted
                    </Directory>
                    Include "%8$s"
                </VirtualHost>
                """.formatted(port, dir, run, cert.certFile(), cert.keyFile(), www,
                setup == Setup.APACHE_HTACCESS ? "All" : "None", snippet));
        Path file = dir.resolve("httpd.conf");
        Files.writeString(file, conf.toString());
        return List.of(Setup.APACHE_CONF.binary.toString(), "-f", file.toString(), "-DFOREGROUND");
    }

    private static List<String> caddy(Path dir, Path www, int port, TestCertificate cert, ServerConfigs configs)
            throws IOException {
        String snippet = configs.render(ServerKind.CADDY).indent(4);
        String conf = """
                {
                    admin off
                    auto_https off
                    storage file_system %1$s/caddy-storage
                }
                https://127.0.0.1:%2$d {
                    tls %3$s %4$s
                    root * %5$s
                %6$s}
                """.formatted(dir, port, cert.certFile(), cert.keyFile(), www, snippet);
        Path file = dir.resolve("Caddyfile");
        Files.writeString(file, conf);
        return List.of(Setup.CADDY.binary.toString(), "run", "--config", file.toString(), "--adapter", "caddyfile");
    }

    private void awaitReady(int port, SSLContext ssl) throws Exception {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + ":\n" + log());
            }
            try (SSLSocket socket = (SSLSocket) ssl.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                socket.startHandshake();
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("server did not answer on port " + port + " within " + STARTUP + ":\n" + log());
    }

    /** The process output and error log, for assertion messages. */
    public String log() {
        StringBuilder s = new StringBuilder();
        for (String name : List.of("process.log", "error.log")) {
            Path file = dir.resolve(name);
            try {
                if (Files.exists(file)) s.append("--- ").append(name).append('\n').append(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                s.append("--- ").append(name).append(": ").append(e).append('\n');
            }
        }
        return s.toString();
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        // Workers normally exit with their master; any that outlived it are stopped here.
        for (ProcessHandle child : children) {
            if (child.isAlive()) child.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void openUp(Path dir) throws IOException {
        // Only the folders between the system temp folder and ours: /tmp itself keeps its sticky bit.
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
        for (Path p = dir.toRealPath(); p.startsWith(tmp) && !p.equals(tmp); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
