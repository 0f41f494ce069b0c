package com.instore.devices.tap.pcsc;

/**
 * What a reader shows the shopper itself once a card has been read (LED, buzzer), over the card's own connection.
 * Best effort: a failure here never spoils the read.
 */
interface ReaderFeedback {
    ReaderFeedback NONE = new ReaderFeedback() {
        @Override
        public void read(ApduChannel card) {
        }

        @Override
        public void failed(ApduChannel card) {
        }
    };

    void read(ApduChannel card);

    void failed(ApduChannel card);
}
