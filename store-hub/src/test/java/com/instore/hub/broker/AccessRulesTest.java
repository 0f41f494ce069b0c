package com.instore.hub.broker;

import com.instore.hub.secrets.SecretFile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AccessRulesTest {
    private final AccessRules rules = new AccessRules(new Accounts("demo-store",
            id -> Optional.ofNullable(Map.of("coffee", SecretFile.sha256Hex("coffee-secret")).get(id)),
            SecretFile.sha256Hex("hub-pass"), SecretFile.sha256Hex("monitor-pass")));

    private AccessRules.Decision connect(String user, String password, String clientId) {
        return rules.decide(Optional.ofNullable(user),
                Optional.ofNullable(password).map(p -> p.getBytes(StandardCharsets.UTF_8)), clientId);
    }

    @Test
    void kiosk_withItsSecretAndClientId_mayUseOnlyItsOwnSubtree() {
        var decision = connect("demo-store/coffee", "coffee-secret", "kiosk-demo-store-coffee");

        assertThat(decision).isInstanceOfSatisfying(AccessRules.Allowed.class, a -> {
            assertThat(a.grant().publish()).containsExactly("stores/demo-store/kiosks/coffee/#");
            assertThat(a.grant().subscribe()).containsExactly("stores/demo-store/kiosks/coffee/#");
        });
    }

    @Test
    void kiosk_withWrongSecretOrUnknownName_isRefusedAsBadCredentials() {
        for (var d : List.of(connect("demo-store/coffee", "nope", "kiosk-demo-store-coffee"),
                connect("demo-store/ghost", "coffee-secret", "kiosk-demo-store-ghost"),
                connect("other-store/coffee", "coffee-secret", "kiosk-other-store-coffee"),
                connect(null, null, "anything"),
                connect("demo-store/coffee", null, "kiosk-demo-store-coffee"))) {
            assertThat(d).isInstanceOfSatisfying(AccessRules.Refused.class, r -> assertThat(r.badCredentials()).isTrue());
        }
    }

    @Test
    void kiosk_usingAnotherClientId_isRefused() {
        assertThat(connect("demo-store/coffee", "coffee-secret", "kiosk-demo-store-entrance"))
                .isInstanceOfSatisfying(AccessRules.Refused.class, r -> assertThat(r.badCredentials()).isFalse());
    }

    @Test
    void hub_mayDoAnythingUnderStores() {
        assertThat(connect("hub", "hub-pass", "hub-demo-store")).isInstanceOfSatisfying(AccessRules.Allowed.class,
                a -> assertThat(a.grant().publish()).containsExactly("stores/#"));
        assertThat(connect("hub", "monitor-pass", "hub-demo-store")).isInstanceOf(AccessRules.Refused.class);
    }

    @Test
    void monitor_maySubscribeButNeverPublish_andCannotTakeAReservedClientId() {
        assertThat(connect("monitor", "monitor-pass", "my-laptop")).isInstanceOfSatisfying(AccessRules.Allowed.class, a -> {
            assertThat(a.grant().publish()).isEmpty();
            assertThat(a.grant().subscribe()).containsExactly("stores/#");
        });
        assertThat(connect("monitor", "monitor-pass", "kiosk-demo-store-coffee")).isInstanceOf(AccessRules.Refused.class);
        assertThat(connect("monitor", "monitor-pass", "hub-demo-store")).isInstanceOf(AccessRules.Refused.class);
    }
}
