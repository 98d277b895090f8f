#!/usr/bin/env python3
"""Writes N department trackers for the consolidation benchmark.

  make_trackers.py N OUT_DIR [SEED]

Each tracker is an .xlsx written by openpyxl (write-only mode) in one of six layouts
seen in the seed documents and the published trackers: a title and a "Service:" row
above the header or not, header words varying ("Action" / "Improvement action" /
"What we will do", "Lead officer" / "Responsible", "Target date" / "Due by", "RAG" /
"Status"), priority headings between blocks or a Priority column, a % complete column
or not, due dates as dates or as phrases ("During session 2019/20", "March 2020").
A tracker holds 30 to 50 actions under 3 to 6 priorities (58 rows on average with its
title, header and headings); about one action in eight is copied from a shared pool of
corporate actions, sometimes reworded a little, so reconciliation has work to do.
The same N and SEED give the same files.
"""
import os
import random
import sys
from datetime import date

from openpyxl import Workbook

SERVICES = ["Children and Families", "Community Justice", "Social Work", "Corporate Services",
            "Neighbourhood Services", "Education", "Housing", "Finance", "Chief Executive's Services",
            "Health and Social Care"]
VERBS = ["Review", "Develop", "Implement", "Improve", "Establish", "Deliver", "Strengthen", "Embed",
         "Introduce", "Extend", "Publish", "Agree", "Monitor", "Evaluate", "Consult on"]
OBJECTS = ["performance management processes", "the locality model for service delivery",
           "quality assurance and self evaluation arrangements", "the workforce development plan",
           "multi-agency approaches to the assessment of need", "charges for respite care",
           "the early years pathway", "budget planning across the partnership",
           "communications with all staff", "the complaints handling procedure",
           "the use of data and evidence", "arrangements for corporate parenting",
           "the tenant participation strategy", "digital access to services",
           "the risk register and business continuity plans", "procurement of external placements"]
PURPOSES = ["to reflect the new structure", "at service and team level", "across all localities",
            "in line with the national guidance", "so that resources follow our priorities",
            "with partners in the Community Planning Partnership", "by the end of the year",
            "and report progress to committee", "to improve outcomes for children and families", ""]
SETTINGS = ["", "", "in schools", "in residential care", "for looked after children", "for carers",
            "in the east locality", "in the west locality", "for young people leaving care", "for older people",
            "in Dundee House", "with the third sector", "for new starts", "for managers", "in libraries",
            "for tenants", "in day services", "for the night shift", "in community centres", "online"]
LEADS = ["Head of Service", "Service Manager", "Council Management Team", "Chief Social Work Officer",
         "Performance Officer", "Team Manager (Quality Assurance)", "Executive Director", "HR Manager"]
STATUSES = ["Green", "Amber", "Red", "Complete", "On track", "Not started", "Slippage", "Blue"]
PRIORITIES = ["Leadership and direction", "Our people", "Partnership working", "Performance improvement",
              "Service development and delivery", "Resources", "Early intervention and prevention",
              "Customer focus"]

# (title rows?, header words, priority as headings?, percent column?)
LAYOUTS = [
    (True, ["Ref", "Action", "Lead officer", "Target date", "RAG", "Progress update"], True, False),
    (True, ["No.", "Improvement action", "Responsible", "Due by", "Status", "% complete", "Comments"], True, True),
    (False, ["Priority", "Ref", "What we will do", "Lead", "Timescale", "Status", "Progress"], False, False),
    (True, ["Action", "Outcome", "Lead officer", "Target date", "RAG", "Update"], True, False),
    (False, ["Priority", "Action", "Responsible", "Due", "% complete", "Status"], False, True),
    (True, ["Ref", "Action", "Measures of success", "Lead", "Target date", "Status", "Progress update"], True, False),
]


def action_text(rng):
    words = [rng.choice(VERBS), rng.choice(OBJECTS), rng.choice(SETTINGS), rng.choice(PURPOSES)]
    return " ".join(w for w in words if w)


def reworded(rng, text):
    edits = [lambda t: t.replace(" and ", " & "), lambda t: t.lower(), lambda t: t.replace("-", " "),
             lambda t: t + ".", lambda t: t]
    return rng.choice(edits)(text)


def due(rng):
    year = rng.choice([2019, 2020, 2021])
    if rng.random() < 0.6:
        return date(year, rng.randint(1, 12), rng.choice([1, 15, 28]))
    return rng.choice([f"March {year}", f"During session {year - 1}/{str(year)[2:]}", f"Q{rng.randint(1, 4)} {year - 1}/{str(year)[2:]}",
                       "Ongoing", f"December {year} and reviewed annually"])


def write_tracker(path, index, rng, pool):
    service = SERVICES[index % len(SERVICES)]
    titled, header, headings, percent = LAYOUTS[rng.randrange(len(LAYOUTS))]
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Action plan")
    if titled:
        sheet.append([f"{service} improvement plan {2019 + index % 3}/{20 + index % 3}"])
        sheet.append([f"Service: {service}"])
        sheet.append([])
    sheet.append(header)
    priorities = rng.sample(PRIORITIES, rng.randint(3, 6))
    actions = rng.randint(30, 50)
    per = [actions // len(priorities)] * len(priorities)
    per[-1] += actions - sum(per)
    for p, (priority, count) in enumerate(zip(priorities, per), 1):
        if headings:
            sheet.append([f"{p}. {priority}"])
        for a in range(1, count + 1):
            text = reworded(rng, rng.choice(pool)) if rng.random() < 0.125 else action_text(rng)
            values = {"ref": f"{p}.{a}", "action": text, "lead": rng.choice(LEADS), "due": due(rng),
                      "status": rng.choice(STATUSES), "percent": rng.choice([0, 0.25, 0.5, 0.75, 1]),
                      "progress": rng.choice(["", "Work under way.", "Report to committee in June.",
                                              "Delayed by staffing changes; new date agreed."]),
                      "priority": priority, "outcome": "Our resources are targeted at our priorities",
                      "measures": "Fewer complaints; staff survey results"}
            row = []
            for word in header:
                w = word.lower()
                row.append(values["ref"] if w in ("ref", "no.") else
                           values["priority"] if w == "priority" else
                           values["action"] if "action" in w or w == "what we will do" else
                           values["outcome"] if w == "outcome" else
                           values["measures"] if w.startswith("measures") else
                           values["lead"] if w.startswith("lead") or w == "responsible" else
                           values["due"] if w in ("target date", "due by", "due", "timescale") else
                           values["percent"] if w == "% complete" else
                           values["status"] if w in ("rag", "status") else
                           values["progress"])
            sheet.append(row)
    book.save(path)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    n, out = int(sys.argv[1]), sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 2019
    rng = random.Random(seed)
    pool = [action_text(rng) for _ in range(200)]
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        write_tracker(os.path.join(out, f"tracker_{i:05d}.xlsx"), i, rng, pool)


if __name__ == "__main__":
    main()
