#!/usr/bin/env bash
# Hot frames of a JFR recording: bench/jfr-top.sh file.jfr [lines=25] [mode=top|inclusive|package]
#   top:       samples by their top frame (the method running)
#   inclusive: samples by every distinct method on their stack (where the time goes, callers included)
#   package:   samples by the first frame's package, 3 levels (who burns the CPU: jackson, jsonata, hc...)
# JFR_FROM / JFR_TO (HH:MM:SS, as in the fleet's log lines) keep only the samples of that span, e.g.
# one phase of a full sync.
set -euo pipefail
file=$1; lines=${2:-25}; mode=${3:-top}
jfr print --events jdk.ExecutionSample --stack-depth 64 "$file" | python3 -c '
import sys, collections, re, os
mode = sys.argv[1]; lines = int(sys.argv[2])
counts = collections.Counter(); frames = []; inside = False; total = 0
since, until = os.environ.get("JFR_FROM", ""), os.environ.get("JFR_TO", "99")
when = ""
def wanted():
    return since <= when[:len(since)] and when[:len(until)] <= until
def package(frame):
    name = frame.split("(")[0]
    parts = name.split(".")
    return ".".join(parts[:3])
for line in sys.stdin:
    s = line.strip()
    if s.startswith("startTime = "): when = s[len("startTime = "):]; continue
    if s.startswith("stackTrace = ["): inside = True; frames = []; continue
    if inside and s.startswith("]"):
        inside = False
        if not wanted(): continue
        total += 1
        if not frames: continue
        if mode == "top": counts[frames[0]] += 1
        elif mode == "package": counts[package(frames[0])] += 1
        else:
            for f in set(frames): counts[f] += 1
        continue
    if inside and s and s != "...":
        frames.append(re.sub(r"\s+line:.*$", "", s))
for frame, n in counts.most_common(lines):
    print(f"{100.0*n/max(total,1):5.1f}%  {frame}")
print(f"{total} samples")
' "$mode" "$lines"
