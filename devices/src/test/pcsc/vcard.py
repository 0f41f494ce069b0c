#!/usr/bin/python3
"""Virtual contactless cards for the PC/SC integration tests, served to pcscd's vpcd driver through vsmartcard's vicc.

Usage: /usr/bin/python3 vcard.py {phone|plain|tag|garbage} [--token TEXT] [--port 35963]

Through vpcd the card itself receives what a real reader would answer on the card's behalf (the PC/SC pseudo-APDUs
FF CA for the UID, FF B0 for READ BINARY of a storage card, FF 00 40 for the ACR122 LED and buzzer), so these cards
answer them too. Each card prints "READY" once connected to vpcd, then "APDU <hex>" for every command it receives; kill the process
to take the card off the reader.
"""
import argparse
import glob
import os
import sys
import tempfile

AID = bytes.fromhex("F0494E53544F5245")  # "\xF0INSTORE", the kiosk app's AID
OK = b"\x90\x00"


def import_vicc():
    """vsmartcard imports PyCrypto's 'Crypto'; Debian ships it as 'Cryptodome': alias it in a temp dir on sys.path."""
    alias_dir = tempfile.mkdtemp(prefix="vcard-crypto-")
    try:
        import Cryptodome
        os.symlink(os.path.dirname(Cryptodome.__file__), os.path.join(alias_dir, "Crypto"))
    except ImportError:
        pass  # the import of virtualsmartcard below then says what is missing
    sys.path.insert(0, alias_dir)
    for candidate in glob.glob("/usr/lib/python3*/*-packages/virtualsmartcard"):
        sys.path.insert(0, candidate)
    from virtualsmartcard.VirtualSmartcard import SmartcardOS, VirtualICC
    return SmartcardOS, VirtualICC


def atr(historical, storage):
    """ATR as PC/SC part 3 builds it for contactless cards: 3B 8n 80 01 <historical bytes> TCK."""
    body = bytes([0x80 | len(historical), 0x80, 0x01]) + historical
    tck = 0
    for b in body:
        tck ^= b
    return b"\x3B" + body + bytes([tck])


def storage_atr(card_name):
    # 80 4F 0C: category, application identifier presence TLV (tag 4F, length 0C); A0 00 00 03 06: PC/SC RID;
    # 03: standard ISO 14443 A part 3; card_name (2 bytes); 00 00 00 00: RFU
    return atr(bytes.fromhex("804F0CA000000306") + b"\x03" + card_name + bytes(4), True)


class Card:
    """Base: answers the reader's GET DATA (UID) pseudo-APDU and nothing else."""
    uid = bytes.fromhex("A1B2C3D4")

    def getATR(self):
        return storage_atr(b"\x00\x01")  # MIFARE Classic 1K

    def powerUp(self):
        pass

    def powerDown(self):
        pass

    def reset(self):
        pass

    def execute(self, apdu):
        if apdu[:4] == bytes.fromhex("FFCA0000"):
            return self.uid + OK
        return self.other(apdu)

    def other(self, apdu):
        return b"\x6D\x00"  # instruction not supported


class Phone(Card):
    """Host card emulation: SELECT of our AID answers the token (token bytes + 9000) directly."""
    uid = bytes.fromhex("08123456")  # random UID, as phones give

    def __init__(self, token):
        self.token = token.encode("ascii")

    def getATR(self):
        return atr(b"", False)  # ISO 14443-4, no historical bytes

    def other(self, apdu):
        if apdu[:4] == bytes.fromhex("00A40400"):
            aid = apdu[5:5 + apdu[4]]
            return self.token + OK if aid == AID else b"\x6A\x82"  # file or application not found
        return b"\x6D\x00"


class Tag(Card):
    """NTAG213-like Type 2 tag holding our member record; answers READ BINARY (FF B0) and the ACR122 LED command."""
    uid = bytes.fromhex("04112233445566")

    def __init__(self, token):
        typ = b"instore.com:member"
        record = bytes([0xD4, len(typ), len(token)]) + typ + token.encode("ascii")
        tlv = bytes([0x03, len(record)]) + record + b"\xFE"
        self.memory = bytearray(180)
        self.memory[0:12] = bytes.fromhex("04112288 33445566 00480000")  # UID, BCCs, lock bytes
        self.memory[12:16] = bytes.fromhex("E1101200")  # CC: NDEF magic, version 1.0, 0x12*8=144 data bytes, r/w
        self.memory[16:16 + len(tlv)] = tlv

    def getATR(self):
        return storage_atr(b"\x00\x03")  # MIFARE Ultralight family (NTAG reports the same)

    def other(self, apdu):
        if apdu[:3] == bytes.fromhex("FFB000"):
            start = apdu[3] * 4
            return bytes(self.memory[start:start + apdu[4]]) + OK
        if apdu[:3] == bytes.fromhex("FF0040"):
            return b"\x90\x02"  # ACR122: 90 <LED state>
        return b"\x6A\x81"  # function not supported


class Garbage(Card):
    """Answers nonsense: a 1-byte answer to SELECT, an unexpected status word to GET DATA."""

    def getATR(self):
        return atr(b"", False)

    def execute(self, apdu):
        if apdu[:4] == bytes.fromhex("FFCA0000"):
            return bytes.fromhex("12346F00")  # two stray bytes and SW 6F00 (no precise diagnosis)
        if apdu[:2] == bytes.fromhex("00A4"):
            return b"\x9F"  # truncated: not even a status word
        return b""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["phone", "plain", "tag", "garbage"])
    parser.add_argument("--token", default="v1.member-42.1700000000.c2lnbmF0dXJl")
    parser.add_argument("--port", type=int, default=35963)
    args = parser.parse_args()
    SmartcardOS, VirtualICC = import_vicc()
    cards = {"phone": lambda: Phone(args.token), "plain": Card, "tag": lambda: Tag(args.token), "garbage": Garbage}
    card = cards[args.kind]()
    answer = card.execute

    def logged(apdu):  # the tests read this to see what the driver sent (e.g. the ACR122 LED command)
        print("APDU " + apdu.hex().upper(), flush=True)
        return answer(apdu)

    card.execute = logged
    # Built by hand rather than through VirtualICC.__init__, which would generate an ISO 7816 file system we do not use.
    vicc = VirtualICC.__new__(VirtualICC)
    vicc.os, vicc.type, vicc.host, vicc.port, vicc.server_sock = card, args.kind, "localhost", args.port, None
    vicc.sock = VirtualICC.connectToPort("localhost", args.port)
    print("READY", flush=True)
    try:
        vicc.run()
    except (KeyboardInterrupt, SystemExit):
        pass


if __name__ == "__main__":
    main()
