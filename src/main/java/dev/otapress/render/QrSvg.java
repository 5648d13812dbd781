package dev.otapress.render;

import dev.otapress.text.XmlText;
import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as inline SVG markup. Pages carry a strict CSP, so the SVG uses presentation
 * attributes (fill) and classes, never a style attribute; the dark modules are one path, which
 * keeps a release page small and the output identical on every build.
 */
final class QrSvg {
    /** The quiet zone the QR specification asks for, in modules; scanners fail without it. */
    private static final int BORDER = 4;

    private QrSvg() {
    }

    /**
     * @param text  what the code encodes (the release page's https URL)
     * @param label the accessible name, e.g. "QR code for …"
     */
    static String of(String text, String label) {
        return svg(modules(text), label);
    }

    /**
     * The code's modules, which are what costs (choosing the mask draws the code eight times): its
     * width in the first byte (at most 177), then one bit a module, row by row, the first in the
     * highest bit.
     */
    static byte[] modules(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        byte[] modules = new byte[1 + (qr.size * qr.size + 7) / 8];
        modules[0] = (byte) qr.size;
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                int i = y * qr.size + x;
                if (qr.getModule(x, y)) modules[1 + i / 8] |= (byte) (0x80 >>> (i % 8));
            }
        }
        return modules;
    }

    /** The SVG of modules as {@link #modules} gives them. */
    static String svg(byte[] modules, String label) {
        int width = modules[0] & 0xFF;
        if (width == 0 || modules.length != 1 + (width * width + 7) / 8) throw new IllegalArgumentException("not a QR code's modules");
        int size = width + BORDER * 2;
        StringBuilder path = new StringBuilder(width * width * 4);
        for (int y = 0; y < width; y++) {
            for (int x = 0; x < width; x++) {
                if (!dark(modules, width, x, y)) continue;
                // Runs of dark modules in a row become one rectangle: about a third of the bytes.
                int run = 1;
                while (x + run < width && dark(modules, width, x + run, y)) run++;
                path.append('M').append(x + BORDER).append(' ').append(y + BORDER)
                        .append('h').append(run).append("v1h-").append(run).append('z');
                x += run - 1;
            }
        }
        String name = escape(label);
        return "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" role=\"img\" aria-label=\"" + name + "\" shape-rendering=\"crispEdges\">"
                + "<title>" + name + "</title>"
                // A light background of its own, so the code scans in dark mode too.
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000\"/></svg>";
    }

    private static boolean dark(byte[] modules, int width, int x, int y) {
        int i = y * width + x;
        return (modules[1 + i / 8] & (0x80 >>> (i % 8))) != 0;
    }

    private static String escape(String s) {
        return XmlText.clean(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
