#!/usr/bin/env bash
# The question set (tests/api/questions.rs): every question asked of the built-in
# provider over the synthetic sample, each answer judged against a figure computed from the
# sample files (or a required refusal); prints precision and coverage per agent and overall.
# QUESTIONS_VERBOSE=1 also prints every answer.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo nextest run --no-capture -E 'test(/questions::the_question_set/)' 2>/dev/null \
  | grep -E '^\||^MISS' || { echo "the question set failed; run it with cargo nextest run questions"; exit 1; }
