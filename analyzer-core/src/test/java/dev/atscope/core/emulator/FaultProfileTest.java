package dev.atscope.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Given fault profile files, when read, then good ones load and bad ones fail with file, line and column. */
class FaultProfileTest {

    @TempDir
    Path dir;

    @Test
    void everyBuiltInProfileLoadsAndSaysWhatItDoes() throws Exception {
        for (String name : FaultProfile.BUILT_IN) {
            FaultProfile p = FaultProfile.builtIn(name);
            assertThat(p.description()).as(name).isNotBlank();
            assertThat(p).as(name).isNotEqualTo(FaultProfile.NONE);
        }
        assertThat(FaultProfile.builtIn("pdp-fails-twice").pdpActivationFailures()).isEqualTo(2);
        assertThat(FaultProfile.load("handshake-failure").tlsHandshakeFailure()).isTrue();
    }

    @Test
    void aFileWithEveryField() throws Exception {
        Path f = dir.resolve("field.json");
        Files.writeString(f, """
                {
                  "description": "a bad day in the field",
                  "seed": 5,
                  "pdpActivationFailures": 1,
                  "attached": true,
                  "registered": true,
                  "dnsFailure": false,
                  "tlsHandshakeFailure": false,
                  "httpStatus": 503,
                  "latency": {"+QIACT": {"minMs": 100, "maxMs": 200}},
                  "upload": {"dropBytes": 0, "corruptBytes": 1, "atOffset": 10},
                  "restart": {"during": "+QHTTPGET", "occurrence": 2},
                  "urcBurst": {"during": "*", "urcs": ["RING"], "count": 2},
                  "busyContexts": 1
                }
                """);
        FaultProfile p = FaultProfile.load(f.toString());
        assertThat(p.httpStatus()).isEqualTo(503);
        assertThat(p.latencyOf("+qiact")).isEqualTo(new FaultProfile.Latency(100, 200));
        assertThat(p.latencyOf("+CSQ")).isNull();
        assertThat(p.restart().occurrence()).isEqualTo(2);
        assertThat(p.upload().corruptBytes()).isEqualTo(1);
    }

    @Test
    void anUnknownFieldIsNamedWithItsPlace() throws Exception {
        Path f = dir.resolve("typo.json");
        Files.writeString(f, "{\n  \"description\": \"x\",\n  \"dnsFailures\": true\n}\n");
        assertThatThrownBy(() -> FaultProfile.read(f)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(f + ":3:")
                .hasMessageContaining("unknown field 'dnsFailures'")
                .hasMessageContaining("dnsFailure");
    }

    @Test
    void aBadValueIsNamedWithItsPlace() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"httpStatus\": 42}");
        assertThatThrownBy(() -> FaultProfile.read(f)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(f + ":1:").hasMessageContaining("42 is not an HTTP status");
        Files.writeString(f, "{\"latency\": {\"*\": {\"minMs\": 5, \"maxMs\": 1}}}");
        assertThatThrownBy(() -> FaultProfile.read(f)).hasMessageContaining("minMs <= maxMs");
        Files.writeString(f, "{\"seed\": \"x\"");
        assertThatThrownBy(() -> FaultProfile.read(f)).hasMessageStartingWith(f + ":1:");
    }

    @Test
    void anUnknownNameListsTheBuiltInOnes() {
        assertThatThrownBy(() -> FaultProfile.load("gremlins")).hasMessageContaining("handshake-failure");
    }
}
