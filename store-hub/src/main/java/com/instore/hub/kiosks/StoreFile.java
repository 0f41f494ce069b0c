package com.instore.hub.kiosks;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.instore.protocol.KioskAddress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The declarative store file (config/store.yaml): the store, its hardware profiles (named partial kiosk configurations)
 * and the kiosks it has. Read at start and again whenever it changes (provisioning reconciles it).
 */
public final class StoreFile {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private StoreFile() {
    }

    /**
     * A declared kiosk; {@code passwordSha256} is null when the hub is to generate the secret; {@code location} (optional)
     * overrides the store's for the clone check; {@code profile} names a hardware profile (default {@code default});
     * {@code config} overrides single settings of the kiosk's desired configuration (keys as in {@code profiles}).
     */
    public record KioskDecl(String id, String zone, @JsonProperty("password-sha256") String passwordSha256,
                            Location location, String profile, Map<String, Object> config) {
        public KioskDecl {
            KioskAddress.requireSlug(id, "kiosk id");
            zone = zone == null || zone.isBlank() ? id : zone.trim();
            if (passwordSha256 != null) {
                passwordSha256 = passwordSha256.trim().toLowerCase(Locale.ROOT);
                if (!SHA256_HEX.matcher(passwordSha256).matches()) {
                    throw new IllegalArgumentException("kiosk '" + id + "': password-sha256 must be 64 hex digits");
                }
            }
            profile = profile == null || profile.isBlank() ? "default" : profile.trim();
            config = config == null ? Map.of() : Map.copyOf(config);
        }

        /** A kiosk with only an id and a zone. */
        public KioskDecl(String id, String zone) {
            this(id, zone, null, null, null, null);
        }
    }

    /**
     * The store with its kiosks, ids unique; {@code location} (optional) is where it is, for the clone check;
     * {@code profiles} maps a hardware profile name to configuration settings ({@code reader-type}, {@code printer-address},
     * {@code theme}, {@code language}, {@code answer-timeout-ms}, {@code offers-per-screen}, {@code debounce-ms}).
     */
    public record Store(String id, String name, List<KioskDecl> kiosks, Location location,
                        Map<String, Map<String, Object>> profiles) {
        public Store {
            KioskAddress.requireSlug(id, "store id");
            name = name == null ? id : name;
            kiosks = kiosks == null ? List.of() : List.copyOf(kiosks);
            profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
            Set<String> seen = new HashSet<>();
            for (KioskDecl k : kiosks) {
                if (!seen.add(k.id())) {
                    throw new IllegalArgumentException("kiosk '" + k.id() + "' is declared twice");
                }
            }
        }
    }

    record Root(Store store) {
    }

    /** Reads and validates the file; the message of the IOException names the file and what is wrong. */
    public static Store read(Path file) throws IOException {
        try {
            Root root = YAML.readValue(file.toFile(), Root.class);
            if (root == null || root.store() == null) {
                throw new IOException(file + " has no 'store' section");
            }
            return root.store();
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            throw new IOException(file + ": " + (e.getCause() == null ? e.getOriginalMessage() : e.getCause().getMessage()), e);
        }
    }
}
