#!/usr/bin/env bash
# wp-one.sh DIR ITEM FILE... -- one Frama-C WP process, for proofs/prove.sh.
#
# ITEM is a function name, or several separated by commas (their goals,
# -wp-fct), or @lemma (the lemmas of spec/logic, which -wp-fct leaves
# untried). Its files are named by KEY, the first function, followed by
# +N when N more share the item (a file name cannot hold them all):
# DIR/KEY.log (WP's output), DIR/KEY.json (per-goal report) and
# DIR/KEY.time (wall seconds, then the CPU seconds of frama-c and the
# provers it ran); exits with frama-c's status.
#
# The process runs one prover at a time (-wp-par 1): WP starts every
# prover of the list on a goal at once when it has the slots, and kills
# the losers, so with -wp-par 2 half the CPU goes to provers that are then
# killed. prove.sh gets its parallelism from several of these processes
# instead, each trying cvc5, then z3, then cvc4 in turn.
# DIR/KEY.provers, if prove.sh wrote one, holds the item's own prover
# order (a scope file's provers=), which replaces WP_PROVERS. An ITEM
# FUNCTION~PROP is the part of FUNCTION's goals that a scope file's
# props= line names; DIR/KEY.props holds the -wp-prop selection.
# Environment (set by prove.sh): WP_PROVERS, WP_TIMEOUT, WHY3CONFIG,
# WP_POLL_MODULE (proofs/wp_poll.ml compiled: Frama-C's scheduler polls
# every 2 ms instead of sleeping 50 ms per goal).
set -u
dir=$1 item=$2
shift 2
key=${item%%,*}
more=$(tr -cd , <<<"$item" | wc -c)
[ "$more" -gt 0 ] && key="$key+$more"
provers=$WP_PROVERS
[ -f "$dir/$key.provers" ] && read -r provers <"$dir/$key.provers"
case $item in
@lemma) sel=(-wp-prop=@lemma) ;;
*) sel=(-wp-fct "${item%%~*}") ;;
esac
# A part of a function's goals: its properties named in DIR/KEY.props
# (-name: all but that one).
[ -f "$dir/$key.props" ] && { read -r props <"$dir/$key.props"; sel+=(-wp-prop "$props"); }
# `time` of the frama-c command alone: wall, user and system seconds,
# provers included (they are its descendants).
TIMEFORMAT='%0R %U %S'
t=$( { time frama-c -no-autoload-plugins -load-module "wp,rtegen,$WP_POLL_MODULE" \
	-cpp-extra-args="-Iinclude -Ispec -D__FRAMAC__" \
	-machdep x86_64 \
	-warn-unsigned-overflow -warn-unsigned-downcast \
	-wp -wp-rte -wp-model "Typed+cast" \
	-wp-prover "$provers" -wp-timeout "$WP_TIMEOUT" -wp-par 1 \
	-wp-split "${sel[@]}" -wp-report-json "$dir/$key.json" "$@" \
	>"$dir/$key.log" 2>&1; } 2>&1 )
rc=$?
echo "$t" | awk '{ printf "%d %.0f\n", $1, $2 + $3 }' >"$dir/$key.time"
exit $rc
