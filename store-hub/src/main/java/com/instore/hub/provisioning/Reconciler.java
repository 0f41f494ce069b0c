package com.instore.hub.provisioning;

import com.instore.hub.kiosks.Fleet;
import com.instore.hub.kiosks.StoreFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes the hub match config/store.yaml: every declared kiosk exists (admitted, with its zone and desired configuration);
 * kiosks that exist but are not declared are reported and removed only by {@link #prune}. A retired kiosk stays retired
 * even while declared. A file that cannot be read changes nothing. Runs at start and whenever the file's modification
 * time changes ({@link #reloadIfChanged}, polled). Thread-safe (synchronized); blocking.
 */
final class Reconciler {
    private static final System.Logger LOG = System.getLogger(Reconciler.class.getName());

    private final Path storeFile;
    private final Fleet fleet;
    private final KioskRecords records;
    private final DesiredConfigs configs;
    private final Profiles profiles;
    private final Lifecycle lifecycle;
    private final Clock clock;
    private FileTime lastModified;
    private volatile ReconcileReport last = new ReconcileReport(List.of(), List.of(), List.of(), List.of(), List.of());

    Reconciler(Path storeFile, Fleet fleet, KioskRecords records, DesiredConfigs configs, Profiles profiles,
               Lifecycle lifecycle, Clock clock) {
        this.storeFile = storeFile;
        this.fleet = fleet;
        this.records = records;
        this.configs = configs;
        this.profiles = profiles;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** Reconciles when the file changed since the last run; never throws (a timer calls it). */
    synchronized void reloadIfChanged() {
        try {
            FileTime modified = Files.getLastModifiedTime(storeFile);
            if (!modified.equals(lastModified)) {
                reconcile();
            }
        } catch (IOException | RuntimeException | SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "store file not reconciled: {0}", e.getMessage());
        }
    }

    /** Reads the file and applies it; the report says what changed and what is undeclared. */
    synchronized ReconcileReport reconcile() throws IOException, SQLException {
        lastModified = Files.getLastModifiedTime(storeFile);
        StoreFile.Store store = StoreFile.read(storeFile);
        if (!store.id().equals(fleet.storeId())) {
            throw new IOException(storeFile + " now names store '" + store.id() + "', the hub serves '" + fleet.storeId()
                    + "': restart the hub to change stores");
        }
        profiles.replace(store.profiles());
        List<String> changed = new ArrayList<>();
        List<String> retired = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (StoreFile.KioskDecl k : store.kiosks()) {
            apply(k, changed, retired, errors);
        }
        Set<String> declared = store.kiosks().stream().map(StoreFile.KioskDecl::id).collect(Collectors.toSet());
        List<String> undeclared = records.all().stream()
                .filter(r -> r.state() != KioskRecord.State.RETIRED && !declared.contains(r.kioskId()))
                .map(KioskRecord::kioskId).toList();
        last = new ReconcileReport(List.copyOf(declared.stream().sorted().toList()), changed, undeclared, retired, errors);
        if (!undeclared.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "kiosks not declared in {0} (kept until pruned): {1}", storeFile, undeclared);
        }
        return last;
    }

    private void apply(StoreFile.KioskDecl k, List<String> changed, List<String> retired, List<String> errors)
            throws SQLException, IOException {
        if (records.isRetired(k.id())) {
            retired.add(k.id());
            return;
        }
        Settings settings;
        try {
            settings = profiles.settings(k.profile(), k.config());
            settings.toConfig(k.id(), 1, clock.instant());
        } catch (IllegalArgumentException e) {
            errors.add(k.id() + ": " + e.getMessage());
            return;
        }
        long before = configs.desired(k.id()).map(c -> c.version()).orElse(0L);
        records.upsert(k.id(), k.zone(), k.profile(), KioskRecord.Origin.DECLARED, KioskRecord.State.ACTIVE,
                clock.instant());
        fleet.admitDeclared(k);
        if (configs.set(k.id(), settings).version() != before) {
            changed.add(k.id());
        }
    }

    /**
     * Removes undeclared kiosks that came from the store file ({@code includeOperator}: also those created over REST).
     * Returns the ids removed.
     */
    synchronized List<String> prune(boolean includeOperator) throws IOException, SQLException {
        reconcile();
        List<String> removed = new ArrayList<>();
        for (String id : last.undeclared()) {
            KioskRecord record = records.find(id).orElseThrow();
            if (record.origin() == KioskRecord.Origin.DECLARED || includeOperator) {
                lifecycle.remove(id);
                removed.add(id);
            }
        }
        reconcile();
        return removed;
    }

    ReconcileReport last() {
        return last;
    }

    /** What the last reconciliation found. */
    record ReconcileReport(List<String> declared, List<String> changed, List<String> undeclared,
                           List<String> retiredButDeclared, List<String> errors) {
    }
}
