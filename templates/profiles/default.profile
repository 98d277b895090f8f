# plancon layout profile: which column headers mean which plan field.
#
# Format, one statement a line; "#" starts a comment line:
#   FIELD: synonym | synonym | ...     headers that mean FIELD
#   a synonym ending in "*" matches any header that starts with it
#   ("Progress update*" matches "Progress update (Q2 2019/20)")
#   service: NAME                       service the plan belongs to, unless a Service column says otherwise
#   sheet-kind: SHEET = KIND            KIND is plan, findings, appendix or ignore; SHEET may end in "*"
# Headers are compared after folding case, punctuation and white space, so
# "Implications [Risk, Cost, Resource]" and "implications (risk cost resource)" are the same.
# FIELD is one of: ref action outcome lead due measures risks progress status
# percent-complete quality-indicators page-ref service-column strength afi planned-action
# A user profile (--profile FILE) is read over this one: its synonyms are tried first.

ref: Ref | Ref. | No. | No | Number | Action No. | ID | Code
action: Improvement actions | Improvement action | Actions | Action | We will | Action Title | Description
outcome: Outcomes | Outcome | Expected Outcome
lead: Lead | Lead(s) | Leads | Responsible Officer | Lead Officer | Owner | Action Owner | Responsible | Assigned To
due: Target Date | Timescale | Timescales | Due Date | Deadline | Due | Completion Date | Target Completion Date | Target
measures: How can we measure or know that the improvement action is being implemented | Measure | Measures | Success Criteria | Success Measures | Performance Measure
risks: Implications [Risk, Cost, Resource] | Implications | Risks | Risk
progress: Progress | Progress update* | Progress Update | Latest Note | Comments | Update
status: Status | RAG | RAG Status | Action Status | Traffic Light
percent-complete: % Complete | Percent Complete | Percentage Complete | Complete %
quality-indicators: Quality Indicator(s) | Quality Indicators | Quality Indicator | QI
page-ref: Care Inspectorate Report Page No. | Report Page No. | Page No. | Page Ref
service-column: Service | Service Area | Directorate
strength: STRENGTHS | Strength
afi: AFI | AFIs | Areas for improvement | Area for improvement
planned-action: CURRENT/PLANNED ACTION | CURRENT/PLANNED ACTION (AFI) | Current or planned action | Planned action
