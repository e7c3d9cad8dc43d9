#!/usr/bin/env python3
"""Grading times: warm `grade`, the hidden tests alone, the slowest test, cold starts, and
what the dev-profile tuning costs and buys.

  1. `cargo checker grade --solutions` warm, all exercises (median of N runs), both runners;
  2. the hidden tests alone: every day's graded binary run directly (no cargo), and the
     slowest single test as nextest times it;
  3. fresh clone → first verdict (`cargo checker grade --exercise 1.1`) with the registry
     already cached: the student's cold start;
  4. the profile trade-off: a cold build of all day crates with their hidden tests, and the
     hidden-test run time, with the course's dev profile and with cargo's default one.

usage: bench/grade_times.py [--runs 5] [--skip-cold]
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def default_profile():
    """`--config` overrides that give cargo's default dev profile (-O0, full debug info),
    including for the packages the course's profile names."""
    profile = tomllib.loads((ROOT / "Cargo.toml").read_text())["profile"]["dev"]
    args = ["--config", "profile.dev.opt-level=0", "--config", "profile.dev.debug=true"]
    for package in profile.get("package", {}):
        key = f'profile.dev.package."{package}"'
        args += ["--config", f"{key}.opt-level=0", "--config", f"{key}.debug=true"]
    return args


def timed(cmd, cwd, env=None, check=True):
    start = time.monotonic()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env)
    elapsed = time.monotonic() - start
    if check and proc.returncode not in (0, 1):
        raise SystemExit(f"`{' '.join(cmd)}` failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return elapsed, proc


def days(root):
    course = tomllib.loads((root / "course.toml").read_text())
    return [d["crate"] for d in course["days"]]


def build_graded(root, target_dir, extra=()):
    """Builds every day's solutions with their hidden tests; returns (seconds, executables)."""
    cmd = ["cargo", "build", "--tests", "--message-format", "json", "--target-dir", str(target_dir),
           *extra]
    for day in days(root):
        cmd += ["-p", f"{day}_solution", "-p", f"{day}_graded", "--features", f"{day}_graded/solutions"]
    elapsed, proc = timed(cmd, root)
    exes = []
    for line in proc.stdout.splitlines():
        msg = json.loads(line)
        if msg.get("reason") == "compiler-artifact" and msg.get("executable") \
                and msg["target"]["name"] == "graded":
            exes.append(msg["executable"])
    return elapsed, exes


def run_graded(exes):
    """Runs every graded binary in-process (libtest threads); returns seconds."""
    start = time.monotonic()
    for exe in exes:
        subprocess.run([exe], capture_output=True, env=dict(os.environ, RUST_BACKTRACE="0"))
    return time.monotonic() - start


def slowest_tests(root, target_dir, top=5):
    config = target_dir / "bench-nextest.toml"
    config.write_text(
        f'[store]\ndir = "{target_dir / "nextest"}"\n'
        "[profile.bench]\nfail-fast = false\n[profile.bench.junit]\npath = \"junit.xml\"\n"
    )
    cmd = ["cargo", "nextest", "run", "--profile", "bench", "--config-file", str(config),
           "--target-dir", str(target_dir), "-E", "binary(graded)"]
    for day in days(root):
        cmd += ["-p", f"{day}_solution", "-p", f"{day}_graded", "--features", f"{day}_graded/solutions"]
    elapsed, _ = timed(cmd, root)
    import xml.etree.ElementTree as ET
    cases = ET.parse(target_dir / "nextest/bench/junit.xml").getroot().iter("testcase")
    times = sorted(((float(c.get("time")), c.get("name")) for c in cases), reverse=True)
    return elapsed, times[:top], sum(t for t, _ in times), len(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-cold", action="store_true")
    args = parser.parse_args()

    print("1. warm `cargo checker grade --solutions` (all exercises)")
    for runner in ("processes", "nextest"):
        cmd = ["cargo", "checker", "--runner", runner, "grade", "--solutions"]
        timed(cmd, ROOT)  # warm-up
        samples = [timed(cmd, ROOT)[0] for _ in range(args.runs)]
        print(f"   {runner:10} median {statistics.median(samples):.2f} s "
              f"(min {min(samples):.2f}, max {max(samples):.2f}, {args.runs} runs)")

    target = ROOT / "target" / "checker"
    _, exes = build_graded(ROOT, target)
    samples = [run_graded(exes) for _ in range(args.runs)]
    print(f"\n2. hidden tests alone, {len(exes)} graded binaries run directly: "
          f"median {statistics.median(samples):.2f} s")
    _, slow, total, count = slowest_tests(ROOT, target)
    print(f"   nextest: {count} graded tests, {total:.2f} s of test time in all; slowest:")
    for seconds, name in slow:
        print(f"     {seconds*1000:7.1f} ms  {name}")

    if args.skip_cold:
        return
    work = Path(tempfile.mkdtemp(prefix="gradlings-cold-"))
    try:
        clone = work / "course"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        env = dict(os.environ, GRADLINGS_TARGET_DIR=str(work / "checker-target"))
        cold, proc = timed(["cargo", "checker", "grade", "--exercise", "1.1"], clone, env=env)
        print(f"\n3. fresh clone → first verdict (`cargo checker grade --exercise 1.1`, registry cached): "
              f"{cold:.1f} s (exit {proc.returncode})")

        print("\n4. dev-profile trade-off (cold build of all days + hidden tests; then the tests)")
        for label, extra in (("course profile", ()), ("cargo default (-O0)", default_profile())):
            tdir = work / ("t-" + str(len(label)))
            build, exes = build_graded(clone, tdir, extra)
            run = statistics.median(run_graded(exes) for _ in range(3))
            print(f"   {label:38} cold build {build:6.1f} s   hidden tests {run:6.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
