package com.instore.agent.screen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instore.protocol.MemberProgress;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.Offer;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.ScreenUpdate;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScreenStateTest {
    private static final String TAP_ID = "01a213a0-0795-75f0-9873-a85342d2ac24";
    private final MessageCodec codec = new MessageCodec();

    @Test
    void json_ofAMemberAnswer_hasWhatThePageNeeds() throws IOException {
        ScreenUpdate update = new ScreenUpdate(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(),
                "entrance", TAP_ID, ScreenUpdate.Kind.MEMBER, "Hello Camille",
                new MemberProgress("GOLD", 1250, "250 points to Platinum"),
                List.of(new Offer("o-1", "2-for-1 espresso", "Today only")), null);

        JsonNode json = json(ScreenState.answer(update));

        assertThat(json.get("state").asText()).isEqualTo("member");
        assertThat(json.get("tapId").asText()).isEqualTo(TAP_ID);
        assertThat(json.get("greeting").asText()).isEqualTo("Hello Camille");
        assertThat(json.get("tier").asText()).isEqualTo("GOLD");
        assertThat(json.get("points").asLong()).isEqualTo(1250);
        assertThat(json.get("next").asText()).isEqualTo("250 points to Platinum");
        assertThat(json.get("offers").get(0).get("id").asText()).isEqualTo("o-1");
        assertThat(json.get("offers").get(0).get("title").asText()).isEqualTo("2-for-1 espresso");
    }

    @Test
    void json_ofAWelcome_carriesTheJoinUrl() throws IOException {
        ScreenUpdate update = new ScreenUpdate(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(),
                "entrance", TAP_ID, ScreenUpdate.Kind.WELCOME, "Welcome!", null, List.of(), "http://hub/join");

        JsonNode json = json(ScreenState.answer(update));

        assertThat(json.get("state").asText()).isEqualTo("welcome");
        assertThat(json.get("joinUrl").asText()).isEqualTo("http://hub/join");
        assertThat(json.get("offers").isArray()).isTrue();
    }

    @Test
    void json_ofLocalStates() throws IOException {
        assertThat(json(ScreenState.attract()).get("state").asText()).isEqualTo("attract");
        assertThat(json(ScreenState.attract()).get("tapId").isNull()).isTrue();
        assertThat(json(ScreenState.tap(TAP_ID)).get("greeting").asText()).isEqualTo("Hello!");
        assertThat(json(ScreenState.offline(TAP_ID)).get("message").asText()).isEqualTo("Your visit is recorded.");
    }

    @Test
    void unknownState_isRejected() {
        assertThatThrownBy(() -> new ScreenState("party", null, "x", null, null, null, null, null, null))
                .hasMessageContaining("party");
    }

    private JsonNode json(ScreenState state) throws IOException {
        return new ObjectMapper().readTree(codec.encode(state));
    }
}
