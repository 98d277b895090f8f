# plancon layout profile: which column headers mean which plan field.
#
# Format, one statement a line; "#" starts a comment line:
#   FIELD: synonym | synonym | ...     headers that mean FIELD outright (the strongest evidence)
#   a synonym ending in "*" matches any header that starts with it
#   ("Progress update*" matches "Progress update (Q2 2019/20)")
#   FIELD words: word W | word W ...   word evidence: a header holding the word leans to FIELD
#                                       by W (3 strong, 1 weak; negative leans away); "word*"
#                                       matches any word starting so; the header's last word
#                                       (its head noun: "Action Owner" is an owner) counts
#                                       half as much again
#   item-kinds: word | word ...         what a table's items may be called (kept on each item)
#   service: NAME                       service the plan belongs to, unless the tracker names one
#   sheet-kind: SHEET = KIND            KIND is plan, findings, appendix or ignore; SHEET may end in "*"
# Headers are compared after folding case, punctuation and white space, so
# "Implications [Risk, Cost, Resource]" and "implications (risk cost resource)"
# are the same; "%" reads as "percent" and "#" as "number".
# FIELD is one of: ref action outcome lead due start measures risks progress
# status percent-complete quality-indicators page-ref service-column strength
# afi planned-action
# A user profile (--profile FILE) is read over this one: its synonyms and words are tried first.
#
# Word evidence is one vote among several: what a column's cells hold (dates,
# status words, names, long sentences) votes too, and each field goes to the
# one column with the strongest case. `plancon inspect --plan FILE` shows the
# votes; `plancon profile FILE` writes a profile to correct them.

ref: Ref | Ref. | No. | No | Number | Action No. | ID | Code
action: Improvement actions | Improvement action | Actions | Action | We will | Action Title | Key actions | What we will do | Task | Task Description | Planned Corrective Action | Mitigation Plan | Action required | Description of action | Activity | Deliverable | Milestone
outcome: Outcomes | Outcome | Expected Outcome
lead: Lead | Lead(s) | Leads | Responsible Officer | Lead Officer | Owner | Action Owner | Responsible | Assigned To | Who | Responsibility | Responsible Party | Responsible person | Accountable officer | Assignee | Point of Contact | Risk Owner
due: Target Date | Timescale | Timescales | Due Date | Deadline | Due | Completion Date | Target Completion Date | Target | When | By when | Date due | End Date | Planned Completion Date | Scheduled Completion Date
start: Start Date | Start | Planned Start | Start date (planned)
measures: How can we measure or know that the improvement action is being implemented | Measure | Measures | Success Criteria | Success Measures | Performance Measure
risks: Implications [Risk, Cost, Resource] | Implications | Risks | Risk
progress: Progress | Progress update* | Progress Update | Latest Note | Comments | Update | Commentary | Progress to date
status: Status | RAG | RAG Status | Action Status | Traffic Light | Current status | Progress status | RAG rating
percent-complete: % Complete | Percent Complete | Percentage Complete | Complete %
quality-indicators: Quality Indicator(s) | Quality Indicators | Quality Indicator | QI
page-ref: Care Inspectorate Report Page No. | Report Page No. | Page No. | Page Ref
service-column: Service | Service Area | Directorate
strength: STRENGTHS | Strength
afi: AFI | AFIs | Areas for improvement | Area for improvement
planned-action: CURRENT/PLANNED ACTION | CURRENT/PLANNED ACTION (AFI) | Current or planned action | Planned action

ref words: ref 3 | reference 3 | id 3 | identifier 2.5 | no 2.5 | number 3 | code 2 | item 0.5
action words: action* 3 | task* 3 | activit* 3 | deliverable* 2.5 | milestone* 2 | initiative* 2.5 | commitment* 2.5 | recommendation* 2 | step* 2 | what 2 | do 1 | description 1 | title 3 | issue 1.5 | weakness* 2 | mitigation* 2 | objective* 1 | improvement* 1 | project* 1 | requirement* 1 | plan 0.5 | date -3 | id -2 | no -2 | number -2
outcome words: outcome* 3 | result* 1.5 | benefit* 1.5 | aim* 1 | date -3
lead words: lead 3 | leads 3 | owner* 3 | owned 2 | responsib* 3 | accountab* 3 | who 3 | assign* 3 | contact* 2.5 | officer* 2.5 | manager* 2 | champion* 2 | person 1.5 | party 1 | resourcing 2 | resource 1 | team 1.5 | staff 1 | author 1 | date -3
due words: due 3 | deadline* 3 | timescale* 3 | timeline* 2 | timeframe* 3 | target 2 | date* 1 | when 3 | completion 2.5 | end 2.5 | finish* 2.5 | delivery 1.5 | scheduled 1 | start* -4 | begin* -4 | commenc* -4 | status -3 | identified -3 | detect* -3 | discover* -3 | open* -3 | raised -3 | created -3 | logged -3 | last -3 | updated -3 | update -3 | review* -2 | reported -3 | check* -3 | inspection -3 | original -2 | discussed -3 | submitted -2 | closed -1 | birth -3 | frequenc* -3 | recurr* -3
start words: start* 3 | begin* 3 | commenc* 3 | from 1
measures words: measure* 3 | success 2.5 | criteria 2 | kpi* 3 | indicator* 1.5 | evidence 1.5 | metric* 3 | output* 1.5 | how 1 | date -3
risks words: risk* 2.5 | implication* 3 | barrier* 2 | constraint* 2 | dependenc* 1.5 | threat* 2 | issues 1 | date -3
progress words: progress* 3 | update* 3 | comment* 3 | note* 2.5 | remark* 2.5 | narrative* 2.5 | position 1.5 | summary 1.5 | latest 1 | achievement* 1.5 | explanation* 1 | feedback 1 | history 1 | date -3
status words: status 3 | rag 3 | rating 2 | traffic 2 | light 1 | state 1.5 | complete 2 | completed 1.5 | done 2 | date -3
percent-complete words: percent* 3 | percentage 3 | proportion 1.5 | date -3
quality-indicators words: qi 3 | qis 3 | quality 1.5 | indicator* 1
page-ref words: page 3
service-column words: service 3 | services 3 | directorate 3 | department 2.5 | division 2 | portfolio 2 | area 1
strength words: strength* 3
afi words: afi 3 | afis 3

item-kinds: action | task | activity | deliverable | milestone | risk | issue | weakness | recommendation | initiative | commitment | step
