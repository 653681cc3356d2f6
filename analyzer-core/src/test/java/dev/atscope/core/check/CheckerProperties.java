package dev.atscope.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.ScriptedTraffic;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Given traffic made of the commands, parameters and answers that go wrong in the field, mixed at
 * random, the checker never fails, and every caret it places lies inside the line it points at.
 */
class CheckerProperties {

    static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();

    static final String[] HEADS = {"AT+QSSLCFG=", "AT+QSECWRITE=", "AT+QHTTPURL=", "AT+QIACT", "AT+CGREG?",
        "AT+QSECREAD=", "AT+CGATT?", "AT+QICSGP=", "AT+QHTTPGET=", "AT+QHTTPREAD=", "AT+CMEE=", "AT+ QIFGCNT=",
        "AT+QSSLCFG=\"ciphersuite\",", "ATE", "AT+QSECDEL=", "AT+CGACT=", "AT+QIDEACT", "AT+CMEE=2;+QSSLCFG=",
        "AT+QIACT=", "AT+QIREGAPP?", "AT+XYZ="};
    static final String[] PARAMS = {"\"sslversion\"", "0", "5", "-1", "\"RAM:a\"", "\"NVRAM:CA0\"", "\"x", "",
        "0X0004:0X0035", "\"0XFFFF\"", "2026", "abc", "\"seclevel\"", "\"https\"", "1", "\"\"", "\"secllevel\"",
        "\"NVRAM:CA9\"", "\"cacert\"", "3", "\"httpsctxi\"", "\"ignorertctime\"", "\"ctxindex\""};
    static final String[] ANSWERS = {"OK", "OK", "ERROR", "+CME ERROR: 3815", "+CME ERROR: http socket connect error",
        "+QSSLCFG: \"sslversion\",9", "+QSECWRITE: 3,zz", "+QSECREAD: 0,", "+QSECREAD:", "+CGREG:", "+CGREG: 0,1",
        "+CGATT: 1", "CONNECT", "RDY", "+PDP DEACT", "DEACT OK", "+QSSLCFG: 0,3,1,\"0X0035\",\"RAM:a\",,",
        "+QIREGAPP: \"CMNET\"", "+CME ERROR: 99999"};

    static ScriptedTraffic traffic(long seed) {
        Random r = new Random(seed);
        ScriptedTraffic t = new ScriptedTraffic();
        for (int i = 0; i < 40; i++) {
            StringBuilder line = new StringBuilder(HEADS[r.nextInt(HEADS.length)]);
            if (line.charAt(line.length() - 1) == '=' || line.charAt(line.length() - 1) == ',') {
                int n = r.nextInt(5);
                for (int k = 0; k < n; k++) {
                    line.append(k == 0 ? "" : ",").append(PARAMS[r.nextInt(PARAMS.length)]);
                }
            }
            t.pause(r.nextInt(900_000_000)).command(line.toString());
            int answers = r.nextInt(3);
            for (int k = 0; k < answers; k++) {
                String a = ANSWERS[r.nextInt(ANSWERS.length)];
                t.answer(r.nextInt(50_000), a);
                if (a.equals("CONNECT") && r.nextBoolean()) {
                    t.hostBytes(1000, ("https://e.net/" + "x".repeat(r.nextInt(40))).getBytes(StandardCharsets.US_ASCII));
                }
            }
        }
        return t;
    }

    @Property(tries = 150)
    void theCheckerNeverFailsAndItsCaretsStayInsideTheirLines(@ForAll long seed) {
        List<Decoded> items = TraceDecoding.decode(traffic(seed).entries(), REGISTRY);
        List<Diagnostic> found = TraceChecker.check(items, REGISTRY);
        Map<Long, Transaction> byId = new HashMap<>();
        for (Decoded d : items) {
            if (d instanceof Transaction t) {
                byId.put(t.id(), t);
            }
        }
        for (Diagnostic d : found) {
            assertThat(d.message()).isNotBlank();
            Where w = d.where();
            if (w.transactionId() < 0 || w.column() < 0) {
                continue;
            }
            Transaction t = byId.get(w.transactionId());
            assertThat(t).as(d.toString()).isNotNull();
            String line = w.direction() == Direction.MODULE_TO_HOST
                    ? t.responses().stream().filter(e -> e.startOffset() == w.startOffset()).map(Event::text)
                            .findFirst().orElseThrow()
                    : t.command().text();
            assertThat(w.column() + w.length()).as(d + " in " + line).isLessThanOrEqualTo(line.length());
        }
    }
}
