package dev.otapress.doctor;

import dev.otapress.cli.Main;
import dev.otapress.pipeline.BuildRequest;
import dev.otapress.pipeline.SiteBuilder;
import dev.otapress.server.RealServer;
import dev.otapress.server.TestCertificate;
import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestProfiles;
import dev.otapress.testing.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code otapress check} against real servers: configured ones pass, misconfigured ones fail with the fix. */
class CheckCommandTest {

    @TempDir
    Path tmp;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @EnumSource(value = RealServer.Setup.class, names = {"NGINX", "APACHE_CONF", "APACHE_HTACCESS", "CADDY"})
    void aConfiguredServerPassesEveryCheck(RealServer.Setup setup) throws Exception {
        TestCertificate cert = TestCertificate.create(tmp.resolve("tls"));
        try (RealServer server = RealServer.start(setup, tmp.resolve("server"), cert)) {
            Run run = run("check", server.baseUrl().toString(), "--ca-file", cert.certFile().toString());
            assertEquals(Main.OK, run.exitCode(), run.out() + run.err() + server.log());
            assertFalse(run.out().contains("✗"), run.out());
            // TLS 3, listing 1, 9 per release (link, manifest reach/type/parse, .ipa reach/type/length, 2 icons), pages 1.
            assertTrue(run.out().contains("23 checks passed"), run.out());
            assertTrue(run.out().contains("✓ page URLs ending in / are served as pages"), run.out());
            assertTrue(run.out().contains("✓ Field 2.0: .ipa Content-Length matches the listed size"), run.out());
        }
    }

    @Test
    void latestChecksOnlyTheNewestReleaseOfEachApp() throws Exception {
        TestCertificate cert = TestCertificate.create(tmp.resolve("tls"));
        try (RealServer server = RealServer.start(RealServer.Setup.NGINX, tmp.resolve("server"), cert)) {
            Run run = run("check", server.baseUrl().toString(), "--ca-file", cert.certFile().toString(), "--latest");
            assertEquals(Main.OK, run.exitCode(), run.out());
            assertTrue(run.out().contains("Field 2.0:"), run.out());
            assertFalse(run.out().contains("Field 1.4.0:"), run.out());
        }
    }

    @Test
    void stockNginxFailsOnTheManifestTypeAndNamesTheNginxFix() throws Exception {
        TestCertificate cert = TestCertificate.create(tmp.resolve("tls"));
        try (RealServer server = RealServer.start(RealServer.Setup.NGINX_STOCK, tmp.resolve("server"), cert)) {
            Run run = run("check", server.baseUrl().toString(), "--ca-file", cert.certFile().toString());
            assertEquals(Main.FAILED, run.exitCode(), run.out());
            assertTrue(run.out().contains("✗ Field 1.4.0: manifest is served as text/xml (Content-Type: application/octet-stream)"),
                    run.out());
            assertTrue(run.out().contains("fix: nginx: add `types { } default_type text/xml;` inside `location ~ \\.plist$"),
                    run.out());
            // Debian's nginx falls back to application/octet-stream, which is right for the .ipa.
            assertTrue(run.out().contains("✓ Field 1.4.0: .ipa is served as application/octet-stream"), run.out());
        }
    }

    @Test
    void anUntrustedCertificateIsRefusedUnlessItsCaIsGiven() throws Exception {
        TestCertificate cert = TestCertificate.create(tmp.resolve("tls"));
        try (RealServer server = RealServer.start(RealServer.Setup.NGINX, tmp.resolve("server"), cert)) {
            Run untrusted = run("check", server.baseUrl().toString());
            assertEquals(Main.FAILED, untrusted.exitCode(), untrusted.out());
            assertTrue(untrusted.out().startsWith("✗ TLS certificate of 127.0.0.1 is trusted"), untrusted.out());
            assertTrue(untrusted.out().contains("--ca-file"), untrusted.out());

            Run trusted = run("check", server.baseUrl().toString(), "--ca-file", cert.certFile().toString());
            assertEquals(Main.OK, trusted.exitCode(), trusted.out());
            assertTrue(trusted.out().startsWith("✓ TLS certificate of 127.0.0.1 is trusted"), trusted.out());
        }
    }

    @Test
    void aCertificateExpiringWithinThirtyDaysFails() throws Exception {
        TestCertificate cert = TestCertificate.create(tmp.resolve("tls"), Duration.ofDays(10));
        try (RealServer server = RealServer.start(RealServer.Setup.NGINX, tmp.resolve("server"), cert)) {
            List<CheckResult> results = new PortalDoctor(PortalTrust.systemPlus(cert.certFile()), Clock.systemUTC())
                    .check(dev.otapress.config.BaseUrl.of(server.baseUrl().toString()), true);
            CheckResult expiry = results.stream().filter(r -> r.name().contains("expire")).findFirst().orElseThrow();
            assertFalse(expiry.ok(), results.toString());
            assertTrue(expiry.fix().startsWith("renew the certificate"), expiry.fix());
            assertTrue(results.stream().filter(r -> r != expiry).allMatch(CheckResult::ok), results.toString());
        }
    }

    @Test
    void aCertificateForAnotherHostFails() throws Exception {
        TestCertificate cert = TestCertificate.create(tmp.resolve("tls"), Duration.ofDays(365), List.of("localhost"));
        try (RealServer server = RealServer.start(RealServer.Setup.NGINX, tmp.resolve("server"), cert)) {
            Run byAddress = run("check", server.baseUrl().toString(), "--ca-file", cert.certFile().toString());
            assertEquals(Main.FAILED, byAddress.exitCode(), byAddress.out());
            assertTrue(byAddress.out().contains("✗ TLS certificate is valid for 127.0.0.1 (subject alternative names: localhost)"),
                    byAddress.out());

            String byNameUrl = server.baseUrl().toString().replace("127.0.0.1", "localhost");
            Run byName = run("check", byNameUrl, "--ca-file", cert.certFile().toString(), "--latest");
            assertTrue(byName.out().contains("✓ TLS certificate is valid for localhost"), byName.out());
        }
    }

    @Test
    void aMissingCaFileIsAnError() {
        Run run = run("check", "https://127.0.0.1:1/", "--ca-file", tmp.resolve("nope.pem").toString());
        assertEquals(Main.FAILED, run.exitCode());
        assertTrue(run.err().contains("nope.pem"), run.err());
    }

    @Test
    void plainHttpIsRefusedWithoutAConnection() {
        Run run = run("check", "http://127.0.0.1:1/ios/");
        assertEquals(Main.FAILED, run.exitCode());
        assertTrue(run.out().contains("✗ portal URL is an https base URL"), run.out());
        assertTrue(run.out().contains("fix: the URL must start with https://"), run.out());
    }

    @Test
    void aPortalWithoutListingIsCheckedThroughTheHomePageLinks() throws Exception {
        TestCertificate cert = TestCertificate.create(tmp.resolve("tls"));
        try (RealServer server = RealServer.start(RealServer.Setup.NGINX, tmp.resolve("server"), cert)) {
            Files.delete(server.portal().publicDir().resolve("releases.json"));
            Run run = run("check", server.baseUrl().toString(), "--ca-file", cert.certFile().toString());
            assertEquals(Main.OK, run.exitCode(), run.out());
            assertTrue(run.out().contains("✓ install links found on " + server.baseUrl()), run.out());
            assertTrue(run.out().contains(".ipa is served as application/octet-stream"), run.out());
        }
    }

    /**
     * Without releases.json, check finds every release through the pages: the home page shows
     * apps, each app's page links its older history pages, and their rows carry the install links.
     * A release that can no longer be installed has no link there and is not checked.
     */
    @Test
    void aPortalWithoutListingIsCheckedThroughItsAppAndHistoryPages() throws Exception {
        TestCertificate cert = TestCertificate.create(tmp.resolve("tls"));
        try (RealServer server = RealServer.start(RealServer.Setup.NGINX, tmp.resolve("server"), cert)) {
            Path publicDir = server.portal().publicDir();
            TestSite site = TestSite.at(tmp.resolve("apps")).siteYaml("title: Apps\nbase_url: " + server.baseUrl() + "\n");
            for (int b = 1; b <= 55; b++) {
                TestIpa ipa = TestIpa.app("Field", "com.example.field").version("1." + b, String.valueOf(b))
                        .time(Instant.parse("2025-01-01T09:00:00Z").plusSeconds(86_400L * b));
                if (b == 1) {
                    ipa.embeddedProfile(TestProfiles.enterprise("Old").dates(Instant.parse("2020-01-01T00:00:00Z"),
                            Instant.parse("2021-01-01T00:00:00Z")).cms());
                } else {
                    ipa.enterpriseSigned();
                }
                site.release("field/" + b, "Field.ipa", ipa);
                if (b % 3 == 0) site.notes("field/" + b, "---\nchannel: beta\n---\nFor testers.\n");
            }
            site.release("expenses/1", "Expenses.ipa", TestIpa.app("Expenses", "com.example.expenses").version("2.0", "20").enterpriseSigned());
            site.release("expenses/2", "Expenses.ipa", TestIpa.app("Expenses", "com.example.expenses").version("2.1", "21").enterpriseSigned());
            site.notes("expenses/2", "---\nchannel: beta\n---\nFor testers.\n");
            site.release("inventory/1", "Inventory.ipa", TestIpa.app("Inventory", "com.example.inventory").version("3.0", "30").enterpriseSigned());
            new SiteBuilder().build(new BuildRequest(site.root(), publicDir, site.root().resolve("server-config"), null, false));
            Files.delete(publicDir.resolve("releases.json"));

            Run run = run("check", server.baseUrl().toString(), "--ca-file", cert.certFile().toString());
            assertEquals(Main.OK, run.exitCode(), run.out() + server.log());
            // 54 installable Field builds (the oldest expired), 2 of Expenses, 1 of Inventory; read from the home page,
            // the three app pages and Field's two history pages.
            assertTrue(run.out().contains("✓ install links found on " + server.baseUrl() + " (57 link(s) on 6 page(s)"), run.out());
            assertTrue(run.out().contains("field%2F2%2Fmanifest.plist"), "the oldest installable build, from history page 1: " + run.out());
            assertFalse(run.out().contains("field%2F1%2Fmanifest.plist"), "the expired build has no install link: " + run.out());

            Run bounded = run("check", server.baseUrl().toString(), "--ca-file", cert.certFile().toString(), "--max-pages", "2");
            assertEquals(Main.FAILED, bounded.exitCode(), bounded.out());
            assertTrue(bounded.out().contains("✗ every page that lists releases is read (2 pages read, at least "),
                    bounded.out());
            assertTrue(bounded.out().contains("fix: raise the limit with --max-pages"), bounded.out());
        }
    }
}
