#!/usr/bin/env bash
# Makes this machine ready for the PC/SC integration tests (devices/src/test/java/.../pcsc/*IT.java):
#   - installs, if missing, Debian's pcscd, vsmartcard-vpcd (the virtual reader driver "Virtual PCD"),
#     python3-virtualsmartcard (vicc, which our vcard.py cards run on) and python3-pycryptodome (which vicc imports);
#   - starts `pcscd --foreground` in the background when it is not running (there is no systemd here).
# Idempotent. Last line: "PCSC READY" (exit 0) or "PCSC UNAVAILABLE: <why>" (exit 1); the tests skip on the latter.
# Env: PCSCD_LOG (default ${TMPDIR:-/tmp}/pcscd-devices-it.log).
set -u

PACKAGES=(pcscd vsmartcard-vpcd python3-virtualsmartcard python3-pycryptodome)
VPCD_PORT=35963
LOG="${PCSCD_LOG:-${TMPDIR:-/tmp}/pcscd-devices-it.log}"

unavailable() {
    echo "PCSC UNAVAILABLE: $*"
    exit 1
}

missing_packages() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    echo "${missing[@]:-}"
}

install_packages() {
    local missing
    missing=$(missing_packages)
    [ -z "$missing" ] && return 0
    command -v apt-get >/dev/null || unavailable "packages missing ($missing) and no apt-get to install them"
    [ "$(id -u)" = 0 ] || unavailable "packages missing ($missing) and not root: apt-get install $missing"
    echo "installing $missing"
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1; then
        apt-get update -qq >/dev/null 2>&1 || unavailable "apt-get update failed"
        apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1 \
            || unavailable "apt-get install $missing failed"
    fi
}

vpcd_listening() {
    (exec 3<>"/dev/tcp/127.0.0.1/$VPCD_PORT") 2>/dev/null
}

start_pcscd() {
    if pgrep -x pcscd >/dev/null; then
        vpcd_listening || unavailable "pcscd runs without the vpcd driver (installed after pcscd started?): restart pcscd"
        return 0
    fi
    command -v pcscd >/dev/null || unavailable "pcscd not found after install"
    nohup pcscd --foreground >"$LOG" 2>&1 &
    for _ in $(seq 1 50); do
        vpcd_listening && return 0
        sleep 0.1
    done
    unavailable "pcscd did not start or did not load vpcd (see $LOG)"
}

install_packages
start_pcscd
echo "PCSC READY"
