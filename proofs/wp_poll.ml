(* Loaded into every WP process by proofs/wp-one.sh (compiled by prove.sh).

   In batch mode Frama-C drives WP's goals through Task.on_idle, which
   sleeps 50 ms between two scheduling rounds, and a round advances at most
   -wp-par goals.  With -wp-par 1 that is 50 ms or more per goal, Qed's
   included: on this project two thirds of a WP process's wall time was
   spent asleep (tkt_ext35_decode: 35 s wall for 10 s of CPU).  Polling
   every 2 ms instead changes nothing in what is proved or how: the same
   goals go to the same provers in the same order with the same time-out,
   which Why3 enforces on the prover process itself. *)
let () =
  Task.on_idle :=
    fun round ->
      try while round () do Unix.sleepf 0.002 done with Db.Cancel -> ()
