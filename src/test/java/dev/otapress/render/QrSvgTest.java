package dev.otapress.render;

import io.nayuki.qrcodegen.QrCode;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QrSvgTest {
    private static final String URL = "https://apps.example.com/ios/field/1.3%20beta%20%26%20more/";

    @Test
    void drawsExactlyTheModulesOfTheCodeWithAQuietZone() throws Exception {
        String svg = QrSvg.of(URL, "QR code of " + URL);
        QrCode qr = QrCode.encodeText(URL, QrCode.Ecc.MEDIUM);
        Element root = parse(svg);
        int size = qr.size + 8;
        assertEquals("0 0 " + size + " " + size, root.getAttribute("viewBox"));

        boolean[][] drawn = new boolean[size][size];
        String d = ((Element) root.getElementsByTagName("path").item(0)).getAttribute("d");
        Matcher m = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z").matcher(d);
        int end = 0;
        while (m.find()) {
            assertEquals(end, m.start(), "the path is nothing but row runs");
            int x = Integer.parseInt(m.group(1)), y = Integer.parseInt(m.group(2)), run = Integer.parseInt(m.group(3));
            assertEquals(run, Integer.parseInt(m.group(4)));
            for (int i = 0; i < run; i++) {
                assertFalse(drawn[y][x + i], "a module drawn twice");
                drawn[y][x + i] = true;
            }
            end = m.end();
        }
        assertEquals(d.length(), end);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean dark = x >= 4 && y >= 4 && x < qr.size + 4 && y < qr.size + 4 && qr.getModule(x - 4, y - 4);
                assertEquals(dark, drawn[y][x], "module " + x + "," + y);
            }
        }
    }

    @Test
    void isAccessibleAndFitsAStrictContentSecurityPolicy() throws Exception {
        String svg = QrSvg.of(URL, "QR code of <this> & that \"page\"");
        Element root = parse(svg);
        assertEquals("img", root.getAttribute("role"));
        assertEquals("qr", root.getAttribute("class"));
        assertEquals("QR code of <this> & that \"page\"", root.getAttribute("aria-label"));
        assertEquals("QR code of <this> & that \"page\"", root.getElementsByTagName("title").item(0).getTextContent());
        assertFalse(svg.contains("style"), "a style attribute would be blocked by style-src 'self'");
        assertEquals(svg, QrSvg.of(URL, "QR code of <this> & that \"page\""), "the same input gives the same bytes");
        assertTrue(svg.length() < 8000, "small enough to inline: " + svg.length());
    }

    private static Element parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }
}
