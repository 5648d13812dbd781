package dev.otapress.doctor;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstallLinkTest {

    @Test
    void decodesTheUrlParameterExactlyOnce() {
        InstallLink link = InstallLink.parse("itms-services://?action=download-manifest&url="
                + "https%3A%2F%2Fh%2Fr%2F2.0%2520beta%2Bx%2Fmanifest.plist");
        assertEquals(Optional.of("https://h/r/2.0%20beta+x/manifest.plist"), link.manifestUrl());
        assertTrue(link.hasDownloadAction());
        assertFalse(link.doubleEscaped());
    }

    @Test
    void spotsTheAmpUrlMistake() {
        InstallLink link = InstallLink.parse("itms-services://?action=download-manifest&amp;url=https%3A%2F%2Fh%2Fm.plist");
        assertTrue(link.doubleEscaped());
        assertEquals(Optional.empty(), link.manifestUrl());
    }

    @Test
    void rejectsBrokenPercentEncoding() {
        assertEquals(Optional.empty(), InstallLink.parse("itms-services://?action=download-manifest&url=https%3A%2").manifestUrl());
    }
}
