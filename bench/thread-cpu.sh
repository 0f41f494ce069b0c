#!/usr/bin/env bash
# CPU used by each thread of a running process over a window, summed by thread name (numbers stripped), busiest first,
# and the bytes it wrote to disk meanwhile. Usage: bench/thread-cpu.sh PID [SECONDS]   (default 20)
# E.g. the packaged hub during `./run bench --hub-process ...`: bench/thread-cpu.sh "$(pgrep -f store-hub.jar)" 24
set -euo pipefail
pid=${1:?usage: bench/thread-cpu.sh PID [SECONDS]}
seconds=${2:-20}
[ -d "/proc/$pid" ] || { echo "thread-cpu: no process $pid" >&2; exit 1; }

snapshot() { # "name ticks" per thread; the name may hold spaces, so take it from between the parentheses
    for stat in /proc/"$pid"/task/*/stat; do
        line=$(cat "$stat" 2>/dev/null) || continue
        name=${line#*(}; name=${name%)*}; rest=${line##*) }
        set -- $rest
        echo "${name//[0-9 -]/} $(( ${12} + ${13} ))"
    done
}
written() { awk '/^write_bytes/ {print $2}' /proc/"$pid"/io; }

before=$(snapshot); w0=$(written)
sleep "$seconds"
after=$(snapshot); w1=$(written)
hz=$(getconf CLK_TCK)
awk -v hz="$hz" -v s="$seconds" 'NR == FNR { b[$1] += $2; next } { a[$1] += $2 }
    END { for (n in a) { d = (a[n] - b[n]) / hz; t += d; if (d > 0) printf "%8.2f s %5.2f cores  %s\n", d, d / s, n }
          printf "%8.2f s %5.2f cores  (all threads)\n", t, t / s }' \
    <(echo "$before") <(echo "$after") | sort -rn
echo "disk writes: $(( (w1 - w0) / seconds / 1024 )) KiB/s"
