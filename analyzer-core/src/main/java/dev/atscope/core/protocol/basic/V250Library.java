package dev.atscope.core.protocol.basic;

import dev.atscope.core.protocol.GrammarLibrary;

/** The 3GPP TS 27.007 / ITU-T V.250 basics that the vendor command sets rely on. */
public final class V250Library extends GrammarLibrary {

    public V250Library() {
        super("v250.json");
    }

    @Override
    public int priority() {
        return 1000;
    }

    @Override
    public boolean base() {
        return true;
    }
}
