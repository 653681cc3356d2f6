package dev.atscope.core.protocol;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** A protocol library whose grammar is a JSON resource beside its class. */
public abstract class GrammarLibrary implements ProtocolLibrary {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Grammar grammar;

    /** Loads the grammar from a resource next to the subclass. */
    protected GrammarLibrary(String resource) {
        this.grammar = load(getClass(), resource);
    }

    @Override
    public Grammar grammar() {
        return grammar;
    }

    @Override
    public String id() {
        return grammar.id();
    }

    /**
     * Reads a grammar resource.
     *
     * @throws UncheckedIOException naming the resource and the JSON location when it is malformed
     */
    public static Grammar load(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("grammar resource " + resource + " not found beside "
                        + owner.getName()));
            }
            return MAPPER.readValue(in, Grammar.class);
        } catch (IOException e) {
            throw new UncheckedIOException("grammar " + resource + ": " + e.getMessage(), e);
        }
    }
}
