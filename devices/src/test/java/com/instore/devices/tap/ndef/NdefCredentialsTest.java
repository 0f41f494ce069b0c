package com.instore.devices.tap.ndef;

import com.instore.devices.tap.CardRead;
import com.instore.devices.tap.CardReadException;
import com.instore.devices.tap.Credential;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NdefCredentialsTest {
    @Test
    void memberRecord_givesItsToken() throws Exception {
        assertThat(NdefCredentials.fromMessage(NdefFixtures.MEMBER))
                .contains(new Credential(CardRead.Kind.NDEF, NdefFixtures.TOKEN));
    }

    @Test
    void textRecord_winsOverUri_whenNoMemberRecord() throws Exception {
        assertThat(NdefCredentials.fromMessage(NdefFixtures.URI_THEN_TEXT))
                .contains(new Credential(CardRead.Kind.NDEF, "Carte fidélité"));
    }

    @Test
    void uriRecordAlone_givesTheExpandedUri() throws Exception {
        byte[] uriOnly = NdefFixtures.URI_THEN_TEXT.clone();
        uriOnly[0] = (byte) 0xD1; // same URI record, now also the last one (ME=1)
        byte[] message = java.util.Arrays.copyOf(uriOnly, 4 + 19);
        assertThat(NdefCredentials.fromMessage(message))
                .contains(new Credential(CardRead.Kind.NDEF, "https://instore.example/42"));
    }

    @Test
    void truncatedRecord_isAClearError() {
        assertThatThrownBy(() -> NdefCredentials.fromMessage(NdefFixtures.TRUNCATED))
                .isInstanceOf(CardReadException.class)
                .hasMessageContaining("broken NDEF: record 1 declares 200 payload bytes");
    }

    @Test
    void emptyMessage_givesNothing() throws Exception {
        assertThat(NdefCredentials.fromMessage(new byte[0])).isEmpty();
    }
}
