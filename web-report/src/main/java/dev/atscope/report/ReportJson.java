package dev.atscope.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import java.io.IOException;
import java.io.OutputStream;

/**
 * JSON that is safe inside an HTML {@code <script>} element: besides JSON's own escapes, {@code <},
 * {@code >} and {@code &} are written as {@code \u003c}, {@code \u003e} and {@code \u0026}, so no
 * captured byte can close the element ({@code </script>}) or open a comment ({@code <!--}).
 */
final class ReportJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    static {
        FACTORY.setCharacterEscapes(new HtmlSafeEscapes());
    }

    private ReportJson() {}

    /** A generator writing UTF-8 to {@code out}; closing it does not close {@code out}. */
    static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return g;
    }

    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] table;

        HtmlSafeEscapes() {
            table = standardAsciiEscapesForJSON();
            table['<'] = ESCAPE_STANDARD;
            table['>'] = ESCAPE_STANDARD;
            table['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
