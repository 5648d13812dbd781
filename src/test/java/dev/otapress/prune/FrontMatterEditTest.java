package dev.otapress.prune;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The block goes at the end of the front matter; every other byte of index.md stays. */
class FrontMatterEditTest {
    private static final List<String> BLOCK = List.of("pruned:", "  size: 1");

    @Test
    void theBlockGoesBeforeTheClosingLine() {
        assertEquals("---\ntitle: \"A\"  # mine\ndate: 2026-01-01\npruned:\n  size: 1\n---\nNotes\n\n- one\n",
                FrontMatterEdit.append("---\ntitle: \"A\"  # mine\ndate: 2026-01-01\n---\nNotes\n\n- one\n", BLOCK));
    }

    @Test
    void windowsLineEndsAndAByteOrderMarkAreKept() {
        assertEquals("\uFEFF---\r\ntitle: A\r\npruned:\r\n  size: 1\r\n...\r\nNotes\r\n",
                FrontMatterEdit.append("\uFEFF---\r\ntitle: A\r\n...\r\nNotes\r\n", BLOCK));
    }

    @Test
    void aFileWithoutFrontMatterGetsOneAndAMissingFileIsWritten() {
        assertEquals("---\npruned:\n  size: 1\n---\n# Notes\n---\nmore\n", FrontMatterEdit.append("# Notes\n---\nmore\n", BLOCK));
        assertEquals("---\npruned:\n  size: 1\n---\n", FrontMatterEdit.append(null, BLOCK));
        assertEquals("---\npruned:\n  size: 1\n---\n", FrontMatterEdit.append("", BLOCK));
        assertEquals("---\npruned:\n  size: 1\n---\n", FrontMatterEdit.append("---\n---\n", BLOCK));
        assertEquals("---\npruned:\n  size: 1\n---", FrontMatterEdit.append("---\n---", BLOCK));
    }

    @Test
    void anUnclosedFrontMatterIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> FrontMatterEdit.append("---\ntitle: A\nNotes\n", BLOCK));
    }
}
