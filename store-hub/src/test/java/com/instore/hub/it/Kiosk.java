package com.instore.hub.it;

import com.instore.protocol.Channel;
import com.instore.protocol.Consents;
import com.instore.protocol.Credential;
import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.PrintJob;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.ScreenUpdate;
import com.instore.protocol.ShopperAction;
import com.instore.protocol.TapEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** A kiosk as the hub sees it, over a real MQTT connection: taps and actions out, screens and print jobs in. */
final class Kiosk implements AutoCloseable {
    private final KioskAddress address;
    private final TestClient client;
    private final MessageCodec codec = new MessageCodec();
    private final List<TestClient.Received> inbox = new CopyOnWriteArrayList<>();

    private Kiosk(KioskAddress address, TestClient client) {
        this.address = address;
        this.client = client;
    }

    static Kiosk connect(RunningHub hub, String kioskId) throws Exception {
        Kiosk kiosk = new Kiosk(new KioskAddress(RunningHub.STORE, kioskId), hub.kiosk(kioskId));
        kiosk.client.subscribe(kiosk.address.topic(Channel.SCREEN));
        kiosk.client.subscribe(kiosk.address.topic(Channel.PRINT));
        return kiosk;
    }

    /** Publishes a tap (QoS 1, waits for the PUBACK) and returns its id. */
    String tap(Credential.Type type, String value) throws Exception {
        TapEvent tap = new TapEvent(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(),
                address.kioskId(), "it-reader", new Credential(type, value), 1);
        client.publish(address.topic(Channel.TAP), codec.encode(tap), false);
        return tap.id();
    }

    String card(String uid) throws Exception {
        return tap(Credential.Type.CARD_UID, uid);
    }

    void act(String tapId, ShopperAction.Type type, String offerId, Consents consents) throws Exception {
        ShopperAction action = new ShopperAction(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(),
                address.kioskId(), tapId, type, offerId, consents, List.of());
        client.publish(address.topic(Channel.ACTION), codec.encode(action), false);
    }

    /** The first screen update for {@code tapId} that matches. */
    ScreenUpdate screen(String tapId, Predicate<ScreenUpdate> matching) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> screens(tapId).stream().filter(matching).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    ScreenUpdate screen(String tapId) {
        return screen(tapId, s -> true);
    }

    List<ScreenUpdate> screens(String tapId) {
        drain();
        return inbox.stream().filter(r -> r.topic().endsWith("/screen")).map(r -> decode(r, ScreenUpdate.class))
                .filter(s -> s.tapId().equals(tapId)).toList();
    }

    PrintJob print(String tapId) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> {
            drain();
            return inbox.stream().filter(r -> r.topic().endsWith("/print")).map(r -> decode(r, PrintJob.class))
                    .filter(p -> p.tapId().equals(tapId)).findFirst();
        }, Optional::isPresent).orElseThrow();
    }

    private void drain() {
        TestClient.Received r;
        while ((r = client.received.poll()) != null) {
            inbox.add(r);
        }
    }

    private <T> T decode(TestClient.Received r, Class<T> type) {
        try {
            return codec.decode(r.message().getPayload(), type);
        } catch (InvalidMessageException e) {
            throw new AssertionError("the hub sent an invalid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
