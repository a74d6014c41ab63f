#!/usr/bin/env python3
"""Runs the official chain (scripts/einvoice/validate.py, which scripts/einvoice/setup.sh installs) on the random
corpus written by `chorus-sample-documents --random N` and compares its verdicts with the SDK's (verdicts.tsv).

usage: check-document-corpus.py CORPUS_DIR [--venv DIR]
Prints the disagreement table (rule id, variants, rejected by the SDK, rejected by the chain) and exits 1 on any
disagreement: a valid document the chain or the SDK rejects, a broken variant the SDK does not flag with its rule,
or a broken variant of an official rule (not SDK-/CHORUS-) that the chain accepts."""
import collections, os, re, subprocess, sys

args = sys.argv[1:]
venv = ".build/einvoice-venv"
if "--venv" in args:
    i = args.index("--venv"); venv = args[i + 1]; del args[i:i + 2]
corpus = args[0]
rows = [line.rstrip("\n").split("\t") for line in open(os.path.join(corpus, "verdicts.tsv"), encoding="utf-8")][1:]
files = [os.path.join(corpus, row[0]) for row in rows]
check = os.path.join(os.path.dirname(os.path.abspath(__file__)), "einvoice", "validate.py")
result = subprocess.run([os.path.join(venv, "bin", "python"), check] + files, capture_output=True, text=True)
failed, chain_ids = set(), collections.defaultdict(set)
current = None
for line in result.stdout.splitlines():
    match = re.match(r"^(PASS|FAIL) (.+?): ", line)
    if match:
        path = match.group(2)
        # An extracted Factur-X XML is reported under a temporary path ending in NAME.pdf.factur-x.xml.
        for candidate in files:
            if path == candidate or path.endswith("/" + os.path.basename(candidate) + ".factur-x.xml"):
                current = candidate
                break
        if match.group(1) == "FAIL":
            failed.add(current)
        continue
    for rule in re.findall(r"\[([A-Z]{2,}-[A-Z0-9-]+)\]", line):
        chain_ids[current].add(rule)
disagreements = []
table = collections.OrderedDict()
valid = rejected_valid = 0
for (name, expected, sdk), path in zip(rows, files):
    sdk_rules = set() if sdk == "-" else set(sdk.split(","))
    if expected == "-":
        valid += 1
        if path in failed or sdk_rules:
            rejected_valid += 1
            disagreements.append(f"valid {name}: chain {'rejects ' + ','.join(sorted(chain_ids[path])) if path in failed else 'accepts'}; "
                                 f"SDK {'reports ' + ','.join(sorted(sdk_rules)) if sdk_rules else 'accepts'}")
        continue
    entry = table.setdefault(expected, [0, 0, 0, 0])
    entry[0] += 1
    entry[1] += expected in sdk_rules
    entry[2] += path in failed
    entry[3] += expected in chain_ids[path]
    official = not expected.startswith(("SDK-", "CHORUS-"))
    if expected not in sdk_rules:
        disagreements.append(f"{name}: the SDK does not report {expected} (reports {','.join(sorted(sdk_rules)) or 'nothing'})")
    if official and path not in failed:
        disagreements.append(f"{name}: the chain accepts a document breaking {expected}")
print(f"random corpus: {valid} valid files, {valid - rejected_valid} pass both the chain and the SDK")
print(f"{'rule':<14} {'variants':>8} {'SDK':>5} {'chain':>6} {'chain id':>9}")
for rule, (count, sdk, chain, same) in table.items():
    print(f"{rule:<14} {count:>8} {sdk:>5} {chain:>6} {same:>9}")
if disagreements:
    print(f"{len(disagreements)} disagreement(s):")
    for line in disagreements[:60]:
        print("  " + line)
    sys.exit(1)
print("no disagreement")
