package dev.atscope.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.link.TcpLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Given one emulator process on 127.0.0.1, when several hosts connect, then each has a module of its own. */
class EmulatorServerTest {

    static AtHost connect(EmulatorServer server) throws Exception {
        AtHost h = new AtHost(TcpLink.connect("127.0.0.1", server.port(), 2000), ModuleBench.REGISTRY,
                Duration.ofSeconds(10), Duration.ofMillis(30));
        h.awaitUrc("SMS Ready", Duration.ofSeconds(5));
        return h;
    }

    @Test
    void everyConnectionIsAModuleOfItsOwn() throws Exception {
        EmulatorConfig config = EmulatorConfig.defaults().withTiming(ModulePace.FAST);
        try (EmulatorServer server = EmulatorServer.start("127.0.0.1", 0, config, ModuleBench.REGISTRY)) {
            assertThat(server.describe()).isEqualTo("tcp:127.0.0.1:" + server.port());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<List<String>>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    int version = i % 5;
                    Callable<List<String>> host = () -> {
                        try (AtHost h = connect(server)) {
                            h.send("AT+QSSLCFG=\"sslversion\",0," + version);
                            List<String> out = new ArrayList<>();
                            for (int k = 0; k < 20; k++) {
                                out.addAll(h.send("AT+QSSLCFG=\"sslversion\",0").answer());
                            }
                            return out;
                        }
                    };
                    results.add(pool.submit(host));
                }
                for (int i = 0; i < 8; i++) {
                    List<String> answers = results.get(i).get();
                    assertThat(answers).hasSize(40).containsOnly("+QSSLCFG: \"sslversion\"," + (i % 5), "OK");
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(server.served()).isEqualTo(8);
        }
    }

    @Test
    void closingTheServerEndsItsSessions() throws Exception {
        EmulatorConfig config = EmulatorConfig.defaults().withTiming(ModulePace.FAST);
        EmulatorServer server = EmulatorServer.start("127.0.0.1", 0, config, ModuleBench.REGISTRY);
        try (AtHost h = connect(server)) {
            assertThat(server.sessions()).isEqualTo(1);
            server.close();
            AtHost.Reply r = h.send("AT", Duration.ofSeconds(2));
            assertThat(r.result()).isEmpty();
        }
    }
}
