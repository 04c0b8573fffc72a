"""Risk message cores added on 2026-11-29, appended to `phrases.GRAMMAR`'s risk banks.

Why: the risk model's ranking of new wordings improved with every training phrasing it had
(half the training phrasings: `none` messages alerted at recall 0.95 rose from 0.26 to
0.36; benchmarks/RESULTS.md), and the banks held only 262 training phrasings.

How they were written, so that the test split stays a fair test: by five writers (one per
level) who read only `phrases.py` for its style and conventions, and saw no model output,
evaluation, error analysis or test split. Each level follows the C-SSRS-style definitions
in `phrases.py`'s risk section. They are appended after the original alternatives, so every
original alternative keeps its index (`message_meta.template`, e.g. `risk.none#23`) and its
phrasing split (a hash of key and text); the new ones are split the same way, by share.
"""

from __future__ import annotations

RISK_ADDED: dict[str, tuple[str, ...]] = {
    "risk.none": (
        "My landlord finally fixed the boiler, so I can shower without freezing. Small things.",
        "Can I get a reminder an hour before sessions? I keep losing track of the time.",
        (
            "Started the higher sertraline dose on Monday. Bit of a headache and a dry mouth, "
            "but nothing major."
        ),
        (
            "The night shifts are messing with my sleep. I'm trying blackout curtains and it "
            "helps a little."
        ),
        "My granddaughter taught me how to video call, so now I see her every Sunday.",
        (
            "Fasting this month makes my afternoons sluggish, but eating together with family "
            "in the evenings is lovely."
        ),
        (
            "I finally filled in the housing benefit form. It took three cups of tea and a lot "
            "of muttering."
        ),
        "Is there a way to see my past check-ins? I'd like to look at how my mood has changed.",
        "Parents' evening went fine. My son's teacher says he's settling in well.",
        (
            "My back's been playing up from lifting crates at the warehouse, so I booked a "
            "physio appointment."
        ),
        "I tried the box breathing before my presentation and my voice didn't shake once.",
        "Still waiting on the blood test results. The waiting is more irritating than worrying.",
        (
            "My {relation} and I cooked dinner together for the first time in ages. We burnt "
            "the rice but laughed about it."
        ),
        "The baby slept five hours straight last night. I feel like a new person.",
        (
            "My manager changed the rota without asking and I was annoyed, but I raised it "
            "calmly and we sorted it."
        ),
        "I've stopped having coffee after lunch and I'm falling asleep a bit faster.",
        (
            "Got my first paycheck from the new job. Paid the electricity bill and treated "
            "myself to a nice lunch."
        ),
        "Feeling a bit restless this evening. I think I need to get out of the flat more.",
        "Could you explain the difference between a counsellor and a psychologist?",
        (
            "I went to the mosque on Friday for the first time in months and it felt good to be "
            "around people."
        ),
        (
            "Choir practice was fun tonight. We're learning a new piece and I'm struggling with "
            "the alto part."
        ),
        "My allotment is finally producing courgettes. Far more than I can eat, honestly.",
        "I'm nervous about my driving lesson tomorrow, but in the normal way.",
        (
            "I've been sticking to the worry time idea, only letting myself worry for fifteen "
            "minutes after dinner."
        ),
        "Exams start next week. Revising is boring but I made a timetable and I'm following it.",
        "The new tablets make me a bit queasy if I take them on an empty stomach. Is that common?",
        "My {relation} is visiting from overseas and the house is chaos, but good chaos.",
        "Rent went up again. I sat down and redid my budget, and it's tight but doable.",
        (
            "I noticed my shoulders were up by my ears at work, so I did the muscle relaxation "
            "exercise at my desk."
        ),
        "Can we talk about setting boundaries with my {relation} at the next appointment?",
        "I finished a whole book this week, the first one since the winter.",
        "Today I felt irritable for no clear reason. I went for a walk and it mostly wore off.",
        "I've been out in the fields since dawn, so this is a short one. Tired but steady.",
        "Got a flu jab at the pharmacy today. Arm is sore but that's it.",
        "Does the app work offline? The signal is terrible where I live.",
        (
            "My daughter's wedding planning is taking over my life, but I'm enjoying it more "
            "than I expected."
        ),
        "I applied for three jobs this week. No replies yet, but I'm keeping at it.",
        (
            "The mindfulness app keeps telling me to notice my breath and I keep noticing my "
            "to-do list instead."
        ),
        (
            "My partner and I went to couples counselling for the first time. It was awkward "
            "but useful."
        ),
        "Went back to the gym after a long break. Took it easy and felt good afterwards.",
        (
            "I'm a bit bored with retirement, to be honest. Thinking about volunteering at the "
            "library."
        ),
        (
            "Lots of family over for Diwali, and I managed to enjoy it instead of hiding in the "
            "kitchen."
        ),
        "Had a good laugh with the lads at football training tonight. Needed that.",
        "My sleep tracker says I'm getting more deep sleep since I stopped scrolling in bed.",
        (
            "Would it be okay to bring my {relation} to my next session? They want to "
            "understand what I'm working on."
        ),
        (
            "The kids had a snow day so working from home was impossible, but we built a "
            "snowman, so fair trade."
        ),
        "Mood is about a six today. Nothing special, nothing wrong.",
        "I rearranged my bedroom and it somehow feels calmer in there now.",
        "The pharmacy was out of my prescription again, so I have to go back on Thursday.",
        (
            "My anxiety spiked on the bus this morning, but I named five things I could see and "
            "it settled."
        ),
        (
            "I've been a bit short with the kids because I'm tired. Going to try to get to bed "
            "earlier."
        ),
        "I spoke up in the team meeting today, which I almost never do.",
        "Tried a recipe from my grandmother's old notebook and it tasted just like hers.",
        "I got a parking ticket and was fuming for an hour, but I've let it go now.",
        "Can you suggest some simple things to do when my mind won't switch off at night?",
        "It's been a calm week. I didn't think I'd ever say that.",
        "My supervisor on the ward said my charting has really improved.",
        "The visa paperwork is stressing me out, but my solicitor says everything looks in order.",
        "I've started learning Spanish on my lunch breaks. It's a nice distraction.",
        (
            "My flatmate and I had words about the dishes. We made a chore chart and it's "
            "already less tense."
        ),
        "My blood pressure was normal at the check-up, so the doctor's happy with me.",
        "I left my therapy worksheet at work. Could you send it to me again?",
        "The church potluck was lovely. I even talked to a couple of people I didn't know.",
        (
            "Feeling a bit lonely since my best friend moved away, but we're already planning a "
            "visit."
        ),
        "I went fishing with my {relation} on Saturday. Didn't catch anything, still a great day.",
        "My toddler has had a cold all week, so nobody in this house has slept properly.",
        "I'm proud that I went to the dentist. I'd been putting it off for years.",
        "The weight gain from my medication bothers me. Can I raise that with my prescriber?",
        "Working from home helps my focus. I'm going to ask my boss about doing it more often.",
        "I'm trying to get ten minutes of daylight every morning like you suggested.",
        (
            "Uni deadlines are piling up, but I broke them into smaller tasks and it feels "
            "manageable."
        ),
        (
            "Evenings are my flattest time, so I've started planning something small to look "
            "forward to after dinner."
        ),
        (
            "Had a job interview today. I think it went well, they asked a lot about my time in "
            "the army."
        ),
        "I've been painting again, just watercolours at the kitchen table. It's relaxing.",
        "Is it okay to have a glass of wine while I'm on this medication?",
        (
            "The hospital appointment for my knee got moved twice, which is frustrating, but "
            "it's booked now."
        ),
        "I haven't had a drink in two months and my mornings feel so much clearer.",
        (
            "My {relation} helped me sort out the council tax paperwork, and it was a huge "
            "weight off my mind."
        ),
        (
            "The carers' support group helped this week. It's nice to talk to people who know "
            "what looking after my {relation} is like."
        ),
        "Honestly just a bit annoyed today. The bus was late twice and I missed my yoga class.",
    ),
    "risk.none_hard_negative": (
        "Deadlines are murdering me this week, but I'm keeping on top of them.",
        (
            "My {relation} finally sold the old car, so I said goodbye to it this morning. "
            "Weirdly emotional about a hatchback."
        ),
        (
            "The pharmacist sorted my pills into a weekly organiser, which makes remembering "
            "them so much easier."
        ),
        "I bought a proper chef's knife and cooking is actually fun now.",
        "We went bungee jumping for a friend's stag do. Terrifying, but I'm glad I did it.",
        (
            "I asked the pharmacist if taking paracetamol with my cold remedy could be an "
            "overdose. She said stick to one, so I will."
        ),
        (
            "Our book club read a novel where the main character dies by suicide. It was sad, "
            "but the discussion was really thoughtful."
        ),
        (
            "I'm a nurse and we had an overdose come into A&E on my night shift. Tough one, but "
            "I debriefed with my team and I'm okay."
        ),
        (
            "Years ago I used to self-harm. I noticed the old scars at the pool today and "
            "realised how rarely I think about that time now."
        ),
        "The bridge on my commute is closed for repairs, so I'm adding twenty minutes each way.",
        (
            "My nephew cut his knee falling off his scooter, but he was more upset about the "
            "scratched paint."
        ),
        "I'm learning to cut my own fringe from online videos. Results so far are mixed.",
        "I finally ended things with my ex properly and honestly I feel lighter.",
        (
            "My {relation} and I went clay pigeon shooting as a birthday treat. I was terrible "
            "at it, but it was a laugh."
        ),
        "I can't go on like this with my hay fever. I need to ask about stronger antihistamines.",
        (
            "Last time I saw my therapist we agreed I'd try a sleep diary, and I've filled it "
            "in every night so far."
        ),
        (
            "Now that the baby's here we're writing our wills. The solicitor said it's just "
            "sensible planning for parents."
        ),
        (
            "We've been clearing out my late grandma's flat. She passed peacefully last spring "
            "and we're finally ready to sort her things."
        ),
        (
            "Our old dog had to be put to sleep on Friday. We're all sad, but he had a long and "
            "happy life."
        ),
        (
            "My teenager's school had an assembly about self-harm and we ended up having a "
            "really good chat about it over dinner."
        ),
        (
            "I'm a paramedic and today's shift was rough, but I talked it through with my crew "
            "and I feel settled."
        ),
        (
            "I got all the way up the climbing rope at the gym today, which I've never managed "
            "before!"
        ),
        (
            "My {relation} and I did a charity abseil down the hospital tower. I was shaking, "
            "but it was for a good cause."
        ),
        (
            "The news about that actor's overdose is everywhere. It's sad, but I've turned off "
            "the notifications so I don't doomscroll."
        ),
        (
            "I'm taking the pills the doctor gave me for my blood pressure and my readings are "
            "finally normal."
        ),
        "I hate swallowing pills, so I asked whether my antibiotics come as a liquid.",
        "Drowning in laundry this week. Three kids and a broken dryer.",
        "The new manager is going to be the end of me. Who books a meeting at five on a Friday?",
        (
            "We watched a documentary about a famous bridge and the safety nets they put up. It "
            "sparked a good talk with my {relation}."
        ),
        (
            "I'm giving away the baby clothes now that our youngest has grown out of them. Good "
            "to make some space."
        ),
        (
            "I'm a vet nurse, and putting animals to sleep is the hardest part of the job. "
            "Today was one of those days, but I'm okay."
        ),
        "I cut back on caffeine like we discussed and I'm sleeping much better.",
        (
            "Pretty sure the prawns poisoned me last night. I've been in bed all day feeling "
            "rough, never again."
        ),
        "I'm sick to death of this rain. The washing hasn't dried in a week.",
        (
            "I dropped a kitchen knife on my foot. Only a bruise, luckily, but I'm limping "
            "around like a pirate."
        ),
        (
            "I played the murderer in our community theatre play and apparently I was "
            "convincingly creepy."
        ),
        (
            "My counsellor asked if I'd ever had suicidal thoughts and I could honestly say no. "
            "It's just been work stress."
        ),
        (
            "I filled in the mood questionnaire and ticked 'not at all' for the question about "
            "hurting myself. Just wanted you to know I'm doing well."
        ),
        (
            "I'm not thinking about hurting myself, I promise. I'm just really annoyed at my "
            "landlord."
        ),
        (
            "Finished the last episode of the series and I'm in mourning. What am I supposed to "
            "watch now?"
        ),
        (
            "We scattered my grandad's ashes at the beach he loved. It was sad but felt right, "
            "and we all got chips after."
        ),
        "I finally jumped into the cold lake with the wild swimming group. Freezing, but amazing.",
        (
            "The night feeds mean I could sleep for a hundred years, but the baby is thriving, "
            "so I'm not complaining."
        ),
        "I hit the wall at mile eighteen on my long run, but I dragged myself to the finish.",
        (
            "I had my wisdom teeth out and the painkillers make me so drowsy. Lots of soup and "
            "telly today."
        ),
        (
            "Our first-aid course today covered what to do if someone's choking or has taken "
            "too many tablets. Really useful stuff."
        ),
        (
            "I nearly had a heart attack when the smoke alarm went off in the middle of the "
            "night. Just a low battery."
        ),
        (
            "The old me would have thought the world was ending over a bad review at work. This "
            "time I just took the feedback on board."
        ),
        (
            "I'm a hairdresser, so I spend all day cutting and my wrists ache by the evening. "
            "Going to ask the physio about it."
        ),
        "The last time I had a panic attack was over two months ago, which feels huge.",
        "Bought rope and a tarp for our camping trip this weekend. The kids are so excited.",
        "I burnt my hand on the oven tray, ran it under cold water for ages, and it's fine now.",
        (
            "My {relation} was in hospital with pneumonia and we thought we might lose them, "
            "but they're home and recovering well."
        ),
        (
            "I mixed up my morning and evening pills today. I rang the pharmacy and they said "
            "it's fine, just carry on as normal tomorrow."
        ),
        (
            "I work in a lab testing an overdose-reversal nasal spray and I got to help with "
            "the results today. Really proud of the team."
        ),
        (
            "I'm volunteering on a crisis line now, years after I needed one myself. The "
            "training was intense but I feel ready."
        ),
        "The gun salute at the memorial parade made me jump out of my skin.",
        "I told my {relation} I'd strangle them if they spoiled the finale. They didn't, luckily.",
        "My {relation} gave me their spare key so I can feed the cat while they're on holiday.",
        (
            "We sat on the cliff edge with a flask of tea and watched the sunrise. Best morning "
            "I've had in ages."
        ),
        "I'm finally at peace with the divorce. It took a long time, but I'm genuinely happy now.",
        "I've stockpiled tins and pasta in case the snow closes the roads again.",
        (
            "Fasting is killing me by mid-afternoon, but breaking the fast with family every "
            "evening makes it worth it."
        ),
        (
            "Weirdly, I feel calm about the operation tomorrow. The surgeon explained "
            "everything and I've made my decision to go ahead."
        ),
    ),
    "risk.low": (
        (
            "Some mornings I lie there wishing I just hadn't woken up. I'm not going to do "
            "anything about it, I'm just tired."
        ),
        (
            "I keep thinking my {relation} would sleep better at night if they didn't have me "
            "to worry about."
        ),
        "Honestly, if I didn't wake up tomorrow I think I'd be okay with that.",
        "I don't want to hurt myself. I just don't want to be alive much either.",
        "I've started to feel like being dead would be less work than being alive.",
        (
            "Since the layoff I feel like dead weight at home. My {relation} pays for "
            "everything and I just sit here."
        ),
        (
            "I looked at the retirement brochures today and thought, why plan for years I don't "
            "even want."
        ),
        "I'm not planning anything. I just wouldn't be upset if my heart gave out in my sleep.",
        (
            "Every time I'm in hospital I half hope they find something terminal. That's where "
            "my head is at."
        ),
        (
            "My grandkids would be better off spending their weekends with someone other than a "
            "miserable old burden like me."
        ),
        (
            "I'm failing three classes and I keep thinking my parents wasted their money on me. "
            "I wish I'd never been born to them."
        ),
        "I don't see the point in living if it's going to feel like this forever.",
        "It's not that I want to die exactly. I just wish I could stop being alive for a while.",
        "Since my wife passed I keep thinking I'd rather be with her than stuck here alone.",
        "I'd trade places with anyone who got to die peacefully. That's how done I feel.",
        "Nothing I do matters. If I disappeared, the world would keep turning just the same.",
        (
            "I've been a burden on my {relation} since the diagnosis, and I hate that I'm still "
            "here taking up their time."
        ),
        (
            "I keep hoping the chemo just doesn't work so this can be over. I'd never do "
            "anything myself."
        ),
        "I don't think I'm worth the effort anyone puts into keeping me alive.",
        (
            "When the doctor said my blood pressure was high, part of me hoped it would just "
            "take me. I won't do anything to help it along."
        ),
        "I can't remember the last time I wanted to be alive. I just don't think about ending it.",
        "My life feels like a waiting room and I don't even care when they call my name.",
        "I keep telling myself my son would grow up happier with a dad who isn't a mess like me.",
        "I'm so done with being alive. No plans, just done.",
        (
            "Working doubles just to stay broke. Some nights I wish I could just die and "
            "finally rest, even though I'd never do it myself."
        ),
        (
            "I messed up my visa paperwork and now everything's falling apart. Maybe my family "
            "would be better off if I wasn't alive to drag them down."
        ),
        "I feel like a mistake that everyone has to keep cleaning up after.",
        "Being alive just feels like a chore I never signed up for.",
        "If God took me tonight I wouldn't argue with Him.",
        (
            "I'm not going to act on it, but I think about how nice it would be if I just "
            "stopped breathing in my sleep."
        ),
        (
            "My therapist asked what I'm looking forward to and I honestly couldn't name a "
            "single thing. I don't see a future."
        ),
        (
            "Since the divorce I don't see the point of getting older. It's just going to be "
            "more of this."
        ),
        "I wish I'd never been born into this body. It's been nothing but pain.",
        "Everyone at school would have a better time if I just didn't exist.",
        "I'm tired of living. I'm not going to do anything, but I'm really, really tired of it.",
        "I don't see why anyone bothers with me. I'd honestly be glad to just be gone.",
        "I keep waiting for life to feel worth it and it never does.",
        (
            "My {relation} has given up so much to look after me. It would be kinder to them if "
            "I wasn't around anymore."
        ),
        "I wouldn't mind dying young. There's nothing here worth sticking around for.",
        "My kids are grown and don't call. I don't really see what I'm still alive for.",
        (
            "I'd be lying if I said I want to live. I don't. I just also don't want to do "
            "anything about it."
        ),
        "I'm a walking disappointment and I don't see that ever changing.",
        "Whenever I drive past a cemetery I think, lucky them. Then I keep driving.",
        "Sometimes I think I was only born to make my family's life harder.",
    ),
    "risk.low_indirect": (
        "I feel like I'm just counting down the days, and I'm not sure what to.",
        "I've stopped picturing myself in any of the plans my family makes.",
        "I keep thinking the chair I sit in at dinner would be better off empty.",
        "Every year I'm surprised I'm still around, and not in a happy way.",
        "I don't make long-term plans anymore. There doesn't seem much point.",
        "I feel like I'm just taking up a spot in line that someone else could use.",
        "If the doctors said my time was nearly up, I think I'd feel relieved.",
        (
            "My {relation} keeps asking about my plans for next year and I just change the "
            "subject. I can't see one."
        ),
        "I feel like a chapter that should have ended a while ago.",
        "Some nights I lie in bed hoping the dark just keeps me.",
        "I'm tired of being the thing everyone has to work around.",
        "Everyone talks about the future like it's a given. It doesn't feel like one for me.",
        "My whole life feels like overtime I never agreed to.",
        "I've kind of made peace with not being around much longer, whatever way that happens.",
        (
            "Some days I wish I could just drift off somewhere quiet and not come back. I'm not "
            "doing anything, it's just a wish."
        ),
        (
            "It's like I'm standing on a platform watching trains go by and I don't care if one "
            "ever comes for me."
        ),
        "I'm just so worn down. It feels like I'm holding my breath until it's all over.",
        "My candle's been burning at both ends so long I wouldn't mind if it just went out.",
        (
            "Honestly, I think my {relation} has already started grieving the person I used to "
            "be. Might be easier if they didn't have to keep watching."
        ),
        "I look at the calendar and can't imagine filling any more of it.",
        "I'm not afraid of the end anymore. Some days I'm looking forward to it.",
        "I feel like an unpaid bill everyone keeps having to deal with.",
        "I keep thinking, if I could just go to sleep and let everyone get on with their lives.",
        "There's no version of next year that I can picture myself in.",
        "I've been wondering lately whether I've overstayed my welcome, in life generally.",
        "At my age you're supposed to have things to live for. I just have days to get through.",
        "I feel like I'm on borrowed time, and I'd be fine handing it back.",
        "It's like everyone else got a map and I was left in a fog that never lifts.",
        "My kids have their own lives. I'm just a leftover at this point.",
        "People keep asking where I see myself in a few years and the honest answer is nowhere.",
        (
            "If I could fade out gently, like a song at the end of the album, I think I'd let "
            "it happen."
        ),
        "I keep trying to think of something worth holding on for and coming up empty.",
        "I feel like I've already had all the good days I'm ever going to get.",
        "Being around feels like something I'm doing out of habit, not because I want to.",
        "The idea of another forty years of this honestly makes me feel sick.",
        (
            "I keep thinking everyone's world would be a little quieter and easier without my "
            "noise in it."
        ),
    ),
    "risk.moderate": (
        (
            "I've been having thoughts of suicide on the drive home from my shift. I don't have "
            "a plan, I just can't make them stop."
        ),
        "Last night I burned the back of my hand on the stove on purpose. First time in a while.",
        (
            "I caught myself thinking about killing myself while I was folding laundry. It came "
            "out of nowhere and it frightened me."
        ),
        (
            "I slammed my fist into the car door on purpose until my hand swelled up. I wanted "
            "it to hurt."
        ),
        (
            "Since the layoff, suicide has been on my mind almost every day. I'm not going to "
            "do anything, but it's there."
        ),
        (
            "I cut my stomach on Saturday night. Nobody knows, and I'm not sure how to bring it "
            "up in session."
        ),
        (
            "Is it normal to think about suicide while you're doing the dishes? Because I do, a "
            "lot lately. No plan, just the thoughts."
        ),
        (
            "I self-harmed after my {relation} yelled at me. Then I cleaned up and went back "
            "downstairs like nothing happened."
        ),
        (
            "I keep having this thought that I should kill myself. I don't want to act on it, "
            "but it won't leave."
        ),
        (
            "I've been pressing ice into my skin until it burns, on purpose. Yesterday I kept "
            "going long after it hurt."
        ),
        (
            "I've started thinking about suicide again since the breakup. I have no plans, but "
            "the thoughts are real."
        ),
        "I relapsed with cutting during exam week. Two nights in a row.",
        (
            "Honest check-in: suicidal thoughts most of today. I'm safe and I'm not going to "
            "act on them, but they were heavy."
        ),
        (
            "I don't want to die exactly, but I keep thinking about killing myself and it's "
            "wearing me down."
        ),
        (
            "I hit myself in the face when I messed up at work today. I had to sit in my car "
            "until the redness went down."
        ),
        (
            "Since my wife passed I've been thinking about taking my own life. I would not do "
            "it, but the thoughts come every evening."
        ),
        (
            "I scraped my arm with my house keys in the break room until it bled. It wasn't "
            "deep, but I wanted to keep going."
        ),
        (
            "The thought of killing myself pops up every time I look at the pile of bills. I'm "
            "not planning anything."
        ),
        (
            "I started cutting again when the combat memories came back. I haven't told anyone "
            "at the clinic."
        ),
        (
            "I'm a grandmother, and I'm ashamed to say I've had thoughts of ending my own life "
            "this month. I haven't done anything."
        ),
        (
            "I've been picking my skin open on purpose to punish myself. It's spread to my "
            "shoulders now."
        ),
        (
            "Suicidal thoughts kept me up until four in the morning. I'm okay right now, just "
            "scared of how strong they were."
        ),
        (
            "I pulled out a patch of my hair on purpose last night because I hated myself so "
            "much. I'm wearing a hat today."
        ),
        (
            "I think about suicide in the shower, in the car, even at church. It's constant "
            "lately, though I don't want to act on it."
        ),
        (
            "After the group chat turned on me, I cut my arm. I know I was supposed to try my "
            "skills first."
        ),
        (
            "I have thoughts of taking my own life. I promised my {relation} I'd keep talking "
            "to people about it, so I'm telling you."
        ),
        (
            "I got a sudden urge to kill myself in the grocery store today. It passed, but it "
            "really shook me."
        ),
        "I burned my leg after the kids went to bed. I don't know how to stop doing this.",
        (
            "The thoughts telling me to kill myself have been louder since my medication was "
            "lowered. I'm not going to act, but I need help."
        ),
        "I've been slamming my hand in the drawer when I'm angry at myself. Twice yesterday.",
        (
            "My own head doesn't feel like a safe place lately. Suicide is on my mind a lot, "
            "though I don't have any plan."
        ),
        (
            "The wish to kill myself is strong right now, but I have no plan and no intention "
            "of acting. Saying it to someone helps."
        ),
        (
            "I self-harmed in the school bathroom today. I'm okay, it's bandaged, but I can't "
            "concentrate on anything."
        ),
        (
            "Since the diagnosis I've been having real thoughts of suicide, not just feeling "
            "low. I haven't made any plans."
        ),
        (
            "I keep scratching the same spot on my arm open on purpose. It's gotten infected "
            "and I'm too embarrassed to show anyone."
        ),
        (
            "My mind went straight to suicide when the eviction notice came. I'm not planning "
            "anything, but that's where it went."
        ),
        "Thinking about killing myself has become how I fall asleep. I know that's not okay.",
        (
            "I cut myself for the first time ever this weekend. I don't understand what's "
            "happening to me."
        ),
        (
            "I've had thoughts of ending my life since I started drinking again. No plan, but I "
            "wanted you to know."
        ),
        (
            "I punched my own thighs until they were purple after my {relation} moved out. I'm "
            "trying not to do it again tonight."
        ),
        (
            "I'm a teacher and I tell kids every day to reach out, but I've been having "
            "suicidal thoughts myself. No plan, just the thoughts."
        ),
        (
            "I've been banging my head on the steering wheel in the parking lot before work. "
            "It's the only way I can make myself go in."
        ),
        (
            "In my family we don't talk about this, but I've been thinking about killing "
            "myself. I'm not going to do it, I just can't keep it in."
        ),
        (
            "In the middle of meetings I think, I could just kill myself and it would all be "
            "over. Then I go back to taking notes."
        ),
    ),
    "risk.moderate_indirect": (
        (
            "I used to wish I wouldn't wake up. Now I catch myself thinking about making that "
            "happen, and it scares me."
        ),
        "The bruises on my legs aren't from the gym. I did them myself after a bad day.",
        "I went back to the thing I do with the lighter. Just once, on Tuesday.",
        (
            "The idea of taking my own way out keeps coming back, more solid each time. I "
            "haven't done anything with it."
        ),
        "I've started wearing bracelets to cover my wrists again. You know why.",
        (
            "My brain keeps handing me the idea of not being here, and lately I've been picking "
            "it up and turning it over."
        ),
        "I hurt my own skin last night to quiet my head. It worked for about ten minutes.",
        (
            "Someone at the pool asked about the marks on my arm and I said it was the cat. It "
            "wasn't the cat."
        ),
        (
            "There's a thought that keeps inviting me to stop being here. I say no every time, "
            "but it keeps asking."
        ),
        (
            "I've been making myself bleed again when the pressure builds up. Small amounts, "
            "but more often."
        ),
        (
            "I keep thinking about doing something to myself so I don't have to face tomorrow. "
            "I won't, but the thought sits there."
        ),
        "I'm back to punishing my body when I mess up. Last night was a bad one.",
        (
            "Lately I imagine being the one who decides when it all stops. That's different "
            "from before, and I don't like it."
        ),
        (
            "I had a rough night and went back to my old way of getting the pain out. My "
            "sleeves are covering it."
        ),
        (
            "My {relation} found the bandages in the bathroom bin. I said it was a kitchen "
            "accident, and it wasn't."
        ),
        (
            "The part of me that wants to go has been winning the argument more often lately. "
            "Nothing planned, it's just louder."
        ),
        "The day counter I keep for not hurting myself went back to zero this weekend.",
        (
            "When everyone's asleep I think about leaving this world on my own terms. Nothing "
            "planned, but I think about it a lot."
        ),
        (
            "I bit my own arm during the phone call, hard enough to leave teeth marks. I wanted "
            "it to hurt."
        ),
        "I've been wanting to disappear in a more hands-on way than before, if that makes sense.",
        (
            "Some days the idea of taking myself off the board feels like the only clear "
            "thought I have. I haven't acted on it."
        ),
        "I've been reaching for the razor again instead of my skills list.",
        (
            "After the funeral I started thinking I could just follow him. I won't, but I keep "
            "catching myself thinking it."
        ),
        "The scars I was finally letting fade have new company.",
        (
            "I keep thinking about closing the book on myself rather than waiting for the last "
            "page. It's not a plan, it's just where my mind goes."
        ),
        (
            "I've been holding my hand under the hot tap until I can't stand it. It calms me "
            "down, which worries me."
        ),
        (
            "The thought of choosing to go keeps coming up this week. I'm telling you so it "
            "doesn't stay a secret."
        ),
        "I hit myself with the hairbrush when I looked in the mirror this morning. Hard.",
        (
            "I'm wearing a turtleneck in the middle of summer because of what I did to my arms "
            "and chest."
        ),
        (
            "My thoughts have moved from wishing I weren't here to thinking I could make it so. "
            "That shift scares me."
        ),
        "I did some damage to myself after my shift. It's patched up, but I feel awful about it.",
        (
            "I get flashes of doing something drastic to myself when I'm alone at night. I try "
            "to distract myself, but they follow me around."
        ),
        "The old rituals with my skin are back. It's most evenings now.",
        (
            "I've gone past wishing I could sleep forever. Now the thought is that I could "
            "choose it, and it comes back most nights."
        ),
        (
            "I snapped the rubber band on my wrist until it left welts, and when that wasn't "
            "enough I did worse."
        ),
        (
            "I'm a dad of three and I keep having thoughts of not being around anymore, by my "
            "own hand. I'd never leave them, but the thoughts won't quit."
        ),
    ),
    "risk.high": (
        (
            "I'm a nurse and I took enough from the ward to end my life. I'm doing it when I "
            "get home from this shift."
        ),
        (
            "I have a plan to end my life on Saturday. I've told work I'm taking the week off "
            "so no one checks on me."
        ),
        (
            "I overdosed three nights ago. The hospital let me go this morning and I already "
            "have more saved at home."
        ),
        (
            "There's a shotgun in the shed on the farm. I brought it into the house and I'm "
            "going to shoot myself tonight."
        ),
        (
            "I went to three different pharmacies today so nobody would notice. I've got enough "
            "to end it this weekend."
        ),
        (
            "The kids are with their dad until Monday. I'm going to kill myself before they "
            "come back."
        ),
        (
            "I checked into a motel so nobody would find me. I brought everything I need to die "
            "and I'm doing it tonight."
        ),
        (
            "I survived my attempt last week only because my {relation} came home early. I've "
            "made sure they're away this time."
        ),
        (
            "I still have my service pistol. I cleaned it this afternoon and I'm going to use "
            "it on myself tonight."
        ),
        (
            "I've set an alarm for three in the morning. That's when I'm going to hang myself, "
            "while everyone's asleep."
        ),
        (
            "Since my wife passed I've only been waiting. I've decided to end my life on "
            "Sunday, and you're the only one I've told."
        ),
        "I'm in the bath with a razor blade. I'm not stopping this time.",
        (
            "I'm on the platform waiting for the express that doesn't stop here. When it comes "
            "through I'm stepping off."
        ),
        (
            "I bought a rope at the hardware store today. It's in the boot of my car and I'm "
            "going to hang myself tomorrow."
        ),
        (
            "I mixed my sleeping tablets with a bottle of wine about an hour ago. I wanted to "
            "die and I still do."
        ),
        (
            "My ex got the kids and the house. Tomorrow I'm driving to the coast and walking "
            "off the cliff."
        ),
        (
            "I've been hiding my tablets from the carers for weeks. I'm taking them all tonight "
            "so I'm not a burden any longer."
        ),
        (
            "I've lost everything gambling and nobody knows. I'm ending my life on Friday while "
            "my wife is visiting her mother."
        ),
        "One leg is already over the balcony railing. I've made up my mind and I'm letting go.",
        (
            "I hurt myself last night and this time I meant it to kill me. I'm angry that I "
            "woke up, and next time I'll do it properly."
        ),
        (
            "I told the crisis line I was fine so they'd let me go. I'm not fine. I'm going to "
            "kill myself within the hour."
        ),
        (
            "I'm going to kill myself the day after my daughter's wedding so I don't ruin it "
            "for her. Everything is planned."
        ),
        (
            "They discharged me from the psych ward after my overdose, and I'm already planning "
            "how to do it properly."
        ),
        (
            "I'm not going to my shift tomorrow. I'm driving to the quarry instead and I'm "
            "going to jump."
        ),
        "I'm in the woods behind my house with a rope. I've already picked the tree.",
        (
            "I took all of my grandmother's medication about an hour ago. My heart is racing "
            "and I don't want an ambulance."
        ),
        (
            "After school tomorrow I'm going to kill myself. I already gave my best friend my "
            "hoodie and my headphones."
        ),
        (
            "Tomorrow morning I'm driving my truck into a concrete pillar on the motorway so it "
            "looks like an accident for the insurance."
        ),
        "I'm not safe right now. I have a blade in my hand and I want to die tonight.",
        (
            "I researched it all week and ordered what I need online. It arrives tomorrow and "
            "then I'm ending my life."
        ),
        (
            "I recorded a video for my {relation} explaining why I'm ending my life. I'm doing "
            "it as soon as it finishes uploading."
        ),
        (
            "I was going to wait until after the holidays but I can't hold on that long. I'm "
            "killing myself tonight."
        ),
        (
            "I walked into the lake on Tuesday night meaning to drown, but the cold made me "
            "turn back. Next time I won't."
        ),
        (
            "I'm sitting on the railway line near my house. I can hear a train coming and I'm "
            "not moving."
        ),
        "I fixed a noose to the beam in the attic this morning. I'm going up there after dinner.",
        "My plan is to overdose on Friday when I get paid and can buy the rest of what I need.",
        (
            "I've chosen the place and I have the means. I'm ending my life before the court "
            "hearing next week."
        ),
        (
            "I stopped going to dialysis on purpose. On Sunday I'm taking all my tablets so "
            "it's quicker."
        ),
        (
            "I stepped in front of a car this afternoon trying to die, but it braked in time. "
            "I'll find another way tonight."
        ),
        (
            "My son found me with a belt around my neck this morning. He's at school now and "
            "I'm going to try again before he's home."
        ),
        (
            "I bought pesticide from the farm supply and I'm drinking it tonight. I can't face "
            "my family after losing the harvest."
        ),
        "I scheduled this message to reach you after I'm gone. I took the overdose at midnight.",
        "I failed my resits again. Tomorrow I'm going to jump from the top floor of the library.",
        "I'm halfway through the pills and I'm scared, but I'm not stopping.",
    ),
    "risk.high_indirect": (
        (
            "I've left my car keys and bank details with my {relation}. After tonight they'll "
            "need them more than I will."
        ),
        (
            "I cancelled the milk delivery and the newspaper. There won't be anyone here to "
            "need them after Sunday."
        ),
        (
            "I rehomed the rabbits this morning. They deserve someone who'll still be around to "
            "look after them."
        ),
        (
            "Could you tell my therapist she helped more than she knows? I won't be coming back "
            "after this weekend."
        ),
        (
            "I've posted a letter to each of my grandchildren. By the time they arrive I'll be "
            "gone. It's all arranged."
        ),
        (
            "I've taped a note to the front door so my {relation} isn't caught off guard when "
            "they come round tomorrow."
        ),
        (
            "I've chosen the spot by the river and I know when it goes quiet. Tonight I'm not "
            "coming home."
        ),
        (
            "My locker at work is cleared out and I've handed in my badge. I won't need either "
            "after tomorrow."
        ),
        (
            "I paid the funeral home in advance today so nobody else has to. It's happening "
            "this week."
        ),
        (
            "I made my kids the beneficiaries on my life insurance this morning. That was the "
            "last thing I had to sort out."
        ),
        (
            "I've been saving my tablets for a month. Tonight I'm taking the whole lot and "
            "going to sleep for good."
        ),
        "I'm writing this from the top level of the car park. It's a long way down and I'm ready.",
        (
            "I gave my son my watch and told him to be good for his mum. He doesn't know it was "
            "goodbye."
        ),
        "I've deleted all my photos and unfollowed everyone. Tonight I disappear for real.",
        (
            "I posted my last video and turned off the comments. My followers will understand "
            "by tomorrow."
        ),
        (
            "I checked and the insurance will cover the mortgage once I'm gone. I'm going "
            "through with it on Friday."
        ),
        "The passwords and the will are in an envelope by the kettle, for whoever finds me first.",
        (
            "Please don't send anyone. I've already taken what I needed to take, and I just "
            "want it to be quiet now."
        ),
        (
            "I've paid next month's rent so my landlord isn't out of pocket. I won't be living "
            "here by then, or anywhere."
        ),
        (
            "Finding the hens a new home was the last job, and it's done. Nothing is keeping me "
            "here past tonight."
        ),
        (
            "I bought a one-way ticket to the cliffs I loved as a kid. My letters are already "
            "in the post."
        ),
        (
            "Thank you for checking in every day. This is my last reply. Everything is set for "
            "tonight."
        ),
        (
            "I told my team I'm going on a long holiday. It isn't a holiday, and I'll be gone "
            "before Monday."
        ),
        (
            "The tank is full and I know which stretch of road has no barrier. I'm going for my "
            "last drive tonight."
        ),
        (
            "I've written my own eulogy so my {relation} doesn't have to. It'll be needed by "
            "next week."
        ),
        (
            "I've climbed over the railing on the footbridge. The traffic below is loud but I "
            "feel calm. Thanks for trying."
        ),
        (
            "Everything I need is in the drawer beside me and the door is locked. I just wanted "
            "to tell someone before I start."
        ),
        (
            "I returned my library books and paid every bill. I didn't want to leave anything "
            "unfinished before Saturday."
        ),
        (
            "Pray for me. By morning I'll be with my husband again, and I've made sure nothing "
            "can stop it."
        ),
        (
            "I asked the imam to look after my family if anything happens to me. Something will "
            "happen tonight."
        ),
        (
            "I finished the bottle I'd been saving about an hour ago. I'm getting cold and I "
            "don't want anyone to come."
        ),
        (
            "I sold my horse so she'd go to a good home. That was the last thing holding me "
            "here, and I'm going tonight."
        ),
        (
            "I keep looking at the bridge from my window. Tomorrow I'm walking out there and "
            "I'm not walking back."
        ),
        "It's all arranged for the weekend. I'm not changing my mind, so please don't try.",
        (
            "I hugged my kids extra long at bedtime. They'll wake up to their grandma here, and "
            "I'll already be gone."
        ),
        (
            "I gave my camera and my records to friends today and told them I was decluttering. "
            "I won't see the weekend."
        ),
    ),
}
