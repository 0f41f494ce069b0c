package com.instore.devices.tap.mfrc522;

import com.instore.devices.Bytes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Iso14443aTest {
    @Test
    void crcA_ofHlta_isTheValueFromTheStandard() {
        // HLTA = 50 00, CRC_A = 57 CD (ISO/IEC 14443-3, low byte first)
        assertThat(Iso14443a.withCrc(Bytes.of("50 00"))).isEqualTo(Bytes.of("50 00 57 CD"));
    }

    @Test
    void crcA_ofSakOfAType2Tag() {
        // SAK 00 followed by its CRC_A: 00 FE 51
        assertThat(Iso14443a.withCrc(Bytes.of("00"))).isEqualTo(Bytes.of("00 FE 51"));
    }
}
