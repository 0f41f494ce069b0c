package com.instore.devices.tap;

import com.instore.devices.DeviceStatus;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event a reader sends; safe to read from the test thread while the reader thread writes. */
public final class RecordingListener implements TapListener {
    public final List<CardRead> taps = new CopyOnWriteArrayList<>();
    public final List<DeviceStatus> statuses = new CopyOnWriteArrayList<>();
    public final List<ReadFailure> failures = new CopyOnWriteArrayList<>();

    @Override
    public void onTap(CardRead read) {
        taps.add(read);
    }

    @Override
    public void onStatus(DeviceStatus status) {
        statuses.add(status);
    }

    @Override
    public void onReadFailure(ReadFailure failure) {
        failures.add(failure);
    }

    public List<String> values() {
        return taps.stream().map(CardRead::value).toList();
    }

    @Override
    public String toString() {
        return "taps " + taps + ", statuses " + statuses + ", failures " + failures;
    }

    public DeviceStatus lastStatus() {
        return statuses.isEmpty() ? null : statuses.getLast();
    }
}
