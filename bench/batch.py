#!/usr/bin/env python3
"""Roster grading: `cargo checker batch` on 30 generated submissions of the real course.

The submissions are copies of the student template (`checker export student`), as students
would push them:
  solved       every exercise file replaced by its solution                        (8)
  partial      the first k exercises in course order solved, the rest stubs        (10)
  broken       partial, plus a syntax error in one exercise file                   (4)
  looping      solved, but one function loops forever                              (3)
  tampered     a partial one with its hidden tests emptied, an exercise manifest
               broken and course.toml's points raised: must score like its twin    (2)
  exits        solved, but one function calls std::process::exit(0)                (1)
  missing      partial, without day 2's lib.rs and without one file of day 1       (1)
  chatty       solved, but one function prints 20 MB before answering              (1)

Then it times the batch twice in one target directory: cold (compiling the dependencies
once) and warm (again, as after a re-submission). Finally it checks every row of the CSV
against a single `cargo checker grade --tests COURSE` of that submission (and, for a sample,
against a plain `cargo checker grade` inside it), and that each tampered submission scores
exactly like its untampered twin.

Copies grade fast: a day whose sources are byte for byte those of a day graded before (the
stubs of an unstarted day, or a solution copied whole) is not built again. Real students'
code differs; `--distinct` marks every changed file with its submission's name, so that only
unstarted days repeat — the realistic case, and the slower one.

usage: bench/batch.py [--distinct] [--runner auto|nextest|processes] [--work DIR]
                      [--target-dir DIR] [--plain 3] [--timing-only] [--keep]
"""

import argparse
import csv
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(cmd, env=None, cwd=None, check=True):
    started = time.monotonic()
    done = subprocess.run(cmd, cwd=cwd, env=env, text=True, capture_output=True)
    elapsed = time.monotonic() - started
    if check and done.returncode not in (0, 1):
        sys.exit(f"failed ({done.returncode}): {' '.join(map(str, cmd))}\n{done.stdout}\n{done.stderr}")
    return done, elapsed


def build_checker(target_dir):
    cmd = ["cargo", "build", "--quiet", "-p", "gradlings-checker", "--target-dir", str(target_dir)]
    subprocess.run(cmd, cwd=ROOT, check=True)
    return Path(target_dir) / "debug" / "checker"


def course():
    manifest = tomllib.loads((ROOT / "course.toml").read_text())
    days = {d["day"]: d["crate"] for d in manifest["days"]}
    exercises = [
        {"id": e["id"], "day": days[e["day"]], "name": e["name"], "points": e["points"]}
        for e in manifest["exercises"]
    ]
    return days, exercises


def solve(sub, exercise):
    rel = Path(exercise["day"]) / "src" / f"{exercise['name']}.rs"
    shutil.copy(ROOT / "solutions" / rel, sub / "exercises" / rel)


def exercise_file(sub, exercise):
    return sub / "exercises" / exercise["day"] / "src" / f"{exercise['name']}.rs"


def prepend_to_a_function(sub, template, exercises, rng, statement):
    """Puts `statement` first in a graded function: a top-level `pub fn` (one-line signature)
    whose stub is `todo!()`, in a random exercise file."""
    for exercise in rng.sample(exercises, len(exercises)):
        stub = exercise_file(template, exercise).read_text()
        for match in re.finditer(r"^pub fn [^\n]*\{\n", stub, re.MULTILINE):
            body = stub[match.end():].split("\n}\n", 1)[0]
            if "todo!()" not in body:
                continue
            path = exercise_file(sub, exercise)
            text = path.read_text()
            at = text.index(match.group(0)) + len(match.group(0))
            path.write_text(text[:at] + f"    {statement}\n" + text[at:])
            return
    raise AssertionError("no exercise file has a one-line top-level pub fn with a todo!() stub")


def make_distinct(sub, template, exercises, label):
    """Marks every exercise file that differs from its stub, so that no two submissions
    share a changed day (real students' code differs; copies would be graded once)."""
    for exercise in exercises:
        path = exercise_file(sub, exercise)
        if path.exists() and path.read_text() != exercise_file(template, exercise).read_text():
            with path.open("a") as f:
                f.write(f"\n// submitted by {label}\n")


def generate(template, out, exercises, rng, distinct):
    """Returns {folder: (kind, twin folder or None)}."""
    kinds = (["solved"] * 8 + ["partial"] * 10 + ["broken"] * 4 + ["looping"] * 3
             + ["tampered"] * 2 + ["exits", "missing", "chatty"])
    plan = {}
    partials = []
    for i, kind in enumerate(kinds):
        folder = f"week2-calculus-student{i + 1:02d}"
        sub = out / folder
        shutil.copytree(template, sub, symlinks=True)
        solved = len(exercises) if kind in ("solved", "looping", "exits", "chatty") \
            else rng.randrange(3, len(exercises) - 2)
        twin = None
        if kind == "tampered":
            twin = partials[len(plan) % len(partials)]
            shutil.rmtree(sub)
            shutil.copytree(out / twin, sub, symlinks=True)
            day1_tests = next((sub / "tests").glob("day1_*")) / "graded" / "tests" / "graded.rs"
            day1_tests.write_text("// nothing to see here\n")
            (sub / "exercises" / exercises[0]["day"] / "Cargo.toml").write_text("[package]\nname = \"x\"\n")
            manifest = sub / "course.toml"
            manifest.write_text(re.sub(r"points = \d+", "points = 1000", manifest.read_text()))
            plan[folder] = (kind, twin)
            continue
        for exercise in exercises[:solved]:
            solve(sub, exercise)
        target = exercise_file(sub, exercises[rng.randrange(0, solved)])
        if kind == "broken":
            with target.open("a") as f:
                f.write("\nfn unfinished( {\n")
        elif kind == "looping":
            prepend_to_a_function(sub, template, exercises, rng, "loop { std::hint::black_box(0u8); }")
        elif kind == "exits":
            prepend_to_a_function(sub, template, exercises, rng, "std::process::exit(0);")
        elif kind == "chatty":
            prepend_to_a_function(
                sub, template, exercises, rng, 'for _ in 0..200_000 { println!("{}", "x".repeat(100)); }'
            )
        elif kind == "missing":
            day2 = [e for e in exercises if e["day"].startswith("day2")][0]["day"]
            (sub / "exercises" / day2 / "src" / "lib.rs").unlink()
            exercise_file(sub, exercises[2]).unlink()
        elif kind == "partial":
            partials.append(folder)
        if distinct:
            make_distinct(sub, template, exercises, folder)
        plan[folder] = (kind, twin)
    return plan


def read_sheet(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    return {row["student"]: row for row in rows}


def touch_tree(path):
    """Cargo decides what to rebuild from modification times, by paths relative to the
    workspace. Copies of one course graded in one target directory must therefore be newer
    than the previous build, or cargo takes that build for theirs."""
    now = time.time()
    for dirpath, _, files in os.walk(path):
        for name in files:
            os.utime(Path(dirpath) / name, (now, now))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, help="where to put submissions and builds (default: a temp dir)")
    parser.add_argument("--target-dir", type=Path, default=ROOT / "target", help="cargo target dir for the checker itself")
    parser.add_argument("--plain", type=int, default=3, help="submissions also graded with a plain `grade` inside them")
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--runner", default="auto", choices=["auto", "nextest", "processes"],
                        help="the batch's test runner (the checks use the default)")
    parser.add_argument("--timing-only", action="store_true", help="skip the checks of the CSV")
    parser.add_argument("--distinct", action="store_true",
                        help="make every changed file unique to its submission (no copies)")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    args = parser.parse_args()

    work = args.work or Path(tempfile.mkdtemp(prefix="gradlings-batch-"))
    work.mkdir(parents=True, exist_ok=True)
    checker = build_checker(args.target_dir)
    days, exercises = course()
    max_score = sum(e["points"] for e in exercises)
    print(f"course: {len(exercises)} exercises, {max_score} points; work dir {work}")

    template = work / "template"
    if template.exists():
        shutil.rmtree(template)
    run([checker, "--course", ROOT, "export", "student", template])
    submissions = work / "submissions"
    if submissions.exists():
        shutil.rmtree(submissions)
    submissions.mkdir()
    plan = generate(template, submissions, exercises, random.Random(args.seed), args.distinct)

    batch_target = work / "batch-target"
    if batch_target.exists():
        shutil.rmtree(batch_target)
    env = dict(os.environ, GRADLINGS_TARGET_DIR=str(batch_target), NO_COLOR="1")
    timings = []
    for label in ("cold", "warm"):
        sheet = work / f"grades-{label}.csv"
        cmd = [checker, "--course", ROOT, "--runner", args.runner, "batch", submissions,
               "--csv", sheet, "--feedback", work / f"feedback-{label}"]
        done, elapsed = run(cmd, env=env)
        timings.append((label, elapsed))
        print(f"batch ({label}): {elapsed:.1f} s  — {done.stdout.strip()}")
    cold, warm = read_sheet(work / "grades-cold.csv"), read_sheet(work / "grades-warm.csv")

    problems = []
    if args.timing_only:
        for label, elapsed in timings:
            print(f"| batch, {label}, runner {args.runner} | {len(plan)} | {elapsed:.0f} s |")
        return
    if cold.keys() != warm.keys() or any(cold[k]["total"] != warm[k]["total"] for k in cold):
        problems.append("the cold and warm runs disagree")
    verify_env = dict(os.environ, GRADLINGS_TARGET_DIR=str(work / "verify-target"), NO_COLOR="1")
    single_times = []
    print(f"\n{'student':<12} {'kind':<9} {'batch':>6} {'single':>7}")
    for folder, (kind, twin) in plan.items():
        student = folder.removeprefix("week2-calculus-")
        cmd = [checker, "--course", submissions / folder, "grade", "--tests", ROOT, "--format", "json"]
        done, elapsed = run(cmd, env=verify_env, check=False)
        single_times.append(elapsed)
        total = int(cold[student]["total"])
        if done.returncode == 2:
            # The checker refuses a checkout whose course.toml names a file it lacks (exit 2,
            # naming the file); the batch grades what is there instead.
            said = done.stderr.strip().splitlines()[0] if done.stderr.strip() else "?"
            print(f"{student:<12} {kind:<9} {total:>6} refused: {said}")
            if kind != "missing":
                problems.append(f"{student}: single grade refused: {said}")
            continue
        single = json.loads(done.stdout)["score"]
        flag = "" if single == total else "  ✗ MISMATCH"
        print(f"{student:<12} {kind:<9} {total:>6} {single:>7}{flag}")
        if flag:
            problems.append(f"{student}: batch {total}, single grade {single}")
        if kind == "solved" and total != max_score:
            problems.append(f"{student}: solved, but {total} of {max_score}")
        if twin and total != int(cold[twin.removeprefix('week2-calculus-')]["total"]):
            problems.append(f"{student}: tampered, but scores unlike its twin {twin}")

    # One of each kind whose sources are all a plain `grade` needs.
    sample = {}
    for folder, (kind, _) in plan.items():
        if kind in ("partial", "broken", "solved"):
            sample.setdefault(kind, folder)
    for folder in list(sample.values())[: args.plain]:
        sub = submissions / folder
        touch_tree(sub)
        plain_env = dict(os.environ, GRADLINGS_TARGET_DIR=str(work / "plain-target"), NO_COLOR="1")
        done, elapsed = run([checker, "--course", sub, "grade", "--format", "json"], env=plain_env)
        score = json.loads(done.stdout)["score"]
        total = int(cold[folder.removeprefix("week2-calculus-")]["total"])
        print(f"plain grade in {folder}: {score} (batch {total}, {elapsed:.0f} s)")
        if score != total:
            problems.append(f"{folder}: plain grade {score}, batch {total}")

    print("\n| run | submissions | wall time | per submission |")
    print("|---|--:|--:|--:|")
    for label, elapsed in timings:
        print(f"| batch, {label} | {len(plan)} | {elapsed:.0f} s | {elapsed / len(plan):.1f} s |")
    print(f"| single `grade --tests`, each | {len(plan)} | {sum(single_times):.0f} s | {sum(single_times) / len(plan):.1f} s |")
    print(f"\nload average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    if problems:
        print("\nPROBLEMS:\n  " + "\n  ".join(problems))
    else:
        print("\nevery row matches its single grade; solved = full points; tampered = twin")
    if not args.keep and not args.work:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
