package dev.atscope.core.protocol.quectel;

import dev.atscope.core.protocol.GrammarLibrary;

/** The Quectel GSM (M66, M95, M10, M85) SSL/HTTPS command set of the GSM HTTPS application note V3.0. */
public final class QuectelGsmHttpsLibrary extends GrammarLibrary {

    public QuectelGsmHttpsLibrary() {
        super("quectel-gsm-https.json");
    }
}
