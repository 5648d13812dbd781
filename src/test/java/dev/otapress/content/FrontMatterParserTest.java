package dev.otapress.content;

import dev.otapress.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrontMatterParserTest {
    private static final Path FILE = Path.of("content/r/1.0/index.md");
    private final FrontMatterParser parser = new FrontMatterParser();
    private final List<Diagnostic> problems = new ArrayList<>();

    @Test
    void splitsFrontMatterFromTheNotes() {
        NotesFile n = parser.parse(FILE, "---\ntitle: Big one\ndate: 2026-11-02\nchannel: beta\ndraft: true\nparams:\n  jira: FS-1\n---\n# Notes\n", problems);
        assertEquals(List.of(), problems);
        assertEquals("Big one", n.frontMatter().title());
        assertEquals(Instant.parse("2026-11-02T00:00:00Z"), n.frontMatter().date());
        assertEquals("beta", n.frontMatter().channel());
        assertTrue(n.frontMatter().draft());
        assertEquals("FS-1", n.frontMatter().params().get("jira"));
        assertEquals("# Notes\n", n.body());
    }

    @Test
    void aFileWithoutFrontMatterIsAllNotes() {
        NotesFile n = parser.parse(FILE, "Just notes", problems);
        assertEquals(FrontMatter.EMPTY, n.frontMatter());
        assertEquals("Just notes", n.body());
    }

    @Test
    void acceptsTimesAndOffsets() {
        assertEquals(Instant.parse("2026-11-02T12:30:00Z"),
                parser.parse(FILE, "---\ndate: 2026-11-02T14:30:00+02:00\n---\n", problems).frontMatter().date());
        assertEquals(Instant.parse("2026-11-02T14:30:00Z"),
                parser.parse(FILE, "---\ndate: 2026-11-02 14:30\n---\n", problems).frontMatter().date());
    }

    @Test
    void unknownKeyGetsItsLineAndASuggestion() {
        assertNull(parser.parse(FILE, "---\ntitle: A\nchanel: beta\n---\n", problems));
        assertEquals(1, problems.size());
        assertEquals(FILE + ":3: error: unknown key 'chanel' in front matter (free-form values go under 'params:'); did you mean 'channel'?",
                problems.get(0).format());
    }

    @Test
    void aDateThatIsNotADateIsAnErrorOnItsLine() {
        assertNull(parser.parse(FILE, "---\ntitle: A\ndate: next tuesday\n---\n", problems));
        assertEquals(3, problems.get(0).line());
        assertTrue(problems.get(0).message().contains("'date' must be a date like 2026-11-02"));
    }

    @Test
    void frontMatterThatIsNotAMappingIsRefused() {
        assertNull(parser.parse(FILE, "---\n- a\n- b\n---\n", problems));
        assertTrue(problems.get(0).message().contains("expected 'key: value' lines"));
    }

    @Test
    void unclosedFrontMatterIsRefused() {
        assertNull(parser.parse(FILE, "---\ntitle: A\n", problems));
        assertTrue(problems.get(0).message().contains("never closed"));
    }

    @Test
    void aBadChannelNameIsRefused() {
        assertNull(parser.parse(FILE, "---\nchannel: Beta Testers\n---\n", problems));
        assertTrue(problems.get(0).message().contains("lower-case word"));
    }

    @Test
    void notesThatAreNotUtf8AreRefused(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("index.md"), new byte[] {'-', '-', '-', '\n', 't', ':', ' ', (byte) 0xE9, '\n', '-', '-', '-', '\n'});
        assertNull(parser.read(file, problems));
        assertTrue(problems.get(0).message().contains("not UTF-8"));
    }

    @Test
    void paramsThatReferToThemselvesAreRefused() {
        assertNull(parser.parse(FILE, "---\nparams: &p\n  again: *p\n---\n", problems));
        assertTrue(problems.get(0).message().contains("refers to itself"), problems.toString());
    }

    @Test
    void datesThatRfc3339CannotWriteAreRefusedOnTheirLine() {
        for (String date : List.of("-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "9999-12-31T23:00:00-05:00",
                "-0001-12-31T00:00:00Z")) {
            problems.clear();
            assertNull(parser.parse(FILE, "---\ntitle: A\ndate: \"" + date + "\"\n---\n", problems), date);
            assertEquals(3, problems.get(0).line(), date);
            assertTrue(problems.get(0).message().contains("outside the years 0000 to 9999"), problems.toString());
        }
        problems.clear();
        assertEquals(Instant.parse("9999-12-31T23:59:59Z"),
                parser.parse(FILE, "---\ndate: 9999-12-31T23:59:59Z\n---\n", problems).frontMatter().date());
    }

    @Test
    void aliasesOfAliasesThatWouldExpandExponentiallyAreRefused() {
        // Four levels of four aliases each over a list of 10,000: 2.5 million values from 20 aliases.
        StringBuilder yaml = new StringBuilder("---\nparams:\n  a: &a [");
        yaml.append("x,".repeat(9_999)).append("x]\n");
        yaml.append("  b: &b [*a, *a, *a, *a]\n  c: &c [*b, *b, *b, *b]\n  d: &d [*c, *c, *c, *c]\n  e: [*d, *d, *d, *d]\n---\n");
        assertNull(parser.parse(FILE, yaml.toString(), problems));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("expands to more than 100,000 values"), problems.toString());
        assertEquals(5, problems.get(0).line(), "the first value over the limit: " + problems);
    }

    @Test
    void aliasesWithinTheLimitStillWork() {
        NotesFile n = parser.parse(FILE, "---\nparams:\n  owners: &o [ana, ben]\n  reviewers: *o\n---\n", problems);
        assertEquals(List.of(), problems);
        assertEquals(List.of("ana", "ben"), n.frontMatter().params().get("reviewers"));
    }
}
