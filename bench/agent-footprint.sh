#!/usr/bin/env bash
# Agent footprint (issue 9): resident memory and time from start to ready of the packaged edge agent
# (edge-agent/target/edge-agent.jar), with and without a JDK 25 AOT cache, for a few sets of JVM flags.
#   ./run bench agent-footprint [--runs N] [--settle S] [--taps N] [--burst N] [--variant 'NAME=FLAGS' ...]
# What it does, on this machine only (loopback):
#   1. starts a store hub (store-hub/target/store-hub.jar, config/hub.yaml, free ports, a fresh data dir) as the broker
#      and the answering side;
#   2. per variant: one training run with -XX:AOTCacheOutput=<variant>.aot (same flags, same steps as below), then N runs
#      without and N runs with -XX:AOTCache=<variant>.aot, alternating;
#   3. each run: start the agent (simulated reader, simulated printer, config/agent.yaml as kiosk "entrance"); READY is
#      the first GET /health answering "ready":true (page served, MQTT connected, reader open), polled every 10 ms, timed
#      from just before exec; then the kiosk page is fetched, an SSE client stays on /screen/events, TAPS taps are
#      simulated (POST /simulate/tap, one every 100 ms, members and unknown cards), and after SETTLE more seconds RSS
#      (VmRSS) and peak RSS (VmHWM) are read from /proc/PID/status, the kiosk's own tap-to-screen timer
#      (kiosk_tap_to_screen_seconds: mean and max over the TAPS taps) from /metrics, and the CPU time the JVM used
#      after it was ready (the taps, the page, SETTLE idle seconds: what the JIT, or its absence, costs); then BURST
#      taps back to back (new card UIDs; an outbox drain after an outage is the kiosk's busiest moment), waiting until
#      the outbox is empty (every tap answered and acknowledged): the CPU per tap of the burst, and RSS after it;
#      then SIGTERM.
# Prints a Markdown table (medians, min-max over the runs; MB = MiB, kB / 1024) for bench/BENCHMARKS.md; raw rows in
# bench/target/footprint/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK 25}/bin/java"
RUNS=3 SETTLE=5 TAPS=20 BURST=300
VARIANTS=()
while (( $# )); do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --settle) SETTLE="$2"; shift 2 ;;
    --taps) TAPS="$2"; shift 2 ;;
    --burst) BURST="$2"; shift 2 ;;
    --variant) VARIANTS+=("$2"); shift 2 ;;
    *) echo "agent-footprint: unknown option $1 (--runs N --settle S --taps N --burst N --variant 'NAME=FLAGS')" >&2; exit 2 ;;
  esac
done
if (( ${#VARIANTS[@]} == 0 )); then
  # "packaged" = JAVA_OPTS of /etc/default/instore-edge-agent (config/deb/etc/default-edge-agent); "packaged-heap-used"
  # the same with every heap page touched at start (-XX:+AlwaysPreTouch): the resident memory of a kiosk that has run
  # long enough to fill its heap once, which a run of a few seconds does not show.
  packaged="$(sed -n 's/^JAVA_OPTS="\(.*\)"$/\1/p' config/deb/etc/default-edge-agent)"
  VARIANTS=("default=" "packaged=$packaged" "packaged-heap-used=$packaged -XX:+AlwaysPreTouch")
fi
OUT="$ROOT/bench/target/footprint"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/agent-footprint.XXXXXX")"
mkdir -p "$OUT"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

TICKS="$(getconf CLK_TCK)"
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
cpu_ms() { echo $(( $(awk '{ print $14 + $15 }' "/proc/$1/stat") * 1000 / TICKS )); } # user + system of PID $1

start_hub() {
  "$JAVA" --enable-native-access=ALL-UNNAMED -Dhub.data-dir="$WORK/hub" -Dhub.http.host=127.0.0.1 -Dhub.http.port=0 \
    -Dhub.mqtt.host=127.0.0.1 -Dhub.mqtt.port=0 -Dhub.tls.enabled=false -Dhub.public-url=http://localhost \
    -jar store-hub/target/store-hub.jar --config config/hub.yaml >"$WORK/hub.log" 2>&1 &
  PIDS+=($!)
  local i
  for (( i = 0; i < 1200; i++ )); do
    MQTT_PORT="$(sed -n 's/.*store hub ready: .*MQTT port \([0-9]*\).*/\1/p' "$WORK/hub.log")"
    [[ -n "$MQTT_PORT" ]] && return 0
    sleep 0.1
  done
  echo "agent-footprint: the hub did not start (log: $WORK/hub.log)" >&2; exit 1
}

# run_agent NAME FLAGS AOT_FLAG: one run; prints
# "ready_ms cpu_ms rss_kb hwm_kb tap_mean_ms tap_max_ms cpu_after_ms burst_cpu_per_tap_ms burst_rss_kb"
run_agent() {
  local name="$1" flags="$2" aot="$3" data="$WORK/agent-$RANDOM$RANDOM" log pid port="" url t0 ready="" cpu i
  log="$data.log"
  t0="$(now_ms)"
  # shellcheck disable=SC2086
  "$JAVA" --enable-native-access=ALL-UNNAMED $flags $aot -Dagent.data-dir="$data" -Dagent.screen.host=127.0.0.1 \
    -Dagent.screen.port=0 -Dagent.mqtt.uri="tcp://127.0.0.1:$MQTT_PORT" \
    -Dagent.mqtt.password-file="$WORK/hub/kiosk-secrets/entrance.secret" -Dagent.reader.type=simulated \
    -Dagent.printer.uri=simulated -Dagent.indicator=simulated \
    -jar edge-agent/target/edge-agent.jar --config config/agent.yaml >"$log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  for (( i = 0; i < 6000; i++ )); do
    [[ -z "$port" ]] && port="$(sed -n 's|.*screen at http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$log")"
    if [[ -n "$port" ]] && curl -fsS --max-time 1 "http://127.0.0.1:$port/health" 2>/dev/null | grep -q '"ready":true'; then
      ready=$(( $(now_ms) - t0 ))
      # CPU time (user + system) the JVM spent getting there: what a busy machine does not stretch.
      cpu="$(cpu_ms "$pid")"; break
    fi
    kill -0 "$pid" 2>/dev/null || { echo "agent-footprint: the agent died ($name; log $log)" >&2; tail -5 "$log" >&2; exit 1; }
    sleep 0.01
  done
  [[ -n "$ready" ]] || { echo "agent-footprint: the agent never became ready ($log)" >&2; exit 1; }
  url="http://127.0.0.1:$port"
  curl -fsS -o /dev/null "$url/" && curl -fsS -o /dev/null "$url/kiosk.js"
  curl -sN --max-time $(( SETTLE + TAPS / 10 + BURST / 10 + 70 )) "$url/screen/events" >/dev/null 2>&1 &
  local sse=$!
  local cards=(04A22B1A5C8001 04B33C2B6D9002 04C44D3C7EA003 0400000000FFFF)
  for (( i = 0; i < TAPS; i++ )); do
    curl -fsS -o /dev/null -X POST "$url/simulate/tap" -H 'Content-Type: application/json' \
      -d "{\"type\":\"CARD_UID\",\"value\":\"${cards[i % ${#cards[@]}]}\"}" || true
    sleep 0.1
  done
  sleep "$SETTLE"
  local rss hwm taps cpu_after
  rss="$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")"
  hwm="$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")"
  cpu_after=$(( $(cpu_ms "$pid") - cpu ))
  taps="$(curl -fsS "$url/metrics" | awk '/^kiosk_tap_to_screen_seconds_(count|sum|max)/ { v[$1] = $2 }
    END { n = v["kiosk_tap_to_screen_seconds_count"]; if (n == 0) { print "- -"; exit }
      printf "%.1f %.1f", v["kiosk_tap_to_screen_seconds_sum"] / n * 1000, v["kiosk_tap_to_screen_seconds_max"] * 1000 }')"
  local burst_cpu=- burst_rss=- c0 j
  if (( BURST > 0 )); then
    c0="$(cpu_ms "$pid")"
    for (( j = 0; j < BURST; j++ )); do
      curl -fsS -o /dev/null -X POST "$url/simulate/tap" -H 'Content-Type: application/json' \
        -d "{\"type\":\"CARD_UID\",\"value\":\"$(printf '04%012X' $(( 0xB0000000 + j )))\"}" || true
    done
    for (( j = 0; j < 600; j++ )); do
      [[ "$(curl -fsS "$url/metrics" | awk '/^kiosk_taps_pending / { print $2 + 0 }')" == 0 ]] && break
      sleep 0.1
    done
    (( j < 600 )) || { echo "agent-footprint: the burst's taps were still pending after 60 s ($log)" >&2; exit 1; }
    burst_cpu="$(awk -v c=$(( $(cpu_ms "$pid") - c0 )) -v n="$BURST" 'BEGIN { printf "%.1f", c / n }')"
    burst_rss="$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")"
  fi
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  kill "$sse" 2>/dev/null || true; wait "$sse" 2>/dev/null || true
  echo "$ready $cpu $rss $hwm $taps $cpu_after $burst_cpu $burst_rss"
}

stats() { # values...: "median (min-max)"
  sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf "%s (%s-%s)", m, v[1], v[NR] }'
}

start_hub
echo "agent-footprint: hub up (MQTT port $MQTT_PORT); $RUNS runs per variant and mode, $TAPS taps, ${SETTLE}s settle" >&2
RAW="$OUT/footprint-$(date -u +%Y%m%dT%H%M%SZ).tsv"
printf 'variant\taot\tready_ms\tcpu_ms\trss_kb\thwm_kb\ttap_mean_ms\ttap_max_ms\tcpu_after_ms\tburst_cpu_per_tap_ms\tburst_rss_kb\n' \
  >"$RAW"
for variant in "${VARIANTS[@]}"; do
  name="${variant%%=*}" flags="${variant#*=}" cache="$WORK/${variant%%=*}.aot"
  run_agent "$name" "$flags" "-XX:AOTCacheOutput=$cache" >/dev/null
  [[ -s "$cache" ]] || { echo "agent-footprint: no AOT cache from the training run of $name" >&2; exit 1; }
  for (( r = 0; r < RUNS; r++ )); do
    for mode in off on; do
      aot=""; [[ "$mode" == on ]] && aot="-XX:AOTCache=$cache"
      read -r ready cpu rss hwm tap_mean tap_max cpu_after burst_cpu burst_rss < <(run_agent "$name" "$flags" "$aot")
      [[ -n "${burst_rss:-}" ]] || { echo "agent-footprint: run failed ($name, aot $mode)" >&2; exit 1; }
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$mode" "$ready" "$cpu" "$rss" "$hwm" \
        "$tap_mean" "$tap_max" "$cpu_after" "$burst_cpu" "$burst_rss" >>"$RAW"
      echo "  $name aot=$mode: ready ${ready} ms (CPU ${cpu} ms), RSS $(( rss / 1024 )) MB, peak $(( hwm / 1024 )) MB," \
        "tap-to-screen mean ${tap_mean} ms, max ${tap_max} ms, CPU after ready ${cpu_after} ms," \
        "burst CPU ${burst_cpu} ms/tap, RSS after it ${burst_rss} kB" >&2
    done
  done
done

echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo
echo "| variant | AOT cache | ready ms, median (min-max) | CPU ms to ready, median (min-max) | RSS MB, median (min-max) |" \
  "peak RSS MB, median | tap-to-screen ms, mean / max, medians | CPU ms after ready, median (min-max) |" \
  "burst: CPU ms per tap, median | RSS MB after the burst, median (min-max) |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for variant in "${VARIANTS[@]}"; do
  name="${variant%%=*}" flags="${variant#*=}"
  for mode in off on; do
    rows="$(awk -F'\t' -v n="$name" -v m="$mode" '$1 == n && $2 == m' "$RAW")"
    echo "| $name | $mode | $(cut -f3 <<<"$rows" | stats) | $(cut -f4 <<<"$rows" | stats) |" \
      "$(cut -f5 <<<"$rows" | awk '{ printf "%.1f\n", $1 / 1024 }' | stats) |" \
      "$(cut -f6 <<<"$rows" | awk '{ printf "%.1f\n", $1 / 1024 }' | stats | cut -d' ' -f1) |" \
      "$(cut -f7 <<<"$rows" | stats | cut -d' ' -f1) / $(cut -f8 <<<"$rows" | stats | cut -d' ' -f1) |" \
      "$(cut -f9 <<<"$rows" | stats) | $(cut -f10 <<<"$rows" | stats | cut -d' ' -f1) |" \
      "$( (( BURST > 0 )) && cut -f11 <<<"$rows" | awk '{ printf "%.1f\n", $1 / 1024 }' | stats || echo -) |"
  done
done
echo
for variant in "${VARIANTS[@]}"; do echo "- ${variant%%=*}: \`${variant#*=}\`"; done
echo "raw: $RAW" >&2
