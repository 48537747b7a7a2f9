package io.solidafy.cdk.declarative.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * XML, streamed with StAX. {@code records_path} names the repeated element ({@code item}, or
 * {@code items.item} to require its parents); each such element becomes a record: attributes as
 * {@code @name}, child elements as fields (repeated children as arrays, leaf text as strings,
 * mixed text as {@code #text}). DTDs and external entities are refused.
 */
public final class XmlDecoder implements Decoder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<String> path;
    private final XMLInputFactory factory;

    public XmlDecoder(List<String> path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("xml decoder needs records_path naming the repeated element");
        }
        this.path = List.copyOf(path);
        this.factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    @Override
    public DecodedPage decode(InputStream body, RecordSink sink) throws IOException {
        int count = 0;
        JsonNode last = null;
        boolean stopped = false;
        Deque<String> ancestors = new ArrayDeque<>();
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(body);
            try {
                while (reader.hasNext() && !stopped) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        String name = reader.getLocalName();
                        if (matches(name, ancestors)) {
                            ObjectNode record = element(reader);
                            count++;
                            last = record;
                            stopped = !sink.accept(record);
                        } else {
                            ancestors.addLast(name);
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT && !ancestors.isEmpty()) {
                        ancestors.removeLast();
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException("XML body is malformed: " + e.getMessage(), e);
        }
        return new DecodedPage(NODES.objectNode(), count, Optional.ofNullable(last), stopped);
    }

    private boolean matches(String name, Deque<String> ancestors) {
        if (!name.equals(path.get(path.size() - 1))) {
            return false;
        }
        var it = ancestors.descendingIterator();
        for (int i = path.size() - 2; i >= 0; i--) {
            if (!it.hasNext() || !it.next().equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Reads the current element (START_ELEMENT) to its end. */
    private ObjectNode element(XMLStreamReader reader) throws XMLStreamException {
        ObjectNode node = NODES.objectNode();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            node.put("@" + reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = reader.getLocalName();
                JsonNode child = element(reader);
                if (child.size() == 1 && child.has("#text")) {
                    child = child.get("#text");
                } else if (child.isEmpty()) {
                    child = NODES.textNode("");
                }
                JsonNode existing = node.get(name);
                if (existing == null) {
                    node.set(name, child);
                } else if (existing.isArray()) {
                    ((ArrayNode) existing).add(child);
                } else {
                    ArrayNode array = NODES.arrayNode().add(existing).add(child);
                    node.set(name, array);
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(reader.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String value = text.toString().trim();
                if (!value.isEmpty()) {
                    node.put("#text", value);
                }
                return node;
            }
        }
    }
}
