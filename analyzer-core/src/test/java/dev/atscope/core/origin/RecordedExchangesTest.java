package dev.atscope.core.origin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.replay.Recording;
import dev.atscope.core.trace.ScriptedTraffic;
import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceMetadata;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How a recording's requests are read when its commands are not the ones the notes show. */
@Timeout(30)
class RecordedExchangesTest {

    private static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();

    private static Map<String, RecordedExchanges.Host> read(ScriptedTraffic t) {
        return RecordedExchanges.read(Recording.of(new Trace(TraceMetadata.EMPTY, t.entries()), REGISTRY), REGISTRY);
    }

    @Test
    void writeFormsWithoutParametersAndAPostLengthThatIsNoNumberAreReadAsNoRequestAndNoNetworkFault() {
        // found by fuzzing (OriginFuzzTest): AT+CGATT= answered OK threw IndexOutOfBoundsException
        ScriptedTraffic t = new ScriptedTraffic();
        t.command("AT+QIACT").answer(1_000, "OK");
        t.pause(1_000).command("AT+QHTTPURL=19,80").answer(20_000, "CONNECT");
        t.hostBytes(30_000, "http://example.com/".getBytes(StandardCharsets.US_ASCII)).answer(15_000, "OK");
        t.pause(1_000).command("AT+CGATT=").answer(1_000, "OK");
        t.pause(1_000).command("AT+CFUN=").answer(1_000, "OK");
        t.pause(1_000).command("AT+CGATT=").answer(1_000, "ERROR");
        t.pause(1_000).command("AT+QHTTPPOST=x4").answer(20_000, "CONNECT");
        t.hostBytes(30_000, "body".getBytes(StandardCharsets.US_ASCII)).answer(15_000, "OK");
        t.pause(1_000).command("AT+QHTTPGET=60").answer(1_000, "OK");
        Map<String, RecordedExchanges.Host> hosts = read(t);
        // the context stayed up through both empty write forms: the GET reached the network, the POST did not
        assertThat(hosts).containsOnlyKeys("http://example.com:80");
        assertThat(hosts.get("http://example.com:80").exchanges).singleElement()
                .satisfies(x -> assertThat(x.method()).isEqualTo("GET"));
        Recording recording = Recording.of(new Trace(TraceMetadata.EMPTY, t.entries()), REGISTRY);
        assertThat(CellularConditions.of(recording).notes()).isEmpty();
    }
}
