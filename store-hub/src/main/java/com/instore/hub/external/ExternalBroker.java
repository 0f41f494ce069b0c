package com.instore.hub.external;

import com.instore.hub.kiosks.KioskAccounts;
import com.instore.hub.mqtt.HubClient;
import com.instore.hub.mqtt.InvalidMessages;
import com.instore.hub.mqtt.NoDelaySocketFactory;
import com.instore.hub.secrets.SecretFile;
import com.instore.hub.tls.NoDelaySslSocketFactory;
import com.instore.protocol.Channel;
import com.instore.protocol.Topics;
import org.eclipse.paho.mqttv5.common.MqttException;

import javax.net.SocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Chain mode: the hub on an external MQTT broker (Mosquitto tested) instead of its embedded one. Connects the hub's control
 * connection, keeps the store's accounts in Mosquitto's dynamic-security plugin ({@link Dynsec}, when configured),
 * subscribes the hub client scoped to its store with taps and shopper actions shared among the store's hub instances
 * ({@code $share/hub-{store}/...}: each goes to one instance), and takes over the session of a peer instance that died
 * ({@link PeerWatch}). Blocking calls as documented; thread-safe.
 */
public final class ExternalBroker implements AutoCloseable {
    /** The channels several hub instances share: exactly one of them handles each message. */
    static final Set<Channel> SHARED = Set.of(Channel.TAP, Channel.ACTION);

    private final ExternalMqtt config;
    private final String storeId;
    private final byte[] password;
    private final SocketFactory sockets;
    private final SideClient side;
    private final KioskAccounts accounts;
    private PeerWatch peers;

    private ExternalBroker(ExternalMqtt config, String storeId, byte[] password, SocketFactory sockets, SideClient side,
                           KioskAccounts accounts) {
        this.config = config;
        this.storeId = storeId;
        this.password = password;
        this.sockets = sockets;
        this.side = side;
        this.accounts = accounts;
    }

    /**
     * Connects the control connection and, with dynsec on, makes sure the hub and monitor accounts exist. Blocking.
     *
     * @throws IOException when the broker cannot be reached, refuses the hub, or the dynsec plugin does not answer
     */
    public static ExternalBroker connect(ExternalMqtt config, String storeId, String monitorSecret)
            throws IOException, GeneralSecurityException {
        byte[] password = SecretFile.read(config.passwordFile()).getBytes(StandardCharsets.UTF_8);
        SocketFactory sockets = sockets(config);
        String own = config.clientId(storeId);
        SideClient side;
        try {
            side = SideClient.connect(config.uri(), own + "-ctl", config.username(), password, sockets,
                    Topics.hubPresence(storeId, own), PeerWatch.OFFLINE);
        } catch (MqttException e) {
            throw new IOException("cannot connect to the MQTT broker " + config.uri() + " as " + config.username(), e);
        }
        try {
            KioskAccounts accounts = KioskAccounts.NONE;
            if (config.dynsec()) {
                Dynsec dynsec = Dynsec.attach(side, storeId);
                dynsec.bootstrap(config.username(), monitorSecret);
                accounts = dynsec;
            }
            return new ExternalBroker(config, storeId, password, sockets, side, accounts);
        } catch (MqttException | IOException | RuntimeException e) {
            side.close();
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    private static SocketFactory sockets(ExternalMqtt config) throws IOException, GeneralSecurityException {
        if (config.caFile().isEmpty()) {
            return config.uri().startsWith("ssl://") ? NoDelaySslSocketFactory.trustingDefaults() : new NoDelaySocketFactory();
        }
        try (InputStream in = Files.newInputStream(config.caFile().get())) {
            X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return NoDelaySslSocketFactory.trusting(ca);
        }
    }

    /** Where kiosk accounts must be kept (dynsec), or nothing to do. */
    public KioskAccounts accounts() {
        return accounts;
    }

    /** SHA-256 hex of the hub's broker password (for the HTTP auth endpoint's view of the hub account). */
    public String passwordSha256() {
        return SecretFile.sha256Hex(password);
    }

    /** The broker URI told to enrolling kiosks. */
    public String kioskUri() {
        return config.kioskUri();
    }

    /** Creates this instance's hub client (its own persistent session), not yet connected. */
    public HubClient hubClient(ExecutorService pipeline, InvalidMessages invalid) throws MqttException {
        return client(config.clientId(storeId), pipeline, invalid);
    }

    private HubClient client(String clientId, ExecutorService pipeline, InvalidMessages invalid) throws MqttException {
        HubClient client = HubClient.create(config.uri(), clientId, pipeline, invalid);
        client.socketFactory(sockets);
        client.subscriptions(channel -> SHARED.contains(channel)
                ? Topics.shared(ExternalMqtt.shareGroup(storeId), Topics.everyKioskOf(storeId, channel))
                : Topics.everyKioskOf(storeId, channel));
        return client;
    }

    /** Connects {@code client} with the hub's credentials and subscribes its handlers. Blocking (up to 20 s). */
    public void connect(HubClient client, Map<Channel, HubClient.Handler> handlers,
                        Map<Channel, HubClient.Queued> queued) throws MqttException {
        client.session(3600, true, true);
        client.connect(config.username(), password, handlers, queued);
    }

    /** Announces this instance and from now on takes over the sessions of peers that die (see {@link PeerWatch}). */
    public void watchPeers(Map<Channel, HubClient.Handler> handlers, Map<Channel, HubClient.Queued> queued,
                           ExecutorService pipeline, InvalidMessages invalid) throws MqttException {
        peers = PeerWatch.start(side, storeId, config.clientId(storeId), peer -> {
            HubClient resumed = client(peer, pipeline, invalid);
            resumed.session(0, false, true);
            resumed.connect(config.username(), password, handlers, queued);
            return resumed;
        });
    }

    @Override
    public void close() {
        if (peers != null) {
            peers.close();
        }
        side.close();
    }
}
