package com.instore.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageCodecTest {
    private static final String TAP_ID = "0192f1a4-7b3c-7d2e-9a10-1b2c3d4e5f60";
    private static final Instant AT = Instant.parse("2026-11-25T10:15:30.123Z");

    private final MessageCodec codec = new MessageCodec();

    private static TapEvent tap() {
        return new TapEvent(1, TAP_ID, AT, "coffee", "simulated",
                new Credential(Credential.Type.CARD_UID, "04A22B1A5C8001"), 7);
    }

    @Test
    void tapEvent_roundTrips() throws Exception {
        TapEvent tap = tap();
        assertThat(codec.decode(codec.encode(tap), TapEvent.class)).isEqualTo(tap);
    }

    @Test
    void tapEvent_encodesInstantAsIsoText() {
        String json = new String(codec.encode(tap()), StandardCharsets.UTF_8);
        assertThat(json).contains("\"at\":\"2026-11-25T10:15:30.123Z\"").contains("\"type\":\"CARD_UID\"");
    }

    @Test
    void screenUpdate_member_roundTrips() throws Exception {
        ScreenUpdate update = new ScreenUpdate(1, UUID.randomUUID().toString(), AT, "coffee", TAP_ID,
                ScreenUpdate.Kind.MEMBER, "Hello Camille", new MemberProgress("GOLD", 1200, "800 points to Platinum"),
                List.of(new Offer("latte-2for1", "Two lattes for one", "Today only")), null);
        assertThat(codec.decode(codec.encode(update), ScreenUpdate.class)).isEqualTo(update);
    }

    @Test
    void screenUpdate_welcome_withoutOffers_defaultsToEmptyList() throws Exception {
        String json = """
                {"v":1,"id":"%s","at":"2026-11-25T10:15:30Z","kioskId":"entrance","tapId":"%s",
                 "kind":"WELCOME","greeting":"Welcome!"}""".formatted(UUID.randomUUID(), TAP_ID);
        ScreenUpdate update = codec.decode(json.getBytes(StandardCharsets.UTF_8), ScreenUpdate.class);
        assertThat(update.offers()).isEmpty();
        assertThat(update.member()).isNull();
    }

    @Test
    void kioskStatus_roundTrips() throws Exception {
        KioskStatus status = new KioskStatus(1, UUID.randomUUID().toString(), AT, "checkout",
                KioskStatus.Presence.ONLINE, "0.1.0", DeviceHealth.ok("simulated"),
                new DeviceHealth(DeviceHealth.State.DEGRADED, "paper near end"), DeviceHealth.ok("1 viewer"));
        assertThat(codec.decode(codec.encode(status), KioskStatus.class)).isEqualTo(status);
    }

    @Test
    void decode_ignoresUnknownFields() throws Exception {
        String json = new String(codec.encode(tap()), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"addedInV2\":{\"x\":[1,2]},");
        assertThat(codec.decode(json.getBytes(StandardCharsets.UTF_8), TapEvent.class)).isEqualTo(tap());
    }

    static Stream<Arguments> malformedTaps() {
        String good = """
                {"v":1,"id":"%s","at":"2026-11-25T10:15:30Z","kioskId":"coffee","reader":"r",
                 "credential":{"type":"CARD_UID","value":"04A2"},"seq":1}""".formatted(TAP_ID);
        return Stream.of(
                Arguments.of("empty", "", InvalidMessageException.Reason.EMPTY, "empty payload"),
                Arguments.of("not JSON", "tap!", InvalidMessageException.Reason.NOT_JSON, "not JSON"),
                Arguments.of("truncated", good.substring(0, 40), InvalidMessageException.Reason.NOT_JSON, "not JSON"),
                Arguments.of("trailing garbage", good + "}", InvalidMessageException.Reason.NOT_JSON, "not JSON"),
                Arguments.of("JSON null", "null", InvalidMessageException.Reason.INVALID, "null TapEvent"),
                Arguments.of("array", "[1,2]", InvalidMessageException.Reason.INVALID, "TapEvent"),
                Arguments.of("no version", good.replace("\"v\":1,", ""), InvalidMessageException.Reason.INVALID,
                        "missing schema version"),
                Arguments.of("future version", good.replace("\"v\":1", "\"v\":9"),
                        InvalidMessageException.Reason.INVALID, "unsupported schema version v=9"),
                Arguments.of("id not a UUID", good.replace(TAP_ID, "abc"), InvalidMessageException.Reason.INVALID,
                        "'id' is not a UUID"),
                Arguments.of("no credential", good.replaceAll(",\\s*\"credential\":\\{[^}]*}", ""),
                        InvalidMessageException.Reason.INVALID, "missing 'credential'"),
                Arguments.of("unknown credential type", good.replace("CARD_UID", "BARCODE"),
                        InvalidMessageException.Reason.INVALID, "BARCODE"),
                Arguments.of("blank credential", good.replace("\"04A2\"", "\" \""),
                        InvalidMessageException.Reason.INVALID, "'credential.value' is blank"),
                Arguments.of("bad kiosk id", good.replace("\"coffee\"", "\"../#\""),
                        InvalidMessageException.Reason.INVALID, "kioskId must be"),
                Arguments.of("bad date", good.replace("2026-11-25T10:15:30Z", "yesterday"),
                        InvalidMessageException.Reason.INVALID, "TapEvent"),
                Arguments.of("wrong type", good.replace("\"seq\":1", "\"seq\":\"one\""),
                        InvalidMessageException.Reason.INVALID, "TapEvent"),
                Arguments.of("negative seq", good.replace("\"seq\":1", "\"seq\":-1"),
                        InvalidMessageException.Reason.INVALID, "'seq' is negative"),
                Arguments.of("oversize", "{\"pad\":\"" + "x".repeat(MessageCodec.MAX_PAYLOAD_BYTES) + "\"}",
                        InvalidMessageException.Reason.TOO_LARGE, "payload too large"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedTaps")
    void decode_malformedTap_isRejectedWithReason(String name, String payload, InvalidMessageException.Reason reason,
                                                  String message) {
        assertThatThrownBy(() -> codec.decode(payload.getBytes(StandardCharsets.UTF_8), TapEvent.class))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(message);
    }

    @Test
    void decode_memberUpdateWithoutProgress_isRejected() {
        String json = """
                {"v":1,"id":"%s","at":"2026-11-25T10:15:30Z","kioskId":"entrance","tapId":"%s",
                 "kind":"MEMBER","greeting":"Hi"}""".formatted(UUID.randomUUID(), TAP_ID);
        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8), ScreenUpdate.class))
                .hasMessageContaining("needs 'member'");
    }
}
