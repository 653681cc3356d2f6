package dev.atscope.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.decode.UrcKind;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The literal prefixes that turn lines away before the URC regexes never turn away a line a pattern matches. */
class UrcPrefilterProperties {

    private static final List<String> PATTERNS = List.of(
            "(UNDER|OVER)[_-]VOLTAGE POWER DOWN\\s*", "(UNDER|OVER)[_-]VOLTAGE WARNN?ING\\s*",
            "A?B", "AB*C", "(X|Y)+Z", "A|B", "[]A]|B", "(?i)ok", "AB{0,2}", "A\\.B", "AB(?i)C", "(AB|C)?D",
            "\\QA|B\\E", "OK", "(O|)K", "((A|B))C", "[|]A|B", "U.*", "\\+CREG: [0-9]+", "ER(R)OR");

    @Property(tries = 3000)
    void noLineAPatternMatchesIsTurnedAway(@ForAll("patterns") String regex, @ForAll("lines") String line) {
        Pattern p = Pattern.compile(regex);
        List<String> prefixes = UrcTable.literalPrefixes(p);
        if (p.matcher(line).matches() && prefixes != null) {
            assertThat(prefixes).anyMatch(line::startsWith);
        }
    }

    @Example
    void theVoltageWarningsAreTurnedAwayByTheirFirstWord() {
        assertThat(UrcTable.literalPrefixes(Pattern.compile("(UNDER|OVER)[_-]VOLTAGE WARNN?ING\\s*")))
                .containsExactly("UNDER", "OVER");
        assertThat(UrcTable.literalPrefixes(Pattern.compile("A|B"))).isNull();
        assertThat(UrcTable.literalPrefixes(Pattern.compile("A?B"))).isNull();
    }

    @Example
    void urcsAreStillFound() {
        ProtocolRegistry r = ProtocolRegistry.loadDefault();
        assertThat(r.urcKind("UNDER_VOLTAGE POWER DOWN")).isEqualTo(UrcKind.POWER_DOWN);
        assertThat(r.urcKind("OVER-VOLTAGE WARNNING  ")).isEqualTo(UrcKind.REPORT);
        assertThat(r.urcKind("OVER VOLTAGE WARNING")).isNull();
        assertThat(r.urcKind("OK")).isNull();
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.of(PATTERNS);
    }

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> random = Arbitraries.strings().withChars("ABCDKOUNERVXYZok_-. |]+:0123456789").ofMaxLength(8);
        Arbitrary<String> near = Arbitraries.of("UNDER_VOLTAGE POWER DOWN", "OVER-VOLTAGE WARNNING ", "B", "AB", "ABBC",
                "AC", "XYXZ", "Z", "OK", "ok", "Ok", "K", "A.B", "ABc", "D", "ABD", "CD", "A|B", "]", "|", "U",
                "+CREG: 12", "ERROR", "AB", "ABB");
        return Arbitraries.oneOf(random, near);
    }
}
