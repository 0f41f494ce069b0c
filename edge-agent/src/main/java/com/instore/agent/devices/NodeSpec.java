package com.instore.agent.devices;

import io.helidon.config.Config;

import java.util.Optional;
import java.util.StringJoiner;

/**
 * Reads a device node written either as one spec string ({@code indicator: gpio?green=17&red=22}) or as an object with a
 * {@code type} and options ({@code reader: { type: pcsc, debounce-ms: 1000 }}), and gives the spec string the devices
 * factories take ({@code type?key=value&...}).
 */
final class NodeSpec {
    private NodeSpec() {
    }

    /** The node as a spec string, or empty when the node is missing. */
    static Optional<String> of(Config node) {
        if (!node.exists()) {
            return Optional.empty();
        }
        if (node.hasValue() && node.isLeaf()) {
            return node.asString().asOptional().map(String::strip);
        }
        String type = node.get("type").asString().orElse("");
        StringJoiner options = new StringJoiner("&", "?", "").setEmptyValue("");
        node.asNodeList().orElse(java.util.List.of()).stream()
                .filter(child -> !child.name().equals("type") && child.hasValue())
                .forEach(child -> options.add(child.name() + "=" + child.asString().get().strip()));
        return Optional.of(type + options);
    }
}
