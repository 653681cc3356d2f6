package dev.atscope.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceCsvReaderTest {

    private static final String HEAD = "# atscope-trace: 1\n# start: 2026-11-23T10:00:00Z\ntime_us,dir,kind,data\n";

    private static List<TraceEntry> read(String text, List<String> warnings) throws IOException {
        List<TraceEntry> out = new ArrayList<>();
        try (TraceCsvReader r = new TraceCsvReader(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "field.csv")) {
            TraceEntry e;
            while ((e = r.next()) != null) {
                out.add(e);
            }
            warnings.addAll(r.warnings());
        }
        return out;
    }

    @Test
    void readsRowsWithTheirLineNumbers() throws IOException {
        List<String> w = new ArrayList<>();
        List<TraceEntry> e = read(HEAD + "0,H>M,data,AT\\r\n1500,M>H,data,\\r\\nOK\\r\\n\n2000,,note,\"a, b\"\n", w);
        assertThat(e).hasSize(3);
        assertThat(((Chunk) e.get(0)).line()).isEqualTo(4);
        assertThat(((Chunk) e.get(1)).data()).asString(StandardCharsets.US_ASCII).isEqualTo("\r\nOK\r\n");
        assertThat(((Marker) e.get(2)).text()).isEqualTo("a, b");
        assertThat(e.get(2).line()).isEqualTo(6);
        assertThat(w).isEmpty();
    }

    @Test
    void badHeaderNamesTheFileAndWhatWasExpected() {
        assertThatThrownBy(() -> read("# atscope-trace: 1\ntime,direction,data\n0,H>M,AT\n", new ArrayList<>()))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith("field.csv:")
                .hasMessageContaining("expected the columns time_us,dir,kind,data");
    }

    @Test
    void missingMagicLineIsRejected() {
        assertThatThrownBy(() -> read("time_us,dir,kind,data\n0,H>M,data,AT\n", new ArrayList<>()))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("field.csv:1: missing the '# atscope-trace: 1' line");
    }

    @Test
    void badEscapeNamesTheLine() {
        assertThatThrownBy(() -> read(HEAD + "0,H>M,data,AT\\r\n5,M>H,data,O\\qK\n9,M>H,data,OK\n", new ArrayList<>()))
                .isInstanceOf(TraceFormatException.class)
                .hasMessage("field.csv:5: bad escape in data, column 2: unknown escape \\q; expected \\\\, \\r, \\n, \\t or \\xHH");
    }

    @Test
    void timeGoingBackwardsIsAnError() {
        assertThatThrownBy(() -> read(HEAD + "10,H>M,data,A\n5,H>M,data,T\n9,H>M,data,T\n", new ArrayList<>()))
                .hasMessage("field.csv:5: time goes backwards: 5 after 10; expected rows in time order");
    }

    @Test
    void rowCutShortInTheMiddleIsAnError() {
        assertThatThrownBy(() -> read(HEAD + "10,H>M,data,A\n11,H>M\n12,H>M,data,T\n", new ArrayList<>()))
                .hasMessage("field.csv:5: row has 2 columns; expected 4 (time_us,dir,kind,data)");
    }

    @Test
    void unknownDirectionAndKindAreErrors() {
        assertThatThrownBy(() -> read(HEAD + "10,X,data,A\n", new ArrayList<>()))
                .hasMessageContaining("field.csv:4: dir 'X'; expected H>M or M>H");
        assertThatThrownBy(() -> read(HEAD + "10,H>M,blob,A\n11,H>M,data,B\n", new ArrayList<>()))
                .hasMessageContaining("field.csv:4: kind 'blob'");
    }

    @Test
    void lastRowCutShortByACrashIsSkippedWithAWarning() throws IOException {
        List<String> w = new ArrayList<>();
        List<TraceEntry> e = read(HEAD + "10,H>M,data,AT\\r\n20,M>H,data,\\r\\nO", w);
        assertThat(e).hasSize(1);
        assertThat(w).singleElement().asString().startsWith("field.csv:5: the last row is cut short");

        w.clear();
        e = read(HEAD + "10,H>M,data,AT\\r\n20,M>", w);
        assertThat(e).hasSize(1);
        assertThat(w).hasSize(1);

        w.clear();
        e = read(HEAD + "10,H>M,data,AT\\r\n20,M>H,data,\"\\r\\nO", w);
        assertThat(e).hasSize(1);
        assertThat(w).singleElement().asString().startsWith("field.csv:5: the last row is cut short");
    }
}
