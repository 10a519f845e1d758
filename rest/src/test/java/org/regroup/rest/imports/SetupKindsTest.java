package org.regroup.rest.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The address's pattern of setup kinds ({@code …/imports/{kind}}) names exactly the kinds there are. */
class SetupKindsTest {

    @Test
    void theAddressPatternNamesEveryKindAndNoOther() {
        assertThat(SetupImport.Kind.PATH.split("\\|")).containsExactlyInAnyOrder(Arrays.stream(
                SetupImport.Kind.values()).map(SetupImport.Kind::wire).toArray(String[]::new));
        assertThat(SetupImport.Kind.of("keep-apart")).isEqualTo(SetupImport.Kind.KEEP_APART);
        assertThat(SetupImport.Kind.of("rooms")).isNull();
        assertThat(SetupImport.Kind.of(null)).isNull();
    }
}
