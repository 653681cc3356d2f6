package dev.atscope.core.protocol.quectel;

import dev.atscope.core.protocol.GrammarLibrary;

/**
 * The Quectel LTE command set (BG95, BG96, BG77x, EC2x): TCP/IP sockets, SSL, HTTP(S), MQTT and
 * files, from Quectel's BG96 application notes.
 */
public final class QuectelLteLibrary extends GrammarLibrary {

    public QuectelLteLibrary() {
        super("quectel-lte.json");
    }

    /**
     * After the M-series set: where both name a command (AT+QICSGP, AT+QIACT, AT+QSSLCFG, the
     * AT+QHTTP commands), a registry that loads both keeps the M-series reading until the library
     * is chosen per trace. After the 27.007 set too: see {@code Ts27007Library#priority()}.
     */
    @Override
    public int priority() {
        return 200;
    }
}
