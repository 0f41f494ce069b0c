package com.instore.hub.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instore.hub.HubConfig;
import com.instore.hub.StoreHub;
import com.instore.hub.secrets.SecretFile;
import com.instore.hub.tls.NoDelaySslSocketFactory;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The hub in-process with TLS on (free ports), a private copy of config/store.yaml (tests edit it), and helpers for the
 * operator API (Bearer operator.token, over HTTPS trusting the store CA) and for kiosks connecting over TLS.
 */
final class ProvisionedHub implements AutoCloseable {
    static final String STORE = "demo-store";
    private static final ObjectMapper JSON = new ObjectMapper();

    final StoreHub hub;
    final Path dataDir;
    final Path storeFile;
    final X509Certificate ca;
    final String caPem;
    private final HttpClient https;
    private final String token;

    private ProvisionedHub(StoreHub hub, Path dataDir, Path storeFile) throws Exception {
        this.hub = hub;
        this.dataDir = dataDir;
        this.storeFile = storeFile;
        this.caPem = Files.readString(dataDir.resolve("tls/ca.pem"));
        this.ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)));
        this.token = SecretFile.read(dataDir.resolve("operator.token"));
        this.https = HttpClient.newBuilder().sslContext(trusting(ca)).build();
    }

    static ProvisionedHub start(Path dataDir, Map<String, String> settings) throws Exception {
        return start(dataDir, settings, 0);
    }

    /** With the plain MQTT listener on {@code mqttPort} (0: a free one) when it is on. */
    static ProvisionedHub start(Path dataDir, Map<String, String> settings, int mqttPort) throws Exception {
        Files.createDirectories(dataDir);
        Path store = Files.copy(Path.of("../config/store.yaml"), dataDir.resolve("store.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        Path offers = Files.copy(Path.of("../config/offers.yaml"), dataDir.resolve("offers.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> values = new HashMap<>(Map.of("tls.enabled", "true", "tls.mqtt-port", "0",
                "tls.https-port", "0", "provisioning.watch-interval", "PT0.2S"));
        values.putAll(settings);
        HubConfig config = new HubConfig(dataDir, store, offers, Optional.empty(), dataDir.resolve("store.secret"),
                "http://127.0.0.1:8080", "127.0.0.1", 0, "127.0.0.1", mqttPort, null,
                Config.just(ConfigSources.create(values)));
        return new ProvisionedHub(StoreHub.start(config), dataDir, store);
    }

    static SSLContext trusting(X509Certificate ca) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    /** An operator call over HTTPS with the token ({@code withToken} false: without). */
    HttpResponse<String> call(String method, String path, String body, boolean withToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + hub.httpsPort() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (withToken) {
            request.header("Authorization", "Bearer " + token);
        }
        return https.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> call(String method, String path, String body) throws Exception {
        return call(method, path, body, true);
    }

    JsonNode json(String method, String path, String body) throws Exception {
        return JSON.readTree(call(method, path, body).body());
    }

    /** Creates a kiosk and returns its one-time code. */
    String create(String kioskId) throws Exception {
        HttpResponse<String> created = call("POST", "/api/kiosks", """
                {"storeId":"demo-store","kioskId":"%s","zone":"coffee","hardwareProfile":"default"}""".formatted(kioskId));
        if (created.statusCode() != 201) {
            throw new AssertionError("create answered " + created.statusCode() + ": " + created.body());
        }
        return JSON.readTree(created.body()).get("code").asText();
    }

    HttpResponse<String> enrol(String code) throws Exception {
        return call("POST", "/api/enrol", "{\"code\":\"" + code + "\"}", false);
    }

    /** A Paho client over TLS (trusting the store CA, TCP_NODELAY) with this identity; throws the CONNACK failure. */
    MqttAsyncClient connectTls(String clientId, String user, String password) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient("ssl://127.0.0.1:" + hub.mqttTlsPort(), clientId,
                new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(user);
        options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        options.setSocketFactory(NoDelaySslSocketFactory.trusting(ca));
        try {
            client.connect(options).waitForCompletion(10_000);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return client;
    }

    static JsonNode parse(String body) throws Exception {
        return JSON.readTree(body);
    }

    @Override
    public void close() {
        hub.close();
    }
}
