#!/usr/bin/env bash
# Alternates `bench images` of two builds (OLD and NEW runnable jars) and prints, per run, the bench's lines,
# `uptime` before and after, and the CPU seconds of each JVM thread group (workers, C1, C2, main) from
# thread_cpu.py. Used for bench/README.md, "Images against PIL after the images branch".
#   bash bench/images/alternate.sh OLD.jar NEW.jar > alternate.log
# Build the old side elsewhere, for example:
#   git archive cf49f74 | tar -x -C /tmp/old && (cd /tmp/old && mvn -B -o -q -DskipTests package -pl cli -am)
set -u
OLD=$1
NEW=$2
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
run() { # label jar bench-options...
  local label=$1 jar=$2; shift 2
  echo "=== $label $* | $(date -u +%H:%M:%S) load before:$(uptime | sed 's/.*average://')"
  python3 "$here/thread_cpu.py" java -Xmx4g -Djava.awt.headless=true ${JFLAGS:-} -jar "$jar" bench images "$@" 2>&1 \
    | grep -vE "^\s*$"
  echo "    load after:$(uptime | sed 's/.*average://')"
}
for i in 1 2 3; do run old "$OLD" --count 20000 --python; run new "$NEW" --count 20000 --python; done
for i in 1 2; do run old "$OLD" --count 20000 --in-memory --python; run new "$NEW" --count 20000 --in-memory --python; done
for i in 1 2; do run old "$OLD" --count 20000 --threads 1; run new "$NEW" --count 20000 --threads 1; done
for i in 1 2; do run old "$OLD" --count 20000 --in-memory --threads 1; run new "$NEW" --count 20000 --in-memory --threads 1; done
run old "$OLD" --count 40000; run new "$NEW" --count 40000
run old "$OLD" --count 60000 --in-memory; run new "$NEW" --count 60000 --in-memory
JFLAGS=-XX:TieredStopAtLevel=1 run new-C1-only "$NEW" --count 20000
