package com.instore.devices.tap.pcsc;

import com.instore.devices.DeviceStatus;
import com.instore.devices.tap.CardRead;
import com.instore.devices.tap.ReaderSpec;
import com.instore.devices.tap.RecordingListener;
import com.instore.devices.tap.TapReader;
import com.instore.devices.tap.TapReaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The PC/SC drivers against the real stack: javax.smartcardio -> pcsc-lite -> pcscd -> vpcd -> vicc running our Python
 * cards (src/test/pcsc/vcard.py), one card at a time on "Virtual PCD 00 00".
 */
class PcscTapReaderIT {
    private static final String TOKEN = "v1.member-42.1700000000.c2lnbmF0dXJl";
    private static final Duration CARD_TIMEOUT = Duration.ofSeconds(15);

    private final RecordingListener events = new RecordingListener();
    private TapReader reader;

    @BeforeAll
    static void pcscd() throws Exception {
        PcscEnvironment.requireReady();
    }

    @AfterEach
    void closeReader() {
        if (reader != null) {
            reader.close();
        }
    }

    private void startReader(String type) {
        reader = TapReaders.create(ReaderSpec.parse(type + "?reader=" + PcscEnvironment.VIRTUAL_READER + "&poll-ms=20"));
        reader.start(events);
        await().atMost(CARD_TIMEOUT).until(() -> reader.status().state() == DeviceStatus.State.ONLINE);
    }

    @Test
    void reader_withoutCard_isOnlineUnderItsName() {
        startReader("pcsc");
        assertThat(reader.status()).isEqualTo(DeviceStatus.online(PcscEnvironment.VIRTUAL_READER));
        assertThat(events.taps).isEmpty();
    }

    @Test
    void phone_answeringOurAid_isAPhoneTapWithItsToken() throws Exception {
        startReader("pcsc");
        try (VirtualCard phone = VirtualCard.insert("phone", "--token", TOKEN)) {
            await().atMost(CARD_TIMEOUT).alias("a tap").untilAsserted(() -> assertThat(events.taps).as(events::toString).isNotEmpty());
            CardRead read = events.taps.getFirst();
            assertThat(read.kind()).isEqualTo(CardRead.Kind.PHONE);
            assertThat(read.value()).isEqualTo(TOKEN);
            assertThat(read.reader()).isEqualTo(PcscEnvironment.VIRTUAL_READER);
            assertThat(phone.apdus()).containsExactly("00A4040008F0494E53544F524500");
        }
    }

    @Test
    void plainCard_isAUidTap_readOnceWhileHeld() throws Exception {
        startReader("pcsc");
        try (VirtualCard card = VirtualCard.insert("plain")) {
            await().atMost(CARD_TIMEOUT).alias("a tap").untilAsserted(() -> assertThat(events.taps).as(events::toString).isNotEmpty());
            await().during(Duration.ofMillis(300)).until(() -> events.taps.size() == 1);
            assertThat(events.taps.getFirst().kind()).isEqualTo(CardRead.Kind.CARD_UID);
            assertThat(events.taps.getFirst().value()).isEqualTo("A1B2C3D4");
            assertThat(card.apdus()).containsExactly("FFCA000000");
        }
    }

    @Test
    void type2Tag_withMemberRecord_isAnNdefTap() throws Exception {
        startReader("pcsc");
        try (VirtualCard tag = VirtualCard.insert("tag", "--token", "m-42")) {
            await().atMost(CARD_TIMEOUT).alias("a tap").untilAsserted(() -> assertThat(events.taps).as(events::toString).isNotEmpty());
            assertThat(events.taps.getFirst().kind()).isEqualTo(CardRead.Kind.NDEF);
            assertThat(events.taps.getFirst().value()).isEqualTo("m-42");
            assertThat(tag.apdus()).allMatch(apdu -> apdu.startsWith("FFB000"));
        }
    }

    @Test
    void garbageCard_isAReadFailureWithTheReason_andTheReaderStaysOnline() throws Exception {
        startReader("pcsc");
        try (VirtualCard ignored = VirtualCard.insert("garbage")) {
            await().atMost(CARD_TIMEOUT).until(() -> !events.failures.isEmpty());
            assertThat(events.failures.getFirst().reason()).isEqualTo(
                    "SELECT AID: answer truncated (no status word); GET UID (FF CA): unexpected status word 6F00");
            assertThat(events.taps).isEmpty();
            assertThat(reader.status().state()).isEqualTo(DeviceStatus.State.ONLINE);
        }
        try (VirtualCard ignored = VirtualCard.insert("plain")) {
            await().atMost(CARD_TIMEOUT).until(() -> events.values().contains("A1B2C3D4"));
        }
    }

    @Test
    void phoneThenCard_inTheSameLoop_areTwoTaps() throws Exception {
        startReader("pcsc");
        try (VirtualCard ignored = VirtualCard.insert("phone", "--token", TOKEN)) {
            await().atMost(CARD_TIMEOUT).until(() -> events.taps.size() == 1);
        }
        try (VirtualCard ignored = VirtualCard.insert("plain")) {
            await().atMost(CARD_TIMEOUT).until(() -> events.taps.size() == 2);
        }
        assertThat(events.taps).extracting(CardRead::kind).containsExactly(CardRead.Kind.PHONE, CardRead.Kind.CARD_UID);
    }

    @Test
    void acr122_readsTheTagThroughNfctools_andBlinksGreenWithABeep() throws Exception {
        startReader("acr122");
        try (VirtualCard tag = VirtualCard.insert("tag", "--token", "m-42")) {
            await().atMost(CARD_TIMEOUT).untilAsserted(() -> assertThat(events.taps)
                    .as(() -> events + " card saw " + tag.output).isNotEmpty());
            assertThat(events.taps.getFirst().value()).isEqualTo("m-42");
            await().until(() -> tag.apdus().contains("FF0040A80401010201")); // LED green blinks + buzzer
        }
    }
}
