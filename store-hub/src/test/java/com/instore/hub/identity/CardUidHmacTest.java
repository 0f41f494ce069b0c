package com.instore.hub.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CardUidHmacTest {
    private final CardUidHmac hmac = new CardUidHmac("test-store-secret");

    @Test
    void hash_isHmacSha256OfTheUpperCaseUid_inHex() {
        // Reference value computed independently: HMAC-SHA256(key "test-store-secret", message "04A22B1A5C8001").
        assertThat(hmac.hash("04A22B1A5C8001"))
                .contains("1c52a4fc3fa234de7b01480d60589505e2d2a6b1c79ca0df9f0c6ecae1c7cc90");
    }

    @Test
    void hash_ignoresCaseAndSeparators() {
        assertThat(hmac.hash("04:a2:2b:1a:5c:80:01")).isEqualTo(hmac.hash("04A22B1A5C8001"));
        assertThat(hmac.hash(" 04-A2-2B-1A-5C-80-01 ")).isEqualTo(hmac.hash("04a22b1a5c8001"));
    }

    @Test
    void hash_dependsOnTheStoreSecret() {
        assertThat(new CardUidHmac("another-store").hash("04A22B1A5C8001")).isNotEqualTo(hmac.hash("04A22B1A5C8001"));
    }

    @Test
    void hash_ofSomethingThatIsNotAUid_isEmpty() {
        assertThat(hmac.hash("hello")).isEmpty();
        assertThat(hmac.hash("04A")).isEmpty();
        assertThat(hmac.hash("")).isEmpty();
        assertThat(hmac.hash(null)).isEmpty();
    }
}
