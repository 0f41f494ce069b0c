package com.instore.hub.identity;

import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** AES-128 CMAC (NIST SP 800-38B, RFC 4493) by BouncyCastle: the JDK has none. Stateless. */
final class AesCmac {
    private AesCmac() {
    }

    /** The full 16-byte CMAC of {@code message} under the 16-byte {@code key}. */
    static byte[] mac(byte[] key, byte[] message) {
        CMac cmac = new CMac(AESEngine.newInstance());
        cmac.init(new KeyParameter(key));
        cmac.update(message, 0, message.length);
        byte[] out = new byte[cmac.getMacSize()];
        cmac.doFinal(out, 0);
        return out;
    }
}
