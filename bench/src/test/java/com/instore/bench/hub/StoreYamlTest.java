package com.instore.bench.hub;

import com.instore.bench.mqtt.Accounts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StoreYamlTest {

    @Test
    void storeFile_declaresEveryKiosk_withTheSha256OfItsSecret() {
        Accounts accounts = Accounts.generate("bench-store", 4);

        @SuppressWarnings("unchecked")
        Map<String, Object> store = (Map<String, Object>) StoreYaml.content(accounts).get("store");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> kiosks = (List<Map<String, String>>) store.get("kiosks");

        assertThat(store.get("id")).isEqualTo("bench-store");
        assertThat(kiosks).extracting(k -> k.get("id")).containsExactly("k0001", "k0002", "k0003", "k0004");
        assertThat(kiosks).extracting(k -> k.get("zone")).containsExactly("entrance", "coffee", "checkout", "entrance");
        assertThat(kiosks.getFirst().get("password-sha256"))
                .isEqualTo(Accounts.sha256(accounts.sortedKiosks().getFirst().password()))
                .matches("[0-9a-f]{64}");
    }
}
