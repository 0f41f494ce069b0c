package com.instore.devices.tap.pcsc;

import com.instore.devices.Bytes;
import com.instore.devices.tap.CardRead;
import com.instore.devices.tap.CardReadException;
import com.instore.devices.tap.Credential;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static com.instore.devices.Bytes.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CardInterrogatorTest {
    private static final String SELECT_OUR_AID =
            "00 A4 04 00"                 // CLA, INS SELECT, P1 by DF name, P2 first occurrence
            + " 08 F0494E53544F5245";      // Lc 8, AID "\xF0INSTORE"
    private static final String GET_UID = "FF CA 00 00 00"; // PC/SC GET DATA: UID, Le 00 (all)

    private final CardInterrogator interrogator =
            new CardInterrogator(HexFormat.of().parseHex(PcscTapReader.DEFAULT_AID));

    @Test
    void phone_answeringOurAid_givesItsTokenAsPhoneCredential() throws Exception {
        ScriptedCard phone = new ScriptedCard()
                .on(SELECT_OUR_AID, Bytes.of(ascii("v1.42.sig"), "90 00")); // token, SW 9000
        assertThat(interrogator.read(phone, CardType.ISO_DEP))
                .isEqualTo(new Credential(CardRead.Kind.PHONE, "v1.42.sig"));
        assertThat(phone.received).containsExactly("00A4040008F0494E53544F524500"); // Le 00 at the end
    }

    @Test
    void binaryToken_isPassedAsBase64() throws Exception {
        ScriptedCard phone = new ScriptedCard().on(SELECT_OUR_AID, Bytes.of("00 FF 10", "90 00"));
        assertThat(interrogator.read(phone, CardType.ISO_DEP).value()).isEqualTo("AP8Q");
    }

    @Test
    void isoCardWithoutOurApp_isReadByUid() throws Exception {
        ScriptedCard card = new ScriptedCard()
                .on(SELECT_OUR_AID, Bytes.of("6A 82"))              // application not found
                .on(GET_UID, Bytes.of("04 A2 2B 1A 5C 80 01", "90 00")); // 7-byte UID
        assertThat(interrogator.read(card, CardType.ISO_DEP))
                .isEqualTo(new Credential(CardRead.Kind.CARD_UID, "04A22B1A5C8001"));
    }

    @Test
    void unexpectedStatusWordEverywhere_isAClearError() {
        ScriptedCard card = new ScriptedCard()
                .on(SELECT_OUR_AID, Bytes.of("6F 00"))  // no precise diagnosis
                .on(GET_UID, Bytes.of("6F 00"));
        assertThatThrownBy(() -> interrogator.read(card, CardType.ISO_DEP))
                .isInstanceOf(CardReadException.class)
                .hasMessage("SELECT AID: unexpected status word 6F00; GET UID (FF CA): unexpected status word 6F00");
    }

    @Test
    void truncatedAnswers_areAClearError() {
        ScriptedCard card = new ScriptedCard()
                .on(SELECT_OUR_AID, Bytes.of("9F"))     // one byte: not even a status word
                .on(GET_UID, Bytes.of("04 A2 2B", "90 00")); // 3 bytes is no UID length
        assertThatThrownBy(() -> interrogator.read(card, CardType.ISO_DEP))
                .hasMessage("SELECT AID: answer truncated (1 byte, no status word); GET UID (FF CA): 3 bytes is not a"
                        + " UID length (4, 7 or 10)");
    }

    @Test
    void type2Tag_withMemberRecord_givesNdefCredential() throws Exception {
        ScriptedCard tag = new ScriptedCard()
                .on("FF B0 00 03 10", Bytes.of(         // READ BINARY pages 3 to 6
                        "E1 10 06 00",                  // page 3, CC: NDEF magic, version 1.0, 6*8 = 48 bytes, r/w
                        "03 19",                        // page 4: NDEF TLV, length 25
                        "D4 12 04",                     // record header (MB ME SR, external type), type length 18,
                                                        // payload length 4
                        ascii("instore"),               // type, first 7 bytes
                        "90 00"))
                .on("FF B0 00 07 10", Bytes.of(         // READ BINARY pages 7 to 10
                        ascii(".com:member"),           // type, last 11 bytes
                        ascii("m-42"),                  // payload: the member token
                        "FE",                           // terminator TLV
                        "90 00"));
        assertThat(interrogator.read(tag, CardType.TYPE2)).isEqualTo(new Credential(CardRead.Kind.NDEF, "m-42"));
        assertThat(tag.received).containsExactly("FFB0000310", "FFB0000710");
    }

    @Test
    void type2Tag_withBrokenNdef_fallsBackToUid() throws Exception {
        ScriptedCard tag = new ScriptedCard()
                .on("FF B0 00 03 10", Bytes.of(
                        "E1 10 06 00",                  // CC: 48 data bytes
                        "03 40",                        // NDEF TLV of 64 bytes: more than the tag holds
                        "0000 00000000 00000000", "90 00"))
                .on(GET_UID, Bytes.of("04 11 22 33 44 55 66", "90 00"));
        assertThat(interrogator.read(tag, CardType.TYPE2))
                .isEqualTo(new Credential(CardRead.Kind.CARD_UID, "04112233445566"));
    }

    @Test
    void type2Tag_notNdefFormatted_isReadByUid() throws Exception {
        ScriptedCard tag = new ScriptedCard()
                .on("FF B0 00 03 10", Bytes.of("00 00 00 00", "00000000 00000000 00000000", "90 00")) // blank CC
                .on(GET_UID, Bytes.of("04 11 22 33 44 55 66", "90 00"));
        assertThat(interrogator.read(tag, CardType.TYPE2).kind()).isEqualTo(CardRead.Kind.CARD_UID);
    }

    @Test
    void otherStorageCard_isAskedOnlyForItsUid() throws Exception {
        ScriptedCard classic = new ScriptedCard().on(GET_UID, Bytes.of("A1 B2 C3 D4", "90 00"));
        assertThat(interrogator.read(classic, CardType.OTHER_STORAGE).value()).isEqualTo("A1B2C3D4");
        assertThat(classic.received).containsExactly("FFCA000000");
    }
}
