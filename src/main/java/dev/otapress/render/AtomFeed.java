package dev.otapress.render;

import dev.otapress.media.MediaTypes;

import dev.otapress.site.Release;
import dev.otapress.text.XmlText;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Comparator;
import java.util.List;

/**
 * An Atom feed of releases, so people can subscribe to new builds. Every timestamp comes from the
 * releases themselves (never the clock), so two builds of the same input give the same bytes.
 */
final class AtomFeed {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    private final Urls urls;
    /**
     * Each release's entry as written, shared by the two feeds that list it (the site's and its
     * app's), each with the whole notes; the second takes it out, so no entry outlives its use.
     */
    private final Map<Release, byte[]> entries = Collections.synchronizedMap(new IdentityHashMap<>());

    AtomFeed(Urls urls) {
        this.urls = urls;
    }

    /**
     * @param title     the feed's title
     * @param feedPath  the feed's own site path
     * @param pageUrl   the absolute URL of the page the feed mirrors (the home or the app page)
     * @param author    whom the feed is from (the site's title): Atom requires an author
     * @param releases  the releases in any order; the feed lists them newest first by date
     */
    byte[] write(String title, String feedPath, String pageUrl, String author, List<Release> releases) {
        List<Release> sorted = new ArrayList<>(releases);
        // Newest first by date; the sort is stable, so releases of the same moment keep the history's order.
        sorted.sort(Comparator.comparing(Release::date).reversed());
        String feedUrl = urls.absolute(feedPath);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            // The JDK's own writer, not whichever StAX library is on the classpath (a test dependency
            // brings Woodstox, which quotes and escapes differently): same input, same bytes.
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            text(xml, 1, "title", title);
            link(xml, 1, "self", MediaTypes.ATOM.name(), feedUrl);
            link(xml, 1, "alternate", MediaTypes.HTML.name(), pageUrl);
            text(xml, 1, "id", feedUrl);
            // An empty feed has nothing newer than the epoch; still a fixed, valid date.
            text(xml, 1, "updated", iso(sorted.isEmpty() ? Instant.EPOCH : sorted.get(0).date()));
            indent(xml, 1);
            xml.writeStartElement("author");
            text(xml, 2, "name", author);
            indent(xml, 1);
            xml.writeEndElement();
            text(xml, 1, "generator", "otapress");
            xml.flush();
            for (Release r : sorted) out.writeBytes(entry(r));
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the feed " + feedPath, e);
        }
        return out.toByteArray();
    }

    /** A release's entry, written by a writer of its own (the same writer as the feed's, so the same bytes) the first time a feed lists it. */
    private byte[] entry(Release r) throws XMLStreamException {
        byte[] known = entries.remove(r);
        if (known != null) return known;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(bytes, "UTF-8");
        entry(xml, r);
        xml.close();
        byte[] entry = bytes.toByteArray();
        entries.put(r, entry);
        return entry;
    }

    private void entry(XMLStreamWriter xml, Release r) throws XMLStreamException {
        String pageUrl = urls.absolute(Urls.releaseFolder(r));
        indent(xml, 1);
        xml.writeStartElement("entry");
        text(xml, 2, "title", entryTitle(r));
        link(xml, 2, "alternate", MediaTypes.HTML.name(), pageUrl);
        // The page URL never changes for a release (release paths are immutable), so it is a stable id.
        text(xml, 2, "id", pageUrl);
        text(xml, 2, "updated", iso(r.date()));
        indent(xml, 2);
        xml.writeEmptyElement("category");
        xml.writeAttribute("term", XmlText.clean(r.channel()));
        if (!r.excerpt().isEmpty()) text(xml, 2, "summary", r.excerpt());
        if (!r.notesHtml().isEmpty()) {
            indent(xml, 2);
            xml.writeStartElement("content");
            xml.writeAttribute("type", "html");
            // Notes may link screenshots beside the page; readers resolve those against xml:base.
            xml.writeAttribute("xml", XML_NS, "base", pageUrl);
            xml.writeCharacters(XmlText.clean(r.notesHtml()));
            xml.writeEndElement();
        }
        indent(xml, 1);
        xml.writeEndElement();
    }

    /** Readers list entries by title alone, so the title names the version and build. */
    private static String entryTitle(Release r) {
        String title = r.title().contains(r.version()) ? r.title() : r.title() + " · " + r.version();
        return title + " (" + r.build() + ")";
    }

    private static void text(XMLStreamWriter xml, int depth, String name, String value) throws XMLStreamException {
        indent(xml, depth);
        xml.writeStartElement(name);
        // StAX writes control characters as they are, which leaves the feed ill-formed.
        xml.writeCharacters(XmlText.clean(value));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, int depth, String rel, String type, String href) throws XMLStreamException {
        indent(xml, depth);
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", XmlText.clean(href));
    }

    private static void indent(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static String iso(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }
}
