package dev.otapress.ipa;

import com.dd.plist.NSObject;
import com.dd.plist.PropertyListParser;
import com.dd.plist.XMLPropertyListParser;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

import javax.xml.parsers.DocumentBuilder;
import java.io.ByteArrayInputStream;

/**
 * dd-plist for every plist form, but XML parsed with a quiet error handler: the JDK's default
 * prints "[Fatal Error] …" to stderr for malformed XML, on top of the error otapress reports.
 */
public final class PlistParser {
    private static final ErrorHandler QUIET = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // Warnings do not change the result.
        }

        @Override
        public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };

    private PlistParser() {
    }

    /** Parses binary, XML or old-style ASCII plists; throws whatever dd-plist or the XML parser throws. */
    public static NSObject parse(byte[] bytes) throws Exception {
        if (!isXml(bytes)) return PropertyListParser.parse(bytes);
        // dd-plist's builder keeps its safe entity handling; only the error handler is ours.
        DocumentBuilder builder = XMLPropertyListParser.getDocBuilder();
        builder.setErrorHandler(QUIET);
        return XMLPropertyListParser.parse(builder.parse(new ByteArrayInputStream(bytes)));
    }

    private static boolean isXml(byte[] bytes) {
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) i = 3;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) i++;
        return i < bytes.length && bytes[i] == '<';
    }
}
