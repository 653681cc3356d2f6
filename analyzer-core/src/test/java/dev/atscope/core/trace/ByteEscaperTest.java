package dev.atscope.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteEscaperTest {

    @Test
    void printableTextStaysReadableAndControlBytesAreEscaped() {
        byte[] b = "AT+QSSLCFG=\"https\",1\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(ByteEscaper.escape(b)).isEqualTo("AT+QSSLCFG=\"https\",1\\r\\n");
        assertThat(ByteEscaper.escape(new byte[] {0, (byte) 0xff, '\\', '\t'})).isEqualTo("\\x00\\xff\\\\\\t");
    }

    @Test
    void unescapeReversesEscape() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        assertThat(ByteEscaper.unescape(ByteEscaper.escape(all))).isEqualTo(all);
        assertThat(ByteEscaper.unescape("\\xFF\\xaB")).containsExactly(0xff, 0xab);
    }

    @Test
    void badEscapesNameTheColumn() {
        assertThatThrownBy(() -> ByteEscaper.unescape("AT\\q")).hasMessageContaining("column 3").hasMessageContaining("\\q");
        assertThatThrownBy(() -> ByteEscaper.unescape("OK\\x4")).hasMessageContaining("two hex digits");
        assertThatThrownBy(() -> ByteEscaper.unescape("OK\\")).hasMessageContaining("lone backslash");
        assertThatThrownBy(() -> ByteEscaper.unescape("caf\u00e9")).hasMessageContaining("U+00E9");
    }
}
