package dev.otapress.bench;

import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestPng;
import dev.otapress.testing.TestSite;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Writes the data bench/run measures, deterministically:
 * <pre>
 *   notes N DIR          DIR/site: N releases of one app (tiny IPAs, 25-line notes each, one icon);
 *                        DIR/hugo: the same notes as a Hugo site with minimal templates
 *   ipas COUNT KB DIR    DIR/site: COUNT releases whose IPAs carry KB kilobytes each (incompressible)
 *   big MB DIR           DIR/site: one release with an IPA of MB megabytes, written as a stream
 *   fixtures SRC DIR     adds each installable signed IPA under SRC (../shared/fixtures) as a release of DIR/site
 * </pre>
 */
public final class BenchData {
    private static final String YAML = "title: Bench Portal\nbase_url: https://apps.example.com/ios/\n";
    private static final byte[] ICON = TestPng.solidCgbi(180, 0xFF3366CC);

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "notes" -> notes(Integer.parseInt(args[1]), Path.of(args[2]));
            case "ipas" -> ipas(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
            case "big" -> big(Integer.parseInt(args[1]), Path.of(args[2]));
            case "fixtures" -> fixtures(Path.of(args[1]), Path.of(args[2]));
            default -> throw new IllegalArgumentException("unknown data set " + args[0]);
        }
    }

    private static TestIpa app(int i) {
        return TestIpa.app("Field", "com.example.field").version("1." + i / 100 + "." + i % 100, String.valueOf(1000 + i))
                .enterpriseSigned().iconFiles("AppIcon60x60").icon("AppIcon60x60@3x.png", ICON);
    }

    private static String notes(int i) {
        StringBuilder s = new StringBuilder("## What's new in build " + (1000 + i) + "\n\n");
        for (int line = 0; line < 22; line++) {
            s.append("- Fixed issue ").append(i * 31 + line).append(": sync, offline maps and the [login](https://example.com/")
                    .append(line).append(") flow\n");
        }
        return s.toString();
    }

    private static String date(int i) {
        return java.time.LocalDate.of(2024, 1, 1).plusDays(i).toString();
    }

    static void notes(int releases, Path dir) throws IOException {
        TestSite site = TestSite.at(dir.resolve("site")).siteYaml(YAML);
        Path hugo = dir.resolve("hugo");
        Files.createDirectories(hugo.resolve("content/releases"));
        Files.createDirectories(hugo.resolve("layouts/_default"));
        Files.writeString(hugo.resolve("config.toml"), "baseURL = 'https://apps.example.com/ios/'\ntitle = 'Bench Portal'\n"
                + "disableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404']\n");
        Files.writeString(hugo.resolve("layouts/_default/single.html"),
                "<!doctype html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n");
        Files.writeString(hugo.resolve("layouts/_default/list.html"),
                "<!doctype html><html><head><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n");
        Files.writeString(hugo.resolve("layouts/index.html"),
                "<!doctype html><html><head><title>{{ .Site.Title }}</title></head><body><ul>{{ range .Site.RegularPages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n");
        for (int i = 0; i < releases; i++) {
            String folder = "releases/" + (1000 + i);
            site.release(folder, "Field.ipa", app(i));
            site.notes(folder, "---\ndate: " + date(i) + "\n---\n" + notes(i));
            Files.writeString(hugo.resolve("content/releases/" + (1000 + i) + ".md"),
                    "---\ntitle: Field 1." + i / 100 + "." + i % 100 + "\ndate: " + date(i) + "\n---\n" + notes(i), StandardCharsets.UTF_8);
        }
    }

    static void ipas(int count, int kilobytes, Path dir) throws IOException {
        TestSite site = TestSite.at(dir.resolve("site")).siteYaml(YAML);
        Random random = new Random(count * 1000L + kilobytes);
        for (int i = 0; i < count; i++) {
            Path ipa = dir.resolve("site/content/releases/" + (1000 + i) + "/Field.ipa");
            writeWithPayload(app(i), ipa, kilobytes * 1024L, random);
            site.notes("releases/" + (1000 + i), "---\ndate: " + date(i) + "\n---\n" + notes(i));
        }
    }

    static void big(int megabytes, Path dir) throws IOException {
        TestSite.at(dir.resolve("site")).siteYaml(YAML);
        writeWithPayload(app(0), dir.resolve("site/content/releases/1000/Field.ipa"), megabytes * 1024L * 1024L, new Random(7));
    }

    /** The small IPA's entries, then a payload streamed in stored deflate blocks (random bytes do not compress). */
    private static void writeWithPayload(TestIpa small, Path file, long bytes, Random random) throws IOException {
        Files.createDirectories(file.getParent());
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file));
             ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(small.bytes()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.setLevel(Deflater.NO_COMPRESSION);
            out.putNextEntry(new ZipEntry("Payload/Field.app/Payload.bin"));
            byte[] chunk = new byte[1 << 20];
            for (long left = bytes; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            out.closeEntry();
        }
    }

    /**
     * Copies of the real signed IPAs that otapress can read (one per app), so the signature check
     * shows in the figures; their own names kept. Their profiles expired years ago, so the site's
     * install checks are turned off: the figures are about reading, not about refusing.
     */
    static void fixtures(Path source, Path dir) throws IOException {
        if (!Files.isDirectory(source)) {
            System.out.println("no fixtures at " + source + "; the bench runs on synthetic IPAs only");
            return;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        int n = 0;
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".ipa")).sorted().toList()) {
                dev.otapress.ipa.IpaInfo info;
                try {
                    info = new dev.otapress.ipa.IpaReader().read(p);
                } catch (dev.otapress.ipa.IpaException e) {
                    continue;
                }
                if (!seen.add(info.app().bundleIdentifier())) continue;
                Path target = dir.resolve("site/content/fixtures/" + String.format(Locale.ROOT, "%02d", n++)).resolve(p.getFileName());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
        Files.writeString(dir.resolve("site/site.yaml"), YAML + "checks:\n" + String.join("", dev.otapress.config.CheckSwitches.KEYS
                .stream().sorted().map(k -> "  " + k + ": false\n").toList()));
        System.out.println("added " + n + " signed fixture IPAs from " + source);
    }

    private BenchData() {
    }
}
