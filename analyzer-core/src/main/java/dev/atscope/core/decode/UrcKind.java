package dev.atscope.core.decode;

/** What an unsolicited result code means for the decoder. */
public enum UrcKind {
    /** The module (re)started ({@code RDY}): a command in flight is interrupted, settings are back to defaults. */
    RESTART,
    /** The module is powering down: a command in flight is interrupted. */
    POWER_DOWN,
    /** Any other report; it changes nothing in the decoding. */
    REPORT
}
