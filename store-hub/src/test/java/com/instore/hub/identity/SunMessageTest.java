package com.instore.hub.identity;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NTAG 424 DNA SUN verification against NXP's published example (AN12196, "SUN message" with the factory all-zero keys):
 * encrypted PICC data EF963FF7828658A599F3041510671E88 decrypts to C7 | UID 04DE5F1EACC040 | counter 3D0000 (61, LSB first)
 * | random, and the SDMMAC is 94EED9EE65337086.
 */
class SunMessageTest {
    private static final byte[] ZERO_KEY = new byte[16];
    private static final String PICC = "EF963FF7828658A599F3041510671E88";
    private static final String CMAC = "94EED9EE65337086";

    @Test
    void verify_nxpEncryptedExample_givesUidAndCounter61() {
        SunMessage.Verified tag = SunMessage.verify("https://shop.example/t?picc_data=" + PICC + "&cmac=" + CMAC,
                ZERO_KEY, ZERO_KEY).orElseThrow();

        assertThat(tag.uidHex()).isEqualTo("04DE5F1EACC040");
        assertThat(tag.counter()).isEqualTo(61);
    }

    @Test
    void verify_nxpExampleInShortParameterForm_isTheSame() {
        assertThat(SunMessage.verify("?e=" + PICC + "&c=" + CMAC, ZERO_KEY, ZERO_KEY)).isPresent();
    }

    @Test
    void verify_plainMirroringOfTheSameUidAndCounter_givesTheSameMac() {
        // Plain mirroring shows the counter most significant byte first: 00003D.
        assertThat(SunMessage.verify("uid=04DE5F1EACC040&ctr=00003D&cmac=" + CMAC, null, ZERO_KEY))
                .hasValueSatisfying(t -> assertThat(t.counter()).isEqualTo(61));
    }

    @Test
    void sdmMac_ofTheNxpExample_is94EED9EE65337086() {
        byte[] uid = HexFormat.of().parseHex("04DE5F1EACC040");
        assertThat(HexFormat.of().withUpperCase().formatHex(SunMessage.sdmMac(ZERO_KEY, new SunMessage.Verified(uid, 61))))
                .isEqualTo(CMAC);
    }

    @Test
    void verify_alteredMacCounterOrKey_isRefused() {
        assertThat(SunMessage.verify("picc_data=" + PICC + "&cmac=94EED9EE65337087", ZERO_KEY, ZERO_KEY)).isEmpty();
        assertThat(SunMessage.verify("uid=04DE5F1EACC040&ctr=00003E&cmac=" + CMAC, null, ZERO_KEY)).isEmpty();
        byte[] other = new byte[16];
        other[0] = 1;
        assertThat(SunMessage.verify("picc_data=" + PICC + "&cmac=" + CMAC, ZERO_KEY, other)).isEmpty();
        assertThat(SunMessage.verify("picc_data=nothex&cmac=" + CMAC, ZERO_KEY, ZERO_KEY)).isEmpty();
    }

    @Test
    void aesCmac_rfc4493Vectors() {
        byte[] key = HexFormat.of().parseHex("2b7e151628aed2a6abf7158809cf4f3c");
        assertThat(HexFormat.of().formatHex(AesCmac.mac(key, new byte[0]))).isEqualTo("bb1d6929e95937287fa37d129b756746");
        assertThat(HexFormat.of().formatHex(AesCmac.mac(key, HexFormat.of().parseHex("6bc1bee22e409f96e93d7e117393172a"))))
                .isEqualTo("070a16b46b4d4144f79bdd9dd04a287c");
    }
}
