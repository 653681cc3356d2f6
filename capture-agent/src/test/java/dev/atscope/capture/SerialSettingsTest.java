package dev.atscope.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atscope.capture.SerialSettings.FlowControl;
import dev.atscope.capture.SerialSettings.Parity;
import dev.atscope.capture.SerialSettings.StopBits;
import org.junit.jupiter.api.Test;

/** The short form of line settings, as engineers write them. */
class SerialSettingsTest {

    @Test
    void fullFormNamesEveryPart() {
        assertThat(SerialSettings.parse("9600,7E2,rtscts"))
                .isEqualTo(new SerialSettings(9600, 7, Parity.EVEN, StopBits.TWO, FlowControl.RTSCTS));
        assertThat(SerialSettings.parse("57600,5o1.5,XONXOFF"))
                .isEqualTo(new SerialSettings(57600, 5, Parity.ODD, StopBits.ONE_AND_HALF, FlowControl.XONXOFF));
    }

    @Test
    void partsLeftOutKeepTheDefault() {
        assertThat(SerialSettings.parse("460800"))
                .isEqualTo(new SerialSettings(460800, 8, Parity.NONE, StopBits.ONE, FlowControl.NONE));
        assertThat(SerialSettings.parse("115200,rtscts").flowControl()).isEqualTo(FlowControl.RTSCTS);
        assertThat(SerialSettings.parse("115200,8M1").parity()).isEqualTo(Parity.MARK);
    }

    @Test
    void theShortFormReadsBack() {
        SerialSettings s = new SerialSettings(19200, 8, Parity.SPACE, StopBits.TWO, FlowControl.XONXOFF);
        assertThat(s.toString()).isEqualTo("19200,8S2,xonxoff");
        assertThat(SerialSettings.parse(s.toString())).isEqualTo(s);
    }

    @Test
    void badPartsAreNamedWithWhatWasExpected() {
        assertThatThrownBy(() -> SerialSettings.parse("fast"))
                .hasMessageStartingWith("bad baud rate 'fast' in 'fast'; expected BAUD[,FRAME][,FLOW]");
        assertThatThrownBy(() -> SerialSettings.parse("115200,9N1"))
                .hasMessageStartingWith("bad line setting '9N1' in '115200,9N1'; expected");
        assertThatThrownBy(() -> SerialSettings.parse("115200,rtscts,8N1"))
                .hasMessageStartingWith("bad line setting '8N1'");
        assertThatThrownBy(() -> SerialSettings.parse("115200,8N1,8N1")).hasMessageStartingWith("bad line setting");
        assertThatThrownBy(() -> SerialSettings.parse("-3")).hasMessageStartingWith("bad baud rate '-3'");
    }

    @Test
    void aPortSpecCarriesItsPathAndSettings() {
        PortSpec p = PortSpec.parse("/dev/ttyUSB0@9600,8E1", SerialSettings.DEFAULT);
        assertThat(p.path()).isEqualTo("/dev/ttyUSB0");
        assertThat(p.settings().parity()).isEqualTo(Parity.EVEN);
        assertThat(PortSpec.parse("/dev/pts/3", SerialSettings.DEFAULT).settings()).isEqualTo(SerialSettings.DEFAULT);
        assertThatThrownBy(() -> PortSpec.parse("/dev/ttyUSB0@abc", SerialSettings.DEFAULT))
                .hasMessageStartingWith("port /dev/ttyUSB0: bad baud rate 'abc'");
    }
}
