package com.instore.agent.enrol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.MessageCodec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Enrols this kiosk: sends the one-time code to the hub ({@code POST /api/enrol}) over HTTPS that must chain to the pinned
 * store CA, checks the CA the hub hands out is that same one, and saves the identity in the state directory. Blocking.
 */
public final class Enroller {
    private static final Logger LOG = Logger.getLogger(Enroller.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MessageCodec codec = new MessageCodec();
    private final KioskState state;
    private final boolean insecureHttp;

    /** An enroller that only talks to {@code https://} hubs. */
    public Enroller(KioskState state) {
        this(state, false);
    }

    /**
     * @param insecureHttp whether a plain {@code http://} hub is accepted (labs only: the hub is not authenticated and
     *                     the kiosk's secret crosses the network in clear)
     */
    public Enroller(KioskState state, boolean insecureHttp) {
        this.state = state;
        this.insecureHttp = insecureHttp;
    }

    /** The hub refused the code, or could not be trusted or reached; the message is for the person at the kiosk. */
    public static final class EnrolmentFailed extends Exception {
        EnrolmentFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Enrols with {@code code} at {@code hubUrl}. For {@code https} a pin is required: {@code caSha256} or
     * {@code caFile}, else the CA pinned by an earlier enrolment.
     *
     * @return who the kiosk now is ({@code store/kiosk})
     */
    public String enrol(URI hubUrl, String code, Optional<String> caSha256, Optional<java.nio.file.Path> caFile)
            throws EnrolmentFailed {
        try {
            requireSafeScheme(hubUrl);
            HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
            Optional<PinnedTrust> trust = Optional.empty();
            if ("https".equals(hubUrl.getScheme())) {
                trust = Optional.of(pin(caSha256, caFile));
                http.sslContext(trust.get().sslContext());
            } else {
                LOG.warning("enrolling over plain HTTP (--insecure-http): the hub is not authenticated and the kiosk's"
                        + " secret crosses the network in clear; labs only");
            }
            Identity identity = post(http.build(), hubUrl, code);
            if (trust.isPresent() && (identity.caPem() == null || !trust.get().matches(PinnedTrust.parse(identity.caPem())))) {
                throw new EnrolmentFailed("the hub handed out a CA other than the pinned one: not enrolled", null);
            }
            state.save(identity);
            return identity.storeId() + "/" + identity.kioskId();
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new EnrolmentFailed("cannot enrol at " + hubUrl + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnrolmentFailed("interrupted", e);
        }
    }

    /** Refuses anything but https, and http without the explicit lab flag, before any byte leaves the kiosk. */
    private void requireSafeScheme(URI hubUrl) throws EnrolmentFailed {
        String scheme = hubUrl.getScheme() == null ? "" : hubUrl.getScheme().toLowerCase(java.util.Locale.ROOT);
        if ("http".equals(scheme) && !insecureHttp) {
            throw new EnrolmentFailed("refusing to enrol over plain http:// (" + hubUrl + "): the hub could not be"
                    + " authenticated and the kiosk's secret would cross the network in clear. Use the hub's https://"
                    + " address, or --insecure-http (agent.enrol.insecure-http: true) in a lab", null);
        }
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new EnrolmentFailed("the hub's address must start with https:// (got " + hubUrl + ")", null);
        }
    }

    private PinnedTrust pin(Optional<String> caSha256, Optional<java.nio.file.Path> caFile) throws IOException {
        if (caFile.isPresent()) {
            return new PinnedTrust(Optional.of(PinnedTrust.readPem(caFile.get())), caSha256);
        }
        if (caSha256.isEmpty() && java.nio.file.Files.isRegularFile(state.caFile())) {
            return new PinnedTrust(Optional.of(PinnedTrust.readPem(state.caFile())), Optional.empty());
        }
        return new PinnedTrust(Optional.empty(), caSha256);
    }

    private Identity post(HttpClient http, URI hubUrl, String code)
            throws IOException, InterruptedException, EnrolmentFailed {
        HttpRequest request = HttpRequest.newBuilder(hubUrl.resolve("/api/enrol")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("code", code)))).build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new EnrolmentFailed("the hub refused the enrolment code: " + error(response.body())
                    + " (HTTP " + response.statusCode() + ")", null);
        }
        try {
            return codec.decode(response.body(), Identity.class);
        } catch (InvalidMessageException e) {
            throw new IOException("unreadable answer from the hub: " + e.getMessage(), e);
        }
    }

    private static String error(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node.path("error").asText("no reason given");
        } catch (IOException e) {
            return "no reason given";
        }
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }
}
