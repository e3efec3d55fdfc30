#!/usr/bin/env python3
"""Last step of `make bench` (bench/run.sh): print the tables, write the
JSON array of pairs, record callgrind counts.

Handshake pairs use the same schema as the micro-benchmarks: ns_per_op is
the wall time per handshake (1e9 / handshakes per second, median over
rounds), ratio = tkt / baseline, so below 1 means tkt is faster.
"""
import argparse
import json
import statistics
import subprocess


def median_min_max(values):
    return statistics.median(values), min(values), max(values)


def handshake_pairs(path, lru_bytes):
    runs = {}
    for line in open(path):
        mode, server, rnd, conns, reused, wall, cpu = line.split('\t')
        conns, reused, wall, cpu = int(conns), int(reused), float(wall), float(cpu)
        runs.setdefault((mode, server), {})[int(rnd)] = (conns, reused, wall, cpu)
    pairs = []
    memory = {'tkt': 0, 'bearssl-cache': lru_bytes}
    for mode, label in (('reuse', 'resumed'), ('new', 'full')):
        tkt = runs.get((mode, 'tkt'), {})
        for base in ('openssl-tickets', 'bearssl-cache'):
            other = runs.get((mode, base), {})
            rounds = sorted(set(tkt) & set(other))
            if not rounds:
                continue
            rate_a = [tkt[r][0] / tkt[r][2] for r in rounds]
            rate_b = [other[r][0] / other[r][2] for r in rounds]
            ra, ra_lo, ra_hi = median_min_max(rate_a)
            rb, rb_lo, rb_hi = median_min_max(rate_b)
            per_round = [b / a for a, b in zip(rate_a, rate_b)]
            entry = {
                'name': 'handshakes %s s_time -tls1_2 -%s' % (label, mode),
                'who': 'tkt',
                'ns_per_op': round(1e9 / ra, 1),
                'ns_min': round(1e9 / ra_hi, 1),
                'ns_max': round(1e9 / ra_lo, 1),
                'baseline': base,
                'baseline_ns_per_op': round(1e9 / rb, 1),
                'baseline_ns_min': round(1e9 / rb_hi, 1),
                'baseline_ns_max': round(1e9 / rb_lo, 1),
                'ratio': round(rb / ra, 4),
                'ratio_min': round(min(per_round), 4),
                'ratio_max': round(max(per_round), 4),
                'handshakes_per_s': round(ra, 1),
                'baseline_handshakes_per_s': round(rb, 1),
                'rounds': len(rounds),
                # the server process's own CPU per handshake (median)
                'server_cpu_us': round(statistics.median(
                    1e6 * tkt[r][3] / max(tkt[r][0], 1) for r in rounds), 1),
                'baseline_server_cpu_us': round(statistics.median(
                    1e6 * other[r][3] / max(other[r][0], 1) for r in rounds), 1),
            }
            if mode == 'reuse':
                total_a = sum(tkt[r][0] for r in rounds)
                total_b = sum(other[r][0] for r in rounds)
                entry['reused_fraction'] = round(
                    sum(tkt[r][1] for r in rounds) / max(total_a, 1), 4)
                entry['baseline_reused_fraction'] = round(
                    sum(other[r][1] for r in rounds) / max(total_b, 1), 4)
            entry['server_bytes_per_client'] = memory['tkt']
            if base in memory:
                entry['baseline_server_bytes_per_client'] = memory[base]
            if mode == 'reuse' and base == 'openssl-tickets':
                entry['target'] = 'ratio <= 1.00'
                entry['met'] = (entry['ratio'] <= 1.0
                                and entry['reused_fraction'] >= 0.99)
            pairs.append(entry)
    return pairs


def write_callgrind(tsv, out, machine, cc):
    rows = [line.rstrip('\n').split('\t') for line in open(tsv)]
    try:
        commit = subprocess.run(['git', 'rev-parse', '--short', 'HEAD'],
                                capture_output=True, text=True).stdout.strip()
    except OSError:
        commit = '?'
    vg = subprocess.run(['valgrind', '--version'], capture_output=True,
                        text=True).stdout.strip()
    lines = [
        '# Instructions per operation (callgrind Ir), written by `make bench`.',
        '# Stable under machine noise: compare these across commits. Counted',
        '# inside bench_cg_region() only (1000 operations after a warm-up);',
        '# %s, built with %s, commit %s;' % (vg, cc, commit),
        '# %s.' % machine,
        '# Crypto runs BearSSL\'s AES-NI/PCLMUL code under valgrind as natively;',
        '# SHA-256 is BearSSL\'s portable code (BearSSL 0.6 has no SHA-NI).',
        '%-36s %8s %12s %10s' % ('operation', 'bytes', 'Ir/op', 'Ir/byte'),
    ]
    for name, nbytes, ir in rows:
        nb = int(nbytes)
        per_byte = '%.2f' % (int(ir) / nb) if nb else ''
        lines.append('%-36s %8s %12s %10s' % (name, nbytes if nb else '', ir,
                                              per_byte))
    with open(out, 'w') as f:
        f.write('\n'.join(lines) + '\n')
    return lines


def write_markdown(pairs, out, machine):
    rows = ['| pair | tkt ns/op | baseline | baseline ns/op | ratio (min-max) '
            '| GB/s or rate | target |',
            '|---|---:|---|---:|---|---:|---|']
    for p in pairs:
        extra = ''
        if 'gb_per_s' in p:
            extra = '%.2f GB/s' % p['gb_per_s']
        elif 'handshakes_per_s' in p:
            extra = '%.0f/s vs %.0f/s' % (p['handshakes_per_s'],
                                          p['baseline_handshakes_per_s'])
        target = ''
        if 'target' in p:
            target = '%s: **%s**' % (p['target'],
                                     'met' if p['met'] else 'missed')
        rows.append('| %s | %.1f | %s | %.1f | %.3f (%.2f-%.2f) | %s | %s |' % (
            p['name'], p['ns_per_op'], p['baseline'], p['baseline_ns_per_op'],
            p['ratio'], p['ratio_min'], p['ratio_max'], extra, target))
    with open(out, 'w') as f:
        f.write('Measured on: %s\n\n' % machine)
        f.write('\n'.join(rows) + '\n')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--micro', required=True)
    ap.add_argument('--micro-table', required=True)
    ap.add_argument('--lru', required=True)
    ap.add_argument('--handshakes')
    ap.add_argument('--callgrind')
    ap.add_argument('--callgrind-out')
    ap.add_argument('--machine', default='')
    ap.add_argument('--cc', default='cc')
    ap.add_argument('--out', required=True)
    ap.add_argument('--markdown', help='also write the table as Markdown')
    a = ap.parse_args()

    pairs = json.load(open(a.micro))
    print(open(a.micro_table).read().rstrip())

    store, entries, per = open(a.lru).read().split()
    lru_bytes = float(per)
    print('\nserver memory per remembered client: tkt tickets 0 B; '
          'BearSSL session-ID LRU %.0f B (%s sessions in %s B, measured)'
          % (lru_bytes, entries, store))

    if a.handshakes:
        hs = handshake_pairs(a.handshakes, round(lru_bytes))
        print('\n%-40s %9s %-16s %9s %7s %15s %13s %9s' % (
            'handshakes (per second, median)', 'tkt', 'baseline', 'base',
            'ratio', 'ratio min-max', 'srv CPU us', 'reused'))
        for e in hs:
            reused = e.get('reused_fraction')
            print('%-40s %9.0f %-16s %9.0f %7.3f %7.3f-%-7.3f %6.0f/%-6.0f %9s%s' % (
                e['name'], e['handshakes_per_s'], e['baseline'],
                e['baseline_handshakes_per_s'], e['ratio'], e['ratio_min'],
                e['ratio_max'], e['server_cpu_us'], e['baseline_server_cpu_us'],
                '' if reused is None else '%.0f%%/%.0f%%' % (
                    100 * reused, 100 * e['baseline_reused_fraction']),
                '' if 'target' not in e else
                (' met' if e['met'] else ' MISSED') + ' (' + e['target'] + ')'))
        print('(ratio = baseline handshakes/s over tkt\'s: below 1, tkt is '
              'faster; srv CPU = server process CPU per handshake, tkt/baseline;\n'
              ' reused = tkt/baseline connections resumed)')
        pairs.extend(hs)

    if a.callgrind and a.callgrind_out:
        lines = write_callgrind(a.callgrind, a.callgrind_out, a.machine, a.cc)
        print('\n' + '\n'.join(lines[7:]))
        print('(written to %s)' % a.callgrind_out)

    with open(a.out, 'w') as f:
        json.dump(pairs, f, indent=1)
        f.write('\n')
    if a.markdown:
        write_markdown(pairs, a.markdown, a.machine)
    targets = [p for p in pairs if 'target' in p]
    missed = [p for p in targets if not p['met']]
    print('\ntargets: %d met, %d missed%s' % (
        len(targets) - len(missed), len(missed),
        ''.join('\n  MISSED %s vs %s: %s (ratio %.3f, %.1f ns)' % (
            p['name'], p['baseline'], p['target'], p['ratio'],
            p['ns_per_op']) for p in missed)))
    print('JSON: %s' % a.out)


if __name__ == '__main__':
    main()
