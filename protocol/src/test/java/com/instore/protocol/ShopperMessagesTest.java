package com.instore.protocol;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopperMessagesTest {
    private static final String TAP_ID = "0192f1a4-7b3c-7d2e-9a10-1b2c3d4e5f60";
    private static final Instant AT = Instant.parse("2026-11-25T10:15:30.123Z");

    private final MessageCodec codec = new MessageCodec();

    @Test
    void screenUpdate_withChoicesCouponAndProgress_roundTrips() throws Exception {
        ScreenUpdate update = new ScreenUpdate(1, UUID.randomUUID().toString(), AT, "coffee", TAP_ID,
                ScreenUpdate.Kind.MEMBER, "Hello Camille",
                new MemberProgress("GOLD", 1890, "3110 points to Platinum", 50, List.of("First visit"),
                        List.of("First visit"), "9 more visits for 10 visits", "Regular of the month"),
                List.of(new Offer("latte", "Two lattes", "Today", "coffee", true)), "http://hub/join/x",
                new MemberChoices(new Consents(true, true, false), List.of("coffee"), List.of("coffee", "bakery")),
                new CouponView("ABCD-EFGH-JKLM-N", "latte", "Two lattes", "ABCDEFGHJKLMN", "http://hub/q.svg", AT));
        assertThat(codec.decode(codec.encode(update), ScreenUpdate.class)).isEqualTo(update);
    }

    @Test
    void screenUpdate_fromAnOlderHub_withoutNewFields_decodes() throws Exception {
        String json = """
                {"v":1,"id":"%s","at":"2026-11-25T10:15:30Z","kioskId":"entrance","tapId":"%s","kind":"MEMBER",
                 "greeting":"Hello","member":{"tier":"GOLD","points":10,"next":"x"}}""".formatted(UUID.randomUUID(), TAP_ID);
        ScreenUpdate update = codec.decode(json.getBytes(StandardCharsets.UTF_8), ScreenUpdate.class);
        assertThat(update.member().badges()).isEmpty();
        assertThat(update.choices()).isNull();
        assertThat(update.offers()).isEmpty();
    }

    @Test
    void shopperAction_roundTrips() throws Exception {
        ShopperAction action = new ShopperAction(1, UUID.randomUUID().toString(), AT, "coffee", TAP_ID,
                ShopperAction.Type.SET_CONSENTS, null, new Consents(false, true, false), null);
        assertThat(codec.decode(codec.encode(action), ShopperAction.class)).isEqualTo(action);
    }

    @Test
    void shopperAction_printWithoutOffer_isInvalid() {
        String json = """
                {"v":1,"id":"%s","at":"2026-11-25T10:15:30Z","kioskId":"coffee","tapId":"%s","type":"PRINT_COUPON"}"""
                .formatted(UUID.randomUUID(), TAP_ID);
        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8), ShopperAction.class))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("offerId");
    }

    @Test
    void printJob_roundTrips() throws Exception {
        PrintJob job = new PrintJob(1, UUID.randomUUID().toString(), AT, "checkout", TAP_ID, "ABCD-EFGH-JKLM-N",
                "ABCDEFGHJKLMN", List.of("Demo Store", "Two lattes"));
        assertThat(codec.decode(codec.encode(job), PrintJob.class)).isEqualTo(job);
    }

    @Test
    void consents_nameIsPrintableOnlyWithRecognition() {
        assertThat(new Consents(false, true, true).namePrintable()).isFalse();
        assertThat(new Consents(true, false, true).namePrintable()).isTrue();
    }
}
