#!/usr/bin/env python3
"""Writes demo-trust-datix-export.csv: three years of a made-up trust's incidents as a Datix-like export
(its own headings, UK dates, CRLF line endings, a byte order mark), for the import tests and demos.
Run once; the file is committed. Seeded, so running it again writes the same file."""
import csv, datetime, random

random.seed(43)
LOCATIONS = ["Ward 1 (Acute medical unit)", "Ward 7 (Elderly care)", "Emergency department", "Theatres", "Maternity unit", "Outpatients"]
TYPES = ["Incident", "Near miss", "Incident", "Incident", "Concern"]
CATEGORIES = ["Falls", "Medication", "Pressure ulcers", "Staffing", "Infection control", "Communication"]
SEVERITY = ["No harm"] * 55 + ["Low harm"] * 30 + ["Moderate harm"] * 10 + ["Severe harm"] * 3 + ["Death"] * 1
STATUS = ["Finally approved"] * 9 + ["Being reviewed"]
STORIES = ["Patient found on the floor beside the bed; no injury seen.", "Wrong dose of insulin prepared; noticed before it was given.",
           "Grade 2 pressure ulcer found on the heel at the morning check.", "Ward ran with two nurses short on the night shift.",
           "Hand gel dispensers empty at the bay entrance all afternoon.", "Discharge letter sent without the change to the medicines."]
START = datetime.date(2023, 11, 1)
with open("demo-trust-datix-export.csv", "w", newline="", encoding="utf-8-sig") as f:
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow(["ID", "Incident date", "Reported date", "Location (exact)", "Type", "Category", "Severity", "Description", "Action taken", "Approval status", "Reporter"])
    number = 10000
    for month in range(36):
        first = (START.replace(day=1) + datetime.timedelta(days=31 * month)).replace(day=1)
        # Worse before better: reporting rises through the three years.
        for _ in range(int(50 + month * 3 + random.randint(-8, 8))):
            number += 1
            day = first + datetime.timedelta(days=random.randint(0, 27))
            reported = day + datetime.timedelta(days=random.choice([0, 0, 0, 1, 2]))
            kind = random.choice(TYPES)
            w.writerow([f"W{number}", day.strftime("%d/%m/%Y") + f" {random.randint(0, 23):02d}:{random.choice([0, 15, 30, 45]):02d}",
                        reported.strftime("%d/%m/%Y"), random.choice(LOCATIONS), kind, random.choice(CATEGORIES),
                        "No harm" if kind != "Incident" else random.choice(SEVERITY), random.choice(STORIES),
                        random.choice(["", "Escalated to the nurse in charge.", "Checked by a second nurse."]),
                        random.choice(STATUS), f"Staff member {random.randint(1, 400)}"])
