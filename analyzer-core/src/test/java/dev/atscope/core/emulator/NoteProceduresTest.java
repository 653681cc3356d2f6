package dev.atscope.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.quectel.NoteExamples;
import dev.atscope.core.trace.ScriptedTraffic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The done-when of the emulator: the note's procedures of section 3, sent by a host to the
 * emulated module, get the same sequence of answers as the note shows ({@link NoteExamples} holds
 * them as traffic). Both sides are decoded by the same decoder and compared line by line.
 */
class NoteProceduresTest {

    /** One transaction as the note prints it: the command, each answer line, payloads by who sent them. */
    static List<String> transcript(List<Decoded> decoded) {
        List<String> out = new ArrayList<>();
        for (Decoded d : decoded) {
            if (d instanceof Event e && e.kind() == EventKind.URC) {
                out.add("URC " + e.text());
            } else if (d instanceof Transaction t) {
                out.add(t.command().text());
                for (Event r : t.responses()) {
                    out.add(r.kind() == EventKind.PAYLOAD ? "<data " + r.direction().code() + ">" : "  " + r.text());
                }
                out.add("  " + t.resultText() + " (" + t.outcome().word() + ")");
            }
        }
        return out;
    }

    static List<String> expected(ScriptedTraffic note) {
        return transcript(TraceDecoding.decode(note.entries(), ModuleBench.REGISTRY));
    }

    static void uploads(ModuleBench b, String... names) throws Exception {
        byte[][] files = {NoteExamples.pem("CERTIFICATE", 1614, 1), NoteExamples.pem("CERTIFICATE", 1419, 2),
            NoteExamples.pem("RSA PRIVATE KEY", 1679, 3)};
        for (int i = 0; i < names.length; i++) {
            b.upload("AT+QSECWRITE=\"" + names[i] + "\"," + files[i].length + ",100", files[i]);
        }
    }

    @Test
    void section31CertificatesAndKeyInRam() throws Exception {
        try (ModuleBench b = ModuleBench.fast()) {
            uploads(b, "RAM:ca_cert.pem", "RAM:client_cert.pem", "RAM:client_key.pem");
            List<String> got = transcript(b.decoded());
            assertThat(got.subList(5, got.size())).as("after the boot URCs")
                    .containsExactlyElementsOf(expected(NoteExamples.certificatesInRam()));
        }
    }

    @Test
    void section32CertificatesAndKeyInNvram() throws Exception {
        try (ModuleBench b = ModuleBench.fast()) {
            uploads(b, "NVRAM:CA0", "NVRAM:CC0", "NVRAM:CK0");
            List<String> got = transcript(b.decoded());
            assertThat(got.subList(5, got.size()))
                    .containsExactlyElementsOf(expected(NoteExamples.certificatesInNvram()));
        }
    }

    /**
     * §3.3 against a real HTTPS server on 127.0.0.1. What differs is what the note's network chose:
     * the local IP, the URL (a local server; so its length) and the TLS version: the note's TLS 1.1
     * ({@code sslversion 2}) is refused by today's servers and by the JDK, so TLS 1.2 is configured
     * ({@link TlsTest#theNotesTls11IsRefusedByATls12Server} shows the refusal).
     */
    @Test
    void section33HttpsGet() throws Exception {
        try (LoopbackHttpsServer s = LoopbackHttpsServer.https(TestCertificates.SERVER, List.of("TLSv1.2"),
                LoopbackHttpsServer.ClientAuth.NONE, null, NoteExamples.page());
                ModuleBench b = new ModuleBench(EmulatorConfig.defaults().withTiming(ModulePace.FAST)
                        .withHost("note.test", "127.0.0.1"))) {
            String url = s.url("note.test", "/test/testfiles/test2000.html");
            for (String c : List.of("AT+QIFGCNT=0", "AT+QICSGP=1,\"CMNET\"", "AT+QIREGAPP", "AT+QIACT", "AT+QILOCIP",
                    "AT+QSSLCFG=\"sslversion\",0,3", "AT+QSSLCFG=\"secllevel\",0,0",
                    "AT+QSSLCFG=\"ciphersuite\",0,\"0XFFFF\"", "AT+QSSLCFG=\"https\",1")) {
                b.send(c);
            }
            b.upload("AT+QHTTPURL=" + url.length() + ",60", url.getBytes(StandardCharsets.US_ASCII));
            b.send("AT+QHTTPGET=60");
            AtHost.Reply read = b.send("AT+QHTTPREAD=30");
            b.send("AT+QIDEACT");

            List<String> want = new ArrayList<>();
            for (String line : expected(NoteExamples.httpsGet())) {
                want.add(line.replace(NoteExamples.LOCAL_IP, "127.0.0.1")
                        .replace("\"sslversion\",0,2", "\"sslversion\",0,3")
                        .replace("AT+QHTTPURL=57,60", "AT+QHTTPURL=" + url.length() + ",60"));
            }
            assertThat(transcript(b.decoded())).containsExactlyElementsOf(want);
            assertThat(read.body()).isEqualTo(NoteExamples.page());
        }
    }
}
