package dev.atscope.core.decode;

/**
 * What the decoder asks of the protocol libraries. The decoder knows the framing that every AT
 * dialect shares (V.250); command-specific answers come from here.
 */
public interface ResponseModel {

    /** A model that knows no command: every command is {@link ResponseShape#PLAIN}, no line is a known URC. */
    ResponseModel NONE = new ResponseModel() {
        @Override
        public ResponseShape shape(AtCommand command) {
            return ResponseShape.PLAIN;
        }

        @Override
        public UrcKind urcKind(String line) {
            return null;
        }
    };

    /** How the module answers this command. */
    ResponseShape shape(AtCommand command);

    /** The kind of a module line that is a known unsolicited result code, or null. */
    UrcKind urcKind(String line);
}
