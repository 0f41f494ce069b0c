package com.instore.hub.provisioning;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What the enrolment QR code holds: {@code instore-enrol:?hub=URL&code=CODE&ca-sha256=HEX}, everything a kiosk (or a
 * phone app typing for it) needs for {@code edge-agent enroll}.
 */
final class EnrolmentLink {
    private EnrolmentLink() {
    }

    static String of(String hubUrl, String code, String caSha256) {
        return "instore-enrol:?hub=" + URLEncoder.encode(hubUrl, StandardCharsets.UTF_8) + "&code=" + code
                + (caSha256 == null ? "" : "&ca-sha256=" + caSha256);
    }
}
