package dev.otapress.hostile;

import com.dd.plist.NSDictionary;
import dev.otapress.cli.Main;
import dev.otapress.ipa.IpaException;
import dev.otapress.ipa.IpaInfo;
import dev.otapress.ipa.IpaReader;
import dev.otapress.ipa.ProvisioningProfileReader;
import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestSite;
import dev.otapress.testing.TreeSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalogue of bad inputs: each one must end the build with exit 1, a message that names the
 * file and says what to do, and the previous portal left byte for byte as it was.
 */
class HostileInputTest {
    @TempDir
    Path dir;

    /** One way to break a site that built fine, and what the user must be told. */
    @FunctionalInterface
    interface Breakage {
        void apply(TestSite site) throws IOException;
    }

    record Outcome(int code, String out, String err) {
    }

    static Outcome build(Path site) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"build", "--site", site.toString()}, new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }

    static TestIpa goodIpa(String name, String id) {
        return TestIpa.app(name, id).version("1.0", "1").enterpriseSigned();
    }

    /** A portal that builds, with one release, so that a broken rebuild has something to destroy. */
    private TestSite goodSite() throws IOException {
        TestSite site = TestSite.at(dir.resolve("site")).defaultSiteYaml();
        site.release("good/1.0", "Good.ipa", goodIpa("Good", "com.example.good"));
        site.notes("good/1.0", "---\ntitle: Good\n---\nFine.\n");
        Outcome first = build(site.root());
        assertEquals(0, first.code(), first.err());
        return site;
    }

    private Outcome assertRefused(Breakage breakage, String file, String... says) throws IOException {
        TestSite site = goodSite();
        Map<String, String> before = TreeSnapshot.of(site.out());
        breakage.apply(site);
        Outcome second = build(site.root());
        assertEquals(1, second.code(), second.out() + second.err());
        assertTrue(second.err().contains(file), "names " + file + ":\n" + second.err());
        assertTrue(second.err().contains("error:"), second.err());
        for (String s : says) assertTrue(second.err().contains(s), "says '" + s + "':\n" + second.err());
        assertFalse(second.err().contains("unexpected failure"), second.err());
        assertEquals(before, TreeSnapshot.of(site.out()), "the previous portal is untouched");
        try (Stream<Path> siblings = Files.list(site.root())) {
            assertEquals(List.of(), siblings.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".otapress-new") || n.startsWith(".otapress-old")).toList());
        }
        return second;
    }

    static Path ipaFile(TestSite site, String folder, byte[] bytes) throws IOException {
        Path file = site.root().resolve("content").resolve(folder).resolve("Bad.ipa");
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    static NSDictionary infoPlist() {
        NSDictionary d = new NSDictionary();
        d.put("CFBundleIdentifier", "com.example.bad");
        d.put("CFBundleShortVersionString", "1.0");
        d.put("CFBundleVersion", "1");
        return d;
    }

    static byte[] deepXmlPlist(int depth) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\"><dict><key>a</key>");
        s.append("<array>".repeat(depth)).append("</array>".repeat(depth)).append("</dict></plist>");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A binary plist whose root dict holds an array holding an array … {@code depth} deep. */
    static byte[] deepBinaryPlist(int depth) {
        int objects = depth + 3;
        int refSize = 3;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("bplist00".getBytes(StandardCharsets.US_ASCII));
        int[] offsets = new int[objects];
        offsets[0] = out.size();
        out.write(0xD1);
        writeBE(out, 1, refSize);
        writeBE(out, 2, refSize);
        offsets[1] = out.size();
        out.write(0x51);
        out.write('a');
        for (int i = 2; i < objects - 1; i++) {
            offsets[i] = out.size();
            out.write(0xA1);
            writeBE(out, i + 1, refSize);
        }
        offsets[objects - 1] = out.size();
        out.write(0xA0);
        int offsetTable = out.size();
        for (int o : offsets) writeBE(out, o, 4);
        out.writeBytes(new byte[6]);
        out.write(4);
        out.write(refSize);
        writeBE(out, objects, 8);
        writeBE(out, 0, 8);
        writeBE(out, offsetTable, 8);
        return out.toByteArray();
    }

    private static void writeBE(ByteArrayOutputStream out, long v, int bytes) {
        for (int i = bytes - 1; i >= 0; i--) out.write((int) (v >>> (8 * i)) & 0xff);
    }

    static byte[] withInfoPlist(byte[] plist) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("Payload/Bad.app/Info.plist", plist);
        entries.put("Payload/Bad.app/Bad", new byte[] {1, 2, 3});
        return Zips.of(entries);
    }

    static Stream<Arguments> catalogue() {
        byte[] good = goodIpa("Bad", "com.example.bad").bytes();
        return Stream.of(
                Arguments.of("not a zip", (Breakage) s -> ipaFile(s, "bad/1.0", "hello, not a zip".getBytes(StandardCharsets.UTF_8)),
                        "Bad.ipa", new String[] {"not a readable zip archive"}),
                Arguments.of("truncated zip", (Breakage) s -> ipaFile(s, "bad/1.0", Arrays.copyOf(good, good.length / 2)),
                        "Bad.ipa", new String[] {"not a readable zip archive"}),
                Arguments.of("no Payload/", (Breakage) s -> ipaFile(s, "bad/1.0",
                                Zips.of(Map.of("Bad.app/Info.plist", Zips.binaryPlist(infoPlist())))),
                        "Bad.ipa", new String[] {"no app inside"}),
                Arguments.of("Payload/ not at the root", (Breakage) s -> s.release("bad/1.0", "Bad.ipa",
                                goodIpa("Bad", "com.example.bad").wrappedIn("build/")),
                        "Bad.ipa", new String[] {"instead of at the top of the zip"}),
                Arguments.of("Info.plist missing", (Breakage) s -> ipaFile(s, "bad/1.0",
                                Zips.of(Map.of("Payload/Bad.app/Bad", new byte[] {1}))),
                        "Bad.ipa", new String[] {"no app inside"}),
                Arguments.of("Info.plist corrupt", (Breakage) s -> ipaFile(s, "bad/1.0",
                                withInfoPlist("<?xml version=\"1.0\"?><plist><dict><key>".getBytes(StandardCharsets.UTF_8))),
                        "Bad.ipa", new String[] {"Info.plist is not a valid property list", "export the build again"}),
                Arguments.of("Info.plist declared huge", (Breakage) s -> ipaFile(s, "bad/1.0",
                                withInfoPlist(new byte[9 * 1024 * 1024])),
                        "Bad.ipa", new String[] {"Info.plist is 9437184 bytes, more than the 8388608 allowed"}),
                Arguments.of("Info.plist a zip bomb", (Breakage) s -> ipaFile(s, "bad/1.0",
                                Zips.lyingEntry("Payload/Bad.app/Info.plist", 64L * 1024 * 1024, 200)),
                        "Bad.ipa", new String[] {"Info.plist"}),
                Arguments.of("XML plist nested 100,000 deep", (Breakage) s -> ipaFile(s, "bad/1.0",
                                withInfoPlist(deepXmlPlist(100_000))),
                        "Bad.ipa", new String[] {"nesting depth of the property list exceeds"}),
                Arguments.of("binary plist nested 100,000 deep", (Breakage) s -> ipaFile(s, "bad/1.0",
                                withInfoPlist(deepBinaryPlist(100_000))),
                        "Bad.ipa", new String[] {"nesting depth of the property list exceeds"}),
                Arguments.of("no CFBundleIdentifier", (Breakage) s -> {
                            NSDictionary d = infoPlist();
                            d.remove("CFBundleIdentifier");
                            ipaFile(s, "bad/1.0", withInfoPlist(Zips.binaryPlist(d)));
                        },
                        "Bad.ipa", new String[] {"has no CFBundleIdentifier", "PRODUCT_BUNDLE_IDENTIFIER"}),
                Arguments.of("two IPAs in one folder", (Breakage) s -> {
                            s.release("two/1.0", "One.ipa", goodIpa("One", "com.example.one"));
                            s.release("two/1.0", "Other.ipa", goodIpa("Other", "com.example.other"));
                        },
                        "two", new String[] {"One.ipa", "Other.ipa"}),
                Arguments.of("symlink out of the site", (Breakage) s -> {
                            Path outside = Files.createDirectories(s.root().getParent().resolve("outside"));
                            goodIpa("Secret", "com.example.secret").writeTo(outside.resolve("Secret.ipa"));
                            Files.createSymbolicLink(s.root().resolve("content/linked"), outside);
                        },
                        "linked", new String[] {"symbolic link"}),
                Arguments.of("notes not UTF-8", (Breakage) s -> Files.write(s.root().resolve("content/good/1.0/index.md"),
                                new byte[] {'-', '-', '-', '\n', '-', '-', '-', '\n', (byte) 0xff, (byte) 0xfe, 'x'}),
                        "index.md", new String[] {"is not UTF-8 text"}),
                Arguments.of("front matter not a mapping", (Breakage) s -> s.notes("good/1.0", "---\n- a\n- b\n---\nNotes.\n"),
                        "index.md", new String[] {"mapping"}),
                Arguments.of("front matter nested 100,000 deep", (Breakage) s -> s.notes("good/1.0",
                                "---\nparams:\n  x: " + "[".repeat(100_000) + "\n---\nNotes.\n"),
                        "index.md", new String[] {"invalid YAML"}),
                Arguments.of("date not a date", (Breakage) s -> s.notes("good/1.0", "---\ndate: last tuesday\n---\nNotes.\n"),
                        "index.md:2", new String[] {"'date' must be a date"}),
                Arguments.of("site.yaml missing", (Breakage) s -> Files.delete(s.root().resolve("site.yaml")),
                        "site.yaml", new String[] {"not found; every site needs a site.yaml"}),
                Arguments.of("site.yaml empty", (Breakage) s -> s.siteYaml(""),
                        "site.yaml", new String[] {"'title' is missing"}),
                Arguments.of("site.yaml invalid", (Breakage) s -> s.siteYaml("title: [unclosed\nbase_url: https://a.example/\n"),
                        "site.yaml:2", new String[] {"invalid YAML"}),
                Arguments.of("template error", (Breakage) s -> s.file("templates/release.ftlh",
                                "<p>fine</p>\n<p>also fine</p>\n<p>${no.such.thing}</p>\n"),
                        "templates/release.ftlh:3", new String[] {"template error"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void refusesWithAMessageAndLeavesThePreviousPortal(String name, Breakage breakage, String file, String[] says)
            throws IOException {
        Outcome o = assertRefused(breakage, file, says);
        System.out.println("[" + name + "] " + o.err().strip());
    }

    @Test
    void listsEveryProblemOfTheRunTogether() throws IOException {
        Outcome o = assertRefused(s -> {
            ipaFile(s, "a/1.0", "not a zip".getBytes(StandardCharsets.UTF_8));
            ipaFile(s, "b/1.0", withInfoPlist("garbage".getBytes(StandardCharsets.UTF_8)));
            NSDictionary noId = infoPlist();
            noId.remove("CFBundleIdentifier");
            ipaFile(s, "c/1.0", withInfoPlist(Zips.binaryPlist(noId)));
            s.notes("good/1.0", "---\ndate: soon\n---\n");
        }, "a/1.0/Bad.ipa", "b/1.0/Bad.ipa", "c/1.0/Bad.ipa", "good/1.0/index.md:2", "Build failed with 4 errors");
        assertEquals(4, o.err().lines().filter(l -> l.contains(": error: ")).count(), o.err());
    }

    @Test
    void entryNamesNeverBecomeOutputPaths() throws IOException {
        TestSite site = goodSite();
        String marker = "otapress-escape-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        byte[] ipa = goodIpa("Odd", "com.example.odd")
                .entry("../../../" + marker + ".txt", new byte[] {1})
                .entry("Payload/Odd.app/../../../../" + marker + "-2.txt", new byte[] {2})
                .entry("/tmp/" + marker + ".txt", new byte[] {3})
                .entry("Payload/Odd.app/bad-\u00e9\u00e9.txt", new byte[] {4})
                .bytes();
        // Two UTF-8 'é's become bytes that are not UTF-8 at all, in the local and the central header.
        ipa = Zips.replaceAll(ipa, new byte[] {(byte) 0xc3, (byte) 0xa9, (byte) 0xc3, (byte) 0xa9},
                new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xff, (byte) 0xfe});
        ipaFile(site, "odd/1.0", ipa);
        Outcome o = build(site.root());
        assertEquals(0, o.code(), o.err());
        try (Stream<Path> all = Files.walk(dir)) {
            List<String> escaped = all.map(Path::toString).filter(p -> p.contains(marker)).toList();
            assertEquals(List.of(), escaped);
        }
        assertFalse(Files.exists(Path.of("/tmp/" + marker + ".txt")));
        try (Stream<Path> top = Files.list(dir)) {
            assertEquals(List.of("site"), top.map(p -> p.getFileName().toString()).toList());
        }
        assertTrue(Files.exists(site.out().resolve("odd/1.0/Bad.ipa")));
    }

    @Test
    void deepPlistsElsewhereInTheIpaAreRefusedWithoutOverflowingTheStack() throws Exception {
        byte[] deep = deepXmlPlist(50_000); // under the profile size cap, far over any sane depth
        IpaException e = org.junit.jupiter.api.Assertions.assertThrows(IpaException.class,
                () -> new ProvisioningProfileReader().read(deep));
        assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());

        // An extension's Info.plist and the profile are read after the app's own: neither may blow up.
        Path ipa = goodIpa("Deep", "com.example.deep")
                .entry("Payload/Deep.app/PlugIns/Share.appex/Info.plist", deepBinaryPlist(100_000))
                .writeTo(dir.resolve("Deep.ipa"));
        IpaInfo info = new IpaReader().read(ipa);
        assertEquals("com.example.deep", info.app().bundleIdentifier());
    }
}
