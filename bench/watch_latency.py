#!/usr/bin/env python3
"""Save → verdict latency in watch mode: gradlings vs rustlings vs the bare floor.

For each of N rounds, in one run so all three see the same machine load:
  gradlings  `cargo checker` watching Day 2's exercise 2.1 in tmux; the script writes a
             passing or a failing version of the file and times until the new verdict shows;
  rustlings  `rustlings` (installed from crates.io) watching `iterators2`, same procedure;
  floor      the same edit in a separate copy of the course, then the least any runner must
             do: `cargo test --no-run` of the exercise crate and its hidden tests, plus running
             that exercise's tests.
Prints the median, 10th and 90th percentile of each, and the ratios.

usage: bench/watch_latency.py [--rounds 15] [--rustlings PATH] [--keep]
Needs tmux; rustlings from `cargo install rustlings` (pass its path if it is not on PATH).
"""

import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXERCISE = "exercises/day2_gradients/src/partials.rs"
SOLUTION = "solutions/day2_gradients/src/partials.rs"


def run(cmd, cwd, **kw):
    return subprocess.run(cmd, cwd=cwd, check=True, text=True, capture_output=True, **kw)


def pane(session):
    out = subprocess.run(
        # The visible screen only: scrollback may still hold an earlier verdict.
        ["tmux", "capture-pane", "-p", "-t", session],
        capture_output=True, text=True,
    )
    return out.stdout


def wait_for(session, predicate, timeout=120.0):
    """Polls the pane every 5 ms; returns the time the predicate first held."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate(pane(session)):
            return time.monotonic()
        time.sleep(0.005)
    raise TimeoutError(f"{session}: no verdict within {timeout} s:\n{pane(session)[-2000:]}")


def start(session, cwd, command, env=None):
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    envs = " ".join(f"{k}={v}" for k, v in (env or {}).items())
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "60",
         f"cd {cwd} && {envs} {command}"],
        check=True,
    )


def write(path, text):
    # Write then rename, like most editors: one complete save, one file event.
    tmp = path.with_name(path.name + ".bench~")
    tmp.write_text(text)
    os.replace(tmp, path)


class Gradlings:
    name = "gradlings (2.1, hidden + visible tests)"

    def __init__(self, work):
        self.dir = work / "gradlings"
        run(["git", "clone", "-q", str(ROOT), str(self.dir)], cwd=work)
        self.file = self.dir / EXERCISE
        good = (self.dir / SOLUTION).read_text()
        # A plausible wrong answer: the central difference divided by h instead of 2h.
        bad = good.replace("/ (2.0 * h)", "/ h", 1)
        assert bad != good, "the solution changed: update the benchmark's wrong variant"
        self.variants = [(good, "tests passed"), (bad, "✗")]
        run(["cargo", "build", "-q", "-p", "gradlings-checker"], cwd=self.dir)
        # Warm the checker's target directory: the benchmark measures saves, not first builds.
        subprocess.run(["cargo", "checker", "grade", "--day", "2"], cwd=self.dir, capture_output=True)
        state = '{"format_version": 1, "current": "2.1", "done": [], "hints_shown": {}}\n'
        (self.dir / ".gradlings-state.json").write_text(state)
        start("bench-gradlings", self.dir, str(self.dir / "target/debug/checker"))
        wait_for("bench-gradlings", lambda t: "2.1" in t and "Checking" not in t and "✗" in t)

    def save(self, round_):
        text, expect = self.variants[round_ % 2]
        t0 = time.monotonic()
        write(self.file, text)
        t1 = wait_for("bench-gradlings", lambda t: expect in t and "Checking" not in t)
        return t1 - t0


ITERATORS2_SOLUTION = '''
fn capitalize_first(input: &str) -> String {
    let mut chars = input.chars();
    match chars.next() {
        None => String::new(),
        Some(first) => first.to_uppercase().to_string() + chars.as_str(),
    }
}

fn capitalize_words_vector(words: &[&str]) -> Vec<String> {
    words.iter().map(|word| capitalize_first(word)).collect()
}

fn capitalize_words_string(words: &[&str]) -> String {
    words.iter().map(|word| capitalize_first(word)).collect()
}

fn main() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_success() {
        assert_eq!(capitalize_first("hello"), "Hello");
    }

    #[test]
    fn test_empty() {
        assert_eq!(capitalize_first(""), "");
    }

    #[test]
    fn test_iterate_string_vec() {
        let words = vec!["hello", "world"];
        assert_eq!(capitalize_words_vector(&words), ["Hello", "World"]);
    }

    #[test]
    fn test_iterate_into_string() {
        let words = vec!["hello", " ", "world"];
        assert_eq!(capitalize_words_string(&words), "Hello World");
    }
}
'''


class Rustlings:
    name = "rustlings (iterators2)"

    def __init__(self, work, binary):
        self.dir = work / "rustlings"
        subprocess.run([binary, "init"], cwd=work, input="\n", text=True, capture_output=True,
                       check=True)
        self.file = next(self.dir.glob("exercises/*/iterators2.rs"))
        good = ITERATORS2_SOLUTION
        bad = good.replace("first.to_uppercase().to_string()", "first.to_string()", 1)
        self.variants = [(good, "Exercise done"), (bad, "test result: FAILED")]
        # Start at iterators2: rustlings keeps the current exercise in its state file.
        state = "DON'T EDIT THIS FILE!\n\niterators2\n\n"
        (self.dir / ".rustlings-state.txt").write_text(state)
        start("bench-rustlings", self.dir, binary)
        wait_for("bench-rustlings", lambda t: "Current exercise" in t, timeout=300)

    def save(self, round_):
        text, expect = self.variants[round_ % 2]
        t0 = time.monotonic()
        write(self.file, text)
        t1 = wait_for("bench-rustlings", lambda t: expect in t)
        return t1 - t0


class Floor:
    name = "floor (cargo test --no-run + run 2.1's tests)"

    def __init__(self, work):
        self.dir = work / "floor"
        run(["git", "clone", "-q", str(ROOT), str(self.dir)], cwd=work)
        self.file = self.dir / EXERCISE
        good = (self.dir / SOLUTION).read_text()
        self.variants = [good, good.replace("/ (2.0 * h)", "/ h", 1)]
        self.build = ["cargo", "test", "--no-run", "-q", "--message-format", "json",
                      "-p", "day2_gradients", "-p", "day2_gradients_graded",
                      "--features", "day2_gradients_graded/student"]
        self.binaries()

    def binaries(self):
        import json
        out = subprocess.run(self.build, cwd=self.dir, capture_output=True, text=True).stdout
        exes = []
        for line in out.splitlines():
            msg = json.loads(line)
            if msg.get("reason") == "compiler-artifact" and msg.get("executable"):
                name = msg["target"]["name"]
                if name in ("graded", "day2_gradients"):
                    exes.append(msg["executable"])
        return exes

    def save(self, round_):
        t0 = time.monotonic()
        write(self.file, self.variants[round_ % 2])
        for exe in self.binaries():
            subprocess.run([exe, "partials::"], capture_output=True)
        return time.monotonic() - t0


def summary(name, samples):
    s = sorted(samples)
    q = statistics.quantiles(s, n=10)
    return name, statistics.median(s), q[0], q[-1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--rustlings", default=shutil.which("rustlings") or "rustlings")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="gradlings-bench-"))
    print(f"work directory: {work}")
    targets = [Gradlings(work), Rustlings(work, args.rustlings), Floor(work)]
    samples = {t.name: [] for t in targets}
    # Two warm-up rounds per target, not counted.
    for r in range(args.rounds + 2):
        for target in targets:
            elapsed = target.save(r)
            if r >= 2:
                samples[target.name].append(elapsed)
            time.sleep(0.3)
    for session in ("bench-gradlings", "bench-rustlings"):
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)

    rows = [summary(name, s) for name, s in samples.items()]
    print(f"\nsave → verdict, {args.rounds} saves each (alternating a passing and a failing file)\n")
    print(f"{'':48} {'median':>8} {'p10':>8} {'p90':>8}")
    for name, med, p10, p90 in rows:
        print(f"{name:48} {med*1000:7.0f}ms {p10*1000:7.0f}ms {p90*1000:7.0f}ms")
    ours, theirs, floor = (r[1] for r in rows)
    print(f"\ngradlings / rustlings = {ours / theirs:.2f}    gradlings / floor = {ours / floor:.2f}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
