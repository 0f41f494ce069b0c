package com.instore.devices.tap.pcsc;

import org.nfctools.api.TagType;
import org.nfctools.spi.acs.AcsTagUtils;
import org.nfctools.spi.acs.AcsTerminal;

import java.util.function.Predicate;

/**
 * The ACR122U's particulars, through nfctools where it has them: which terminals are ACR122s ({@code AcsTerminal}), what
 * a tag is ({@code AcsTagUtils}), and the reader's bi-colour LED and buzzer (pseudo-APDU {@code FF 00 40}, ACR122 API
 * section 6.2).
 */
final class Acr122 {
    private Acr122() {
    }

    static Predicate<String> terminalFilter() {
        AcsTerminal acs = new AcsTerminal();
        return acs::canHandle;
    }

    static CardType cardType(byte[] historicalBytes) {
        TagType type;
        try {
            type = AcsTagUtils.identifyTagType(historicalBytes);
        } catch (RuntimeException e) {
            type = TagType.UKNOWN; // nfctools indexes into the bytes unchecked: a short ATR is an ISO 14443-4 card
        }
        return switch (type) {
            case MIFARE_ULTRALIGHT -> CardType.TYPE2;
            case MIFARE_CLASSIC_1K, MIFARE_CLASSIC_4K, MIFARE_MINI, TOPAZ_JEWEL, FELICA_212K, FELICA_424K ->
                    CardType.OTHER_STORAGE;
            default -> CardType.ISO_DEP;
        };
    }

    /** Green blinks and a short beep for a read; red blinks and a longer beep when nothing could be read. */
    static final class Feedback implements ReaderFeedback {
        private static final System.Logger LOG = System.getLogger(Acr122.class.getName());

        /** FF 00 40 | P2 | Lc=04 | T1 T2 (units of 100 ms) | repetitions | buzzer link (01: buzz during T1). */
        private static final byte[] GREEN_BEEP = {
                (byte) 0xFF, 0x00, 0x40,
                (byte) 0xA8,    // P2: green blinking mask (b7) + initial green on (b5) + green update mask (b3); red kept
                0x04,           // Lc
                0x01, 0x01,     // T1 = 100 ms on, T2 = 100 ms off
                0x02,           // two repetitions
                0x01};          // buzzer on during T1
        private static final byte[] RED_BEEP = {
                (byte) 0xFF, 0x00, 0x40,
                0x54,           // P2: red blinking mask (b6) + initial red on (b4) + red update mask (b2); green kept
                0x04,           // Lc
                0x03, 0x01,     // T1 = 300 ms on, T2 = 100 ms off
                0x02,           // two repetitions
                0x01};          // buzzer on during T1

        @Override
        public void read(ApduChannel card) {
            send(card, GREEN_BEEP);
        }

        @Override
        public void failed(ApduChannel card) {
            send(card, RED_BEEP);
        }

        private static void send(ApduChannel card, byte[] command) {
            try {
                byte[] answer = card.transmit(command);
                if (answer.length != 2 || (answer[0] & 0xFF) != 0x90) { // ACR122 answers 90 <LED state>
                    LOG.log(System.Logger.Level.DEBUG, "ACR122 LED/buzzer command refused");
                }
            } catch (com.instore.devices.tap.CardReadException e) {
                LOG.log(System.Logger.Level.DEBUG, "ACR122 LED/buzzer: card gone: " + e.getMessage());
            }
        }
    }
}
