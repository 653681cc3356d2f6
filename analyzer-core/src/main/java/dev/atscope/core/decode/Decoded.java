package dev.atscope.core.decode;

/** What the decoder hands out: each {@link Event} as soon as it is complete, then each {@link Transaction}. */
public sealed interface Decoded permits Event, Transaction {}
