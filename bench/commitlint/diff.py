#!/usr/bin/env python3
"""Compares commitlint's verdicts (compare.mjs output) with Tollgate's rules (classify.py) per message.
Usage: python3 bench/commitlint/diff.py HISTORY.jsonl commitlint.jsonl"""
import json, collections, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import classify

hist = {}
for l in open(sys.argv[1], encoding='utf-8'):
    if l.strip():
        d = json.loads(l)
        hist[d['commit']] = d['message']
rows = [json.loads(l) for l in open(sys.argv[2])]
agree = collections.Counter()
groups = collections.defaultdict(list)
errs = collections.Counter()
for r in rows:
    for e in set(r['errors']):
        errs[e] += 1
    header, codes = classify.classify(hist[r['commit']])
    exempt = bool(codes) and codes[0].startswith('exempt')
    tollgate_ok = exempt or all(c == 'commit-body-leading-blank' for c in codes)
    agree[(tollgate_ok, r['valid'])] += 1
    if tollgate_ok != r['valid']:
        key = ('commitlint only: ' + ', '.join(sorted(set(r['errors'])))) if tollgate_ok else ('tollgate only: ' + ', '.join(codes))
        groups[key].append(header[:80])
print('commitlint errors (messages):', dict(errs))
print('both pass %d, both fail %d, only commitlint fails %d, only tollgate fails %d' % (
    agree[(True, True)], agree[(False, False)], agree[(True, False)], agree[(False, True)]))
for k, v in sorted(groups.items(), key=lambda kv: -len(kv[1])):
    print('%4d  %s   e.g. %s' % (len(v), k, v[0]))
