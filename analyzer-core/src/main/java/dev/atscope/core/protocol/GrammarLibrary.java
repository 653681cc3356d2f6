package dev.atscope.core.protocol;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atscope.core.compiled.RecordCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** A protocol library whose grammar is a JSON resource beside its class. */
public abstract class GrammarLibrary implements ProtocolLibrary {

    private final String resource;
    private final Grammar grammar;

    /**
     * Loads the grammar from a resource next to the subclass: its compact form when the build wrote
     * one ({@link RecordCodec}, a tenth of the start-up time of reading the JSON), else the JSON.
     */
    protected GrammarLibrary(String resource) {
        this.resource = resource;
        this.grammar = loadCompiled(getClass(), resource);
    }

    /** The JSON resource beside the class that holds the grammar. */
    String resource() {
        return resource;
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
     * Reads a grammar resource's compact form ({@code name.bin} beside {@code name.json}), or the
     * JSON when the build wrote none.
     *
     * @throws UncheckedIOException naming the resource when it cannot be read
     */
    public static Grammar loadCompiled(Class<?> owner, String resource) {
        Grammar g;
        try {
            g = RecordCodec.readBeside(owner, resource, Grammar.class);
        } catch (IOException e) {
            throw new UncheckedIOException("grammar " + resource + ": " + e.getMessage(), e);
        }
        return g != null ? g : load(owner, resource);
    }

    /**
     * Reads a grammar resource as JSON.
     *
     * @throws UncheckedIOException naming the resource and the JSON location when it is malformed
     */
    public static Grammar load(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("grammar resource " + resource + " not found beside "
                        + owner.getName()));
            }
            return Json.MAPPER.readValue(in, Grammar.class);
        } catch (IOException e) {
            throw new UncheckedIOException("grammar " + resource + ": " + e.getMessage(), e);
        }
    }

    /** Jackson's databind, loaded only when a grammar is read as JSON. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
