package com.instore.devices.tap.pcsc;

import com.instore.devices.Bytes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A card that answers by command prefix (hex) and keeps the commands it received; unknown commands get 6D00. */
final class ScriptedCard implements ApduChannel {
    private final Map<String, byte[]> answers = new LinkedHashMap<>();
    final List<String> received = new ArrayList<>();

    ScriptedCard on(String commandPrefixHex, byte[] answer) {
        answers.put(commandPrefixHex.replace(" ", ""), answer);
        return this;
    }

    @Override
    public byte[] transmit(byte[] command) {
        String hex = Bytes.hex(command);
        received.add(hex);
        return answers.entrySet().stream().filter(e -> hex.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(Bytes.of("6D00"));
    }
}
