#!/usr/bin/env bash
# wp-one.sh DIR ITEM FILE... -- one Frama-C WP process, for proofs/prove.sh.
#
# ITEM is a function name (its goals, -wp-fct) or @lemma (the lemmas of
# spec/logic, which -wp-fct leaves untried). Writes DIR/ITEM.log (WP's
# output), DIR/ITEM.json (per-goal report) and DIR/ITEM.time (wall
# seconds, then the CPU seconds of frama-c and the provers it ran);
# exits with frama-c's status.
#
# The process runs one prover at a time (-wp-par 1): WP starts every
# prover of the list on a goal at once when it has the slots, and kills
# the losers, so with -wp-par 2 half the CPU goes to provers that are then
# killed. prove.sh gets its parallelism from several of these processes
# instead, each trying cvc5, then z3, then cvc4 in turn.
# DIR/ITEM.provers, if prove.sh wrote one, holds the item's own prover
# order (a scope file's provers=), which replaces WP_PROVERS.
# Environment (set by prove.sh): WP_PROVERS, WP_TIMEOUT, WHY3CONFIG,
# WP_POLL_MODULE (proofs/wp_poll.ml compiled: Frama-C's scheduler polls
# every 2 ms instead of sleeping 50 ms per goal).
set -u
dir=$1 item=$2
shift 2
provers=$WP_PROVERS
[ -f "$dir/$item.provers" ] && read -r provers <"$dir/$item.provers"
case $item in
@lemma) sel=(-wp-prop=@lemma) ;;
*) sel=(-wp-fct "$item") ;;
esac
# `time` of the frama-c command alone: wall, user and system seconds,
# provers included (they are its descendants).
TIMEFORMAT='%0R %U %S'
t=$( { time frama-c -no-autoload-plugins -load-module "wp,rtegen,report,$WP_POLL_MODULE" \
	-cpp-extra-args="-Iinclude -Ispec -D__FRAMAC__" \
	-machdep x86_64 \
	-warn-unsigned-overflow -warn-unsigned-downcast \
	-wp -wp-rte -wp-model "Typed+cast" \
	-wp-prover "$provers" -wp-timeout "$WP_TIMEOUT" -wp-par 1 \
	-wp-split "${sel[@]}" -wp-report-json "$dir/$item.json" "$@" \
	-then -report -report-classify -report-unclassified-untried REVIEW \
	>"$dir/$item.log" 2>&1; } 2>&1 )
rc=$?
echo "$t" | awk '{ printf "%d %.0f\n", $1, $2 + $3 }' >"$dir/$item.time"
exit $rc
