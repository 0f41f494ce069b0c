package com.instore.hub.kiosks;

import com.instore.hub.db.Database;
import com.instore.hub.mqtt.InvalidInbound;
import com.instore.hub.secrets.SecretFile;
import com.instore.protocol.DeviceHealth;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.KioskStatus;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.SchemaVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FleetTest {
    static final Path STORE = Path.of("../config/store.yaml");
    private final MessageCodec codec = new MessageCodec();

    @TempDir
    Path dir;
    Database db;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("hub.db"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Fleet fleet() throws Exception {
        return Fleet.open(STORE, dir, db, codec, Clock.systemUTC());
    }

    @Test
    void open_firstStart_generatesOwnerOnlySecretFilesAndKeepsTheirSha256() throws Exception {
        Fleet fleet = fleet();

        Path file = dir.resolve("kiosk-secrets/coffee.secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(fleet.fingerprint("coffee")).contains(SecretFile.sha256Hex(SecretFile.read(file)));
        assertThat(fleet.isKnown(new KioskAddress("demo-store", "coffee"))).isTrue();
        assertThat(fleet.isKnown(new KioskAddress("demo-store", "ghost"))).isFalse();
        assertThat(fleet.isKnown(new KioskAddress("other-store", "coffee"))).isFalse();
    }

    @Test
    void open_laterStart_reusesTheSecrets() throws Exception {
        String first = fleet().fingerprint("entrance").orElseThrow();
        String secret = Files.readString(dir.resolve("kiosk-secrets/entrance.secret"));

        assertThat(fleet().fingerprint("entrance")).contains(first);
        assertThat(Files.readString(dir.resolve("kiosk-secrets/entrance.secret"))).isEqualTo(secret);
    }

    @Test
    void open_declaredPasswordSha256_isUsedAndNoFileIsWritten() throws Exception {
        String hash = SecretFile.sha256Hex("operator-chosen");
        Path store = dir.resolve("store.yaml");
        Files.writeString(store, """
                store:
                  id: s1
                  kiosks:
                    - { id: k1, zone: z, password-sha256: %s }
                """.formatted(hash.toUpperCase()));

        Fleet fleet = Fleet.open(store, dir, db, codec, Clock.systemUTC());

        assertThat(fleet.fingerprint("k1")).contains(hash);
        assertThat(dir.resolve("kiosk-secrets/k1.secret")).doesNotExist();
    }

    @Test
    void onStatus_onlineThenWill_recordsPresenceAndKeepsTheLastHealth() throws Exception {
        Fleet fleet = fleet();
        KioskAddress coffee = new KioskAddress("demo-store", "coffee");

        fleet.onStatus(coffee, status("coffee", KioskStatus.Presence.ONLINE, DeviceHealth.ok("reader ok")), false);
        assertThat(view(fleet, "coffee")).satisfies(v -> {
            assertThat(v.online()).isTrue();
            assertThat(v.lastSeen()).isNotNull();
            assertThat(v.version()).isEqualTo("1.2.3");
            assertThat(v.reader()).isEqualTo(DeviceHealth.ok("reader ok"));
        });

        fleet.onStatus(coffee, status("coffee", KioskStatus.Presence.OFFLINE, null), false);
        assertThat(view(fleet, "coffee")).satisfies(v -> {
            assertThat(v.online()).isFalse();
            assertThat(v.reader()).isEqualTo(DeviceHealth.ok("reader ok"));
        });
    }

    @Test
    void onStatus_ofAnotherKioskOrGarbage_isInvalid() throws Exception {
        Fleet fleet = fleet();
        KioskAddress coffee = new KioskAddress("demo-store", "coffee");

        assertThatThrownBy(() -> fleet.onStatus(coffee, status("entrance", KioskStatus.Presence.ONLINE, null), false))
                .isInstanceOfSatisfying(InvalidInbound.class, e -> assertThat(e.reason()).isEqualTo("kiosk_mismatch"));
        assertThatThrownBy(() -> fleet.onStatus(coffee, "{oops".getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOfSatisfying(InvalidInbound.class, e -> assertThat(e.reason()).isEqualTo("not_json"));
        assertThat(view(fleet, "coffee").online()).isFalse();
    }

    private byte[] status(String kiosk, KioskStatus.Presence presence, DeviceHealth reader) {
        return codec.encode(new KioskStatus(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(), kiosk,
                presence, "1.2.3", reader, null, null));
    }

    private static KioskView view(Fleet fleet, String kioskId) throws Exception {
        return fleet.kiosks().stream().filter(v -> v.kioskId().equals(kioskId)).findFirst().orElseThrow();
    }
}
