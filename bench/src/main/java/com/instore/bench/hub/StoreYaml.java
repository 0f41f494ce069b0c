package com.instore.bench.hub;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.instore.bench.mqtt.Accounts;
import com.instore.protocol.KioskAddress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A store file (config/store.yaml format) declaring the run's kiosks with {@code password-sha256}, so that the hub accepts
 * the secrets the harness generated instead of generating its own. Zones rotate through the demo store's three.
 */
final class StoreYaml {
    private static final List<String> ZONES = List.of("entrance", "coffee", "checkout");

    private StoreYaml() {
    }

    static Map<String, Object> content(Accounts accounts) {
        List<Map<String, String>> kiosks = new ArrayList<>();
        List<KioskAddress> addresses = accounts.kiosks().keySet().stream()
                .sorted(Comparator.comparing(KioskAddress::kioskId)).toList();
        for (int i = 0; i < addresses.size(); i++) {
            Map<String, String> kiosk = new LinkedHashMap<>();
            kiosk.put("id", addresses.get(i).kioskId());
            kiosk.put("zone", ZONES.get(i % ZONES.size()));
            kiosk.put("password-sha256", Accounts.sha256(accounts.kiosks().get(addresses.get(i)).password()));
            kiosks.add(kiosk);
        }
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("id", accounts.storeId());
        store.put("name", "Benchmark store");
        store.put("kiosks", kiosks);
        return Map.of("store", store);
    }

    static void write(Path file, Accounts accounts) {
        try {
            new YAMLMapper().writeValue(file.toFile(), content(accounts));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
