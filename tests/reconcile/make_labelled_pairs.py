#!/usr/bin/python3
# The labelled pairs: entered by hand (sentences copied from the seeds and the real
# trackers, variants typed the way another service retypes them), then made by rule from
# seed 002's commitments and tracker items (one officer habit at a time). Each row gets a
# kind and a difficulty. Writes labelled_pairs.tsv next to this script; every third data
# row is held out (see README.md).
# Run: tests/reconcile/make_labelled_pairs.py
import os
S, D = "same", "different"
rows = []
def add(label, cat, a, b): rows.append((label, cat, a, b))

# ---- seed 000 (PSIF 2019, Appendix 1b / summary / Appendix 1a) retyped by another service ----
add(S,"hyphenation","Three year budget planning allowing for a more strategic approach to delivering on service priorities.","Three-year budget planning allowing for a more strategic approach to delivering on service priorities")
add(S,"case","Integrated approach to budget planning across the Council.","INTEGRATED APPROACH TO BUDGET PLANNING ACROSS THE COUNCIL")
add(S,"and-ampersand","Enhance strategy & performance team links to operational services and other key management roles to ensure shared approach to delivering on the priorities across an integrated service.","Enhance strategy and performance team links to operational services and other key management roles to ensure shared approach to delivering on the priorities across an integrated service.")
add(S,"curly-quotes",'Pilot a "365" school and share the learning from it.',"Pilot a \u201c365\u201d school and share the learning from it.")
add(S,"dropped-clause","Three year budget planning allowing for a more strategic approach to delivering on service priorities.","Three year budget planning")
add(S,"reworded-summary","Develop a locality based model for service delivery to improve accessibility for customers and embed partnership working within and beyond children & families services.","Develop a locality-based model for service delivery to embed partnership working within and beyond Children and Families Service and improve accessibility for customers")
add(S,"reworded-summary","Better alignment and transparency between financial and strategic improvement planning and service delivery decision-making","Better alignment and transparency between financial and strategic planning and service delivery decision making.")
add(S,"reworded-summary","Better alignment and transparency between financial and strategic/improvement planning and service delivery decision-making.","Better alignment and transparency between financial and strategic improvement planning and service delivery decisionmaking")
add(S,"reworded-summary","Review performance management processes at service and team level to reflect the new structure, make better use of data and strengthen links with agreed service priorities.","Review performance management processes at service and team level to: Reflect an integrated structure; Make better use of data and results to support service improvement; Strengthen links with agreed service priorities")
add(S,"reworded-summary","Ensure staffing resources are deployed appropriately to meet service delivery requirements","Ensure staffing resources are deployed appropriately to meet service delivery requirements to ensure the health and wellbeing of staff is not put at risk")
add(S,"case","Review, clarify and communicate the GIRFEC Model for Dundee.","Review, clarify and communicate the Girfec model for Dundee")
add(S,"and-ampersand","Strengthen strategic commitment and joint approaches with Health and with Community Planning Partners at a locality level, particularly in relation to mental health, substance misuse and healthy weight.","Strengthen strategic commitment & joint approaches with Health & with Community Planning Partners at a locality level, particularly in relation to mental health, substance misuse & healthy weight")
add(S,"hyphenation","Improve communication and understanding around the principles and objectives of co-location, including joint continuous, lifelong professional learning and the shared use of management data to inform priorities and help drive improvements.","Improve communication and understanding around the principles and objectives of colocation, including joint continuous, life-long professional learning and the shared use of management data to inform priorities and help drive improvements.")
add(S,"dropped-clause","Roll out the agreed model to other communities (including support for adults).","Roll out the agreed model to other communities")
add(S,"abbreviation","Share learning from the developing community hub model in Lochee including the benefits of the FORT System","Share learning from developing community hub model in Lochee incl. benefits of FORT system")
add(S,"typo","Sustain and scale the CELCIS (Centre of Excellence for Looked After Children in Dundee) Addressing Neglect Enhancing Wellbeing (ANEW) initiative.","Sustain and scale the CELCIS (Center of Excellence for Looked After Children in Dundee) Addressing Neglect Enhancing Well-being (ANEW) initative")
add(S,"case","Clear communications with all staff in terms of the valued contribution they make to the achievement of key strategic priorities.","clear communications with all staff in terms of the valued contribution they make to the achievement of key strategic priorities")
add(S,"hyphenation","Dedicate more time to follow-up on agreed priorities and initiatives from service development and/or leadership planning events.","Dedicate more time to follow up on agreed priorities and initiatives from service development and / or leadership planning events")
add(S,"dropped-clause","Approach leadership development in a more systematic way, including how leaders effectively lead change.","Approach leadership development in a more systematic way")
add(S,"typo","Embed the practice of regular informal conversations and connections with those we lead or manage to increase capacity for change and continuous improvement.","Embed the practise of regular informal conversations and connections with those we lead or manage to increase capacity for change and continous improvement.")
add(S,"curly-quotes","Prioritise time for support to staff, either in groups or on a 1:1 basis.","Prioritise time for support to staff, either in groups or on a \u20181:1\u2019 basis")
add(S,"and-ampersand","Improve communication around shared values, vision and aims.","Improve communication around shared values, vision & aims")
add(S,"typo","Develop capacity within leadership teams to approach resource issues with a solution focussed perspective based on key priorities, risk and staff welfare.","Develop capacity within leadership teams to approach resource issues with a solution-focused perspective based on key priorities, risk and staff welfare")
add(S,"hyphenation","Locality planning will support the development of a place based approach to delivery of service.","Locality planning will support the development of a place-based approach to delivery of service")
add(S,"case","Place based data managed by identified individuals to ensure they know and understand their communities of interest.","Place Based Data managed by identified individuals to ensure they know and understand their Communities of Interest")
add(S,"dropped-clause","Ensure strategic planning time is allocated within services and teams to effectively plan service delivery, making better use of evidence and performance data to improve effectiveness in service planning.","Ensure strategic planning time is allocated within services and teams to effectively plan service delivery")
add(S,"abbreviation","More collaboration and involvement of operational managers in the development and monitoring of the City Plan.","More collaboration & involvement of operational mgrs in development and monitoring of the City Plan")
add(S,"and-ampersand","One Children & Families Service Plan which communicates a shared vision and sets out the allocation of financial resources to meet the commitments within the Plan.","One Children and Families Service Plan which communicates a shared vision and sets out the allocation of financial resources to meet the commitments within the Plan")
add(S,"abbreviation","One Children & Families Service Plan which communicates a shared vision and sets out the allocation of financial resources to meet the commitments within the Plan.","One C&F Service Plan which communicates a shared vision and sets out the allocation of financial resources to meet the commitments within the plan")
add(S,"typo","Shared understanding of the financial resource required to delivery essential statutory priorities and the level of resource available for collaborative planning.","Shared understanding of the financial resource required to deliver essential statutory priorities and the level of resource available for collaborative planning.")
add(S,"case","Shared Vision and Leadership Events with key Partners","Shared vision and leadership events with key partners.")
add(S,"hyphenation","Improve consultation and engagement with communities on all aspects of service delivery.","Improve consultation and engagement with communities on all aspects of service-delivery")
add(S,"dropped-clause","Improve processes for analysing data on how customers use and access services. Develop better insight into customer experiences, needs and preferences and make positive changes as a result of this analysis.","Improve processes for analysing data on how customers use and access services.")
add(S,"typo","Review procurement processes to improve efficiency and effectiveness which will support improved service outcomes and achieve value for money.","Review procurment processes to improve efficiency and effectiveness which will support improved service outcomes and achieve value for money")
add(S,"and-ampersand","Ensure a workforce and training plan is designed to support the development of the skills and competencies required for the future delivery of services.","Ensure a workforce & training plan is designed to support the development of the skills & competencies required for the future delivery of services")
add(S,"curly-quotes","Improve engagement and consultation with all communities of interest in relation to planned investments.","Improve engagement and consultation with all \u2018communities of interest\u2019 in relation to planned investments")
add(S,"reworded-summary","Values of Leaders: Clear expectations and responsibilities; Consistent high-level training for leaders across the service; Staff understand their contribution to transformational change","The Values and Capacity of Leaders: clear expectations and responsibilities, consistent high level training for leaders across the service, staff understand their contribution to transformational change")
add(S,"hyphenation","Develop a two-way process of communication throughout the layers of the service to better link strategic priorities with day-to-day tasks","Develop a two way process of communication throughout the layers of the service to better link strategic priorities with day to day tasks")

# ---- seed 001 (Joint Inspection 2016 improvement plan) ----
add(S,"abbreviation","Further develop and communicate to children, young people, families and staff our hierarchy of need model to clearly define the parenting and family support resources available at universal, targeted and specialist levels.","Further develop & communicate to children, young people, families and staff our hierarchy of need model to clearly define the parenting and family support resources available at universal, targeted & specialist levels")
add(S,"curly-quotes","Develop a programme of learning and organisational development to embed Tayside formats and guidance for Child's Plan and Multi Agency Chronology into integrated, multi agency practice.","Develop a programme of learning and organisational development to embed Tayside formats and guidance for Child\u2019s Plan and Multi-Agency Chronology into integrated, multi-agency practice.")
add(S,"case","Quality Assurance / Continuous Improvement of individual Child's Plans.","Quality assurance/continuous improvement of individual child's plans")
add(S,"typo","Develop and implement multi agency Learning and Organisational Development for practitioners/manag ers to embed the culture and values of GIRFEC through the development of integrated practice.","Develop and implement multi-agency Learning and Organisational Development for practitioners/managers to embed the culture and values of GIRFEC through the development of integrated practice.")
add(S,"hyphenation","Develop a systematic multi agency Quality Assurance and Self Evaluation programme to ensure robust evidence is available in relation to all quality indicators (operational, strategic and leadership) to drive continuous improvement.","Develop a systematic multi-agency quality assurance and self-evaluation programme to ensure robust evidence is available in relation to all quality indicators (operational, strategic and leadership) to drive continuous improvement")
add(S,"dropped-clause","Ensure that the Children and Families section of the Single Outcome Agreement, the Single Children's Services Plan and Joint Commissioning Strategy are explicitly linked together. These plans require to take account of and address issues of health equity.","Ensure that the Children and Families section of the Single Outcome Agreement, the Single Children's Services Plan and Joint Commissioning Strategy are explicitly linked together.")
add(S,"abbreviation","Ensure that the Children and Families section of the Single Outcome Agreement, the Single Children's Services Plan and Joint Commissioning Strategy are explicitly linked together.","Ensure that the C&F section of the Single Outcome Agreement, the Single Children's Services Plan and Joint Commissioning Strategy are explicitly linked together")
add(S,"case","Related Governance and accountability arrangements must be clearly understood by all relevant stakeholders","Related governance and accountability arrangements must be clearly understood by all relevant stakeholders.")
add(S,"abbreviation","Child Protection Committee to identify strategic priorities, develop an improvement plan and put in place robust systems for reporting and revision of priorities based on learning from quality assurance, self evaluation and performance monitoring.","CPC to identify strategic priorities, develop an improvement plan and put in place robust systems for reporting and revision of priorities based on learning from quality assurance, self evaluation and performance monitoring.")
add(S,"abbreviation","Develop a Corporate Parenting Plan that links explicitly to the Single Children's Services Plan with a specific focus on raising aspirations and attainment for all looked after children","Develop a Corporate Parenting Plan that links explicitly to the Single Children's Services Plan with a specific focus on raising aspirations and attainment for all LAC")
add(S,"abbreviation","Examine how the Chief Officers Group and the Joint Management Group can use Balanced Scorecards to evaluate the planning and delivery of services.","Examine how the COG and the JMG can use Balanced Scorecards to evaluate the planning and delivery of services")
add(S,"dropped-clause","Examine how the Chief Officers Group and the Joint Management Group can use Balanced Scorecards to evaluate the planning and delivery of services.","Examine how the Chief Officers Group and the Joint Management Group can use Balanced Scorecards")
add(S,"curly-quotes","Develop a Corporate Parenting Plan that links explicitly to the Single Children's Services Plan","Develop a Corporate Parenting Plan that links explicitly to the Single Children\u2019s Services Plan")

# ---- seed 002 (OD Strategy 2007, Programme for Change): repeats inside one strategy ----
for t in ["Further develop user involvement in determining outcomes",
          "Set new Local Improvement Targets based on the new national outcomes framework",
          "Develop joint outcomes for all themed care groups",
          "Routinely involve service users in service planning, development, delivery and evaluation as part of day to day activities",
          "Involve communities and service users in determining outcomes and quality indicators through full implementation of our user involvement strategy",
          "Fully implement integrated outcomes led performance improvement frameworks in Community Care and Children's Services",
          "Report annually on performance to key strategic planning fora with quarterly progress reports on key priorities for performance improvement.",
          "Work to ensure that planning, development, implementation and evaluation are connected activities which contribute to our continuous learning"]:
    add(S,"exact-repeat",t,t)
add(S,"near-identical","Continue to undertake and act upon annual staff surveys and bi-annual EFQM case studies","Undertake annual staff surveys and bi-annual EFQM case study")
add(S,"near-identical","Enable people to take responsibility for organising and arranging their own service","Enable more people to take responsibility for organising and arranging their own service")
add(S,"near-identical","Place more emphasis on services which enhance people's dignity by giving them more control over their environment","Place more emphasis on services which enhance people's dignity by giving them more control over their environment (e.g. telecare service such as community alarm, SMART technology)")
add(S,"near-identical","Ensure that people have more say over what they receive and when they receive it","Allow people to have more say over what service(s) they receive and when they receive it")
add(S,"hyphenation","Undertake annual staff surveys and bi-annual EFQM case study","Undertake annual staff surveys and biannual EFQM case study")
add(S,"case","Produce a Departmental Service Plan 2007-11 to incorporate our priorities for action","Produce a departmental service plan 2007-11 to incorporate our priorities for action")
add(S,"hyphenation","Produce a Departmental Service Plan 2007-11 to incorporate our priorities for action","Produce a Departmental Service Plan 2007 - 11 to incorporate our priorities for action.")
add(S,"curly-quotes","Use a 'lean systems' approach to address issues of process improvement to ensure Best Value in service delivery","Use a \u2018lean systems\u2019 approach to address issues of process improvement to ensure Best Value in service delivery")
add(S,"curly-quotes","Continue to move from a culture of 'role and control' to one of 'goal and soul'","Continue to move from a culture of \u201crole and control\u201d to one of \u201cgoal and soul\u201d")
add(S,"and-ampersand","Analyse evaluations and comments from Director's and Head of Services meetings to determine further actions to be taken to achieve best practice in managing our people and resources","Analyse evaluations & comments from Director's & Head of Services meetings to determine further actions to be taken to achieve best practice in managing our people & resources")
add(S,"case","Provide development opportunities for managers on the effective leadership of change","PROVIDE DEVELOPMENT OPPORTUNITIES FOR MANAGERS ON THE EFFECTIVE LEADERSHIP OF CHANGE")
add(S,"hyphenation","Establish a cross departmental focus group to determine ways to continue to improve effective communication by senior managers","Establish a cross-departmental focus group to determine ways to continue to improve effective communication by senior managers")
add(S,"curly-quotes","Use the 'How Good is Our Team' approach to identify outcomes for people against which progress can be monitored","Use the \u201cHow Good Is Our Team\u201d approach to identify outcomes for people against which progress can be monitored")
add(S,"curly-quotes","Encourage managers to 'walk the job' to increase visibility and accessibility","Encourage managers to \u2018walk the job\u2019 to increase visibility and accessibility.")
add(S,"and-ampersand","Report annually on the work of DDP, DITG and the SITGs","Report annually on the work of DDP, DITG & the SITGs")
add(S,"hyphenation","Ensure that information is regularly shared and develop electronic integrated assessment for all care groups","Ensure that information is regularly shared and develop e-integrated assessment for all care-groups")
add(S,"curly-quotes","Develop and improve 'kinship care' services where children who are looked after stay with relatives, in line with the national foster care strategy","Develop and improve \u2018kinship care\u2019 services where children who are looked after stay with relatives, in line with the national foster care strategy")
add(S,"dropped-clause","Develop and improve 'kinship care' services where children who are looked after stay with relatives, in line with the national foster care strategy","Develop and improve kinship care services where children who are looked after stay with relatives")
add(S,"and-ampersand","Develop the use of family group conferencing and 'signs of safety' approach","Develop the use of family group conferencing & signs of safety approach")
add(S,"case","Implement a sound commissioning strategy which matches service development to prioritised need","Implement a Sound Commissioning Strategy which matches Service Development to Prioritised Need")
add(S,"typo","Develop our capability and capacity to meet the changing demographics and needs of the local population","Develop our capability and capacity to meet the changing demographcis and needs of the local population")
add(S,"dropped-clause","Design services to be flexible so that they meet the needs of different communities of interest and the wider community (open access to service)","Design services to be flexible so that they meet the needs of different communities of interest and the wider community")
add(S,"case","In children's services work with partners to profile needs across the city by school catchment area","In Children's Services work with partners to profile needs across the City by school catchment area")
add(S,"case","Reduce the unnecessary use of custody","Reduce the unnecessary use of custody.")
add(S,"typo","Establish a Joint Equipment Store","Establish a joint equiptment store")
add(S,"abbreviation","Extend the use of the principles of ASPIRe (A Shared Planning and Information Record)","Extend the use of the principles of ASPIRe")
add(S,"hyphenation","Extend the use of direct payments across care groupings","Extend the use of direct-payments across care groupings")
add(S,"hyphenation","Provide more home based services (more social care and more accommodation with care)","Provide more home-based services (more social care and more accommodation with care)")
add(S,"case","Further develop personal life plans for individuals with learning disabilities","Further develop Personal Life Plans for individuals with Learning Disabilities")
add(S,"typo","Further develop partnerships with others in the Tayside Criminal Justice Partnership area to reduce offending, explore new ways of working and promote the involvement of the independent sector","Further develop partnerships with others in the Tayside Criminal Justice Partnership area to reduce re-offending, explore new ways of working and promote the involvment of the independent sector")
add(S,"hyphenation","Include Best Value Reviews of all services where there is a mix of in-house and external provider provision","Include Best Value reviews of all services where there is a mix of in house and external provider provision")
add(S,"and-ampersand","Ensure that all key service delivery areas have integrated strategic plans which incorporate robust performance management, workforce planning and financial planning","Ensure that all key service delivery areas have integrated strategic plans which incorporate robust performance management, workforce planning & financial planning")
add(S,"dropped-clause","Work to established and agreed priorities and focus on a few things which will make a difference rather than on too many goals","Work to established and agreed priorities and focus on a few things which will make a difference")
add(S,"dropped-clause","Use our strategic plans as working documents which inform our team and personal action plans, which in turn inform the periodic evaluation of staff and projects","Use our strategic plans as working documents which inform our team and personal action plans")
add(S,"case","Work to ensure more effective deployment and implementation of strategies, policies and plans","work to ensure more effective deployment and implementation of strategies, policies and plans")
add(S,"dropped-clause","Complete a systems analysis of the multi-agency child protection system to prevent 'wrong work ending up at the wrong door' and to provide services which are in line with the principles of Getting It Right For Every Child and which are appropriate, proportionate and timely","Complete a systems analysis of the multi-agency child protection system to prevent 'wrong work ending up at the wrong door'")
add(S,"abbreviation","Complete a systems analysis of the multi-agency child protection system to provide services which are in line with the principles of Getting It Right For Every Child","Complete a systems analysis of the multi-agency CP system to provide services which are in line with the principles of GIRFEC")
add(S,"hyphenation","Continually develop our understanding of risk assessment and evidence based practice","Continually develop our understanding of risk assessment and evidence-based practice")
add(S,"abbreviation","Introduce MAPPAs and a new group work programme for male sex offenders and ensure a greater continuity of programme delivery between prison and community","Introduce MAPPA and a new groupwork programme for male sex offenders and ensure greater continuity of programme delivery between prison and community")
add(S,"case","Strengthen our involvement in community planning processes","Strengthen our involvement in Community Planning processes")
add(S,"typo","Support the work of the Community Justice Authority","Support the work of the Comunity Justice Authority")
add(S,"hyphenation","Develop a joint Older People's Strategy, which demonstrates a whole systems approach (JPIAF 10) and prepare joint strategies for other main service areas and carers","Develop a joint Older People's Strategy, which demonstrates a whole-systems approach (JPIAF 10) and prepare joint strategies for other main service areas and carers")
add(S,"dropped-clause","Work with other agencies to reduce risk posed by serious and violent offenders by developing approaches to risk assessment and management, introducing programmes which are proven to reduce risk, improve information sharing and evaluate our practice","Work with other agencies to reduce risk posed by serious and violent offenders")
add(S,"curly-quotes","Ensure that every child gets the right type of help, in the right measure, when they need it","Ensure that every child gets the right type of help, in the right measure, when they need it\u2019")
add(S,"and-ampersand","Make the best use of financial and physical resources via budget monitoring, financial control and buildings management and development","Make the best use of financial & physical resources via budget monitoring, financial control & buildings management & development")
add(S,"abbreviation","Implement a joint children's services commissioning strategy which will more accurately match resources and services with children's needs","Implement a joint ICS commissioning strategy which will more accurately match resources and services with children's needs")
add(S,"hyphenation","Implement a commitment based monitoring system for care and support packages for children with disabilities","Implement a commitment-based monitoring system for care and support packages for children with disabilities")
add(S,"abbreviation","Review priorities and budgets in light of GAE forecasts linked to future demographic change","Review priorities & budgets in light of Grant Aided Expenditure (GAE) forecasts linked to future demographic change")
add(S,"case","Review Service Level Agreements","Review service level agreements")
add(S,"abbreviation","Improve our reporting on HR issues, such as turnover, absence management etc with the introduction of Resource Link","Improve our reporting on human resources issues, such as turnover, absence management etc. with the introduction of Resource Link")
add(S,"curly-quotes","Ensure that our vision, values and aims are shared, understood and embraced by everyone in the organisation","Ensure that our vision, values and aims are \u2018shared, understood and embraced\u2019 by everyone in the organisation")
add(S,"hyphenation","Empower staff to be responsible and accountable and to have increased personal/professional autonomy and choice","Empower staff to be responsible and accountable and to have increased personal / professional autonomy and choice")
add(S,"hyphenation","Ensure that our work with customers/service users provides day-to-day and long term accountability","Ensure that our work with customers / service users provides day to day and long-term accountability")
add(S,"case","Complete a workforce plan","Complete a Workforce Plan")
add(S,"abbreviation","Support staff individually and collectively to ensure that they have the confidence and skills to develop to support the vision through employee development review and continuous professional development","Support staff individually and collectively to ensure that they have the confidence and skills to develop to support the vision through EDR and CPD")
add(S,"dropped-clause","Continue to develop a skills mix of staff thus ensuring that the skills of social workers and other professionals and staff are used appropriately","Continue to develop a skills mix of staff")
add(S,"abbreviation","Ensure that continuous professional development (CPD) is covered within supervision and that all SSSC registered staff compile CPD portfolios and keep them up to date","Ensure that CPD is covered within supervision and that all SSSC registered staff compile CPD portfolios and keep them up to date")
add(S,"curly-quotes","Use information to improve/design practice/services","Use information to \u201cimprove/design\u201d practice/services")
add(S,"typo","Report regularly to key strategic planning groups and partnerships with real time information to allow timely remedial action to be taken","Report regularly to key strategic planning groups and partnerships with real-time information to allow timely remedial action to be taken")
add(S,"and-ampersand","Focus contract monitoring activity on the quality of services and outcomes for people","Focus contract monitoring activity on the quality of services & outcomes for people")
add(S,"case","Formalise the links between adoption of policies through committee and the development of implementation plans","Formalise the links between adoption of policies through Committee and the development of Implementation Plans")
add(S,"typo","Strive to achieve increased clarity of integration within planning processes and structures in order to achieve clarity for staff","Strive to achieve increased clarity of intergration within planning processes and structures in order to achieve clarity for staff")

# ---- hard negatives: many shared words, a different object ----
H = "hard-negative"
add(D,H,"Three year budget planning allowing for a more strategic approach to delivering on service priorities.","Integrated approach to budget planning across the Council.")
add(D,H,"Three-year budget planning","Integrated approach to budget planning across the Council")
add(D,H,"Review performance management processes at service and team level to reflect the new structure","Review performance management processes at service and team level to make better use of data")
add(D,H,"Review performance management processes at service and team level to strengthen links with agreed service priorities","Review performance management processes at service and team level to reflect an integrated structure")
add(D,H,"Develop the use of family group conferencing and 'signs of safety' approach","Develop the use of lead professionals to deliver partnership working")
add(D,H,"Extend the use of the principles of ASPIRe (A Shared Planning and Information Record)","Extend the use of direct payments across care groupings")
add(D,H,"Ensure that codes of conduct and management behaviours are included in all induction programmes","include details of our vision, values and aims in all induction programmes")
add(D,H,"Further develop user involvement in determining outcomes","Involve communities and service users in determining outcomes and quality indicators through full implementation of our user involvement strategy")
add(D,H,"Develop joint outcomes for all themed care groups","Further develop user involvement in determining outcomes")
add(D,H,"Ensure that all staff have a personal development plan linked to an annual Employee Development Review","Provide people with opportunities for personal development and training to develop the skills required to do the job")
add(D,H,"Work to improve workforce skills in permanence planning","Work to further develop career pathways")
add(D,H,"Better link workforce planning to strategic planning activities","Complete a workforce plan")
add(D,H,"Report annually on the work of DDP, DITG and the SITGs","Report annually on performance to key strategic planning fora with quarterly progress reports on key priorities for performance improvement.")
add(D,H,"Place service users at the centre of contracts and service level agreements","Review Service Level Agreements")
add(D,H,"Develop a programme of learning and organisational development to embed Tayside formats and guidance for Child's Plan and Multi Agency Chronology into integrated, multi agency practice.","Develop and implement multi agency Learning and Organisational Development for practitioners/managers to embed the culture and values of GIRFEC through the development of integrated practice.")
add(D,H,"Ensure that the Children and Families section of the Single Outcome Agreement, the Single Children's Services Plan and Joint Commissioning Strategy are explicitly linked together.","Develop a Corporate Parenting Plan that links explicitly to the Single Children's Services Plan with a specific focus on raising aspirations and attainment for all looked after children")
add(D,H,"Develop a systematic multi agency Quality Assurance and Self Evaluation programme to ensure robust evidence is available in relation to all quality indicators","Child Protection Committee to identify strategic priorities, develop an improvement plan and put in place robust systems for reporting and revision of priorities based on learning from quality assurance, self evaluation and performance monitoring.")
add(D,H,"Improve processes for analysing data on how customers use and access services.","Improve processes for engaging with staff and customers across the service and evidence how their feedback has led to positive service improvements.")
add(D,H,"Pilot a \"365\" school and share the learning from it.","Share learning from the developing community hub model in Lochee including the benefits of the FORT System")
add(D,H,"Shared Vision and Leadership Events with key Partners","Shared understanding of the financial resource required to delivery essential statutory priorities")
add(D,H,"Develop capacity within leadership teams to approach resource issues with a solution focussed perspective","Understanding and building capacity across teams to deal with fluctuations in demand and resources.")
add(D,H,"Develop a locality based model for service delivery to improve accessibility for customers","Locality planning will support the development of a place based approach to delivery of service.")
add(D,H,"Continue to hold twice yearly all staff meetings with Heads of Service","Continue to undertake and act upon annual staff surveys and bi-annual EFQM case studies")
add(D,H,"Enable people to take responsibility for organising and arranging their own service","Empower staff to be responsible and accountable and to have increased personal/professional autonomy and choice")
add(D,H,"Develop and improve 'kinship care' services where children who are looked after stay with relatives","Develop and deliver more person-centred services in line with the principle of 'personalisation through participation'")
add(D,H,"In children's services work with partners to profile needs across the city by school catchment area","Work with partners, especially universal services, to ensure that the total children's services resource is deployed in the most effective way")
add(D,H,"Work with universal service providers to enable them to take greater responsibility for the wider group of children in need","Work with other agencies to reduce risk posed by serious and violent offenders")
add(D,H,"Develop more proactive approaches to public relations in respect of our Criminal Justice Services","In our Criminal Justice Service improve our approach to training across the three local authorities and with partner agencies")
add(D,H,"Ensure social work staff have undertaken relevant training on protecting children or vulnerable adults","Increase awareness of care and protection issues for all staff through staff development activity")
add(D,H,"Strengthen the use of evaluation and evidence based practice by front-line staff","Continually develop our understanding of risk assessment and evidence based practice")
add(D,H,"Review priorities and budgets in light of GAE forecasts linked to future demographic change","Review Service Level Agreements")
add(D,H,"Further develop business continuity plans","Further develop personal life plans for individuals with learning disabilities")
add(D,H,"Provide more home based services (more social care and more accommodation with care)","Provide more consistent, more integrated management of offenders in both community and custody")
add(D,H,"Ensure that learning, practice and organisational development are more clearly linked","Ensure that the Children and Families section of the Single Outcome Agreement and Joint Commissioning Strategy are explicitly linked together.")
add(D,H,"Enable people to take responsibility for organising and arranging their own service","Enable more people to take responsibility for organising and arranging their own transport")
add(D,H,"Continually assess and reaffirm our vision, values and aims","Ensure that our vision, values and aims are shared, understood and embraced by everyone in the organisation")
add(D,H,"continually revisit our vision to ensure it is fit for purpose","Continually assess and reaffirm our vision, values and aims")
add(D,H,"Improve communication around shared values, vision and aims.","Ensure that our vision, values and aims are shared, understood and embraced by everyone in the organisation")
add(D,H,"Undertake, analyse and act on the findings of annual staff surveys as they relate to the culture of the organisation","Implement a revised public reporting framework")
add(D,H,"Conduct surveys with service users to ensure that our communication strategy is being fully implemented","Undertake annual staff surveys and bi-annual EFQM case study")
add(D,H,"Set new Local Improvement Targets based on the new national outcomes framework","Fully implement integrated outcomes led performance improvement frameworks in Community Care and Children's Services")
add(D,H,"Routinely involve service users in service planning, development, delivery and evaluation as part of day to day activities","Work to ensure that planning, development, implementation and evaluation are connected activities which contribute to our continuous learning")
add(D,H,"Implement a sound commissioning strategy which matches service development to prioritised need","Implement a joint children's services commissioning strategy which will more accurately match resources and services with children's needs")
add(D,H,"Review, clarify and communicate the GIRFEC Model for Dundee.","Review, clarify and communicate the Locality Model for Dundee.")
add(D,H,"Examine how the Chief Officers Group and the Joint Management Group can use Balanced Scorecards to evaluate the planning and delivery of services.","Examine how the Child Protection Committee can use Balanced Scorecards to evaluate the planning and delivery of services.")
add(D,H,"Three year budget planning","Three year workforce planning")
add(D,H,"Develop a Corporate Parenting Plan that links explicitly to the Single Children's Services Plan","Develop a Child Protection Improvement Plan that links explicitly to the Single Children's Services Plan")
add(D,H,"Report annually on performance to key strategic planning fora","Report annually on the work of DDP, DITG and the SITGs to key strategic planning fora")
add(D,H,"Improve consultation and engagement with communities on all aspects of service delivery.","Improve consultation and engagement with staff on all aspects of service delivery.")
add(D,H,"Ensure staffing resources are deployed appropriately to meet service delivery requirements","Ensure financial resources are deployed appropriately to meet service delivery requirements")
add(D,H,"Pilot a \"365\" school and share the learning from it.","Pilot a community hub and share the learning from it.")

# ---- different: unrelated rows that sit near each other in a tracker ----
U = "different"
add(D,U,"Reduce the unnecessary use of custody","Establish a Joint Equipment Store")
add(D,U,"Complete a workforce plan","Review Service Level Agreements")
add(D,U,"Support the work of the Community Justice Authority","Strengthen our involvement in community planning processes")
add(D,U,"Prioritise time for support to staff, either in groups or on a 1:1 basis.","Clear communications with all staff in terms of the valued contribution they make to the achievement of key strategic priorities.")
add(D,U,"Fully implement the new corporate stress management policy","'Go for Gold' (SHAW/Healthy Working Lives)")
add(D,U,"Seek to maintain our IIP status against new and more challenging standards","Implement a revised public reporting framework")
add(D,U,"Related Governance and accountability arrangements must be clearly understood by all relevant stakeholders","Quality Assurance / Continuous Improvement of individual Child's Plans.")
add(D,U,"Replace the general ledger system to allow better tracking of commitments","Have clear plans for resource development and management")
add(D,U,"Shift power away from professionals to people themselves, giving them more choice and control over the design and delivery of services","Do more 'with' people rather than doing 'for' or 'to' them")
add(D,U,"Continue to ensure that the Welfare Rights Service directly reduces disadvantage and inequality by maximising income","Support children's services workers to take and manage reasonable risks underpinned by good risk assessment")
add(D,U,"Deepen and broaden our partnerships with service users, carers and service providers","Serve customers as citizens who have rights and responsibilities and who are part of communities")
add(D,U,"Take approaches which allow people to participate in the service which are already in the community","Develop the use of lead professionals to deliver partnership working")
add(D,U,"Gear staff development activities towards improving the quality of services by enhancing the knowledge and skills of staff","Develop effective teamwork with the right skills and authority")
add(D,U,"Encourage workers to be routinely involved in evaluating and evidencing their own practice","Provide workers with regular, robust information to help them evidence effectiveness")
add(D,U,"Routinely determine impact on people and communities","Develop methods of evaluating the implementation and impact of initiatives such as Codes of Practice, Customer Care Charter")
add(D,U,"Continue to provide staff with the guidance to do their jobs","Continue to hold twice yearly all staff meetings with Heads of Service")

# ---- issue 14: the kinds of retyping officers do, by hand ----
# Each pair below was written as a second officer would type the first's commitment into
# their own tracker (or, for look-alikes, as a second commitment a careful officer keeps
# apart). A difficulty is given where it is not the kind's usual one (DIFFICULTY below).
def same(kind, a, b, difficulty=None): rows.append((S, kind, a, b, difficulty))
def apart(kind, a, b, difficulty=None): rows.append((D, kind, a, b, difficulty))

# abbreviations officers use in trackers
same("abbreviation","Clear communications with all staff in terms of the valued contribution they make to the achievement of key strategic priorities.","Clear comms with all staff on the valued contribution they make to achieving key strategic priorities","hard")
same("abbreviation","Improve communication around shared values, vision and aims.","Improve comms around shared values, vision & aims")
same("abbreviation","Strengthen strategic commitment and joint approaches with Health and with Community Planning Partners at a locality level.","Strengthen strategic commitment and joint approaches with Health and with CPP at locality level")
same("abbreviation","Improve communication and understanding around the principles and objectives of co-location, including joint continuous, lifelong professional learning.","Improve comms and understanding around the principles and objectives of co-location incl. joint CLPL")
same("abbreviation","Provide career-long professional learning for all staff on the revised child protection procedures","Provide CLPL for all staff on revised CP procedures")
same("abbreviation","Provide career long professional learning opportunities for early years practitioners","Provide CLPL opportunities for early years practitioners")
same("abbreviation","Establish Corporate Planning Manager (Integrated Children's Services) post","Establish Corporate Planning Manager (ICS) post")
same("abbreviation","Increase the number of looked after children who remain in their own communities","Increase the number of LAC who remain in their own communities")
same("abbreviation","Develop a Corporate Parenting Plan with a specific focus on raising attainment for looked after children","Develop Corporate Parenting Plan with specific focus on raising attainment for LAC")
same("abbreviation","Children and Families Service to review its performance management framework","C&F Service to review its performance management framework")
same("abbreviation","Report progress to the Community Planning Partnership board twice a year","Report progress to the CPP board twice a year")
same("abbreviation","Agree the Community Planning Partnership's priorities for children and young people","Agree CPP priorities for children and young people")
same("abbreviation","Ensure all staff complete equality and diversity training, including refresher training every three years","Ensure all staff complete equality & diversity training incl. refresher training every three years")
same("abbreviation","Publish the Integrated Children's Services Plan and share it with partners","Publish the ICS Plan and share with partners")
same("abbreviation","Develop a communications plan for the new locality structure","Develop a comms plan for the new locality structure")
same("abbreviation","Review the Chief Social Work Officer's annual report with the Integration Joint Board","Review CSWO annual report with the IJB")
same("abbreviation","Agree a workforce development plan with Human Resources","Agree a workforce development plan with HR")
same("abbreviation","Monitor the Service Level Agreements with voluntary sector providers","Monitor SLAs with voluntary sector providers")
same("abbreviation","Ensure continuous professional development is covered within supervision","Ensure CPD is covered within supervision")
same("abbreviation","The Council Management Team to approve the revised risk register","CMT to approve revised risk register")
same("abbreviation","Child Protection Committee to publish its annual report","CPC to publish annual report")
same("abbreviation","Share the Chief Officers Group's priorities with all managers","Share the COG priorities with all mgrs","hard")
same("abbreviation","Develop a joint training programme with Dundee Health and Social Care Partnership","Develop a joint training programme with DHSCP")

# synonyms councils use for the same thing
same("synonym","continually revisit our vision to ensure it is fit for purpose","Continually review our vision to ensure it remains fit for purpose")
same("synonym","Amalgamate the two family support teams into one locality team","Merge the two family support teams into one locality team")
same("synonym","Clear communications with all staff in terms of the valued contribution they make","Clear communications with the whole workforce on the valued contribution they make","hard")
same("synonym","Better link workforce planning to strategic planning activities","Better link staff planning to strategic planning activities")
same("synonym","Ensure that all staff have a personal development plan linked to an annual Employee Development Review","Ensure all employees have a personal development plan linked to an annual Employee Development Review")
same("synonym","Review Service Level Agreements","Revisit Service Level Agreements")
same("synonym","Implement a revised public reporting framework","Introduce a revised public reporting framework")
same("synonym","Establish a Joint Equipment Store","Set up a Joint Equipment Store")
same("synonym","Undertake annual staff surveys","Carry out annual staff surveys")
same("synonym","Seek to maintain our IIP status against new and more challenging standards","Seek to retain our IIP status against new and more challenging standards")
same("synonym","Consult parents on the new early years strategy","Engage with parents on the new early years strategy","hard")
same("synonym","Improve outcomes for young people leaving care","Improve outcomes for care leavers","hard")
same("synonym","Amalgamate the business support functions of the two services","Merge the business support functions of both services")
same("synonym","Enhance the skills of the workforce in trauma-informed practice","Enhance the skills of staff in trauma informed practice")
same("synonym","Reduce staff absence across the service","Reduce staff sickness absence across the service")
same("synonym","Identify and reduce inequality and discrimination","Identify and tackle inequality and discrimination","hard")
same("synonym","Establish a cross departmental focus group to determine ways to continue to improve effective communication by senior managers","Set up a cross-departmental focus group to find ways to continue to improve effective communication by senior managers")
same("synonym","Complete a workforce plan","Finalise a workforce plan")
same("synonym","Commence the review of kinship care allowances","Start the review of kinship care allowances")
same("synonym","Deliver training for foster carers on attachment","Provide training for foster carers on attachment")

# inflection and voice
same("inflection","Developing co-ordinated multi-agency approaches to the identification and assessment of need","Develop coordinated multi agency approaches to identifying and assessing need")
same("inflection","Clear communications with all staff in terms of the valued contribution they make to the achievement of key strategic priorities.","Clear communication with all staff on the valued contribution they make to achieving key strategic priorities")
same("inflection","Improve processes for analysing data on how customers use and access services.","Improved processes for analysis of data on how customers use and access services")
same("inflection","Review performance management processes at service and team level","Reviewing performance management processes at service and team levels")
same("inflection","Strengthen quality assurance and self-evaluation arrangements","Strengthening of quality assurance and self evaluation arrangements")
same("inflection","Evaluate the implementation of the new assessment framework","Evaluation of the implementation of the new assessment framework")
same("inflection","Develop the use of lead professionals to deliver partnership working","Developing the use of lead professionals in delivering partnership working")
same("inflection","Staff surveys will be undertaken annually and acted upon","Undertake annual staff surveys and act upon them","hard")
same("inflection","Implement a commitment based monitoring system for care and support packages for children with disabilities","Implementation of a commitment-based monitoring system for care and support packages for children with disabilities")
same("inflection","Ensure robust arrangements for the recording of chronologies","Ensuring robust arrangements for recording chronologies")
same("inflection","Improve the planning of transitions for young people with disabilities","Improving planning of transitions for young people with disabilities")
same("inflection","Extend the use of direct payments across care groupings","Extending use of direct payments across care groups")
same("inflection","Further develop business continuity plans","Further development of business continuity plans")
same("inflection","A programme of multi-agency self-evaluation will be carried out at a locality level","Carry out a programme of multi-agency self-evaluation at locality level","hard")

# & / and, hyphens and spacing, British / American spelling
same("and-ampersand","Review & Approve SAR","Review and approve SAR")
same("and-ampersand","Plan of Action and Milestones","Plan of Action & Milestones")
same("and-ampersand","Send list to D&B for details","Send list to D & B for details")
same("hyphen-spacing","Hold Kickoff Meeting","Hold Kick-off Meeting")
same("hyphen-spacing","Prepare Kick-off Presentation","Prepare Kick off Presentation")
same("hyphen-spacing","Develop a co-ordinated approach to multi agency training","Develop a coordinated approach to multi-agency training")
same("hyphen-spacing","Develop a self evaluation framework for early years settings","Develop a self-evaluation framework for early years settings")
same("hyphen-spacing","Roll out the decision making toolkit to all team leaders","Roll out the decision-making tool kit to all team leaders")
same("hyphen-spacing","Introduce a web based referral form","Introduce a webbased referral form")
same("spelling","Finalize vendor list","Finalise vendor list")
same("spelling","Finalize and deliver SAR","Finalise and deliver SAR")
same("spelling","Develop a programme of learning and organisational development","Develop a program of learning and organizational development")
same("spelling","Prioritise time for support to staff","Prioritize time for support to staff")
same("spelling","Improve the analysis of data on customer behaviour","Improve the analysis of data on customer behavior")
same("spelling","Review the centre's licence conditions","Review the center's license conditions")
same("spelling","Ensure staff are familiarised with the new defence procedures","Ensure staff are familiarized with the new defense procedures")
same("spelling","Utilise the new case recording system to its full potential","Utilize the new case recording system to its full potential")
same("spelling","Recognise and celebrate the achievements of young carers","Recognize and celebrate the achievements of young carers")

# number words and figures, money
same("number","Establish Corporate Planning Manager post for two years","Establish Corporate Planning Manager post - 2 year fixed term","hard")
same("number","Recruit a Corporate Planning Manager on a two-year fixed-term contract","Recruit Corporate Planning Manager on 2 year fixed term contract")
same("number","Secure £85,000 of funding for the family support pilot","Secure £85k funding for family support pilot")
same("number","Allocate £1.2 million to the schools estate programme","Allocate £1.2m to the schools estate programme")
same("number","Three year budget planning","3 year budget planning")
same("number","Continue to hold twice yearly all staff meetings with Heads of Service","Continue to hold all staff meetings with Heads of Service twice a year","hard")
same("number","Reduce the number of children on the child protection register by ten per cent","Reduce number of children on the CP register by 10%")
same("number","Recruit two additional social workers for the Duty team","Recruit 2 additional social workers for the duty team")
same("number","Deliver four locality engagement events each year","Deliver 4 locality engagement events per year","hard")
same("number","Save £250,000 through the review of transport","Save £250k through the transport review","hard")
same("number","Make savings of £2,000,000 across the department","Make savings of £2m across the department")
same("number","Produce a Departmental Service Plan 2007-11","Produce a Departmental Service Plan 2007 - 2011","hard")
same("number","Hold a first round of vendor interviews","Hold 1st round of vendor interviews")

# reordered clauses
same("reorder","Undertake, analyse and act on the findings of annual staff surveys","Act on the findings of annual staff surveys once undertaken and analysed")
same("reorder","Improve consultation and engagement with communities on all aspects of service delivery.","Improve engagement and consultation with communities on all aspects of service delivery")
same("reorder","Develop a locality based model for service delivery to improve accessibility for customers and embed partnership working","Develop a locality based model for service delivery to embed partnership working and improve accessibility for customers")
same("reorder","In children's services work with partners to profile needs across the city by school catchment area","Work with partners to profile needs across the city by school catchment area in children's services")
same("reorder","Ensure that information is regularly shared and develop electronic integrated assessment for all care groups","Develop electronic integrated assessment for all care groups and ensure information is regularly shared")
same("reorder","Review priorities and budgets in light of GAE forecasts","Review budgets and priorities in light of GAE forecasts")
same("reorder","Provide development opportunities for managers on the effective leadership of change","For managers, provide development opportunities on leading change effectively","hard")
same("reorder","Deepen and broaden our partnerships with service users, carers and service providers","Broaden and deepen partnerships with carers, service users and providers")
same("reorder","Encourage honesty and openness about services we provide and decisions we make","Encourage openness and honesty about the decisions we make and the services we provide")
same("reorder","By March 2020, publish a revised Corporate Parenting Plan","Publish a revised Corporate Parenting Plan by March 2020")

# headlines: a tracker's short title for a plan's sentence
same("headline","Establish Corporate Planning Manager (ICS) post - 2 year fixed term","Establish a Corporate Planning Manager post for Integrated Children's Services on a two year fixed term")
same("headline","Three year budget planning allowing for a more strategic approach to delivering on service priorities.","Three-year budget planning")
same("headline","Integrated approach to budget planning across the Council.","Integrated budget planning")
same("headline","Review Service Level Agreements","Review of SLAs")
same("headline","Replace the general ledger system to allow better tracking of commitments","General ledger replacement")
same("headline","Fully implement the new corporate stress management policy","Stress management policy - full implementation")
same("headline","Establish a Joint Equipment Store","Joint Equipment Store")
same("headline","Produce a Departmental Service Plan 2007-11 to incorporate our priorities for action","Departmental Service Plan 2007-11")
same("headline","Develop and deliver POA&M","POA&M development and delivery")
same("headline","Conduct Security Assessment","Security Assessment")
same("headline","Complete a workforce plan","Workforce plan")
same("headline","Implement a revised public reporting framework","Public reporting framework (revised)")
same("headline","Undertake annual staff surveys and bi-annual EFQM case study","Staff surveys (annual) and EFQM case study (bi-annual)")

# look-alikes a careful officer keeps apart
apart("lookalike-population","Child Protection Committee to identify strategic priorities, develop an improvement plan and put in place robust systems for reporting and revision of priorities based on learning from quality assurance, self evaluation and performance monitoring.","Adult Support and Protection Committee to identify strategic priorities, develop an improvement plan and put in place robust systems for reporting and revision of priorities based on learning from quality assurance, self evaluation and performance monitoring.")
apart("lookalike-population","Child Protection Committee to publish its annual report","Adult Support and Protection Committee to publish its annual report")
apart("lookalike-population","Ensure social work staff have undertaken relevant training on protecting children","Ensure social work staff have undertaken relevant training on protecting vulnerable adults")
apart("lookalike-population","Develop a joint Older People's Strategy","Develop a joint Learning Disability Strategy")
apart("lookalike-population","Improve outcomes for looked after children","Improve outcomes for young carers")
apart("lookalike-population","Provide training for foster carers on attachment","Provide training for kinship carers on attachment")
apart("lookalike-population","Increase awareness of care and protection issues for all staff","Increase awareness of care and protection issues for all elected members")
apart("lookalike-population","Consult parents on the new early years strategy","Consult young people on the new early years strategy")
apart("lookalike-population","Child Protection Committee to approve the multi-agency training calendar","Adult Protection Committee to approve the multi-agency training calendar")
apart("lookalike-population","Improve the planning of transitions for young people with disabilities","Improve the planning of transitions for older people with dementia")
apart("lookalike-scope","Develop a locality based model of family support in one locality","Develop a locality based model of family support in all localities")
apart("lookalike-scope","Pilot the new referral pathway in one locality","Roll out the new referral pathway to all localities")
apart("lookalike-scope","Pilot the new referral pathway in the East locality","Pilot the new referral pathway in the West locality")
apart("lookalike-scope","Introduce the new case recording system in one team","Introduce the new case recording system in every team")
apart("lookalike-scope","Hold a staff briefing in each secondary school","Hold a staff briefing in each primary school")
apart("lookalike-scope","Review residential child care in Dundee","Review residential child care across Tayside")
apart("lookalike-scope","Agree the Children and Families Service Plan","Agree the Community Care Service Plan")
apart("lookalike-document","Contingency Plan Test Plan","Contingency Plan Test Results")
apart("lookalike-document","Incident Response Test Plan","Incident Response Test Results")
apart("lookalike-document","Penetration Testing - Red Team Test Plan","Penetration Testing - Red Team Test Report")
apart("lookalike-document","Develop draft SAP and Deliver to Agency","Develop SSP and Deliver to Agency")
apart("lookalike-document","Approve SSP","Approve SAP")
apart("lookalike-document","Review draft SSP","Review draft SAP")
apart("lookalike-document","Remediate draft SSP based on Agency feedback","Remediate draft SAP comments")
apart("lookalike-document","Import/Export of AddressBook","Import/Export of AddressEntry")
apart("lookalike-document","Status Key Value Pair","Location Key Value Pair")
apart("lookalike-document","Alias CRUD","Bio Text CRUD")
apart("lookalike-document","Prepare SAR Debrief Presentation","Prepare Kick-off Presentation")
apart("lookalike-document","Security Assessments Plan (SAP)","Security Assessments and Security Assessment Report (SAR)")
apart("lookalike-document","Penetration Testing performed by Independent Assessor (High and Moderate)","Penetration Testing (Low and Li-SaaS)")
apart("lookalike-document","Incident Response Test Plan","Continuous Monitoring Monthly Executive Summary")
apart("lookalike-document","Incident Response Test Plan","Contingency Plan Test Plan")
apart("lookalike-document","Hold Kickoff Meeting","Hold SAR Debrief")
apart("lookalike-document","Publish the Integrated Children's Services Plan","Publish the Integrated Children's Services annual report")
apart("lookalike-document","Complete a workforce plan","Complete a workforce survey")
apart("lookalike-number","Establish Corporate Planning Manager (ICS) post - 2 year fixed term","Establish Corporate Planning Manager (ICS) post - 3 year fixed term")
apart("lookalike-number","Secure £85,000 of funding for the family support pilot","Secure £58,000 of funding for the family support pilot")
apart("lookalike-number","Produce a Departmental Service Plan 2007-11","Produce a Departmental Service Plan 2011-15")
apart("lookalike-number","Reduce the proportion of looked after children in residential care to 10%","Reduce the proportion of looked after children in residential care to 8%")
apart("lookalike-number","Three year budget planning","Five year budget planning")
apart("lookalike-number","Recruit two additional social workers for the Duty team","Recruit four additional social workers for the Duty team")
apart("lookalike-number","Publish the 2019 annual performance report","Publish the 2020 annual performance report")
apart("lookalike-number","Deliver four locality engagement events each year","Deliver two locality engagement events each year")
apart("lookalike-number","Achieve 95% attendance at core group meetings by March 2020","Achieve 95% attendance at core group meetings by March 2021")
apart("lookalike-number","Save £250,000 through the review of transport","Save £25,000 through the review of transport")
apart("lookalike-number","Phase 1: roll out the new assessment framework","Phase 2: roll out the new assessment framework")
apart("lookalike-number","Review the Corporate Parenting Plan 2017-2020","Review the Corporate Parenting Plan 2020-2023")
apart("lookalike-object","Three year budget planning","Three year workforce planning")
apart("lookalike-object","Review the centre's licence conditions","Review the centre's staffing conditions")
apart("lookalike-object","Finalize vendor list","Finalize RFP requirements")
apart("lookalike-object","Send list to D&B for details","Send invite to RFP Q&A to vendors")
apart("lookalike-object","Research vendors on Google","Gather questions from vendors")
apart("lookalike-object","Review D&B list with executive team","Review SAP and provide comments")
apart("lookalike-object","Accept or Deny Contact request","New text message to new contact initiates contact request")
apart("lookalike-object","Amalgamate the two family support teams into one locality team","Amalgamate the two business support teams into one locality team")
apart("lookalike-object","Develop a communications plan for the new locality structure","Develop a staffing plan for the new locality structure")
apart("lookalike-object","Improve the analysis of data on customer behaviour","Improve the analysis of data on staff absence")

# ---- retyped by rule from seed 002's commitments and the real trackers ----
# The same few habits applied to many sentences, so each kind has enough pairs to measure.
# The habits are an officer's (shorthand, US spelling from a template, a tracker's headline),
# written here without looking at the matcher's tables.
import re
BASES = [
 "Better link workforce planning to strategic planning activities",
 "Conduct surveys with service users to ensure that our communication strategy is being fully implemented",
 "Continually develop our understanding of risk assessment and evidence based practice",
 "Continue to develop a skills mix of staff thus ensuring that the skills of social workers and other professionals and staff are used appropriately",
 "Deepen and broaden our partnerships with service users, carers and service providers",
 "Design services to be flexible so that they meet the needs of different communities of interest and the wider community",
 "Develop a joint Older People's Strategy and prepare joint strategies for other main service areas and carers",
 "Develop and improve kinship care services where children who are looked after stay with relatives",
 "Develop effective teamwork with the right skills and authority",
 "Develop joint outcomes for all themed care groups",
 "Develop methods of evaluating the implementation and impact of initiatives such as Codes of Practice",
 "Develop more personalised services and promote greater self-determination of service users",
 "Develop more proactive approaches to public relations in respect of our Criminal Justice Services",
 "Develop our capability and capacity to meet the changing demographics and needs of the local population",
 "Develop the use of family group conferencing and signs of safety approach",
 "Empower staff to be responsible and accountable and to have increased personal and professional autonomy and choice",
 "Encourage honesty and openness about services we provide and decisions we make",
 "Encourage managers to walk the job to increase visibility and accessibility",
 "Encourage workers to be routinely involved in evaluating and evidencing their own practice",
 "Ensure social work staff have undertaken relevant training on protecting children or vulnerable adults",
 "Ensure that all key service delivery areas have integrated strategic plans which incorporate robust performance management, workforce planning and financial planning",
 "Ensure that codes of conduct and management behaviours are included in all induction programmes",
 "Ensure that every child gets the right type of help, in the right measure, when they need it",
 "Ensure that information is regularly shared and develop electronic integrated assessment for all care groups",
 "Ensure that learning, practice and organisational development are more clearly linked",
 "Ensure that our work with customers and service users provides day-to-day and long term accountability",
 "Establish a cross departmental focus group to determine ways to continue to improve effective communication by senior managers",
 "Extend the use of direct payments across care groupings",
 "Focus contract monitoring activity on the quality of services and outcomes for people",
 "Formalise the links between adoption of policies through committee and the development of implementation plans",
 "Fully implement integrated outcomes led performance improvement frameworks in Community Care and Children's Services",
 "Further develop partnerships with others in the Tayside Criminal Justice Partnership area to reduce offending",
 "Further develop personal life plans for individuals with learning disabilities",
 "Gear staff development activities towards improving the quality of services by enhancing the knowledge and skills of staff",
 "Identify and achieve best practice in the management of people through the further development of our HR and Staff Development Strategies",
 "Implement a commitment based monitoring system for care and support packages for children with disabilities",
 "Implement a joint children's services commissioning strategy which will more accurately match resources and services with children's needs",
 "Implement monitoring systems to ensure that we are keeping our organisation connected and accountable to the community",
 "Improve our reporting on HR issues, such as turnover and absence management, with the introduction of Resource Link",
 "Improve service planning, design and delivery at key times of transition for children and adults",
 "Include Best Value Reviews of all services where there is a mix of in-house and external provider provision",
 "Increase awareness of care and protection issues for all staff through staff development activity",
 "Involve communities and service users in determining outcomes and quality indicators through full implementation of our user involvement strategy",
 "Make the best use of financial and physical resources via budget monitoring, financial control and buildings management",
 "Place more emphasis on services which enhance people's dignity by giving them more control over their environment",
 "Place service users at the centre of contracts and service level agreements",
 "Promote inclusion and identify and reduce disadvantage, inequality and discrimination",
 "Promote safer communities which protect our citizens from abuse and exploitation",
 "Provide development opportunities for managers on the effective leadership of change",
 "Provide more home based services with more social care and more accommodation with care",
 "Provide people with opportunities for personal development and training to develop the skills required to do the job",
 "Provide workers with regular, robust information to help them evidence effectiveness",
 "Report regularly to key strategic planning groups and partnerships with real time information to allow timely remedial action to be taken",
 "Review priorities and budgets in light of GAE forecasts linked to future demographic change",
 "Routinely determine impact on people and communities",
 "Support children's services workers to take and manage reasonable risks underpinned by good risk assessment",
 "Work with universal service providers to enable them to take greater responsibility for the wider group of children in need",
 "Develop a strategic approach to provide parenting and family support to ensure families get appropriate help and support at the right time",
 "Strengthen quality assurance and self-evaluation arrangements to show what is working well and what needs to improve",
 "Upload all required security package material to OMB MAX",
 "Remediate PMO findings and deliver updates to PMO",
 "Submit authorization package to Agency AO for final approval",
 "Review package and release an Agency Package Review Report",
 "Engage 3PAO to perform upcoming assessment to begin once Agency approves Architecture",
 "Update FedRAMP Marketplace to indicate In-Process",
 "Compile list of first round vendors",
 "Relay should have an allow/deny list to ensure closed instances remain closed",
 "Maintain message list for both sent and received",
 "Create networkId to tie a message to a given network instance",
]

# Officer shorthand and spellings, phrase -> as typed (first that applies is used).
SHORTHAND = [("communication","comms"),("including","incl."),("management","mgmt"),("managers","mgrs"),
             ("development","dev."),("children and families","C&F"),("Children's Services","CS"),
             ("information","info"),("organisation","org."),("approximately","approx."),
             ("looked after","LA"),("Human Resources","HR"),("department","dept"),("services","svcs"),
             ("performance","perf."),("assessment","assmt"),("professional","prof."),("government","govt")]
SPELLING = [("organisation","organization"),("programme","program"),("behaviour","behavior"),("centre","center"),
            ("personalised","personalized"),("formalise","formalize"),("prioritised","prioritized"),
            ("authorization","authorisation"),("analyse","analyze"),("recognise","recognize"),("utilise","utilize"),
            ("finalise","finalize"),("labour","labor"),("defence","defense"),("licence","license")]
SYNONYM = [("Develop","Build"),("Review","Revisit"),("Ensure","Make sure"),("Improve","Enhance"),("Establish","Set up"),
           ("Provide","Deliver"),("Implement","Introduce"),("Encourage","Promote"),("staff","employees"),
           ("workers","staff"),("Promote","Encourage"),("Extend","Expand"),("Identify","Find"),
           ("Further develop","Build on"),("Continue to","Keep on"),("routinely","regularly"),("Update","Refresh")]
VERB_NOUN = {"Develop":"Development of","Implement":"Implementation of","Improve":"Improvement of","Review":"Review of",
             "Provide":"Provision of","Establish":"Establishment of","Extend":"Extension of","Encourage":"Encouraging",
             "Ensure":"Ensuring","Promote":"Promotion of","Deepen":"Deepening","Focus":"Focusing","Formalise":"Formalising",
             "Include":"Inclusion of","Increase":"Increasing","Involve":"Involving","Make":"Making","Place":"Placing",
             "Report":"Reporting","Support":"Supporting","Work":"Working","Conduct":"Conducting","Continue":"Continuing",
             "Design":"Designing","Empower":"Empowering","Gear":"Gearing","Identify":"Identifying","Routinely":"Routinely",
             "Strengthen":"Strengthening","Better":"Better","Fully":"Fully","Further":"Further","Continually":"Continually",
             "Upload":"Uploading","Remediate":"Remediation of","Submit":"Submission of","Engage":"Engaging",
             "Update":"Updating","Compile":"Compiling","Relay":"Relay","Maintain":"Maintaining","Create":"Creating"}
TYPOS = [("ment","mnet"),("ing ","ign "),("tion","tino"),("ss","s"),("ll","l"),("ie","ei")]
STOP = {"a","an","the","of","to","and","for","in","on","with","our","that","their","by","which","who","is","are","be","as","at"}

def sub1(text, pairs):
    for old, new in pairs:
        m = re.search(r"\b" + re.escape(old) + r"\b", text, re.I)
        if m:
            keep = not old[0].isupper() or text[m.start()].isupper() or sum(c.isupper() for c in new) > 1
            rep = new if keep else new[0].lower() + new[1:]
            return text[:m.start()] + rep + text[m.end():]
    return None

def variants(i, s):
    first, rest = s.split(" ", 1)
    out = []
    if " and " in s: out.append(("and-ampersand", s.replace(" and ", " & ", 1 + i % 2)))
    out.append(("case", s.upper() if i % 3 == 0 else s.lower() if i % 3 == 1 else s.title()))
    hy = re.sub(r"\b(multi|co|self|cross|day|long|in|pre|re|web|real)[- ](\w)", lambda m: m.group(1) + ("" if "-" in m.group(0) else "-") + m.group(2), s, count=1)
    if hy != s: out.append(("hyphen-spacing", hy))
    sh = sub1(s, SHORTHAND[i % len(SHORTHAND):] + SHORTHAND[:i % len(SHORTHAND)])
    if sh: out.append(("abbreviation", sh))
    sp = sub1(s, SPELLING)
    if sp: out.append(("spelling", sp))
    sy = sub1(s, SYNONYM[i % len(SYNONYM):] + SYNONYM[:i % len(SYNONYM)])
    if sy: out.append(("synonym", sy))
    if first in VERB_NOUN and VERB_NOUN[first] != first:
        out.append(("inflection", VERB_NOUN[first] + " " + rest))
    words = s.split()
    if len(words) >= 9:
        cut = max(4, len(words) * 3 // 5)
        out.append(("truncation", " ".join(words[:cut])))
    ty = None
    for old, new in TYPOS[i % len(TYPOS):] + TYPOS[:i % len(TYPOS)]:
        k = s.find(old)
        if k > 0: ty = s[:k] + new + s[k + len(old):]; break
    if ty: out.append(("typo", ty))
    if ", " in s and len(words) >= 8:
        head, tail = s.split(", ", 1)
        out.append(("reorder", tail[0].upper() + tail[1:] + ": " + head[0].lower() + head[1:]))
    # A tracker's headline: the verb and its object, telegraphic (no articles), without
    # what the sentence says it is for.
    obj = re.split(r"\b(?:to|which|so|by|through|where|thus|with|via|in|across|once|for)\b|,", rest, maxsplit=1)[0].strip()
    obj = " ".join(w for w in obj.split() if w.lower() not in {"a", "an", "the", "our"})
    if len(obj.split()) >= 3 and len(obj) < len(rest) - 10:
        out.append(("headline", first + " " + obj))
    return out

# Look-alikes by rule: one object or population word swapped, or a figure changed.
SWAP = [("children","adults"),("staff","carers"),("service users","elected members"),("managers","team leaders"),
        ("carers","volunteers"),("budget","workforce"),("workforce","budget"),("communities","schools"),
        ("outcomes","costs"),("strategy","budget"),("policies","buildings"),("risk","absence"),
        ("partnerships","contracts"),("training","supervision"),("Agency","PMO"),("vendors","executives"),
        ("list","contract"),("package","invoice"),("message","contact")]

for i, s in enumerate(BASES):
    for kind, v in variants(i, s):
        if v != s: same(kind, s, v)
    swapped = sub1(s, SWAP[i % len(SWAP):] + SWAP[:i % len(SWAP)])
    if swapped and swapped != s: apart("lookalike-object", s, swapped)
    other = BASES[(i * 7 + 3) % len(BASES)]
    if other != s: apart("unrelated", s, other)

YEARS = ["2018","2019","2020","2021","2022"]
for i, s in enumerate(BASES[:40]):
    y1, y2 = YEARS[i % 5], YEARS[(i + 1 + i % 3) % 5]
    apart("lookalike-number", s + " by March " + y1, s + " by March " + y2)

# The old categories as kinds; each kind's usual difficulty.
OLD_KIND = {"hyphenation":"hyphen-spacing","curly-quotes":"punctuation","dropped-clause":"truncation",
            "reworded-summary":"reworded","near-identical":"near-identical","exact-repeat":"exact-repeat",
            "hard-negative":"lookalike-object","different":"unrelated"}
DIFFICULTY = {"case":"easy","punctuation":"easy","and-ampersand":"easy","hyphen-spacing":"easy","exact-repeat":"easy",
              "spelling":"easy","abbreviation":"medium","synonym":"medium","inflection":"medium","number":"medium",
              "truncation":"medium","typo":"medium","near-identical":"medium","reorder":"hard","headline":"hard",
              "reworded":"hard","lookalike-object":"hard","lookalike-population":"hard","lookalike-scope":"hard",
              "lookalike-document":"hard","lookalike-number":"hard","unrelated":"easy"}
out = []
seen = set()
for r in rows:
    label, cat, a, b = r[:4]
    kind = OLD_KIND.get(cat, cat)
    difficulty = (r[4] if len(r) > 4 and r[4] else None) or DIFFICULTY[kind]
    if (a, b) in seen: continue
    seen.add((a, b))
    out.append((label, kind, difficulty, a, b))

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "labelled_pairs.tsv"), "w", encoding="utf-8") as f:
    f.write("# Labelled action pairs for measuring reconciliation (see README.md in this folder).\n")
    f.write("# Written by make_labelled_pairs.py. Every third data row (3rd, 6th, ...) is held out: tuning never looks at it.\n")
    f.write("label\tkind\tdifficulty\ttext_a\ttext_b\n")
    for r in out:
        assert all("\t" not in x and "\n" not in x for x in r)
        f.write("\t".join(r) + "\n")
import collections
print(len(out), collections.Counter(r[0] for r in out))
print(sorted(collections.Counter(r[1] for r in out).items()))
