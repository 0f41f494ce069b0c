#!/usr/bin/env bash
# Creates Mosquitto's dynamic-security file with the hubs' account ("hub", dynsec admin) and writes the password the
# hubs read (hub.mqtt.external.password-file). Run once, as root, before Mosquitto's first start with mosquitto.conf.
# The hubs do the rest at their start: the hub role (stores/#, $share/+/stores/#) is granted to "hub" once, the monitor
# account is created, and every kiosk gets its own account bound to its client id with a role for its own subtree.
set -euo pipefail
FILE=${1:-/var/lib/mosquitto/dynamic-security.json}
SECRET=${2:-/etc/instore/hub-mqtt.secret}
[[ -e "$FILE" ]] && { echo "$FILE exists already: nothing to do"; exit 0; }
install -d -m 0750 "$(dirname "$SECRET")"
head -c 32 /dev/urandom | base64 | tr -d '=+/' > "$SECRET"
chmod 0600 "$SECRET"
mosquitto_ctrl dynsec init "$FILE" hub "$(cat "$SECRET")"
chown mosquitto: "$FILE" 2>/dev/null || true
echo "hub password in $SECRET (copy it to every hub of the chain)"
