#!/usr/bin/env python3
"""Builds the LFPSE taxonomy snapshot that FailingWell ships (Features/Lfpse/lfpse-taxonomy-6.json).

Input: a checkout of the public repository cuperman007/lfpse-taxonomy (generated from the LFPSE UAT
taxonomy API, profile version 5, last commit 2023-01-30). No public v6 taxonomy dump exists, so the v5
extensions the mapping uses are renamed -6 and the known v6 changes (docs/lfpse.md) are applied here,
in one place, as data. Usage: tools/lfpse-snapshot.py <checkout> <output.json>
"""
import json, re, sys, pathlib

src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
taxonomy = (src / ".mkdocs/docs/v5/taxonomy.md").read_text().splitlines()
code_systems = (src / ".mkdocs/docs/v5/code-systems.md").read_text()

# The extensions the mapper writes (and a receiving server checks), with where they sit.
USED = {
    "adverse-event-estimated-date": "AdverseEvent",
    "adverse-event-agent": "AdverseEvent",
    "adverse-event-outcome": "AdverseEvent",
    "adverse-event-risk-details": "AdverseEvent",
    "adverse-event-went-well": "AdverseEvent",
    "adverse-event-classification": "AdverseEvent",
    "adverse-event-reference-metadata": "AdverseEvent",
    "adverse-event-safety-challenges": "AdverseEvent",
    "adverse-event-governance": "AdverseEvent",
    "patient-information": "Patient",
    "location-details": "Location",
    "practitioner-details": "Practitioner",
}

def table_rows(lines):
    rows = []
    for line in lines:
        m = re.match(r"\|\s*`\s*([^`]+?)`\s*\|\s*(.*?)\s*\|\s*$", line)
        if m:
            rows.append({"code": m.group(1).strip(), "display": m.group(2).strip()})
    return rows

extensions, current, sub = {}, None, None
for i, line in enumerate(taxonomy):
    m = re.match(r"- Id: (.+)-5$", line)
    if m:
        name = m.group(1)
        current = name if name in USED else None
        if current:
            extensions[current] = {"name": current, "on": USED[current], "subExtensions": []}
        sub = None
        continue
    if line.startswith("## ") and not line.startswith("### "):
        current = None
    if current is None:
        continue
    m = re.match(r"#{3,4} (\w+)$", line)
    if m:
        sub = {"name": m.group(1), "min": None, "max": None, "type": None, "valueSet": None}
        extensions[current]["subExtensions"].append(sub)
        continue
    if sub is None:
        continue
    m = re.match(r"\s*- Min: (\d+)", line)
    if m and sub["min"] is None:
        sub["min"] = int(m.group(1))
    m = re.match(r"\s*- Max: (\w+)", line)
    if m and sub["max"] is None:
        sub["max"] = int(m.group(1)) if m.group(1).isdigit() else 100
    m = re.match(r"- Type: `(\w+)`", line)
    if m and sub["type"] is None and m.group(1) != "x":
        sub["type"] = m.group(1).lower()
    m = re.match(r"- Value set Url: \[.*/ValueSet/(.+)-5\]", line)
    if m:
        sub["valueSet"] = m.group(1)

# Known v6 changes (from the one public v6 client, see docs/lfpse.md): the description moved into a core extension,
# and a free-text "other" beside LocationWithinService.
extensions["adverse-event-core"] = {"name": "adverse-event-core", "on": "AdverseEvent", "subExtensions": [
    {"name": "Description", "min": 1, "max": 1, "type": "string", "valueSet": None}]}
extensions["location-details"]["subExtensions"].append(
    {"name": "LocationWithinServiceOther", "min": 0, "max": 1, "type": "string", "valueSet": None})

# Value sets: each section of code-systems.md, plus the long lists on their own pages.
value_sets = {}
for section in re.split(r"\n## ", code_systems):
    m = re.search(r"- Id: (.+)-5", section)
    if m:
        value_sets[m.group(1)] = table_rows(section.splitlines())
for name in ("specialty", "ods-codes"):
    value_sets[name] = table_rows((src / f".mkdocs/docs/v5/code-systems/{name}.md").read_text().splitlines())

needed = sorted({s["valueSet"] for e in extensions.values() for s in e["subExtensions"] if s["valueSet"]})
missing = [n for n in needed if not value_sets.get(n)]
if missing:
    sys.exit(f"value sets without codes: {missing}")

snapshot = {
    "version": 6,
    "source": "cuperman007/lfpse-taxonomy (LFPSE UAT taxonomy API, profile v5, 2023-01-30), renamed -6 with the known v6 changes; see docs/lfpse.md",
    "canonicalBase": "https://developer.learn-from-patient-safety-events.nhs.uk/taxonomy/fhir/StructureDefinition/",
    "profile": "patient-safety-adverse-event-6",
    # AdverseEvent.event: no code list was published; 1 and 4 are used by a v6 client, 2 and 3 follow the order of
    # the four event types in every source (unconfirmed: docs/decisions/0120).
    "eventTypes": [
        {"code": "1", "display": "Incident"},
        {"code": "2", "display": "Outcome"},
        {"code": "3", "display": "Risk"},
        {"code": "4", "display": "Good care"},
    ],
    # How FailingWell's own answers read in LFPSE's codes (docs/decisions/0120): harm runs the other way round,
    # the time band becomes a shift bracket (evening straddles the change of shift, so it is "I don't know").
    "fromFailingWell": {
        "eventType": {"Incident": "1", "NearMiss": "1", "Concern": "3", "GoodPractice": "4"},
        "physicalHarm": {"None": "5", "Low": "4", "Moderate": "3", "Severe": "2", "Fatal": "1"},
        "psychologicalHarm": {"None": "4", "Low": "3", "Moderate": "2", "Severe": "1"},
        "timeBand": {"Night": "2", "Morning": "1", "Afternoon": "1", "Evening": "6"},
    },
    "extensions": [extensions[n] for n in sorted(extensions)],
    "valueSets": {n: value_sets[n] for n in needed},  # each code as [code, display]
}
# One code a line, so a refresh reads as a diff of codes.
text = json.dumps({k: v for k, v in snapshot.items() if k != "valueSets"}, indent=1, ensure_ascii=False)[:-2]
sets = ",\n".join(
    f' {json.dumps(n)}: [\n' + ",\n".join("  " + json.dumps([r["code"], r["display"]], ensure_ascii=False) for r in rows) + "\n ]"
    for n, rows in snapshot["valueSets"].items())
out.write_text(text + ',\n "valueSets": {\n' + sets + "\n }\n}\n")
json.loads(out.read_text())
print(f"{len(extensions)} extensions, {len(needed)} value sets, {sum(len(value_sets[n]) for n in needed)} codes -> {out}")
