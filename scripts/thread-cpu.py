#!/usr/bin/env python3
"""Runs one LoadHarness and says how much CPU each kind of thread used (BENCHMARKS.md).

Usage: scripts/thread-cpu.py JAR "20000 100 inbox" [LOG]

Reads /proc/<pid>/task/*/stat every 0.2 s while the run lasts (the whole run, start included) and
sums each thread's user and system time by kind: "jit" (the C1 and C2 compiler threads), "worker"
(a raw inbox's worker, `<channel>-inbox`), "main" (the launcher's thread, which runs the harness:
the reading thread of the channels' path), "other". Prints one line (and appends it to LOG).
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

jar, args = sys.argv[1], sys.argv[2].split()
log = sys.argv[3] if len(sys.argv) > 3 else None
tmp = tempfile.mkdtemp(prefix="thread-cpu.", dir="/tmp")
load_before = open("/proc/loadavg").read().split()[0]
started = time.strftime("%H:%M:%S", time.gmtime())
run = subprocess.Popen(
    ["java", "-Djava.io.tmpdir=" + tmp, "-Xmx256m", "-XX:+UseSerialGC", "-cp", jar,
     "org.aidbridge.benchmarks.LoadHarness"] + args,
    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
ticks = os.sysconf("SC_CLK_TCK")
last = {}  # thread id -> (name, CPU seconds so far)
while run.poll() is None:
    try:
        for tid in os.listdir("/proc/%d/task" % run.pid):
            try:
                stat = open("/proc/%d/task/%s/stat" % (run.pid, tid)).read()
            except (FileNotFoundError, ProcessLookupError):
                continue
            name = stat[stat.index("(") + 1:stat.rindex(")")]
            fields = stat[stat.rindex(")") + 2:].split()
            last[tid] = (name, (int(fields[11]) + int(fields[12])) / ticks)
    except FileNotFoundError:
        pass
    time.sleep(0.2)
printed = run.stdout.read().strip().splitlines()
kinds = {}
for name, cpu in last.values():
    kind = ("jit" if "Compiler" in name else "worker" if name.endswith("-inbox")
            else "main" if name == "java" else "other")
    kinds[kind] = kinds.get(kind, 0) + cpu
line = "%s %s load %s->%s | jit %.1f s, worker %.1f s, main %.1f s, other %.1f s | %s" % (
    started, os.path.basename(jar), load_before, open("/proc/loadavg").read().split()[0],
    kinds.get("jit", 0), kinds.get("worker", 0), kinds.get("main", 0), kinds.get("other", 0),
    printed[-1] if printed else "(no output)")
print(line)
if log:
    with open(log, "a") as out:
        out.write(line + "\n")
shutil.rmtree(tmp, ignore_errors=True)
