package com.instore.bench.floor;

import com.instore.protocol.Credential;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.ScreenUpdate;
import com.instore.protocol.TapEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EchoServiceTest {

    @Test
    void welcome_isAValidAnonymousAnswer_forTheTapsKioskAndId() throws Exception {
        TapEvent tap = new TapEvent(SchemaVersion.CURRENT, "01964f3e-7c1a-7b2e-9d4f-2a6b8c0d1e2f", Instant.now(), "k0007",
                "r", new Credential(Credential.Type.CARD_UID, "04A1B2C3D4E5F6"), 1);
        MessageCodec codec = new MessageCodec();

        ScreenUpdate answer = codec.decode(codec.encode(EchoService.welcome(tap)), ScreenUpdate.class);

        assertThat(answer.tapId()).isEqualTo(tap.id());
        assertThat(answer.kioskId()).isEqualTo("k0007");
        assertThat(answer.kind()).isEqualTo(ScreenUpdate.Kind.WELCOME);
    }
}
