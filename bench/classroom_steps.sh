#!/usr/bin/env bash
# The generated GitHub Classroom workflow, step by step, on this machine: its first build
# and every graded command, run the way the Classroom command grader runs them (`sh -c` with
# only PATH and HOME from the environment), first on the exercises as they are (the stubs:
# no points) and then with `--solutions` appended (all points). Prints each step's exit
# code, seconds and points, and the totals.
#
# usage: bench/classroom_steps.sh [--keep DIR]
#   Runs in a copy of the course (without target/ and .git/), so the numbers include a cold
#   build and nothing is shared with other builds. --keep DIR reuses (or creates) that copy:
#   a second run then measures warm steps only.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
workflow=".github/workflows/classroom.yml"
copy=""
if [[ "${1:-}" == "--keep" ]]; then
    copy="${2:?--keep needs a directory}"
fi
if [[ -z "$copy" ]]; then
    copy="$(mktemp -d)"
    trap 'rm -rf "$copy"' EXIT
fi
mkdir -p "$copy"
tar -C "$root" --exclude=./target --exclude=./.git -cf - . | tar -C "$copy" -xf -
cd "$copy"

# The grader's environment: PATH and HOME survive, nothing else does.
grader() {
    env -i PATH="$PATH" HOME="$HOME" FORCE_COLOR=true sh -c "$1"
}

seconds_since() {
    echo "$(( $(date +%s%N) / 1000000 - $1 ))" | awk '{ printf "%.1f", $1 / 1000 }'
}

now_ms() {
    echo $(( $(date +%s%N) / 1000000 ))
}

# The warm-up step's command, and each graded step's command and points, from the workflow.
warm_up="$(grep -E '^ +env -i ' "$workflow" | sed 's/^ *//')"
mapfile -t commands < <(sed -n 's/^ *command: //p' "$workflow")
mapfile -t points < <(sed -n 's/^ *max-score: //p' "$workflow")

echo "course copy: $copy"
echo "warm-up:"
echo "$warm_up"
start=$(now_ms)
grader "$warm_up" > warm-up.log 2>&1
echo "warm-up took $(seconds_since "$start") s (log: $copy/warm-up.log)"

run_steps() {
    local label="$1" extra="$2" earned=0 total=0 code start
    echo
    echo "== $label"
    printf '%-50s %5s %8s %7s\n' "command" "exit" "seconds" "points"
    for i in "${!commands[@]}"; do
        start=$(now_ms)
        code=0
        grader "${commands[$i]}$extra" > "step-$i.log" 2>&1 || code=$?
        local got=0
        if [[ $code -eq 0 ]]; then got=${points[$i]}; fi
        earned=$((earned + got))
        total=$((total + points[i]))
        printf '%-50s %5s %8s %7s\n' "${commands[$i]}$extra" "$code" \
            "$(seconds_since "$start")" "$got/${points[$i]}"
    done
    echo "total: $earned / $total points"
}

run_steps "the exercises as they are" ""
run_steps "the solutions" " --solutions"
