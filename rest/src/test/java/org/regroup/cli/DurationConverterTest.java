package org.regroup.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsDurationsAsPeopleWriteThem() {
        assertThat(converter.convert("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(converter.convert("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert(" 1H ")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void rejectsWhatIsNotADuration() {
        for (String bad : new String[] { "banana", "", "30", "0s", "1m banana", "s30", "-5s", "1.5s",
                "99999999999999999999h", "9223372036854775807h", "99999999999999h" }) {
            assertThatThrownBy(() -> converter.convert(bad)).as(bad)
                    .isInstanceOf(CommandLine.TypeConversionException.class);
        }
    }

    @Test
    void formatsShortDurationsWithATenth() {
        assertThat(DurationConverter.format(Duration.ofMillis(1_340))).isEqualTo("1.3s");
        assertThat(DurationConverter.format(Duration.ofSeconds(42))).isEqualTo("42s");
    }
}
