#!/usr/bin/env python3
"""An independent reading of Tollgate's default commits rules (docs/policies/commits.md), used to
derive the expected counts of CommitsCorpusTest without running Tollgate. Usage:
    python3 bench/commitlint/classify.py ../shared/corpus/zeroclaw/zeroclaw-history.jsonl
"""
import json, re, sys, collections

ALLOWED = {"feat", "fix", "chore", "docs", "perf", "security", "build", "ci", "refactor", "revert", "style", "test"}
MERGE = re.compile(r'^Merge (pull request|branch|remote-tracking branch|tag|commit) .*|^Merge [^ ]+ into [^ ]+.*')
REVERT = re.compile(r'^Revert ".*"')
HEADER = re.compile(r'^([A-Za-z][A-Za-z0-9_-]*)(\([^()]+\))?(!)?: (.*)$')

def classify(message):
    text = message.replace('\r\n', '\n').replace('\r', '\n').lstrip('\n')
    lines = text.split('\n')
    header = lines[0]
    if MERGE.search(header):
        return header, ['exempt-merge']
    if REVERT.search(header):
        return header, ['exempt-revert']
    codes = []
    m = HEADER.match(header)
    if not m:
        codes.append('commit-not-conventional')
    else:
        t = m.group(1)
        if t != t.lower() and t.lower() in ALLOWED:
            codes.append('commit-type-case')
        if t.lower() not in ALLOWED:
            codes.append('commit-type-not-allowed')
        if not m.group(4).strip():
            codes.append('commit-description-empty')
    if len(header) > 100:
        codes.append('commit-header-too-long')
    if len(lines) > 1 and lines[1].strip() != '' :
        codes.append('commit-body-leading-blank')
    return header, codes

def main(path):
    by_code = collections.Counter()
    clean = 0
    exempt = collections.Counter()
    errors = set()
    for i, line in enumerate(open(path, encoding='utf-8')):
        if not line.strip():
            continue
        msg = json.loads(line)['message']
        _, codes = classify(msg)
        if codes and codes[0].startswith('exempt'):
            exempt[codes[0]] += 1
            continue
        if not codes:
            clean += 1
        for c in codes:
            by_code[c] += 1
        if any(c != 'commit-body-leading-blank' for c in codes):
            errors.add(i)
    print('messages without a finding (exempt ones excluded):', clean)
    print('exempt:', dict(exempt))
    print('findings by code:', dict(sorted(by_code.items())))
    print('messages with an error:', len(errors))

if __name__ == '__main__':
    main(sys.argv[1])
