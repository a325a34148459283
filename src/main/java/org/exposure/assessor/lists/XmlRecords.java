package org.exposure.assessor.lists;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a list published as XML whose records are the children of the root element, one record at a time as a small
 * tree (element names without namespace, attributes, text), with the JDK's StAX parser (DTDs and external entities
 * off, so a hostile file cannot make the service fetch anything). What a record means is left to the importer.
 */
public final class XmlRecords {
    private XmlRecords() {
    }

    /** One element with its attributes, text and child elements. */
    public record Node(String name, int line, Map<String, String> attributes, StringBuilder content, List<Node> children) {
        public Node child(String n) {
            for (Node c : children) {
                if (c.name.equals(n)) {
                    return c;
                }
            }
            return null;
        }

        public List<Node> all(String n) {
            return children.stream().filter(c -> c.name.equals(n)).toList();
        }

        /** Every element of that name below this one, in document order. */
        public List<Node> descendants(String n) {
            List<Node> out = new ArrayList<>();
            for (Node c : children) {
                if (c.name.equals(n)) {
                    out.add(c);
                }
                out.addAll(c.descendants(n));
            }
            return out;
        }

        /** The text of the first child of that name, trimmed; null when absent or blank. */
        public String value(String n) {
            Node c = child(n);
            return c == null ? null : c.text();
        }

        /** This element's own text, trimmed; null when blank. */
        public String text() {
            return EntryBuilder.clean(content.toString());
        }

        /** An attribute, trimmed; null when absent or blank. */
        public String attr(String n) {
            return EntryBuilder.clean(attributes.get(n));
        }
    }

    /** What the root element says, handed to the importer before the records. */
    public interface Handler {
        /** @throws ImportException when the root is not the format's */
        void root(String localName, Map<String, String> attributes) throws ImportException;

        /** One child element of the root. */
        void record(Node node);
    }

    /**
     * Reads the document: the root element, then each child of the root as a {@link Node}.
     *
     * @param what names the format in messages ("EU-FSF: ...")
     * @throws ImportException when it is not well-formed XML or the handler rejects the root
     */
    public static void read(byte[] bytes, String what, Handler handler) throws ImportException {
        read(bytes, what, 1, InputLimits.DEFAULT, handler);
    }

    /** As {@link #read(byte[], String, Handler)} within {@code limits}. */
    public static void read(byte[] bytes, String what, InputLimits limits, Handler handler) throws ImportException {
        read(bytes, what, 1, limits, handler);
    }

    /**
     * As {@link #read(byte[], String, Handler)}, the records being the elements {@code depth} levels below the root
     * (1: its children; 2: its grandchildren, as the UN list's INDIVIDUAL under INDIVIDUALS), one at a time.
     */
    public static void read(byte[] bytes, String what, int depth, Handler handler) throws ImportException {
        read(bytes, what, depth, InputLimits.DEFAULT, handler);
    }

    /**
     * As {@link #read(byte[], String, int, Handler)}. An element nested deeper than
     * {@link InputLimits#maxXmlDepth()} below the document, or a record holding more than
     * {@link InputLimits#maxRecordSize()} characters of text, rejects the file: a record is built as a tree, by
     * recursion, and without a bound a file of nested elements would exhaust the stack.
     */
    public static void read(byte[] bytes, String what, int depth, InputLimits limits, Handler handler)
            throws ImportException {
        XMLStreamReader r = null;
        try {
            r = factory().createXMLStreamReader(new ByteArrayInputStream(bytes));
            while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                // prolog: declaration, comments
            }
            if (!r.isStartElement()) {
                throw new ImportException(what + ": no root element");
            }
            handler.root(r.getLocalName(), attributes(r));
            int level = 0;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (level + 1 == depth) {
                        // readNode consumes the record's end tag: the level stays. The root is depth 1.
                        handler.record(readNode(r, level + 2, new Budget(what, limits)));
                    } else {
                        level++;
                        checkDepth(level + 1, what, limits);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    level--;
                }
            }
        } catch (XMLStreamException e) {
            throw new ImportException(what + ": not well-formed XML, file rejected: " + e.getMessage(), e);
        } catch (UncheckedImport e) {
            throw e.failure;
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release
                }
            }
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    private static Map<String, String> attributes(XMLStreamReader r) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            a.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
        return a;
    }

    private static void checkDepth(int depth, String what, InputLimits limits) throws ImportException {
        if (depth > limits.maxXmlDepth()) {
            throw new ImportException(what + ": elements nested deeper than " + limits.maxXmlDepth() + " levels ("
                    + InputLimits.MAX_XML_DEPTH + "), file rejected");
        }
    }

    /** What one record may still hold: its text, counted over all its elements. */
    private static final class Budget {
        final String what;
        final InputLimits limits;
        long chars;

        Budget(String what, InputLimits limits) {
            this.what = what;
            this.limits = limits;
        }
    }

    /** Carries an ImportException out of the recursion, which StAX's checked exception alone would not. */
    private static final class UncheckedImport extends RuntimeException {
        final ImportException failure;

        UncheckedImport(ImportException failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }

    /**
     * Reads the element the reader stands on, at {@code depth} (the root is 1), with its subtree, up to and including
     * its end tag.
     */
    private static Node readNode(XMLStreamReader r, int depth, Budget budget) throws XMLStreamException {
        try {
            checkDepth(depth, budget.what, budget.limits);
        } catch (ImportException e) {
            throw new UncheckedImport(e);
        }
        Node node = new Node(r.getLocalName(), r.getLocation().getLineNumber(), attributes(r), new StringBuilder(),
                new ArrayList<>());
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> node.children().add(readNode(r, depth + 1, budget));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    budget.chars += r.getTextLength();
                    if (budget.chars > budget.limits.maxRecordSize()) {
                        throw new UncheckedImport(ImportException.tooLarge(InputLimits.MAX_RECORD_SIZE, budget.what
                                + ": the record at line " + node.line() + " holds more than "
                                + budget.limits.maxRecordSize() + " characters of text ("
                                + InputLimits.MAX_RECORD_SIZE + "), file rejected"));
                    }
                    node.content().append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return node;
                }
                default -> {
                    // comments, processing instructions
                }
            }
        }
    }
}
