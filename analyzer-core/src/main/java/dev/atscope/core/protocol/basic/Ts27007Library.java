package dev.atscope.core.protocol.basic;

import dev.atscope.core.protocol.GrammarLibrary;

/**
 * The 3GPP TS 27.007 commands (SIM, registration, operator, signal, PDP contexts, power saving,
 * clock, errors) and the TS 27.005 SMS essentials that cellular modules of every vendor share.
 */
public final class Ts27007Library extends GrammarLibrary {

    public Ts27007Library() {
        super("ts27007.json");
    }

    /**
     * After the M-series set and before the Quectel LTE set: a verbose error text that a vendor
     * repeats ({@code operation not allowed}) then reads as the standard code, in a registry that
     * loads them all.
     */
    @Override
    public int priority() {
        return 150;
    }
}
