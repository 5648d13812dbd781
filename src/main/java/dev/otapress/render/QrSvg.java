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
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + BORDER * 2;
        StringBuilder path = new StringBuilder(qr.size * qr.size * 4);
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (!qr.getModule(x, y)) continue;
                // Runs of dark modules in a row become one rectangle: about a third of the bytes.
                int run = 1;
                while (x + run < qr.size && qr.getModule(x + run, y)) run++;
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

    private static String escape(String s) {
        return XmlText.clean(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
