package dev.atscope.core.emulator;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the emulated module does wrong on purpose, read from JSON (schema and example in
 * docs/emulator.md, "Fault profiles"). Every field is optional; the empty profile is a healthy module.
 *
 * @param description what the profile is for
 * @param seed seeds the random choices (latencies), so that a run can be repeated
 * @param pdpActivationFailures AT+QIACT fails this many times before it works (§1.3.1)
 * @param attached whether the module is attached to the packet domain (AT+CGATT; AT+CGATT=1 fails when false)
 * @param registered whether it is registered on the packet network (AT+CGREG? answers stat 2, searching, when false)
 * @param dnsFailure every name lookup of AT+QHTTPGET fails ({@code +CME ERROR: 3813})
 * @param tlsHandshakeFailure every TLS handshake fails: the module breaks it off when the server's certificate arrives
 * @param httpStatus the server's answer to every request is this status (an error status fails the request)
 * @param latency extra answer time per command ({@code +QIACT}, or {@code *} for every command)
 * @param upload bytes dropped or corrupted on the way in during AT+QSECWRITE uploads
 * @param restart a spontaneous restart while a command is in flight
 * @param urcBurst a burst of URCs inside a command's answer
 * @param busyContexts PDP contexts already active through PPP or AT+CGACT, which count against the
 *     limit of three active contexts (§1.3.1, item 5)
 */
public record FaultProfile(
        String description,
        Long seed,
        Integer pdpActivationFailures,
        Boolean attached,
        Boolean registered,
        Boolean dnsFailure,
        Boolean tlsHandshakeFailure,
        Integer httpStatus,
        Map<String, Latency> latency,
        UploadDamage upload,
        Restart restart,
        UrcBurst urcBurst,
        Integer busyContexts) {

    /** A healthy module. */
    public static final FaultProfile NONE = new FaultProfile(null, null, null, null, null, null, null, null, null,
            null, null, null, null);

    /** The profiles that ship with atscope, usable by name ({@code --profile handshake-failure}). */
    public static final List<String> BUILT_IN = List.of("pdp-fails-twice", "not-attached", "not-registered",
            "dns-failure", "handshake-failure", "http-500", "slow-network", "upload-drops-bytes",
            "upload-corrupts-bytes", "restart-during-get", "urc-burst", "contexts-busy");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public FaultProfile {
        seed = seed == null ? 1L : seed;
        pdpActivationFailures = pdpActivationFailures == null ? 0 : pdpActivationFailures;
        attached = attached == null || attached;
        registered = registered == null || registered;
        dnsFailure = dnsFailure != null && dnsFailure;
        tlsHandshakeFailure = tlsHandshakeFailure != null && tlsHandshakeFailure;
        latency = latency == null ? Map.of() : Map.copyOf(latency);
        busyContexts = busyContexts == null ? 0 : busyContexts;
        if (busyContexts < 0) {
            throw new IllegalArgumentException("busyContexts must not be negative");
        }
        if (pdpActivationFailures < 0) {
            throw new IllegalArgumentException("pdpActivationFailures must not be negative");
        }
        if (httpStatus != null && (httpStatus < 100 || httpStatus > 599)) {
            throw new IllegalArgumentException("httpStatus " + httpStatus + " is not an HTTP status (100-599)");
        }
    }

    /** The extra latency of a command, by its upper-case name; the {@code *} entry when it has none. */
    Latency latencyOf(String command) {
        Latency l = latency.get(command);
        if (l == null) {
            l = latency.get(command.toUpperCase(Locale.ROOT));
        }
        return l != null ? l : latency.get("*");
    }

    /**
     * Extra answer time, drawn uniformly between the bounds.
     *
     * @param minMs shortest
     * @param maxMs longest
     */
    public record Latency(long minMs, long maxMs) {
        public Latency {
            if (minMs < 0 || maxMs < minMs) {
                throw new IllegalArgumentException("latency needs 0 <= minMs <= maxMs; got " + minMs + ".." + maxMs);
            }
        }
    }

    /**
     * Damage to uploads, as a noisy UART does it.
     *
     * @param dropBytes bytes lost from each upload (the module then waits for them until its timeout)
     * @param corruptBytes bytes flipped in each upload
     * @param atOffset where in the upload the damage starts
     */
    public record UploadDamage(int dropBytes, int corruptBytes, int atOffset) {
        public UploadDamage {
            if (dropBytes < 0 || corruptBytes < 0 || atOffset < 0) {
                throw new IllegalArgumentException("upload damage values must not be negative");
            }
        }
    }

    /**
     * A spontaneous restart: the module reboots (RDY, boot URCs) while the command is in flight.
     *
     * @param during the command, by name ({@code +QHTTPGET})
     * @param occurrence at its n-th use (1, the first, when left out)
     */
    public record Restart(String during, int occurrence) {
        public Restart {
            occurrence = occurrence == 0 ? 1 : occurrence;
            if (during == null || occurrence < 1) {
                throw new IllegalArgumentException("restart needs 'during' (a command name) and occurrence >= 1");
            }
        }
    }

    /**
     * URCs sent in the middle of a command's answer, before its final result.
     *
     * @param during the command, by name, or {@code *} for every command
     * @param urcs the lines sent, in turn
     * @param count how many lines in each burst (as many as {@code urcs} holds when left out)
     */
    public record UrcBurst(String during, List<String> urcs, int count) {
        public UrcBurst {
            count = count == 0 && urcs != null ? urcs.size() : count;
            if (during == null || urcs == null || urcs.isEmpty() || count < 1) {
                throw new IllegalArgumentException("urcBurst needs 'during', a non-empty 'urcs' list and count >= 1");
            }
            urcs = List.copyOf(urcs);
        }
    }

    /** Reads a profile file; unknown fields and bad values fail with the file, line and column. */
    public static FaultProfile read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    /** A built-in profile by name. */
    public static FaultProfile builtIn(String name) throws IOException {
        if (!BUILT_IN.contains(name)) {
            throw new IOException("no built-in fault profile '" + name + "'; built-in: " + String.join(", ", BUILT_IN));
        }
        try (InputStream in = FaultProfile.class.getResourceAsStream("faults/" + name + ".json")) {
            if (in == null) {
                throw new IOException("built-in fault profile " + name + " is missing from the class path");
            }
            return parse(in.readAllBytes(), "built-in profile " + name);
        }
    }

    /** A file when one exists at that path, else a built-in name. */
    public static FaultProfile load(String fileOrName) throws IOException {
        Path p = Path.of(fileOrName);
        if (Files.exists(p) || fileOrName.endsWith(".json")) {
            return read(p);
        }
        return builtIn(fileOrName);
    }

    private static FaultProfile parse(byte[] json, String source) throws IOException {
        try {
            FaultProfile p = MAPPER.readValue(json, FaultProfile.class);
            if (p == null) {
                throw new IOException(source + ": empty; expected a JSON object");
            }
            return p;
        } catch (UnrecognizedPropertyException e) {
            throw new IOException(source + ":" + fieldLocation(json, e.getPropertyName(), e) + ": unknown field '"
                    + e.getPropertyName() + "'; expected one of " + e.getKnownPropertyIds(), e);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            throw new IOException(source + where + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Where the unknown field's name stands: Jackson reports records' unknown fields at the end of
     * the object, which is no help to someone looking for a typo.
     */
    private static String fieldLocation(byte[] json, String field, JsonProcessingException e) {
        try (JsonParser p = MAPPER.getFactory().createParser(json)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME && p.currentName().equals(field)) {
                    JsonLocation l = p.currentTokenLocation();
                    return l.getLineNr() + ":" + l.getColumnNr();
                }
            }
        } catch (IOException ignored) {
            // fall back to Jackson's own location
        }
        return e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
    }
}
