package com.instore.hub.external;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instore.hub.broker.Accounts;
import com.instore.hub.kiosks.KioskAccounts;
import com.instore.protocol.KioskAddress;
import org.eclipse.paho.mqttv5.common.MqttException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the store's MQTT accounts in Mosquitto's dynamic-security plugin ({@code $CONTROL/dynamic-security/v1}), so that
 * per-kiosk rules hold on an external Mosquitto as on the embedded broker: each kiosk is a dynsec client
 * {@code {store}/{kiosk}} bound to client id {@code kiosk-{store}-{kiosk}} with its own role allowing publish and subscribe
 * under {@code stores/{store}/kiosks/{kiosk}/#} only; the monitor may only subscribe to {@code stores/#}; the hub's own
 * client gets the hub role ({@code stores/#}). Deleting a client or changing its password makes Mosquitto drop its live
 * connection at once (retire, re-enrolment). Needs the hub's user to hold dynsec's admin role ({@code mosquitto_ctrl
 * dynsec init}). Commands are sent without waiting except {@link #bootstrap}; failures are logged. Thread-safe.
 */
final class Dynsec implements KioskAccounts {
    static final String TOPIC = "$CONTROL/dynamic-security/v1";
    private static final System.Logger LOG = System.getLogger(Dynsec.class.getName());
    private static final String HUB_ROLE = "instore-hub";
    private static final String MONITOR_ROLE = "instore-monitor";

    private final SideClient side;
    private final String storeId;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();

    private Dynsec(SideClient side, String storeId) {
        this.side = side;
        this.storeId = storeId;
    }

    /** Subscribes to the plugin's responses; blocking. */
    static Dynsec attach(SideClient side, String storeId) throws MqttException {
        Dynsec dynsec = new Dynsec(side, storeId);
        side.subscribe(TOPIC + "/response", (topic, payload) -> dynsec.onResponse(payload));
        return dynsec;
    }

    /**
     * Makes sure the hub and monitor roles exist, the hub's user holds the hub role, and the monitor account exists
     * (created with {@code monitorSecret} when missing; an existing one keeps its password). Blocks until Mosquitto
     * answered (up to 10 s).
     */
    void bootstrap(String hubUser, String monitorSecret) throws IOException {
        try {
            JsonNode hub = send(List.of(Map.of("command", "getClient", "username", hubUser))).get(10, TimeUnit.SECONDS);
            boolean granted = false;
            for (JsonNode role : hub.path(0).path("data").path("client").path("roles")) {
                granted |= HUB_ROLE.equals(role.path("rolename").asText());
            }
            if (!granted) {
                grantHubRole(hubUser);
            }
            send(List.of(role(MONITOR_ROLE, List.of(acl("subscribePattern", "stores/#"))),
                    Map.of("command", "createClient", "username", Accounts.MONITOR_USER, "password", monitorSecret,
                            "roles", List.of(Map.of("rolename", MONITOR_ROLE))))).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (Exception e) {
            throw new IOException("Mosquitto's dynamic-security plugin did not answer on " + TOPIC
                    + " (is it loaded, and does the hub's user hold its admin role?)", e);
        }
    }

    /**
     * Gives the hub's user the hub role, once per broker. Mosquitto drops every connection of a client whose roles change
     * (so that new rules apply at once): this connection too, so no answer comes; Paho reconnects it and resubscribes.
     */
    private void grantHubRole(String hubUser) throws InterruptedException {
        LOG.log(System.Logger.Level.INFO, "giving {0} the hub role on the broker (first start on this broker)", hubUser);
        send(List.of(role(HUB_ROLE, List.of(acl("publishClientSend", "stores/#"), acl("subscribePattern", "stores/#"),
                        acl("subscribePattern", "$share/+/stores/#"), acl("unsubscribePattern", "stores/#"))),
                Map.of("command", "addClientRole", "username", hubUser, "rolename", HUB_ROLE)));
        Thread.sleep(200);
        side.awaitConnected(10_000);
    }

    @Override
    public void admitted(String kioskId, Optional<String> secret, boolean rekeyed) {
        if (secret.isEmpty()) {
            LOG.log(System.Logger.Level.DEBUG, "kiosk {0}: no secret on this hub, its broker account must exist already",
                    kioskId);
            return;
        }
        KioskAddress kiosk = new KioskAddress(storeId, kioskId);
        String user = Accounts.kioskUser(storeId, kioskId);
        List<Map<String, Object>> commands = new ArrayList<>(List.of(
                role(kioskRole(kioskId), List.of(acl("publishClientSend", kiosk.subtree()),
                        acl("subscribePattern", kiosk.subtree()), acl("unsubscribePattern", kiosk.subtree()))),
                Map.of("command", "createClient", "username", user, "password", secret.get(),
                        "clientid", Accounts.kioskClientId(storeId, kioskId),
                        "roles", List.of(Map.of("rolename", kioskRole(kioskId))))));
        if (rekeyed) {
            commands.add(Map.of("command", "setClientPassword", "username", user, "password", secret.get()));
        }
        send(commands);
    }

    @Override
    public void revoked(String kioskId) {
        send(List.of(Map.of("command", "deleteClient", "username", Accounts.kioskUser(storeId, kioskId)),
                Map.of("command", "deleteRole", "rolename", kioskRole(kioskId))));
    }

    private String kioskRole(String kioskId) {
        return "kiosk-" + storeId + "-" + kioskId;
    }

    private static Map<String, Object> role(String name, List<Map<String, Object>> acls) {
        return Map.of("command", "createRole", "rolename", name, "acls", acls);
    }

    private static Map<String, Object> acl(String type, String topic) {
        return Map.of("acltype", type, "topic", topic, "priority", 0, "allow", true);
    }

    /** Sends one batch (Mosquitto runs it in order); completes with the responses once they arrived. */
    private CompletableFuture<JsonNode> send(List<Map<String, Object>> commands) {
        String correlation = UUID.randomUUID().toString();
        List<Map<String, Object>> tagged = commands.stream().map(c -> {
            Map<String, Object> copy = new java.util.HashMap<>(c);
            copy.put("correlationData", correlation);
            return (Map<String, Object>) copy;
        }).toList();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        waiting.put(correlation, answer);
        answer.orTimeout(30, TimeUnit.SECONDS).whenComplete((r, e) -> waiting.remove(correlation));
        try {
            side.publish(TOPIC, json.writeValueAsBytes(Map.of("commands", tagged)), false);
        } catch (IOException e) {
            answer.completeExceptionally(e);
        }
        return answer;
    }

    private void onResponse(byte[] payload) {
        try {
            JsonNode responses = json.readTree(payload).path("responses");
            String correlation = responses.path(responses.size() - 1).path("correlationData").asText("");
            CompletableFuture<JsonNode> answer = waiting.remove(correlation);
            if (answer == null) {
                return; // another hub's command: every hub of the chain hears every response
            }
            for (JsonNode r : responses) {
                String error = r.path("error").asText("");
                if (!error.isEmpty() && !error.contains("already exists") && !error.contains("not found")) {
                    LOG.log(System.Logger.Level.WARNING, "dynamic-security {0} refused: {1}",
                            r.path("command").asText(), error);
                }
            }
            answer.complete(responses);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "unreadable dynamic-security response: {0}", e.getMessage());
        }
    }
}
