package com.instore.devices.tap.pcsc;

import com.instore.devices.Bytes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CardTypeTest {
    /** Historical bytes of a PC/SC part 3 storage card ATR, with the given card name. */
    private static byte[] storage(String cardName) {
        return Bytes.of(
                "80 4F 0C",         // category indicator, application identifier presence TLV (tag 4F, 12 bytes)
                "A0 00 00 03 06",   // RID of PC/SC
                "03",               // standard: ISO 14443 A part 3
                cardName,           // card name
                "00 00 00 00");     // RFU
    }

    @Test
    void ultralightName_isType2() {
        assertThat(CardType.fromHistoricalBytes(storage("00 03"))).isEqualTo(CardType.TYPE2);
        assertThat(Acr122.cardType(storage("00 03"))).isEqualTo(CardType.TYPE2);
    }

    @Test
    void classicName_isOtherStorage() {
        assertThat(CardType.fromHistoricalBytes(storage("00 01"))).isEqualTo(CardType.OTHER_STORAGE);
        assertThat(Acr122.cardType(storage("00 01"))).isEqualTo(CardType.OTHER_STORAGE);
    }

    @Test
    void noHistoricalBytes_isIsoDep() {
        assertThat(CardType.fromHistoricalBytes(new byte[0])).isEqualTo(CardType.ISO_DEP);
        assertThat(Acr122.cardType(new byte[0])).isEqualTo(CardType.ISO_DEP);
    }
}
