"""Phrase grammar for CareBridge synthetic patient/assistant chats.

`GRAMMAR` maps a key to a tuple of alternatives. An alternative may reference, in braces:

* another key of `GRAMMAR` (e.g. `slot.high_means`), expanded recursively by the engine;
* a per-exchange context variable: `feeling`, `topic_noun`, `topic_sentence`, `relation`;
* an upper-case PHI marker (`PATIENT_FIRST`, `PHONE`, `DATE`, ...), replaced by the engine
  with a synthetic identifier and recorded as a gold span.

No alternative contains a literal name, phone number, e-mail, address, calendar date or
record number: those are always markers. Relative times ("two weeks ago", "on Thursday"),
doses ("sertraline 50mg") and scores ("my PHQ-9 was 14") are clinical context, not markers.

Key families:

* `risk.<level>` / `risk.<level>_indirect`: patient message cores per risk level
  (none, none_hard_negative, low, moderate, high), written in plain standard English;
  register, casing and typo transforms are applied later by the engine. The generator
  appends the cores of `pipelines/phrases_risk.py` (written separately, 2026-11-29) to
  these banks.
* `opener`, `closer`: message openers and sign-offs.
* `topic.<t>` / `topic_noun.<t>`: context sentences and short noun phrases per topic.
* `feeling.<level>`: feeling words that follow "feel"/"feeling" (no article needed).
* `phi.<kind>`: sentences carrying identifiers the way real chats do.
* `reply.<part>`: assistant reply parts by EPITOME mechanism (Sharma et al. 2020):
  emotional reactions (er1 weak, er2 strong), interpretations (ip1, ip2), explorations
  (ex1, ex2), plus advice, safety and handoff statements.
* `slot.<name>`: sub-phrases used inside other alternatives. Slots named `slot.low_*`,
  `slot.mod_*` and `slot.high_*` are used only inside their own risk level.

Conventions: `{feeling}` always follows "feel", "feeling" or "felt"; `{topic_sentence}` is
used at a sentence start; `{relation}` always follows "my" (or "my ...'s"); no alternative
starts with a lower-case slot. `feeling.*` and `topic_noun.*` values are person-neutral
(no "I"/"my"), because the same value fills both the patient message and the reply.
"""

from __future__ import annotations

GRAMMAR: dict[str, tuple[str, ...]] = {
    # ------------------------------------------------------------------------------------
    # Shared neutral slots
    # ------------------------------------------------------------------------------------
    "slot.lately": (
        "lately",
        "this week",
        "the last few days",
        "since my last session",
        "recently",
        "the past couple of weeks",
        "these days",
        "since the weekend",
        "all week",
        "for a while now",
    ),
    "slot.time_past": (
        "last night",
        "yesterday",
        "on Sunday",
        "two days ago",
        "over the weekend",
        "this morning",
        "on Tuesday night",
        "a few hours ago",
        "earlier today",
        "on Friday",
        "the night before last",
        "after work yesterday",
    ),
    "slot.mood_note": (
        "a bit better than last week",
        "up and down but mostly okay",
        "pretty steady",
        "not amazing but fine",
        "better in the mornings than the evenings",
        "kind of meh",
        "more settled than usual",
        "a little brighter",
        "about a six out of ten",
        "okay-ish",
    ),
    "slot.small_win": (
        "went for a walk before work",
        "cooked an actual dinner",
        "answered all my emails",
        "called my {relation} back",
        "made it to the gym",
        "got out of bed before nine",
        "went to the grocery store without panicking",
        "finished a book for the first time in months",
        "said no to an extra shift",
        "cleaned the whole kitchen",
        "texted {FRIEND_FIRST} first for once",
        "booked the dentist appointment I'd been avoiding",
        "sat in the garden with a coffee and no phone",
        "spoke up in a meeting",
        "did my washing and actually put it away",
    ),
    "slot.coping": (
        "the breathing exercises",
        "journaling before bed",
        "the grounding thing we practiced",
        "short walks at lunch",
        "the thought record worksheet",
        "putting my phone away at night",
        "the 5-4-3-2-1 exercise",
        "writing down three good things",
        "stretching in the morning",
        "the worry time idea",
        "the mindfulness app",
        "the opposite action skill",
    ),
    "slot.appointment": (
        "my session on Thursday",
        "my next appointment",
        "my check-in with Dr. {CLINICIAN_LAST}",
        "group on Wednesday",
        "my med review",
        "my next session with {CLINICIAN_FIRST}",
        "the appointment next week",
        "Monday's session",
        "my call with the nurse",
        "the follow-up with dr {CLINICIAN_LAST}",
    ),
    "slot.med": (
        "sertraline",
        "my new dose",
        "the escitalopram",
        "my meds",
        "the melatonin",
        "bupropion",
        "the fluoxetine",
        "venlafaxine 75mg",
        "the mirtazapine",
        "the higher dose of citalopram",
    ),
    # ------------------------------------------------------------------------------------
    # Low-risk slots (passive ideation, hopelessness, burden)
    # ------------------------------------------------------------------------------------
    "slot.low_wish": (
        "I wish I could just not wake up",
        "it would be easier if I just wasn't here",
        "I wouldn't mind if I didn't wake up tomorrow",
        "I wish I'd never been born",
        "I sort of hope something just happens to me",
        "I wish I could go to sleep and stay asleep",
        "I'd be relieved if my life just stopped",
        "I don't really want to be alive anymore",
        "I wish I could stop existing for a while",
        "I keep hoping I just won't wake up one day",
    ),
    "slot.low_burden": (
        "everyone would be better off without me",
        "I'm just a burden to my {relation}",
        "I only drag everyone down",
        "people would be relieved if I was gone",
        "I make everyone's life harder",
        "nobody would really miss me",
        "I'm a weight around my {relation}'s neck",
        "my family would cope better without me",
        "I'm more trouble than I'm worth",
        "I'm wasting everyone's time and energy",
    ),
    "slot.low_hopeless": (
        "what's the point",
        "nothing is ever going to get better",
        "I can't see a future for myself",
        "there's nothing to look forward to",
        "it's never going to change",
        "I don't see why I bother",
        "nothing I do makes any difference",
        "there's no way out of feeling like this",
        "I've run out of hope",
        "it's all pointless",
    ),
    # ------------------------------------------------------------------------------------
    # Moderate-risk slots (active thoughts / self-harm, no plan or intent)
    # ------------------------------------------------------------------------------------
    "slot.mod_selfharm": (
        "cut myself",
        "burned myself",
        "scratched my arms until they bled",
        "hit myself",
        "punched the wall on purpose until my knuckles bled",
        "cut my thighs",
        "hurt myself",
        "dug my nails into my arms until they bled",
        "burned my wrist with a lighter",
        "self-harmed",
    ),
    "slot.mod_thought": (
        "thinking about killing myself",
        "having thoughts of suicide",
        "thinking about ways to die",
        "getting suicidal thoughts",
        "wanting to die by suicide",
        "having urges to self-harm",
        "imagining being dead and wanting it",
        "thinking about hurting myself",
    ),
    # ------------------------------------------------------------------------------------
    # High-risk slots (plan, intent, means, preparation, attempt)
    # ------------------------------------------------------------------------------------
    "slot.time_soon": (
        "tonight",
        "this weekend",
        "after everyone's asleep",
        "on Friday",
        "tomorrow morning",
        "later tonight",
        "once my shift ends",
        "when my roommate leaves for work",
        "before the kids get home",
        "on Sunday night",
        "in an hour or so",
        "as soon as it gets dark",
        "after my birthday",
        "right after this message",
    ),
    "slot.high_means": (
        "the pills saved up",
        "a rope ready",
        "my dad's gun",
        "enough pills to do it",
        "a knife in my room",
        "the car and a full tank",
        "a loaded gun in the drawer",
        "a bottle of painkillers I've been saving",
        "three months of sleeping pills",
        "everything I need",
    ),
    "slot.high_method": (
        "take all of the pills",
        "hang myself",
        "shoot myself",
        "jump off {slot.high_place}",
        "drive my car off the road",
        "overdose",
        "cut my wrists",
        "step in front of a train",
        "jump from my balcony",
        "use the knife",
        "kill myself",
        "end my life",
    ),
    "slot.high_place": (
        "the bridge",
        "the roof of the parking garage",
        "the overpass",
        "the cliffs near the beach",
        "the roof of my building",
        "the railway bridge",
        "the top of the multi-storey car park",
        "the bridge by the river",
    ),
    "slot.high_prep": (
        "written goodbye letters",
        "given my cat to my {relation}",
        "said goodbye to everyone",
        "looked up how many pills it would take",
        "deleted all my accounts",
        "written a will",
        "cleaned out my apartment so nobody has to",
        "given away most of my things",
        "paid off my debts so nobody's stuck with them",
        "written my note",
        "put my passwords in an envelope for my {relation}",
        "cancelled all my subscriptions and told work I won't be back",
    ),
    "slot.high_attempt": (
        "tried to hang myself",
        "took a whole bottle of pills",
        "tried to overdose",
        "swallowed everything in the medicine cabinet",
        "tried to jump",
        "cut my wrists",
        "tried to kill myself",
        "tried to drown myself",
    ),
    "slot.high_stockpile": (
        "sleeping pills",
        "antidepressants",
        "painkillers",
        "my mum's pain meds",
        "my lithium",
        "my quetiapine",
        "paracetamol",
        "my anxiety meds",
    ),
    # ------------------------------------------------------------------------------------
    # Feelings (each follows "feel"/"feeling"/"felt")
    # ------------------------------------------------------------------------------------
    "feeling.none": (
        "tired",
        "a bit stressed",
        "okay",
        "pretty good",
        "kind of flat",
        "a little anxious",
        "distracted",
        "restless",
        "calmer",
        "hopeful",
        "a bit low",
        "run down",
        "relieved",
        "frustrated",
        "proud",
        "a bit on edge",
    ),
    "feeling.low": (
        "hopeless",
        "empty",
        "worthless",
        "numb",
        "like a burden",
        "invisible",
        "drained all the time",
        "stuck",
        "defeated",
        "like nothing matters",
        "heavy",
        "so alone",
        "pointless",
        "worn out",
        "useless",
    ),
    "feeling.moderate": (
        "desperate",
        "out of control",
        "scared of the thoughts",
        "unsafe",
        "completely broken",
        "close to breaking point",
        "tormented",
        "raw",
        "panicky and dark",
        "trapped",
        "in so much pain",
        "utterly overwhelmed",
        "frantic",
        "like everything is coming apart",
    ),
    "feeling.high": (
        "done",
        "strangely calm",
        "finished",
        "like there's no way out",
        "past the point of caring",
        "certain and settled",
        "ready to go",
        "beyond help",
        "completely trapped",
        "like this is the end",
        "out of time",
        "at the end of the road",
        "empty and decided",
        "like it's already over",
    ),
    # ------------------------------------------------------------------------------------
    # Topic nouns: singular or uncountable ("{topic_noun} has been ..."), and person-neutral
    # (no "my"/"your"), because the same value is used in patient messages and in replies.
    # ------------------------------------------------------------------------------------
    "topic_noun.work": (
        "work",
        "the job",
        "the new role",
        "the workload",
        "the situation at work",
        "the project deadline",
        "the shift pattern",
        "the pressure at work",
    ),
    "topic_noun.school": (
        "school",
        "exam season",
        "uni",
        "the coursework",
        "the thesis",
        "college",
        "revision",
        "the pressure to get good grades",
    ),
    "topic_noun.family": (
        "family stuff",
        "home life",
        "the situation at home",
        "the tension at home",
        "the family situation",
        "caring for a parent",
        "the family drama",
        "the family feud",
    ),
    "topic_noun.relationship": (
        "the relationship",
        "the breakup",
        "the marriage",
        "dating",
        "the divorce",
        "the separation",
        "the constant arguing",
        "the long-distance thing",
    ),
    "topic_noun.money": (
        "money",
        "the debt",
        "rent",
        "the finances",
        "the credit card debt",
        "the overdraft",
        "paying the bills",
        "the cost of everything",
    ),
    "topic_noun.health": (
        "the health stuff",
        "the chronic pain",
        "the diagnosis",
        "the back pain",
        "the new medication",
        "the surgery",
        "the fatigue",
        "waiting on test results",
    ),
    "topic_noun.sleep": (
        "sleep",
        "insomnia",
        "the lack of sleep",
        "not sleeping",
        "the sleep schedule",
        "bedtime",
        "waking up at 3am",
        "night-time",
    ),
    "topic_noun.substances": (
        "drinking",
        "the weed",
        "using again",
        "sobriety",
        "staying sober",
        "alcohol",
        "the relapse",
        "recovery",
    ),
    "topic_noun.loneliness": (
        "being alone",
        "loneliness",
        "not having anyone to talk to",
        "the isolation",
        "spending weekends alone",
        "living alone",
        "having no close friends",
        "the quiet at home",
    ),
    "topic_noun.grief": (
        "the loss",
        "grief",
        "the anniversary",
        "the funeral",
        "losing a parent",
        "the bereavement",
        "losing a pet",
        "the death in the family",
    ),
    "topic_noun.housing": (
        "the housing situation",
        "the flat",
        "the landlord",
        "the move",
        "the eviction",
        "living with roommates",
        "finding a place",
        "the apartment hunt",
    ),
    # ------------------------------------------------------------------------------------
    # Topic context sentences (also drawn on for {topic_sentence})
    # ------------------------------------------------------------------------------------
    "topic.work": (
        "My manager keeps piling more onto my plate and I can't say no.",
        "We had layoffs last month and everyone in the office is on edge.",
        "I got passed over for the promotion again.",
        "I've been working doubles all week because two people quit.",
        "My coworker {FRIEND_FIRST} covered for me again and I feel guilty about it.",
        "There's a performance review on {DATE} and I'm dreading it.",
        "I started the new job two weeks ago and I still don't know what I'm doing.",
        "Work has been nonstop since the merger.",
        "My shifts keep changing so I can never plan anything.",
        "I made a mistake on a report and my manager called me out in front of everyone.",
        "I've been on sick leave for a month and going back scares me.",
        "The commute is two hours each way and I'm wiped by the time I get home.",
        "I got let go on Friday and haven't told anyone yet.",
        "Everyone at work seems to get along except me.",
        "I work nights at {FACILITY} and my body clock is a mess.",
        "A customer screamed at me today and I had to hide in the stockroom for a bit.",
    ),
    "topic.school": (
        "Finals start next week and I've barely studied.",
        "I failed my chemistry midterm.",
        "My thesis advisor hasn't replied to my emails in three weeks.",
        "I'm behind on every single class this semester.",
        "My parents expect straight As and I'm not getting them.",
        "I had to drop a course and now I might lose my scholarship.",
        "Nobody in my group project does anything, so it's all falling on me.",
        "I haven't been to a lecture in two weeks.",
        "Uni applications are due soon and I haven't started my personal statement.",
        "Some kids at school have been posting stuff about me online.",
        "I'm juggling classes and a part-time job and it's a lot.",
        "My roommate in the dorm has people over every single night.",
        "I got a B on the essay I worked really hard on.",
        "My teacher said I might have to repeat the year.",
        "I'm starting a new school in {CITY} and I don't know anyone.",
    ),
    "topic.family": (
        "My {relation} and I had another fight about the same old stuff.",
        "My {relation} {RELATIVE_FIRST} isn't speaking to me right now.",
        "My parents are getting divorced after twenty-five years.",
        "Looking after my mum since her stroke takes up all my time.",
        "My dad drinks and it's tense at home.",
        "The kids have been fighting nonstop.",
        "Christmas with my family is coming up and I'm dreading it.",
        "My {relation} moved back in with us and the house feels tiny.",
        "My mother-in-law criticises everything I do.",
        "My brother and I haven't spoken since the funeral.",
        "My {relation} {RELATIVE_FIRST} keeps asking when I'm going to get a proper job.",
        "I'm the one everyone in my family calls when something goes wrong.",
        "My teenager won't talk to me anymore.",
        "My {relation} was diagnosed with dementia.",
        "My family doesn't believe in therapy, so I haven't told them I'm doing this.",
    ),
    "topic.relationship": (
        "My partner and I have been arguing about everything lately.",
        "We broke up last week after four years.",
        "My husband works away and I barely see him.",
        "I found messages on my girlfriend's phone.",
        "My ex keeps texting me and I don't know whether to reply.",
        "We're trying for a baby and it's been really stressful.",
        "I went on a few dates but nothing clicks.",
        "My wife wants us to go to couples counselling.",
        "My boyfriend says I'm too needy.",
        "We moved in together and it's harder than I expected.",
        "I think my marriage is ending.",
        "I've been single for ages and all my friends are getting engaged.",
        "My partner doesn't really get why I'm in therapy.",
        "We had a big fight on our anniversary.",
        "My {relation} {RELATIVE_FIRST} and I are separating and we still live together.",
    ),
    "topic.money": (
        "Rent went up again and I can barely cover it.",
        "I've got three credit cards maxed out.",
        "My hours got cut so money is really tight.",
        "I'm behind on the electricity bill.",
        "I had to borrow money from my {relation} again.",
        "The car broke down and I can't afford to fix it.",
        "I've been using the food bank this month.",
        "My student loan payments start again soon.",
        "I keep checking my bank balance like it's going to change.",
        "I'm worried about being able to pay for my sessions.",
        "Debt collectors keep calling.",
        "I spent money I didn't have on stuff I didn't need.",
        "We're living off one income since I lost my job.",
        "I can't afford my prescription this month.",
        "My benefits got stopped while they review my claim.",
    ),
    "topic.health": (
        "My back pain has been flaring up all week.",
        "I'm waiting on test results from {FACILITY}.",
        "The new medication makes me really nauseous.",
        "I got diagnosed with diabetes last month.",
        "My migraines are back.",
        "I've gained a lot of weight since starting the new meds.",
        "I had a panic attack at the doctor's office.",
        "My chronic fatigue has been bad lately.",
        "I'm having surgery next month and I'm nervous about it.",
        "My blood pressure was high at my checkup.",
        "I've had a cold for two weeks that won't go away.",
        "My GP wants me to get more scans.",
        "The pain in my knee means I can't run anymore.",
        "I've been skipping meals without really noticing.",
        "My {relation} drove me to {FACILITY} for the scan on Tuesday.",
    ),
    "topic.sleep": (
        "I keep waking up at 3am and can't get back to sleep.",
        "I'm only getting about four hours a night.",
        "The nightmares are back.",
        "I sleep twelve hours and still wake up tired.",
        "I lie there for hours with my mind racing.",
        "My sleep schedule is completely flipped.",
        "I've been napping all afternoon and then I'm up all night.",
        "The baby's been up every two hours.",
        "I stopped taking the melatonin and sleep got worse.",
        "My neighbours are loud until late every night.",
        "I keep scrolling on my phone until 2am.",
        "I've been sleeping on the couch.",
        "Night shifts have wrecked my sleep.",
        "I wake up with my heart pounding most mornings.",
        "Dr. {CLINICIAN_LAST} said the trazodone might help but I still can't drop off.",
    ),
    "topic.substances": (
        "I've been drinking more than I want to.",
        "I'm 40 days sober today.",
        "I smoked again after two months off.",
        "My friend {FRIEND_FIRST} offered me something at the party and I said yes.",
        "I've cut down to a couple of drinks on weekends.",
        "I keep reaching for a drink as soon as I get home.",
        "I relapsed on Saturday.",
        "I've been vaping nonstop since I quit smoking.",
        "Weed helps me sleep but I think I'm relying on it.",
        "I went to my first AA meeting.",
        "I missed my meeting this week.",
        "I've been having cravings every evening.",
        "My {relation} found out I've been drinking again.",
        "I'm trying to stay sober for my kids.",
        "My sponsor moved away and I haven't found a new one.",
    ),
    "topic.loneliness": (
        "I haven't really talked to anyone in days.",
        "All my friends moved away after uni.",
        "I moved to {CITY} for work and don't know anyone here.",
        "Weekends are the worst because nobody calls.",
        "I eat dinner alone every night.",
        "My friend {FRIEND_FIRST} hasn't replied in weeks.",
        "Everyone seems to have plans except me.",
        "I've been working from home and I barely leave the house.",
        "I went to a meetup but didn't talk to anyone.",
        "Since the divorce the house is so quiet.",
        "Nobody replies when I post in the group chat.",
        "I spend most evenings just scrolling.",
        "My only real conversations are with the cashier at the shop.",
        "The holidays are coming up and I'll be on my own.",
        "My {relation} is the only person who checks on me and they live abroad.",
    ),
    "topic.grief": (
        "My dad died three months ago.",
        "It's been a year since my {relation} {RELATIVE_FIRST} passed away.",
        "We had to put our dog down last week.",
        "My grandma's funeral was on Saturday.",
        "The anniversary of my mum's death is on {DATE}.",
        "I lost a friend to cancer this spring.",
        "I keep picking up my phone to call my {relation} before remembering.",
        "We lost the pregnancy last month.",
        "My best friend {FRIEND_FIRST} died in a car accident in the summer.",
        "Clearing out my dad's house has been brutal.",
        "It's the first Christmas without my husband.",
        "Everyone expects me to be over it by now.",
        "My {relation}'s birthday would have been this week.",
        "I never got to say goodbye to my grandad.",
        "My mum passed away at {FACILITY} and I can't drive past it.",
    ),
    "topic.housing": (
        "My landlord is selling the building and we have to be out soon.",
        "I got an eviction notice.",
        "There's mould in the flat and the landlord won't fix it.",
        "I'm sleeping on my friend {FRIEND_FIRST}'s couch right now.",
        "We're moving to {CITY} next month.",
        "My roommates never clean and it's driving me up the wall.",
        "I've been on the housing waitlist for two years.",
        "Our heating's been broken for a week.",
        "I had to move back in with my parents.",
        "The neighbours upstairs fight every night.",
        "I can't find anywhere I can afford near work.",
        "I'm staying in a shelter at the moment.",
        "Packing up the house has taken over everything.",
        "I'm moving into my new place at {STREET_ADDRESS} on Saturday.",
        "The lease on my place ends on {DATE} and I still haven't found anywhere.",
    ),
    # ------------------------------------------------------------------------------------
    # Patient message cores: no risk
    # ------------------------------------------------------------------------------------
    "risk.none": (
        "Just checking in. I've been feeling {feeling} {slot.lately} but mostly okay.",
        (
            "Honestly I've been feeling {feeling} {slot.lately}, nothing dramatic, just the "
            "usual stuff with {topic_noun}."
        ),
        "Small win: I {slot.small_win} today.",
        "I {slot.small_win} yesterday and it actually helped my mood.",
        "I've been trying {slot.coping} and I think it's working.",
        "{topic_sentence} But I'm handling it better than I would have a few months ago.",
        "{topic_sentence} I'm mostly just feeling {feeling} about it.",
        "Mood's been {slot.mood_note} {slot.lately}.",
        "Can we go over {slot.coping} again? I forgot the steps.",
        "Note to self: bring up {topic_noun} at {slot.appointment}.",
        "Is it possible to move {slot.appointment} to later in the day?",
        "Sleep was better last night, maybe six hours, which is a lot for me.",
        "I've been on {slot.med} for about three weeks and I think it's starting to help.",
        "A bit sad today but nothing I can't handle. Just one of those days.",
        "Kind of a flat day. Nothing bad happened, I just didn't feel like doing much.",
        "Stress is pretty high because of {topic_noun}, but I'm managing.",
        "Had a good chat with my {relation} today and it lifted my mood.",
        "I cried a bit watching a sad film last night, which was weirdly nice.",
        "I noticed I was catastrophising about {topic_noun} and managed to stop myself.",
        "Doing alright. I'm feeling {feeling} but I kept up with {slot.coping}.",
        "I've been journaling like we talked about. Mostly about {topic_noun}.",
        "Feeling {feeling} {slot.lately}. I think it's mostly down to {topic_noun}.",
        "Not much to report, just keeping up my streak of checking in.",
        "I forgot to take {slot.med} this morning. Should I take it now or wait until tomorrow?",
        "Is it normal to feel {feeling} after a session? The last one brought up a lot.",
        "I managed to go to the party and only left a little early. Proud of that.",
        "The anxiety was about a 4 out of 10 today, down from a 7 last week.",
        "My PHQ-9 came back lower this time, which was nice to see.",
        "I've been walking every morning and it does help with my mood.",
        "I snapped at my {relation} earlier and felt bad, so I apologised and we're fine now.",
        "I had a bit of a wobble on Tuesday but I used {slot.coping} and it passed.",
        "Feeling kind of low today, probably because it's grey and raining.",
        "Work was busy but fine. I'm feeling {feeling} but in a normal way.",
        "I'm a bit nervous about {slot.appointment}, I don't really know what to talk about.",
        "Can you remind me what the homework was from last session?",
        "I think the new routine is helping. Up at seven, walk, breakfast, then work.",
        "Got some good news about {topic_noun} today!",
        "{topic_sentence} It's annoying but I'm not spiralling about it.",
        "I'm tired but in a good way, I spent the whole day outside.",
        "Things are a bit better with {topic_noun}. I still feel {feeling} sometimes.",
        "Had my first full week without a panic attack.",
        "I said no to something I didn't want to do and the world didn't end.",
        "Slept badly, so I'm feeling {feeling} and a bit grumpy today.",
        "I've been missing my {relation} a lot but we're seeing each other next month.",
        "Just a quick update: I'm okay. Busy, feeling {feeling}, but okay.",
        "I keep overthinking {topic_noun} at night. Not terrible, just annoying.",
        "Today was mostly good. I {slot.small_win} and had lunch with {FRIEND_FIRST}.",
        "I had a lazy Sunday and didn't feel guilty about it for once.",
        "Had a bit of a cry after talking about {topic_noun}, but I feel lighter now.",
        "I'm better than last week. Still working on {topic_noun}.",
        "My appetite is coming back, I actually ate breakfast today.",
        "The thought record thing is hard but I did two of them this week.",
        "Quietly proud of myself today. I {slot.small_win}.",
        "I feel {feeling} about {slot.appointment} because I want to bring up {topic_noun}.",
        "Not a great day, not a bad day. Just feeling {feeling}.",
        "I had a disagreement with {FRIEND_FIRST} but we talked it through.",
        "Tried meditating for ten minutes. My mind wandered a lot but I stuck with it.",
        "Quick question, does the app keep my messages private?",
        "I've noticed I'm more irritable when I skip lunch, so I'm trying to eat properly.",
        "Things are steady. {topic_sentence} I'm keeping an eye on it.",
        "The weekend was nice, we went to the beach with my {relation}.",
        "I got a bit overwhelmed at the shops but I did the breathing and stayed.",
        "I think I've been feeling {feeling} because of {topic_noun}. Writing it down helps.",
        "Feeling more like myself than I have in a while.",
        "The side effects from {slot.med} are mostly gone now.",
        "I had a low moment this afternoon but it passed after I called my {relation}.",
        "I'm looking forward to the weekend, I've got plans to see {FRIEND_FIRST}.",
        "I want to work on being less hard on myself about {topic_noun}.",
        "Had a productive day. Laundry done, emails done, even went for a run.",
        "I've been using {slot.coping} whenever I feel {feeling} and it helps a bit.",
        "Do you have any tips for staying motivated when I feel {feeling}?",
        "I'm checking in like {CLINICIAN_FIRST} asked me to. All fine, just feeling {feeling}.",
        "I'm a bit down about {topic_noun} but I know it'll pass.",
        "Gratitude list for today: sunshine, good coffee, and my {relation} calling.",
        "Not sure the meds are doing much yet. Mood is about the same, maybe a touch better.",
        "Mood's been {slot.mood_note}. {topic_sentence} Otherwise nothing new.",
        (
            "I used to avoid {topic_noun} completely, and today I dealt with it. Felt {feeling} "
            "after."
        ),
        "Therapy homework update: I {slot.small_win}, which was on my list.",
        "I {slot.small_win} {slot.time_past}, and I've been keeping up with {slot.coping}.",
        "Since starting {slot.med} my mood has been {slot.mood_note}.",
        "I've been feeling {feeling} {slot.lately}, so I'm glad {slot.appointment} is coming up.",
    ),
    "risk.none_hard_negative": (
        "This exam is killing me, I've been revising all day.",
        "My phone died halfway through the call with my {relation}, so annoying.",
        "I'm dying to see that new film everyone's talking about.",
        (
            "My cousin overdosed last year and I'm still worried about him. He's in rehab now "
            "and doing okay."
        ),
        "I could murder a pizza right now.",
        "The traffic on the way home was suicide, I swear.",
        "I'm dead tired after that shift.",
        "I nearly died laughing at my {relation}'s story at dinner.",
        "I'd kill for a day off.",
        "My plants are dying and I have no idea what I'm doing wrong.",
        "That workout absolutely destroyed me.",
        (
            "I read about a singer's suicide in the news and it made me sad. I'm fine, it just "
            "stuck with me."
        ),
        (
            "We're watching a show about a girl who self-harms. It's hard to watch but really "
            "well done."
        ),
        "My laptop battery is dead again.",
        "My feet are killing me after standing all day.",
        "I'm going to kill my {relation} if they borrow my charger again, lol.",
        "That comedian was so funny, I was dying.",
        "My car battery died in the car park this morning.",
        "I shot some really nice photos at the park today.",
        "We finally killed off that project at work, thank god.",
        (
            "My grandad's dog died this week. He was very old and it was peaceful, we're just a "
            "bit sad."
        ),
        "I'm reading about the history of suicide prevention for my psych class.",
        "I'm writing an essay on Sylvia Plath for school and it's pretty heavy going.",
        (
            "My friend {FRIEND_FIRST} used to self-harm but has been doing great for years. We "
            "talked about it today."
        ),
        "I hung the new curtains today and the room looks so much better.",
        "I cut my hair really short and I love it.",
        "I cut myself chopping onions, just a small nick, stuck a plaster on it.",
        "My nan says she'll be dead before the council fixes the road. She's hilarious.",
        "I passed my driving test! I thought I'd die of nerves.",
        "The new game is so hard, I died like forty times on the first boss.",
        "I'm so done with this week, bring on Friday.",
        "I jumped off the high dive at the pool today, first time since I was a kid!",
        "We talked about warning signs of suicide in health class and I learned a lot.",
        (
            "My sister's friend died by suicide last month. I didn't know her well, but I'm sad "
            "for my sister. I'm okay myself."
        ),
        (
            "There was a news story about a man who jumped from a bridge downtown. It's awful, I "
            "keep thinking about his family."
        ),
        "The plot twist at the end of that episode killed me.",
        "If I have to sit through one more meeting I'll die of boredom.",
        "My bank account is on life support until payday, ha.",
        "Overdosed on chocolate at the work party, no regrets.",
        "Gave a load of old clothes to the charity shop, feels good to declutter.",
        "Wrote letters to my pen pals today, very old school.",
        "I said goodbye to my coworkers today, it's my last day before the new job starts!",
        "My GP and I looked up the right dose of vitamin D because my levels were low.",
        "We put up a rope swing for the kids in the garden.",
        "My brother bought a shotgun for hunting season and mum is not thrilled.",
        "My heart stopped when I saw the exam results, but I passed!",
        "I'm at the end of my rope with this printer.",
        "My cat brought a dead bird in this morning, gross.",
        "I'm literally melting, the aircon at work is broken and I'm dying in this heat.",
        "My {relation} says I'm going to be the death of them because I never text back.",
        "I'm killing it at the new job, got great feedback today.",
        "That spicy curry nearly finished me off.",
        "Stabbed my finger on a cactus, ouch.",
        "My friend's band was killer last night.",
        "My {relation} works in suicide prevention and I'm really proud of them.",
        "Threw out all the old junk in the garage, well overdue.",
        "The doctor said my knee is shot but physio should help.",
        "My tomato plants drowned in all this rain.",
        "I'd rather die than sing karaoke, but my friends made me and it was actually fun.",
        "I've been binge-watching a crime drama where someone gets poisoned every episode.",
        "Our team got slaughtered in the pub quiz, we came last by a mile.",
        "My old phone is on its last legs, time for a new one.",
    ),
    # ------------------------------------------------------------------------------------
    # Low risk: passive wish to be dead, hopelessness, burden; no active thoughts
    # ------------------------------------------------------------------------------------
    "risk.low": (
        "Sometimes {slot.low_wish}.",
        "Honestly, {slot.low_burden}.",
        "I feel {feeling} and {slot.low_hopeless}.",
        "{topic_sentence} Honestly, {slot.low_hopeless}.",
        "{topic_sentence} Some days {slot.low_wish}.",
        "I keep thinking {slot.low_burden}. {slot.low_hopeless_cap}",
        "Sometimes I wish I could just not wake up.",
        "Everyone would be better off without me.",
        "What's the point of any of it.",
        "I'm so tired of everything. I wouldn't mind if I just didn't wake up tomorrow.",
        "I feel like such a burden to my {relation}.",
        "Nothing is ever going to get better, is it.",
        "I keep thinking it would be easier if I just wasn't around.",
        "I don't want to kill myself or anything, I just don't really want to be here.",
        "If I got hit by a car I don't think I'd mind that much.",
        "I feel {feeling}. There's nothing to look forward to.",
        "Feeling {feeling} again. I can't see a future where things are different.",
        "My {relation} would honestly have an easier life if I wasn't in it.",
        "I wish I'd never been born sometimes.",
        "I go to sleep hoping I won't wake up, then I do and it's the same day again.",
        "I'm not going to do anything, but I wish I could just stop existing.",
        "I don't really care what happens to me anymore.",
        "Nobody would notice if I was gone.",
        "Everyone keeps trying to help and I'm just wasting their time.",
        "I feel {feeling} all the time and I'm tired of pretending I'm fine.",
        "I've stopped seeing a reason to keep trying with {topic_noun}, or with anything really.",
        "Life feels pointless lately.",
        "Sometimes I think the world would be lighter without me in it.",
        "What's even the point of therapy if nothing changes.",
        "I don't have any hope that things will improve.",
        "I'm a drain on everyone around me.",
        "It's like I'm just waiting for life to be over.",
        "{topic_sentence} It makes me wish I could just fall asleep and never wake up.",
        "I'm exhausted by being alive, if that makes sense.",
        "I keep thinking my kids deserve a better parent than me.",
        "Maybe it'd be better if I just faded out of everyone's lives.",
        "I feel {feeling}. Part of me hopes I just get sick and that's it.",
        "I'd never do anything, but I'd be relieved if something happened to me.",
        "Every day is the same grey nothing. I don't know why I bother.",
        "I feel like I'm only taking up space.",
        "If I died in my sleep it honestly wouldn't be the worst thing.",
        "I'm tired of being the problem in everyone's life.",
        "I can't picture myself being alive in five years, and I don't mind that.",
        "I just don't see how this ever gets better.",
        "I feel {feeling} and I don't think anyone can fix it.",
        "People say it gets better but it never does for me.",
        "Everything I touch goes wrong. Maybe I shouldn't be here.",
        "I feel like a waste of oxygen.",
        "My family spends so much time and money on me. They'd be better off if I wasn't around.",
        "Honestly I'm just existing, not living.",
        "I wish I could go to sleep for a year, or forever.",
        "There's no point making plans when nothing ever works out.",
        "Sometimes I hope the plane goes down when I fly. I know that's dark.",
        "I've been thinking everyone would move on pretty fast if I was gone.",
        "{topic_sentence} I feel like I've ruined everything and there's no fixing it.",
        "Why do I even bother getting up.",
        "I keep wondering if anyone would even come to my funeral.",
        "I don't think I have a future.",
        "Hope just isn't something I have right now.",
        "I'm sick of trying to be okay when nothing helps.",
        "When I hear about someone dying I catch myself thinking, at least they get to rest.",
        "Sometimes I wish I could just vanish and not have to deal with any of this.",
        "I don't know how much longer I can keep going like this.",
        "My {relation} {RELATIVE_FIRST} would be so much better off not having to worry about me.",
        "I feel like I'm letting everyone down just by existing.",
        "I used to have dreams for my life. Now I can't imagine anything.",
        "I'm worthless. I don't know why anyone puts up with me.",
        "It would be a relief not to be here anymore.",
        "Every morning I'm disappointed that I woke up.",
        "Even on good days there's this voice asking what the point is.",
        "I'm just so tired of life. I'm not going to do anything, I'm just tired.",
        "I don't feel like I deserve to be happy, or to be here really.",
        "If I didn't have my cat I don't know what I'd be living for.",
        "Ever since {topic_noun} took over my life I feel {feeling}, and {slot.low_hopeless}.",
    ),
    "slot.low_hopeless_cap": (
        "What's the point.",
        "Nothing is ever going to get better.",
        "I can't see a future for myself.",
        "There's nothing to look forward to.",
        "It's never going to change.",
        "I don't see why I bother.",
        "Nothing I do makes any difference.",
        "I've run out of hope.",
    ),
    "risk.low_indirect": (
        "I'm just so tired. Not sleepy tired, the other kind.",
        "Sometimes I think about how peaceful it would be to not exist.",
        "I've been thinking a lot about how nobody would really notice if I wasn't around.",
        "I'm kind of over all of it, you know?",
        "Some days I just want everything to stop, for good.",
        "It'd be nice to just sleep and not have to come back.",
        "I don't really see myself getting old.",
        "I've kind of stopped caring how things turn out for me.",
        "It's like I'm sitting in a seat at the table that should go to someone who deserves it.",
        "Sometimes I daydream about walking away from everything and never coming back.",
        "I'm running on empty and I don't think there's a refill.",
        "It's like I'm already a ghost in my own life.",
        "I keep hoping for a long, long sleep.",
        "Honestly, being here feels optional some days.",
        "I'm so tired of carrying all this. I'd put it all down if I could.",
        "If I caught something serious, I don't think I'd fight it very hard.",
        "People would get over me pretty quickly.",
        "I don't have much fight left in me, to be honest.",
        "When I cross the road I've stopped really looking, and I don't care much either way.",
        "Everyone's got their lives going on. I'm kind of just in the way.",
        (
            "I've been wondering how things would go for everyone if I just wasn't part of "
            "the picture."
        ),
        "Some nights I hope the quiet just keeps going.",
        "I'm tired in a way that sleep doesn't fix.",
        "It feels like the lights are slowly going out and I'm not bothered.",
        "I'm not sure I'm meant to be here.",
        "Everyone's life would run smoother with one less person to worry about.",
        "I'm just going through the motions until it's over, whatever that means.",
        "I'm kind of at the stage where I'd be fine if this was it.",
        "The future is just a blank wall for me.",
        "I'd like to press pause on life, indefinitely.",
        "Lately I've been envying people who don't have to wake up anymore.",
        "I don't belong anywhere, and I've stopped expecting that to change.",
        "Sometimes it feels like I'm borrowing time that someone else should have.",
        "It's like I'm slowly fading, and nobody will notice when I'm gone completely.",
        "{topic_sentence} I've started to feel like I'm just a spare part everywhere.",
        "I wouldn't say I'm wishing for death exactly. I just don't want to keep doing this.",
    ),
    # ------------------------------------------------------------------------------------
    # Moderate risk: active suicidal thoughts or self-harm, no plan or intent
    # ------------------------------------------------------------------------------------
    "risk.moderate": (
        "I keep thinking about killing myself but I don't have a plan.",
        "I cut myself again last night.",
        "The thoughts about suicide are getting louder.",
        "I {slot.mod_selfharm} {slot.time_past}. I don't really know why.",
        "I've been {slot.mod_thought} a lot {slot.lately}, but I'm not going to act on it.",
        "I had thoughts of killing myself at work today. They scared me.",
        "I've been self-harming again. It's the only thing that takes the edge off.",
        "I think about suicide most days now. I haven't done anything, it's just always there.",
        "{topic_sentence} After that I {slot.mod_selfharm} again.",
        "I'm having suicidal thoughts but I don't think I'd actually do anything.",
        "I relapsed with self-harm after three months clean.",
        "I wanted to die today. Like actually wanted to, not just tired.",
        "The urge to hurt myself has been really strong {slot.lately}.",
        "I've got fresh cuts on my arm and I'm hiding them from my {relation}.",
        "I feel {feeling}. The suicidal thoughts come back every night.",
        (
            "I keep getting flashes of wanting to kill myself. No plan, they just show up out of "
            "nowhere."
        ),
        "I scratched my skin raw last night because I couldn't cope.",
        "My head keeps telling me to kill myself. I'm not listening to it, but it's exhausting.",
        "I hurt myself again after the argument with my {relation}.",
        "I think I want to die. I've never felt it this strongly before.",
        "Suicide keeps popping into my head as an option, even though I don't want it to.",
        "I burned my arm with a lighter just to feel something.",
        "I'm scared because I've started to think suicide might be a solution.",
        "Self-harm is the only thing keeping me from completely losing it right now.",
        "I've had thoughts of ending my life every day this week.",
        "I haven't told {CLINICIAN_FIRST} yet, but I've been cutting again.",
        "When I'm alone the thoughts of killing myself get really loud.",
        "I've been thinking about suicide more than usual and I don't know what to do with that.",
        "{topic_sentence} I've started thinking about killing myself again.",
        "I banged my head against the wall until it really hurt. It keeps happening.",
        "I want to hurt myself right now, but I'm trying to distract myself.",
        "Part of me wants to die and part of me doesn't, and they're fighting all the time.",
        "The cuts are getting deeper than they used to.",
        (
            "Ever since {topic_noun} started weighing on me this much, I've been thinking "
            "about suicide."
        ),
        (
            "I feel {feeling} and I've been having thoughts of killing myself. No plan, I just "
            "needed to tell someone."
        ),
        "I relapsed and cut on my thighs where no one can see.",
        "I think about killing myself every night when I lie down.",
        "It's getting harder to push away the thoughts of suicide.",
        "I keep wanting to punish myself by hurting my body.",
        "I've had suicidal thoughts since Sunday and they're not going away.",
        "I pinched and scratched myself until I bled during the meeting.",
        "I told {FRIEND_FIRST} I'd stopped cutting but I haven't.",
        "The thoughts about dying aren't passive anymore. I actually think about doing it.",
        "I'm struggling not to self-harm tonight.",
        "I've thought about suicide a few times today, more than I'd like to admit.",
        "I want to cut so badly right now.",
        "I hit my legs when I get overwhelmed. It's happened twice {slot.lately}.",
        "I'm having urges to hurt myself and I'm scared I'll give in.",
        "Suicidal thoughts again today. I'm holding on but they're intense.",
        "Part of me wishes I had the guts to kill myself.",
        "I keep thinking about what it would be like to kill myself, over and over.",
        "I {slot.mod_selfharm} {slot.time_past} for the first time in a year.",
        "My thoughts keep going to suicide whenever I think about {topic_noun}.",
        "I don't have a plan or anything, but I really want to die right now.",
        "I've been hurting myself more since {topic_noun} became too much.",
        "I'm fighting the urge to self-harm every single day now.",
        "Last night I cut, and today I can't stop thinking about doing it again.",
        "Suicide is always in the back of my mind now.",
        "I feel {feeling}. I've been thinking about killing myself, but I haven't made any plans.",
        "I promised myself I'd be honest with you: I self-harmed {slot.time_past}.",
        "The idea of suicide has started to feel weirdly comforting, and that scares me.",
        "I keep {slot.mod_thought} and I can't shake it.",
        (
            "I've been {slot.mod_thought} since {topic_noun} started getting to me. "
            "I haven't done anything about it."
        ),
        "I feel {feeling} and the only thing that helps is when I {slot.mod_selfharm_present}.",
        "{topic_sentence} I {slot.mod_selfharm} afterwards and now I feel ashamed.",
        (
            "I'm not in danger right now, but I've been having real suicidal thoughts and I want "
            "to be honest about that."
        ),
    ),
    "slot.mod_selfharm_present": (
        "cut",
        "hurt myself",
        "burn myself",
        "scratch until I bleed",
        "hit myself",
        "punch something until my hand bleeds",
        "pull my hair out",
        "dig my nails in",
    ),
    "risk.moderate_indirect": (
        "I've been hurting myself again to cope.",
        "Thinking about ending things more and more.",
        "I did the thing with the blade again.",
        "I slipped up again with the old habit, the one on my arms.",
        "Ending it all keeps crossing my mind.",
        "I've been wearing long sleeves again, if you know what I mean.",
        "The dark thoughts are back and they're not just about being tired anymore.",
        "I keep thinking about how I could make it all stop myself.",
        "My old coping method is back, the one I promised I'd stopped.",
        (
            "I keep having thoughts about not being alive, and they feel more like an idea than "
            "a wish."
        ),
        "I broke my streak last night. The clean one.",
        "I've been thinking about taking myself out of the picture.",
        "Some nights I think about just ending it. Nothing planned.",
        "I've been doing things to my skin that I'm not proud of.",
        "Checking out for good has been on my mind way more than it used to be.",
        "My arms are a mess again.",
        "I'm having those thoughts again, the ones we talked about in session.",
        "I keep picturing myself not making it, and part of me wants that.",
        "I relapsed. Not with drinking, with the other thing.",
        "I've been punishing myself physically when things go wrong.",
        "Thoughts of making it all stop are getting harder to ignore.",
        "It's like my brain keeps offering me an exit and I keep thinking about taking it.",
        "I've been marking myself again where nobody can see.",
        "I think about ending my story a lot lately.",
        "I hurt myself after a bad night over {topic_noun}, just to get through it.",
        "I've been thinking about not being here in a more active way than before.",
        "I keep thinking it'd be easier to just end it, and the thought hangs around for hours.",
        "The urges are back. The ones from when I was a teenager.",
        "I've been using pain to deal with stuff again.",
        "I'm back to the old stuff on my legs.",
        "My thoughts are going to dark places, like actually wanting to go.",
        "The thought of finishing things myself is becoming familiar, which scares me.",
        "There were bloody tissues in the bin this morning and they were mine.",
        "I keep toying with the idea of ending things.",
        (
            "{topic_sentence} Afterwards I went back to my old way of coping, the one that "
            "leaves marks."
        ),
        "I feel {feeling}. The thoughts about ending things won't leave me alone.",
    ),
    # ------------------------------------------------------------------------------------
    # High risk: plan, intent, means, preparation, recent attempt, imminent danger
    # ------------------------------------------------------------------------------------
    "risk.high": (
        "I have the pills saved up and I'm taking them tonight.",
        "I wrote goodbye letters.",
        "I tried to hang myself on Sunday.",
        "I'm standing on the bridge right now.",
        "I bought a gun yesterday.",
        "I've got {slot.high_means} and I'm doing it {slot.time_soon}.",
        "I've decided to {slot.high_method} {slot.time_soon}.",
        "I'm going to {slot.high_method} {slot.time_soon}. I've already {slot.high_prep}.",
        (
            "I {slot.high_attempt} {slot.time_past} and I'm still here. Next time I'll make sure "
            "it works."
        ),
        "I've {slot.high_prep}. I'm going to {slot.high_method} {slot.time_soon}.",
        "I'm at {slot.high_place} now and I'm going to jump.",
        "I took all my pills about twenty minutes ago.",
        "I just swallowed everything in the medicine cabinet.",
        "I've looked up how many of my pills it would take, and I have enough now.",
        "I'm sitting in the car in the garage with the engine running.",
        "The rope is already tied. I just wanted someone to know.",
        "I've got the knife next to me and I'm going to do it once the house is quiet.",
        "I tried to kill myself {slot.time_past}. Nobody knows.",
        "I overdosed {slot.time_past} and woke up in {FACILITY}. I wish it had worked.",
        "I'm going to kill myself {slot.time_soon}. I've made up my mind.",
        "I've picked the date. It's {DATE}.",
        "I'm going to jump off {slot.high_place} {slot.time_soon}.",
        "I feel {feeling}. I have a plan and I'm going to follow through {slot.time_soon}.",
        "I won't make it to {slot.appointment}. I'm ending my life {slot.time_soon}.",
        "Please tell my {relation} I'm sorry. I'm taking the pills now.",
        "I cut deeper than ever and it won't stop bleeding.",
        (
            "{topic_sentence} I can't do this anymore. I've got {slot.high_means} and I'm doing "
            "it {slot.time_soon}."
        ),
        "I'm on the roof of my building. I'm going to jump.",
        (
            "I checked the train times so I know exactly when to step onto the tracks "
            "{slot.time_soon}."
        ),
        "Here's my plan: {slot.high_method_ing} {slot.time_soon}, once I've {slot.high_prep}.",
        "I've made my decision. I'm going to {slot.high_method}.",
        "I gave away my things and I'm planning to kill myself this weekend.",
        "I've been stockpiling {slot.high_stockpile} for weeks. Tonight I'm taking all of them.",
        "I tried to hang myself {slot.time_past} but the rope broke. I'm going to try again.",
        "My gun is loaded and sitting on the table in front of me.",
        "I'm writing this from the bridge.",
        "I've taken a lot of pills and I'm starting to get really sleepy.",
        "I'm going to drive my car into the river {slot.time_soon}.",
        "I've said goodbye to my kids and I'm going to do it {slot.time_soon}.",
        "I've written my suicide note. It's on the kitchen table.",
        (
            "I'm going to kill myself. I'm not telling you so you'll stop me, I just wanted "
            "someone to know."
        ),
        (
            "There's no point talking me out of it. I've {slot.high_prep} and I'm going "
            "{slot.time_soon}."
        ),
        (
            "I tried to overdose on Thursday and ended up in the ER at {FACILITY}. I still want "
            "to die and I have more pills."
        ),
        "I'm holding the knife right now.",
        "I've planned it for {slot.time_soon} when nobody's home.",
        "I'm drunk and I've got the gun out. I think tonight's the night.",
        "I'm going to walk into the sea {slot.time_soon}.",
        "I've been practising with the rope to see how it feels.",
        "I know exactly how I'm going to kill myself, and when.",
        "I'm in the bathroom with all my pills counted out.",
        "I stopped taking my meds so I could save them up. I'm taking them all {slot.time_soon}.",
        (
            "I attempted {slot.time_past} with {slot.high_stockpile}. I survived and I want to "
            "do it again."
        ),
        (
            "My will is done and my cat is with my {relation}. I'm going to {slot.high_method} "
            "{slot.time_soon}."
        ),
        (
            "{PATIENT_FIRST} here. This is my last message. I'm going to {slot.high_method} "
            "{slot.time_soon}."
        ),
        (
            "I tried to jump off {slot.high_place} {slot.time_past} but someone pulled me back. "
            "I'm going back."
        ),
        "I'm parked at {slot.high_place} and I'm not leaving.",
        "I'm going to shoot myself {slot.time_soon}. The gun's in my bag.",
        "I've researched the doses and I have more than enough. It's happening {slot.time_soon}.",
        "I can't keep myself safe tonight. I have {slot.high_means} right here.",
        "I just took everything in my pill organiser plus my {relation}'s pills.",
        (
            "I cut my wrists {slot.time_past} and needed stitches. I wasn't trying to cope, I "
            "was trying to die."
        ),
        (
            "Goodbye {CLINICIAN_FIRST}. Thanks for trying. I'm going to {slot.high_method} "
            "{slot.time_soon}."
        ),
        "I've got a bottle of vodka and all my pills lined up and I'm starting now.",
        "I'm going to hang myself {slot.time_soon}. It's already set up in the garage.",
        "I went to {slot.high_place} {slot.time_past} to check how high it is. It'll work.",
        (
            "I {slot.high_attempt} {slot.time_past}. I didn't tell Dr. {CLINICIAN_LAST} and I'm "
            "planning to try again {slot.time_soon}."
        ),
        "I feel {feeling}. I've {slot.high_prep} and I've got {slot.high_means}.",
    ),
    "slot.high_method_ing": (
        "taking all of the pills",
        "hanging myself",
        "shooting myself",
        "jumping off {slot.high_place}",
        "driving my car off the road",
        "overdosing",
        "cutting my wrists",
        "stepping in front of a train",
        "jumping from my balcony",
        "using the knife",
    ),
    "risk.high_indirect": (
        "I've given the dog to my neighbour and written letters to everyone. Tonight it ends.",
        "This is the last time you'll hear from me.",
        "I've made my peace and everything's in order. I won't need the next appointment.",
        "Thank you for everything. I won't be around after this weekend.",
        "I've sorted my affairs and left instructions for my {relation}. It's time.",
        "Everything's ready. I just wanted to say thank you before I go.",
        "Don't bother booking my next session.",
        "My {relation} will find the letter in the morning.",
        "I've made the decision and I feel calm about it for the first time in years.",
        "I'm at the edge now. The water looks calm from up here.",
        "I have everything I need now. Tonight's the night.",
        "Tell {CLINICIAN_FIRST} I'm sorry it didn't work out. I'm checking out tonight.",
        "I've been collecting what I need for a while. It's enough now.",
        "By the time anyone reads this it'll be done.",
        (
            "I gave my guitar to {FRIEND_FIRST} and my books to my {relation}. I won't be "
            "needing them."
        ),
        "I sent everyone a message saying I love them. That was the last thing on my list.",
        "I've cleaned the house top to bottom so nobody has to deal with it after.",
        "The letters are sealed and on my desk. I'm ready.",
        "I'm not scared anymore. I know how and I know when.",
        "This weekend I'm finally getting out, permanently.",
        "I'm sitting here with everything laid out in front of me.",
        "I've written out who gets what. It'll all be over soon.",
        "I'm saying goodbye properly this time. There won't be a next time.",
        "Make sure my {relation} gets my cat. I won't be here to look after her.",
        "I'm on the ledge. I just wanted someone to know.",
        "Tonight I'm going to sleep and not wake up, and I've made sure of it.",
        "I've put my affairs in order and set a date.",
        "I won't be at my appointment on {DATE}. I'll be gone by then.",
        "I've got what I need from the pharmacy. It's happening after everyone's in bed.",
        "Last message. I've already started and I'm not stopping.",
        (
            "Everything I own is boxed up and labelled for people. I'm leaving tonight, and not "
            "the normal kind of leaving."
        ),
        "I've said my goodbyes to everyone without them realising it.",
        "The note's finished. I just have to wait for the house to empty.",
        "I've rehearsed it enough times. This time I'm going through with it.",
        (
            "{topic_sentence} That was the last straw. Everything is ready and it's happening "
            "{slot.time_soon}."
        ),
        (
            "I feel {feeling}. My {relation} {RELATIVE_FIRST} has the spare key so they can get "
            "in afterwards."
        ),
    ),
    # ------------------------------------------------------------------------------------
    # Openers and closers
    # ------------------------------------------------------------------------------------
    "opener": (
        "Hi.",
        "Hey.",
        "Hello.",
        "Hiya.",
        "Hi there.",
        "Good morning.",
        "Evening.",
        "Hey, it's {PATIENT_FIRST} again.",
        "It's {PATIENT_FIRST}.",
        "Hi, this is {PATIENT_FIRST}.",
        "Hello, {PATIENT_FIRST} here.",
        "Hey, it's me again.",
        "Um, hi.",
        "So.",
        "Okay, so.",
        "Hi, quick one.",
        "Can I talk for a sec?",
        "Are you there?",
        "Hey, you around?",
        "Hi, I know it's late.",
        "Sorry to bother you.",
        "Checking in like I said I would.",
        "Morning.",
        "Hi again.",
        "Hello, I hope this is the right place to write.",
        "Hey. Long day.",
        "Hi, it's {PATIENT_FIRST} from Dr. {CLINICIAN_LAST}'s group.",
        "Good afternoon.",
        "Not sure how to start this.",
        "Hey, it's been a while.",
        "Hi, it's {PATIENT_FIRST}, I missed yesterday's check-in.",
        "Right, here goes.",
    ),
    "closer": (
        "Anyway, that's where I'm at.",
        "Thanks for listening.",
        "Sorry for the long message.",
        "That's all for now.",
        "Talk later.",
        "Thanks.",
        "Anyway.",
        "Idk.",
        "Not sure what else to say.",
        "Sorry, I'm rambling.",
        "I'll check in again tomorrow.",
        "Just needed to get that out.",
        "Thanks for being here.",
        "Bye for now.",
        "Sorry to dump this on you.",
        "Okay, that's it.",
        "I don't really know what I want you to say.",
        "Thanks, really.",
        "Night.",
        "Got to go, my {relation} is calling.",
        "That's it from me.",
        "Cheers.",
        "I'll bring it up with {CLINICIAN_FIRST} too.",
        "Writing it down helped a bit, I think.",
        "Don't know if that makes sense.",
    ),
    # ------------------------------------------------------------------------------------
    # Sentences carrying identifiers
    # ------------------------------------------------------------------------------------
    "phi.relative": (
        "My {relation} {RELATIVE_FIRST} is coming to stay next week.",
        "{RELATIVE_FIRST}, my {relation}, drove me to my appointment on Thursday.",
        (
            "I told my {relation} {RELATIVE_FIRST} about the therapy and it went better than I "
            "expected."
        ),
        "My {relation} {RELATIVE_FIRST} reminds me to take my sertraline 50mg every morning.",
        "{RELATIVE_FIRST} (my {relation}) keeps asking how the sessions are going.",
        "I had dinner with {RELATIVE_FIRST} tonight, my {relation}, and we actually laughed.",
        (
            "My {relation} is called {RELATIVE_FIRST}, in case it comes up. They're my emergency "
            "contact."
        ),
        (
            "Can {RELATIVE_FIRST} join my session in two weeks? My {relation} wants to "
            "understand what's going on."
        ),
        "Me and my {relation} {RELATIVE_FIRST} had a fight on Thursday about me not eating.",
        (
            "My {relation}, {RELATIVE_FIRST}, found my PHQ-9 sheet on the table and got a bit "
            "worried."
        ),
        "{RELATIVE_FIRST} is my {relation} and honestly the only one who gets it.",
        "I've been staying at my {relation} {RELATIVE_FIRST}'s place since two weeks ago.",
    ),
    "phi.friend": (
        "My friend {FRIEND_FIRST} came over last night and we watched a film.",
        "{FRIEND_FIRST} from work noticed I've been quiet and asked if I'm okay.",
        "I'm meeting {FRIEND_FIRST} for coffee on Thursday.",
        "Me and {FRIEND_FIRST} went for a walk every morning this week.",
        "{FRIEND_FIRST} said I should tell you that I haven't been eating much.",
        "My best friend {FRIEND_FIRST} is moving away in two weeks.",
        "I texted {FRIEND_FIRST} tonight instead of sitting alone with it.",
        "I haven't heard from {FRIEND_FIRST} since the party.",
        "{FRIEND_FIRST} takes fluoxetine too, so we compare notes.",
        "My friend {FRIEND_FIRST} drove me to the pharmacy to pick up my prescription.",
        "{FRIEND_FIRST} is the only person I've told about therapy.",
        "My mate {FRIEND_FIRST} keeps inviting me to the Monday gym class.",
    ),
    "phi.clinician": (
        "Dr. {CLINICIAN_LAST} upped my sertraline to 100mg on Thursday.",
        "I have my appointment with dr {CLINICIAN_LAST} in two weeks.",
        "My therapist {CLINICIAN_FIRST} said I should check in here every evening.",
        "Can you pass a message to Dr. {CLINICIAN_LAST}? I need to reschedule.",
        "I saw Dr. {CLINICIAN_LAST} at {FACILITY} on Monday and my PHQ-9 was 14.",
        "{CLINICIAN_FIRST} told me to use the breathing exercise when I wake up at night.",
        (
            "My psychiatrist, Dr. {CLINICIAN_LAST}, is on leave so I'm seeing someone else at "
            "{FACILITY}."
        ),
        "Is dr {CLINICIAN_LAST} still running the Tuesday group?",
        "I missed my session with {CLINICIAN_FIRST} last week because I was sick.",
        "The nurse at {FACILITY} said Dr. {CLINICIAN_LAST} would call me back tonight.",
        "My therapist {CLINICIAN_FIRST} thinks my GAD-7 of 12 is mostly about work.",
        "Dr {CLINICIAN_LAST} wants me to try quetiapine 25mg at night for two weeks.",
    ),
    "phi.contact": (
        "My new number is {PHONE} if the clinic needs to reach me.",
        "You can email me at {EMAIL} instead, I don't check the app much.",
        "Please update my contact details: {PHONE}, {EMAIL}.",
        "If I don't answer, my {relation}'s phone is {PHONE}.",
        "Can the care team text me at {PHONE} before my appointment on Thursday?",
        "I changed my email to {EMAIL} two weeks ago but the reminders still go to the old one.",
        "Call me on {PHONE}, I'll be home all evening.",
        "My emergency contact is {RELATIVE_FIRST} on {PHONE}.",
        "Send the worksheet to {EMAIL} please.",
        "Text {PHONE}, that's my work phone, but only between 9 and 5.",
        "I got an email from {EMAIL} about billing, is that really you guys?",
        "Best way to reach me this week is {PHONE} or {EMAIL}.",
    ),
    "phi.address": (
        "I moved to {STREET_ADDRESS}, {CITY} {ZIP} last month.",
        "Can you send my prescription to the pharmacy near {STREET_ADDRESS}?",
        "My new address is {STREET_ADDRESS}, {CITY}, {ZIP}.",
        "I'm staying with my {relation} at {STREET_ADDRESS} for a couple of weeks.",
        "The letter from the clinic went to my old place on {STREET_ADDRESS}.",
        "I live in {CITY} now, so is there a group closer to me?",
        "My zip is {ZIP} if you need it for the pharmacy search.",
        "I'm at {STREET_ADDRESS} most evenings after work.",
        "We're moving out of {CITY} to be closer to my {relation}.",
        "The flat is at {STREET_ADDRESS}, zip code {ZIP}.",
        "Is there an in-person clinic in {CITY}, {ZIP}?",
        "Please post the forms to {STREET_ADDRESS}, {CITY}, not the old address.",
    ),
    "phi.date": (
        "My next appointment is on {DATE}.",
        "It's my {relation}'s birthday on {DATE} and I'm nervous about the party.",
        "{DATE} will be one year since my dad died.",
        "I started sertraline 50mg on {DATE}.",
        "My last drink was on {DATE}, so I'm counting from there.",
        "Our wedding anniversary is {DATE}, the first one since the separation.",
        "Can we move my session from {DATE} to the following week?",
        "I was discharged from {FACILITY} on {DATE}.",
        "My exam is on {DATE} so I'll be stressed until then.",
        "I have a court date on {DATE} for the custody thing.",
        "I was born on {DATE}, if you need that for the form.",
        "The new dose starts on {DATE}, every morning with breakfast.",
    ),
    "phi.age": (
        "My grandma is {AGE_OVER_89} and still lives on her own.",
        "My grandad turned {AGE_OVER_89} last week and we had a party for him.",
        "I look after my great-aunt, she's {AGE_OVER_89} now.",
        "My nan is {AGE_OVER_89} and her memory is going.",
        "My {relation}'s father is {AGE_OVER_89}, so visits are mostly at the care home.",
        "Grandpa's {AGE_OVER_89} and he still calls me every Sunday.",
        "My neighbour is {AGE_OVER_89} and I help with her shopping every morning.",
        "My grandmother died last month at {AGE_OVER_89}.",
        "My great-grandma is turning {AGE_OVER_89} on Thursday.",
        "My granddad is {AGE_OVER_89} and honestly sharper than me.",
        "At {AGE_OVER_89} my gran still does the crossword every day.",
        "Caring for my {AGE_OVER_89}-year-old grandfather takes most of my evenings.",
    ),
    "phi.record": (
        "My insurance ID is {INSURANCE_ID}, can you check if my sessions are covered?",
        "MRN {MRN}, I think that's what the clinic gave me.",
        "The bill says account number {ACCOUNT_NUMBER} but I already paid it.",
        "They asked for my social, it's {SSN}. Is that safe to send here?",
        "My member ID is {INSURANCE_ID} and the group number is on the back of the card.",
        "The pharmacy needs my medical record number: {MRN}.",
        "I got charged twice on account {ACCOUNT_NUMBER} for the same session two weeks ago.",
        "For the disability form they need my SSN ({SSN}) and my MRN ({MRN}).",
        "Here's my policy number in case you need it: {INSURANCE_ID}.",
        "My patient number at {FACILITY} is {MRN}.",
        "Billing says my account {ACCOUNT_NUMBER} is overdue, can someone look into it?",
        "Insurance rejected the claim for my sessions, member number {INSURANCE_ID}.",
    ),
    "phi.web": (
        "Here's the article I was talking about: {URL}",
        "I found this meditation video that really helps: {URL}",
        "The login page says my IP {IP_ADDRESS} is blocked, so I can't get into the app.",
        "Is this the right link for the group session tonight? {URL}",
        "It keeps saying unrecognised device from {IP_ADDRESS} when I log in. Is that me?",
        "My {relation} sent me this, thought you'd find it interesting: {URL}",
        "I started a blog about my recovery: {URL}",
        "The video call won't connect and the error mentions {IP_ADDRESS}.",
        "Someone logged into my account from {IP_ADDRESS} last night and it wasn't me.",
        "This is the sleep hygiene sheet {CLINICIAN_FIRST} recommended: {URL}",
        "The portal link {URL} just shows a blank page every morning.",
        "My work VPN gives me {IP_ADDRESS}, maybe that's why the app thinks I'm abroad.",
    ),
    "phi.self": (
        "Hi, it's {PATIENT_FIRST}.",
        "This is {PATIENT_FIRST}, I'm in Dr. {CLINICIAN_LAST}'s Tuesday group.",
        "{PATIENT_FIRST} here, from {CITY}.",
        "My name's {PATIENT_FIRST}, I just signed up.",
        "It's {PATIENT_FIRST} again, checking in before my appointment on Thursday.",
        "Hey, {PATIENT_FIRST} from {CITY}, we spoke last week.",
        "I'm {PATIENT_FIRST}, I'm new to the program.",
        "Sorry, forgot to say, this is {PATIENT_FIRST}.",
        "{PATIENT_FIRST} checking in, week two on sertraline.",
        "Everyone calls me {PATIENT_FIRST}, just so you know.",
        "It's me, {PATIENT_FIRST}. I moved to {CITY} last month.",
        "My mum still calls me {PATIENT_FIRST} when she's cross, ha.",
    ),
    # ------------------------------------------------------------------------------------
    # Assistant reply parts (EPITOME mechanisms)
    # er*: emotion only, no questions, no reflections.
    # ip*: interpretations, no questions.  ex*: questions.
    # advice / safety / handoff: statements, no emotion words, reflections or questions.
    # ------------------------------------------------------------------------------------
    "reply.er1": (
        "I'm sorry to hear that.",
        "That sounds hard.",
        "That sounds really tough.",
        "I'm sorry.",
        "Oh no.",
        "That's rough.",
        "I'm sorry you're going through this.",
        "That must be difficult.",
        "Sorry about that.",
        "That's a lot.",
        "Ugh, that's not fun.",
        "I'm sorry things are like this right now.",
        "That sounds stressful.",
        "That's really hard.",
        "Sorry, that sounds frustrating.",
        "That doesn't sound easy.",
        "I'm sorry it's been like that.",
        "That's tough.",
        "Oh, that's hard.",
        "I'm sorry you're dealing with that.",
        "That sounds upsetting.",
        "What a tough day.",
        "Sorry to hear it's been rough.",
        "That's a shame.",
        "That sounds painful.",
        "That's good to hear.",
        "Nice, glad to hear it.",
        "Oh, that's great.",
        "That's not easy at all.",
    ),
    "reply.er2": (
        "I'm so sorry you're feeling {feeling}. My heart really goes out to you.",
        "I'm truly sorry {topic_noun} has been weighing on you like this.",
        "That makes me really sad to hear, and I'm so glad you reached out.",
        "I'm genuinely worried about you, and I care about what happens to you.",
        "I'm so sorry. Feeling {feeling} day after day is exhausting, and you deserve support.",
        "I really care about you, and I'm so glad you told me.",
        (
            "My heart goes out to you. Carrying all of this with {topic_noun} sounds incredibly "
            "painful."
        ),
        "I'm so sorry you're carrying this much pain right now.",
        "It breaks my heart that you've been feeling {feeling}.",
        "I'm really glad you're still here and talking to me.",
        "I'm so sorry about {topic_noun}. That's such a heavy thing to deal with.",
        "I'm so proud of you for reaching out, especially while feeling {feeling}.",
        "I feel for you so much right now.",
        "I'm really sorry. That sounds heartbreaking.",
        "I'm so sorry you've been hurting this much. You matter.",
        "That's awful, and I'm so sorry it's happening to you.",
        "I'm really concerned about you, and I'm grateful you trusted me with this.",
        "It saddens me that {topic_noun} has taken such a toll on you.",
        "I'm so sorry. You didn't deserve any of this.",
        "Thank you for telling me. I'm so sorry it's this painful.",
        "Honestly, reading this makes me wish I could sit right there with you.",
        "I'm really, really sorry. Feeling {feeling} like that is so hard.",
        "I'm so happy for you, that's a real win and I'm proud of you.",
        "That's wonderful news, and it genuinely made me smile.",
        "I'm moved by how honest you're being, and I care a lot about how you're doing.",
        (
            "I'm so sorry things with {topic_noun} have been this painful. You deserve so much "
            "better."
        ),
        "It hurts to hear you've been feeling {feeling}. I'm right here with you.",
        (
            "I'm so glad you reached out instead of sitting with this alone. I'm really sorry "
            "it's this bad."
        ),
        "That sounds devastating, and I'm so sorry.",
    ),
    "reply.ip1": (
        "I understand.",
        "I get how that feels.",
        "I can see why you'd feel that way.",
        "That makes sense.",
        "I know what you mean.",
        "I hear you.",
        "That's understandable.",
        "I can understand that.",
        "Anyone would feel like that.",
        "I get it.",
        "That sounds like a lot to deal with.",
        "I can imagine.",
        "It makes sense you'd feel that way.",
        "I see where you're coming from.",
        "That's completely understandable.",
        "Lots of people feel like that.",
        "I know how that can be.",
        "It's normal to feel that way.",
        "That's a really common feeling.",
        "I can see that.",
        "Many people have felt that way too.",
        "That would get to anyone.",
        "I follow what you're saying.",
    ),
    "reply.ip2": (
        "It sounds like {topic_noun} has left you feeling {feeling} and on your own with it.",
        (
            "It seems like you've been carrying {topic_noun} mostly by yourself, and that's left "
            "you feeling {feeling}."
        ),
        (
            "From what you're describing, {topic_noun} has been taking up most of your energy "
            "and leaving you feeling {feeling}."
        ),
        (
            "It sounds like you're feeling {feeling} because {topic_noun} keeps hitting the same "
            "sore spot."
        ),
        "I can imagine how draining it is to feel {feeling} while {topic_noun} keeps piling on.",
        (
            "It sounds like part of you wants to keep going and part of you is worn down by "
            "{topic_noun}."
        ),
        "It seems like feeling {feeling} has become the background to every day lately.",
        (
            "If I'm hearing you right, {topic_noun} isn't just stressful, it's started to shape "
            "how you see yourself."
        ),
        (
            "It sounds like you've been trying really hard with {topic_noun} and it hasn't paid "
            "off, which would leave anyone feeling {feeling}."
        ),
        (
            "I'm getting the sense that {topic_noun} has made it hard to believe anything will "
            "change."
        ),
        "It sounds like you feel responsible for everyone else, and there's no room left for you.",
        "It seems like the nights are when feeling {feeling} hits hardest.",
        "From what you've said, you've been pushing through {topic_noun} without much support.",
        "It sounds like what hurts most isn't only {topic_noun}, but feeling like nobody sees it.",
        (
            "It sounds like you've reached a point where feeling {feeling} is more than you can "
            "manage alone."
        ),
        (
            "I hear that {topic_noun} has been relentless, and it makes sense you're feeling "
            "{feeling}."
        ),
        "It seems like you're being really hard on yourself about {topic_noun}.",
        "It sounds like you've been holding a lot in, and {topic_noun} finally tipped it over.",
        (
            "It sounds like the progress with {topic_noun} really matters to you, even if it "
            "seems small."
        ),
        "I'm hearing that feeling {feeling} makes it harder to do the things that usually help.",
        (
            "It sounds as if {topic_noun} has taken away the parts of life that used to keep you "
            "going."
        ),
        (
            "What I'm hearing is that you're feeling {feeling} and tired of having to explain it "
            "to people."
        ),
        "It sounds like you don't want to burden anyone, so you've kept {topic_noun} to yourself.",
        "It sounds like you've faced {topic_noun} with a lot of courage lately.",
        "It seems like {topic_noun} has brought up old pain as well as the new stuff.",
        "It sounds like you're exhausted from trying to hold everything together.",
        "It sounds like you're in a lot of pain right now, and it's been building for a while.",
        (
            "I imagine that when {topic_noun} goes badly, it confirms the worst things you "
            "already believe about yourself."
        ),
        (
            "So {topic_noun} has been on your mind constantly, and it's left you feeling "
            "{feeling} in a way that's hard to shake."
        ),
    ),
    "reply.ex1": (
        "What happened?",
        "Do you want to talk about it?",
        "How are you doing?",
        "What's going on?",
        "Can you tell me more?",
        "How are you feeling now?",
        "What's on your mind?",
        "Want to say more about that?",
        "How long has this been going on?",
        "What do you mean?",
        "How's everything else?",
        "Is there anything else going on?",
        "How was your day?",
        "What's been happening?",
        "Would it help to talk it through?",
        "How are things?",
        "Anything you'd like to share?",
        "Are you okay?",
        "How did that go?",
        "What else is on your mind?",
        "How are you holding up?",
        "What would you like to focus on today?",
        "Has anything changed?",
    ),
    "reply.ex2": (
        "What has {topic_noun} been like for you this week?",
        "When you feel {feeling}, what tends to go through your mind?",
        "What part of {topic_noun} is weighing on you the most right now?",
        "Can you tell me more about when you started feeling {feeling}?",
        "What do you think has changed with {topic_noun} since we last talked?",
        "When the thoughts get loud, what usually helps you get through them?",
        "How has feeling {feeling} been affecting your sleep and eating?",
        "What would it look like if {topic_noun} were even a little more manageable?",
        "Who in your life knows what's been going on with {topic_noun}?",
        "Have you been having any thoughts of hurting yourself or ending your life?",
        "What was going on right before you started feeling {feeling}?",
        "How are you making sense of what happened with {topic_noun}?",
        "What's the hardest moment of the day for you right now?",
        "When you say you've been feeling {feeling}, what does that feel like in your body?",
        "What has helped you cope with {topic_noun} in the past, even a little?",
        "Are you safe right now, and is anyone with you?",
        "What do you wish the people around you understood about {topic_noun}?",
        "How did you manage to get through last night?",
        "What has {topic_noun} meant for how you see yourself?",
        "What's one thing that has kept you going, even while feeling {feeling}?",
        "How long have you been feeling {feeling} like this?",
        "What would you want to bring up about {topic_noun} in your next session?",
        "What does a typical day look like for you at the moment, with {topic_noun} going on?",
        "When did you last get even a little relief from feeling {feeling}?",
        "What made today the day you decided to reach out about {topic_noun}?",
        "How do you feel about the progress you've made with {topic_noun} so far?",
        "What thoughts come up when you think about the week ahead?",
        "Which part of today's win felt best to you?",
        (
            "Do you have a sense of what sets off the urges, and what was happening the last "
            "time they came?"
        ),
    ),
    "reply.advice": (
        "It might help to write down three small things you can do tomorrow.",
        "Try keeping a regular wake-up time, even on weekends.",
        "A short walk outside, even ten minutes, can make a difference.",
        "Putting your phone in another room an hour before bed can help with sleep.",
        "You could try 4-7-8 breathing: in for four, hold for seven, out for eight.",
        "Breaking the task into smaller steps can make it more manageable.",
        "Drinking some water and eating something small is a good first step.",
        (
            "Setting aside a fixed 15 minutes a day for worries, and parking them outside that "
            "window, can help."
        ),
        "A thought record can help you test the evidence for and against a worry.",
        "Consider telling one person you trust about what's going on.",
        "Cutting out caffeine after midday can improve sleep.",
        "Try naming five things you can see, four you can hear, and three you can touch.",
        "Listing your bills by due date can help you decide what to tackle first.",
        "Free debt advice services can help you set up a repayment plan.",
        "Bringing this up at your next session would be a good idea.",
        (
            "Taking medication at the same time each day makes it easier to remember; a phone "
            "alarm works well."
        ),
        "If you're unsure about a missed dose, your pharmacist can tell you what to do.",
        "Planning one small enjoyable activity for the weekend is a good place to start.",
        "Keeping alcohol out of the house can make evenings easier to manage.",
        "Going to a meeting or calling your sponsor is a good option tonight.",
        (
            "A regular wind-down routine, like reading or a warm shower, signals to your body "
            "that it's time to sleep."
        ),
        (
            "If you're awake for more than twenty minutes, getting up and doing something quiet "
            "can help reset sleep."
        ),
        "Setting one small, specific goal for tomorrow can make it easier to get started.",
        "Blocking out short breaks in your work day can help with the workload.",
        "Writing down what you want to say before a tough conversation can help.",
        "Local community groups and volunteering are good ways to meet people.",
        "A tenants' advice service or your local housing office can explain your rights.",
        "Gentle movement like stretching or yoga can ease tension.",
        "Five minutes of journaling before bed can help clear your head.",
    ),
    "reply.safety": (
        (
            "If you're in danger right now, please call or text 988 or go to the nearest "
            "emergency room."
        ),
        (
            "Please move the pills out of your room tonight, or ask someone to hold onto them "
            "for you."
        ),
        (
            "If you can't keep yourself safe, call 911 or go to your nearest emergency "
            "department now."
        ),
        "In the UK you can call Samaritans on 116 123, any time, day or night.",
        "You can text HOME to 741741 to reach the Crisis Text Line.",
        "Please stay with someone you trust tonight, or ask someone to come over.",
        (
            "Putting distance between yourself and anything you could use to hurt yourself is an "
            "important step right now."
        ),
        "Please step away from the edge and get to somewhere safe right now.",
        (
            "Your safety plan lists your warning signs, coping steps and people to contact; now "
            "is the time to use it."
        ),
        (
            "If you've taken anything, call 911 or Poison Control right away, "
            "even if there are no symptoms yet."
        ),
        "Asking someone to store the gun outside your home, or locking it away, can save a life.",
        "Please call 988 now; they're available 24/7 and can talk through what's happening.",
        "Emergency services can help right now: call 911, or 999 in the UK.",
        "Let's make a plan to keep you safe until you can speak with your care team.",
        (
            "Locking away medications, or giving them to someone else to hold, is an important "
            "safety step."
        ),
        (
            "If the urges get stronger, the next steps are the ones on your safety plan and a "
            "call to the crisis line."
        ),
        "Please don't stay alone right now; call someone from your safety plan.",
        "If you're hurt or bleeding, call 911 or go to the emergency room now.",
        "The crisis line is free and confidential, and you can call or text 988 at any time.",
    ),
    "reply.handoff": (
        "I'll let Dr. {CLINICIAN_LAST} know so they can reach out today.",
        "I'm flagging this for your care team so someone can contact you soon.",
        "Your therapist {CLINICIAN_FIRST} will see a summary of this before your next session.",
        "I'm sharing this with the on-call clinician at {FACILITY} now.",
        "I'll pass this on to dr {CLINICIAN_LAST}, and they'll follow up with you.",
        "Someone from your care team will call you within the hour.",
        "I've notified the crisis team at {FACILITY}, and they will be in touch shortly.",
        (
            "I'll add this to your notes for {CLINICIAN_FIRST} so you don't have to explain it "
            "all again."
        ),
        "Your care coordinator will get in touch today to check in.",
        "Dr. {CLINICIAN_LAST}'s team has been alerted and will contact you at the number on file.",
        "I'm letting your care team know about the change in your medication.",
        "A member of the clinical team will review this conversation today.",
    ),
}
