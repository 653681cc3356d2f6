package dev.atscope.core.compiled;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The build step that writes the compact form ({@link RecordCodec}) of each JSON table beside it:
 * {@code name.json} gets {@code name.bin}. Run by Maven after the classes are compiled
 * (analyzer-core's pom), on the classes directory:
 *
 * <pre>CompileResources CLASSES_DIR RECORD_CLASS PATH [RECORD_CLASS PATH]...</pre>
 *
 * where PATH, relative to CLASSES_DIR, is a JSON file or a folder of them (searched through), each
 * read as RECORD_CLASS by Jackson's databind, as the tables were read before.
 */
public final class CompileResources {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CompileResources() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || args.length % 2 == 0) {
            throw new IllegalArgumentException("usage: CompileResources CLASSES_DIR RECORD_CLASS PATH [RECORD_CLASS PATH]...");
        }
        Path classes = Path.of(args[0]);
        int written = 0;
        for (int i = 1; i < args.length; i += 2) {
            Class<? extends Record> type = Class.forName(args[i]).asSubclass(Record.class);
            for (Path json : jsonFiles(classes.resolve(args[i + 1]))) {
                Path bin = json.resolveSibling(RecordCodec.compiledName(json.getFileName().toString()));
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(bin))) {
                    out.write(compile(Files.readAllBytes(json), type));
                }
                written++;
            }
        }
        if (written == 0) {
            throw new IllegalArgumentException("no JSON table found under " + classes);
        }
    }

    /** The compact form of the JSON table {@code json}, read as {@code type}. */
    public static byte[] compile(byte[] json, Class<? extends Record> type) throws IOException {
        Record root;
        try {
            root = JSON.readValue(json, type);
        } catch (IOException e) {
            throw new IOException("not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        var bytes = new java.io.ByteArrayOutputStream();
        RecordCodec.write(root, new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static List<Path> jsonFiles(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.walk(path)) {
            List<Path> files = new ArrayList<>();
            s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
            return files;
        }
    }
}
