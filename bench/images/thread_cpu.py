#!/usr/bin/env python3
"""Runs a command and prints, when it ends, the CPU seconds (user, kernel) of its threads grouped by name
(trailing digits dropped: "C2 CompilerThread0" and "...1" count together), from /proc/<pid>/task/*/stat
polled every 50 ms (a thread that ends between two polls loses its last 50 ms). Linux only.

    python3 bench/images/thread_cpu.py java -jar cli/target/batchscope.jar bench images --count 20000
"""
import subprocess, sys, os, time, collections, re
tck = os.sysconf('SC_CLK_TCK')
p = subprocess.Popen(sys.argv[1:])
last = {}
while p.poll() is None:
    try:
        for t in os.listdir(f'/proc/{p.pid}/task'):
            try:
                s = open(f'/proc/{p.pid}/task/{t}/stat').read()
            except OSError:
                continue
            name = s[s.index('(')+1:s.rindex(')')]
            f = s[s.rindex(')')+2:].split()
            last[t] = (name, int(f[11]) / tck, int(f[12]) / tck)
    except OSError:
        pass
    time.sleep(0.05)
g = collections.defaultdict(lambda: [0.0, 0.0])
for name, u, s in last.values():
    key = re.sub(r'\d+$', '', name).strip()
    g[key][0] += u; g[key][1] += s
tot = sum(u + s for u, s in g.values())
for k, (u, s) in sorted(g.items(), key=lambda kv: -sum(kv[1])):
    if u + s > 0.05:
        print(f'  {k:24s} user {u:6.2f} sys {s:6.2f}', file=sys.stderr)
print(f'  total (threads seen)     {tot:6.2f}', file=sys.stderr)
sys.exit(p.returncode)
