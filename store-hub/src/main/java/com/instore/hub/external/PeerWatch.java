package com.instore.hub.external;

import com.instore.hub.mqtt.HubClient;
import com.instore.protocol.Topics;
import org.eclipse.paho.mqttv5.common.MqttException;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Takes over the persistent session of a hub instance of the same store that died, so that no tap waits for it.
 * <p>
 * Why: Mosquitto keeps handing a shared subscription's messages round-robin to a member whose session persists even
 * while it is disconnected, and keeps the QoS 1 taps in flight to it. So each instance announces itself retained on
 * {@link Topics#hubPresence} with a Will saying {@code offline}; when a peer's Will fires (SIGKILL, lost host), an instance
 * connects with the dead peer's client id resuming its session with expiry 0, handles what was queued there (the tap
 * pipeline is idempotent by tap id, so a tap the peer had half-done is answered once), unsubscribes, drains and
 * disconnects: the session ends and the broker sends the store's taps to the live members only. If the peer comes back
 * meanwhile, its CONNECT takes the session over and the adopter, which never reconnects, just stops. Thread-safe.
 */
final class PeerWatch implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PeerWatch.class.getName());
    static final byte[] ONLINE = "online".getBytes(StandardCharsets.UTF_8);
    static final byte[] OFFLINE = "offline".getBytes(StandardCharsets.UTF_8);
    private static final long QUIET_MS = 1_500;

    /** Opens and connects a hub client resuming {@code clientId}'s session with expiry 0 and no automatic reconnect. */
    @FunctionalInterface
    interface Adopter {
        HubClient resume(String clientId) throws MqttException;
    }

    private final String ownClientId;
    private final Adopter adopter;
    private final Set<String> adopting = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("hub-peer-adopt").daemon().factory());

    private PeerWatch(String ownClientId, Adopter adopter) {
        this.ownClientId = ownClientId;
        this.adopter = adopter;
    }

    /** Announces this instance online and starts watching its peers. Blocking until subscribed. */
    static PeerWatch start(SideClient side, String storeId, String ownClientId, Adopter adopter) throws MqttException {
        PeerWatch watch = new PeerWatch(ownClientId, adopter);
        side.publish(Topics.hubPresence(storeId, ownClientId), ONLINE, true);
        side.subscribe(Topics.hubPresences(storeId), (topic, payload) -> watch.onPresence(topic, payload));
        return watch;
    }

    private void onPresence(String topic, byte[] payload) {
        String peer = Topics.hubOfPresence(topic);
        if (peer.equals(ownClientId) || !java.util.Arrays.equals(payload, OFFLINE) || !adopting.add(peer)) {
            return;
        }
        worker.execute(() -> adopt(peer));
    }

    private void adopt(String peer) {
        try (HubClient resumed = adopter.resume(peer)) {
            LOG.log(System.Logger.Level.INFO, "hub instance {0} went away: handling what its session held", peer);
            Thread.sleep(QUIET_MS); // what the session held arrives right after CONNECT; then leave() drains it
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot take over the session of {0}: {1}", peer, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            adopting.remove(peer);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
