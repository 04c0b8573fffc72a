"""Held-out PHI phrasings for the evaluation (test) side of CareBridge data.

Each key maps to chat-style patient sentences that carry identifiers. Identifiers
appear only as ``{MARKER}`` placeholders (plus the ``{relation}`` context variable),
which the generator fills with surrogate values before applying style transforms.
These phrasings are written independently of the training grammar so that
evaluation measures generalisation rather than template recall.
"""

from __future__ import annotations

GRAMMAR_EVAL: dict[str, tuple[str, ...]] = {
    "phi.relative": (
        (
            "{RELATIVE_FIRST} picked me up after group tonight, which was nice because I really "
            "didn't want to take the bus."
        ),
        (
            "I called my {relation} {RELATIVE_FIRST} last night and we ended up talking for "
            "almost two hours."
        ),
        (
            "My {relation} {RELATIVE_FIRST} keeps asking if I'm still taking the sertraline "
            "50mg, and honestly it's starting to feel like nagging."
        ),
        (
            "{RELATIVE_FIRST}, my {relation}, is coming to stay with us next Tuesday and I'm "
            "already anxious about it."
        ),
        (
            "It's {RELATIVE_FIRST}'s birthday this weekend and I don't know if I have the energy "
            "for a party."
        ),
        (
            "I had a big fight with my {relation} two days ago. {RELATIVE_FIRST} said I was "
            "being dramatic and I just shut down."
        ),
        (
            "Me, my {relation} {RELATIVE_FIRST} and the kids went to the lake on Sunday, and I "
            "actually enjoyed myself for once."
        ),
        (
            "Sometimes I feel like the only person who really gets me is my {relation}, "
            "{RELATIVE_FIRST}."
        ),
        (
            "Without {RELATIVE_FIRST} I don't think I would have made it to my appointment this "
            "morning."
        ),
        (
            "I keep replaying what my {relation} said at dinner. {RELATIVE_FIRST} didn't mean it "
            "badly but it stung."
        ),
        (
            "Is it normal to feel guilty for setting boundaries? My {relation} {RELATIVE_FIRST} "
            "hasn't texted back since Friday."
        ),
        (
            "I stayed over at my {relation} {RELATIVE_FIRST}'s house last night because I didn't "
            "want to be alone."
        ),
        (
            "My therapist suggested writing a letter to my {relation}, so I started one to "
            "{RELATIVE_FIRST} but couldn't finish it."
        ),
        (
            "Every morning my {relation} {RELATIVE_FIRST} checks in on me before work, and I "
            "hate how much I need that right now."
        ),
        (
            "Quick update: {RELATIVE_FIRST} and I finally talked about the money stuff, and it "
            "went better than I expected!"
        ),
        (
            "My PHQ-9 was 14 this week. When I told my {relation} {RELATIVE_FIRST}, the subject "
            "just got changed."
        ),
        (
            "I'm supposed to drive my {relation} {RELATIVE_FIRST} to the airport tomorrow and "
            "I'm dreading the small talk."
        ),
        (
            "The person I argue with most is my {relation}; {RELATIVE_FIRST} knows exactly which "
            "buttons to push."
        ),
        (
            "A bunch of people from church and my {relation} {RELATIVE_FIRST} showed up at the "
            "hospital, which was overwhelming but kind of sweet."
        ),
        (
            "Honestly I'm tired of being compared to {RELATIVE_FIRST}. My {relation} has always "
            "been the 'easy' one."
        ),
        (
            "Went for a long walk with {RELATIVE_FIRST} and the dog after lunch, and my "
            "{relation} didn't push me to talk, which helped."
        ),
        (
            "Not sure who to ask for help with rent... maybe my {relation}? {RELATIVE_FIRST} "
            "helped last time but made me feel awful about it."
        ),
    ),
    "phi.friend": (
        (
            "I texted {FRIEND_FIRST} around midnight because I couldn't sleep, and they actually "
            "answered."
        ),
        (
            "Went out with {FRIEND_FIRST} last night for the first time in weeks. I left early "
            "but I'm counting it as a win."
        ),
        (
            "I stayed at {FRIEND_FIRST}'s place over the weekend because things at home were too "
            "tense."
        ),
        (
            "{FRIEND_FIRST} keeps inviting me to stuff and I keep bailing. I'm scared they'll "
            "give up on me."
        ),
        "My friend {FRIEND_FIRST} is the only one who knows I started Lexapro 10mg.",
        (
            "Should I tell {FRIEND_FIRST} about the hospitalization? We've been friends since "
            "high school but I'm so embarrassed."
        ),
        (
            "Had coffee with {FRIEND_FIRST} this afternoon and didn't check my phone once, which "
            "felt huge."
        ),
        "Me and {FRIEND_FIRST} are going to try that yoga class together next Thursday.",
        (
            "The panic attack started at the grocery store, and luckily {FRIEND_FIRST} was with "
            "me and walked me out to the car."
        ),
        "It hurts that {FRIEND_FIRST} didn't even ask how I was doing after everything.",
        "My best friend, {FRIEND_FIRST}, moved away a month ago and the apartment feels so empty.",
        (
            "I keep comparing myself to {FRIEND_FIRST} on social media and it makes the evenings "
            "so much worse."
        ),
        "Called {FRIEND_FIRST} on my walk this morning. Just hearing a familiar voice helped.",
        (
            "{FRIEND_FIRST}'s wedding is in two weeks and I don't know how I'm going to handle a "
            "room full of people."
        ),
        (
            "Not sure this counts as a coping skill, but I played video games with "
            "{FRIEND_FIRST} until late instead of spiraling."
        ),
        "A coworker and {FRIEND_FIRST} both noticed I'd been quiet lately, so I guess it shows.",
        "I finally told {FRIEND_FIRST} the truth about my drinking, and there was zero judgment.",
        (
            "Is it okay to lean on a friend this much? I've basically been calling "
            "{FRIEND_FIRST} every night."
        ),
        "The one plan I kept this week was dinner at {FRIEND_FIRST}'s, and I'm glad I went.",
    ),
    "phi.clinician": (
        "Dr. {CLINICIAN_LAST} bumped my sertraline up to 100mg, and now the nausea is back.",
        (
            "I see my therapist {CLINICIAN_FIRST} every other Wednesday, but this week feels way "
            "too long to wait."
        ),
        "My appointment with dr {CLINICIAN_LAST} at {FACILITY} got moved to next Monday.",
        (
            "{CLINICIAN_FIRST} from the clinic asked me to keep a mood log, so here's today: "
            "pretty flat, maybe a 4 out of 10."
        ),
        (
            "I don't think Doctor {CLINICIAN_LAST} really listened to me today. The whole visit "
            "was like eight minutes."
        ),
        (
            "Can you help me figure out what to say to {CLINICIAN_FIRST}? I want to bring up the "
            "nightmares but I always freeze."
        ),
        (
            "The psychiatrist at {FACILITY}, Dr. {CLINICIAN_LAST}, wants me to try lamotrigine "
            "and I'm nervous about side effects."
        ),
        (
            "I told my counselor {CLINICIAN_FIRST} that my GAD-7 was 15, and we spent the whole "
            "session on breathing exercises."
        ),
        (
            "Honestly I miss Dr. {CLINICIAN_LAST}. Since the retirement I haven't clicked with "
            "anyone at {FACILITY}."
        ),
        "Last session {CLINICIAN_FIRST} said something that stuck with me: feelings aren't facts.",
        (
            "I'm thinking about switching providers. Would it be rude to tell dr "
            "{CLINICIAN_LAST} that?"
        ),
        (
            "Got a voicemail from {FACILITY} saying Dr. {CLINICIAN_LAST} is out sick, so "
            "tomorrow's appointment is cancelled."
        ),
        (
            "Would it be weird to email {CLINICIAN_FIRST} between sessions? Things got really "
            "bad two nights ago."
        ),
        (
            "My nurse practitioner, {CLINICIAN_FIRST} {CLINICIAN_LAST}, said the trazodone "
            "should help me sleep within a week or so."
        ),
        (
            "After three months with Doctor {CLINICIAN_LAST}, I finally feel like I'm making "
            "progress."
        ),
        "{CLINICIAN_FIRST} is the first therapist who hasn't made me feel like a case file.",
        (
            "They referred me to a Dr. {CLINICIAN_LAST} over at {FACILITY} for the sleep study, "
            "but the waitlist is six weeks."
        ),
        (
            "Tell me if this is dumb, but I rehearse what I'm going to say to {CLINICIAN_FIRST} "
            "in the car before every session."
        ),
    ),
    "phi.contact": (
        "You can reach me at {PHONE} if the app stops working again.",
        "My email changed, it's {EMAIL} now. Please update it so I don't miss the reminders.",
        "For my emergency contact, put my {relation} {RELATIVE_FIRST}, the number is {PHONE}.",
        (
            "If I don't answer, please call {RELATIVE_FIRST} at {PHONE}. My {relation} knows "
            "about my safety plan."
        ),
        "Can the clinic send the worksheets to {EMAIL} instead of mailing them?",
        (
            "Best way to reach me is a text at {PHONE}. I don't really pick up calls from "
            "numbers I don't know."
        ),
        "I'm not getting any of the appointment emails. Is {EMAIL} the one you have on file?",
        "My {relation} {RELATIVE_FIRST} is my backup contact: {PHONE} or {EMAIL}.",
        "Sorry, typo earlier! The right number is {PHONE}, not the one I sent this morning.",
        "Please don't call my work line. My cell is {PHONE} and that's the only one I want used.",
        "I set up a new email just for therapy stuff, {EMAIL}, so my family doesn't see anything.",
        (
            "The front desk asked for an emergency contact, so I listed my {relation} "
            "{RELATIVE_FIRST} at {PHONE}."
        ),
        (
            "Could you send the summary of tonight's check-in to {EMAIL}? I want to show it to "
            "my therapist."
        ),
        (
            "My phone got cut off last week, so for now email me at {EMAIL} or call my "
            "{relation} at {PHONE}."
        ),
        "New number: {PHONE}. Old phone fell in the sink, long story.",
        (
            "If anything weird happens on the new meds, {RELATIVE_FIRST} said it's fine to call "
            "{PHONE} any time, day or night."
        ),
        (
            "Whoever is on call can text me at {PHONE} before Friday; I'll be checking it every "
            "morning."
        ),
    ),
    "phi.address": (
        "I just moved to {STREET_ADDRESS}, {CITY} {ZIP}, so please update my file.",
        "We drove to {CITY} last weekend to see my grandparents and I was anxious the whole ride.",
        "I grew up in {CITY}, and going back there always brings up a lot of old stuff.",
        (
            "My new place is at {STREET_ADDRESS}. It's quieter and I've actually been sleeping "
            "better."
        ),
        (
            "The pharmacy keeps sending refills to my old address, but I'm at {STREET_ADDRESS} "
            "now, zip code {ZIP}."
        ),
        "Is there a support group anywhere near {ZIP}? I can't drive far right now.",
        (
            "I'm thinking of moving back to {CITY} to be closer to my {relation}, but I'm scared "
            "it would be a step backwards."
        ),
        "Mail for me should go to {STREET_ADDRESS}, {CITY}, {ZIP}, not to my parents' house.",
        (
            "Last night I walked all the way to {STREET_ADDRESS} without really knowing why, "
            "then just sat on the curb."
        ),
        "My {relation} lives over on {STREET_ADDRESS} and I've been going there most evenings.",
        (
            "Work is sending me to {CITY} for a conference next month and I have no idea how "
            "I'll cope with flying."
        ),
        (
            "Since the breakup I've been staying at {STREET_ADDRESS} in {CITY}, which is "
            "basically a friend's couch."
        ),
        (
            "Are there any in-person therapists in {CITY}? Everything near me has a three-month "
            "waitlist."
        ),
        "I live at {STREET_ADDRESS}, {CITY} {ZIP}, if you need it for the insurance form.",
        (
            "The crisis team came out to my apartment on {STREET_ADDRESS} two weeks ago and I "
            "still feel embarrassed about it."
        ),
        "Home is {CITY} now, but part of me still feels like a visitor here.",
        "Can the mobile clinic come out to {ZIP}? Bus service around here is pretty limited.",
        "Packing up the house on {STREET_ADDRESS} this weekend... so many memories, good and bad.",
    ),
    "phi.date": (
        "My next appointment is on {DATE}, but I'm not sure I can hold on that long.",
        "I got discharged on {DATE} and it still feels weird being home.",
        "Our anniversary is {DATE}, and it's the first one since the divorce.",
        "My court date got set for {DATE}. I can't stop thinking about it at night.",
        "{DATE} is my mom's birthday, and every year since she passed I fall apart around then.",
        "I've been sober since {DATE}! Just wanted to tell someone.",
        "The intake form asks for my date of birth, which is {DATE}. Is that safe to put in here?",
        "I started the sertraline 50mg on {DATE}, so it's been about three weeks now.",
        "Can you remind me that group moved to {DATE}? I always forget these things.",
        "Ever since the accident on {DATE}, I haven't been able to drive on the highway.",
        "My PHQ-9 on {DATE} was 18 and today it was 11, so I think something is working.",
        (
            "The hearing got postponed again, now it's {DATE}, and I feel like my whole life is "
            "on hold."
        ),
        "I have to be out of the apartment by {DATE} and I still haven't found a new place.",
        "It's been a year since my last hospitalization on {DATE}, and I'm proud of myself.",
        "My {relation}'s wedding is on {DATE}. I said I'd go, but I'm already dreading it.",
        "Last panic attack was {DATE}. Before that it had been almost two months.",
        "Work wants me back by {DATE}, and my therapist thinks that's too soon.",
    ),
    "phi.age": (
        "My grandma turns {AGE_OVER_89} next month and we're throwing her a little party.",
        "My neighbor is {AGE_OVER_89} and still walks every morning, which honestly motivates me.",
        "Grandpa is {AGE_OVER_89} now and his memory is going, and I'm the one who visits most.",
        (
            "My great-aunt is {AGE_OVER_89}, lives alone and refuses any help, so I worry about "
            "her every night."
        ),
        (
            "It's hard watching someone you love get old. My grandmother is {AGE_OVER_89} and "
            "barely recognizes me some days."
        ),
        (
            "The lady downstairs just turned {AGE_OVER_89}, and she's the only person I talked "
            "to all weekend."
        ),
        (
            "My grandfather died at {AGE_OVER_89} last spring, and I don't think I've really "
            "grieved yet."
        ),
        (
            "How do I talk to a {AGE_OVER_89}-year-old about assisted living without them "
            "feeling betrayed?"
        ),
        (
            "At {AGE_OVER_89}, my nana still beats everyone at cards. Visiting her is the best "
            "part of my week."
        ),
        "I help care for my great-uncle, he's {AGE_OVER_89}, and the caregiver burnout is real.",
        "Grandma will be {AGE_OVER_89} on Saturday and I want to be in a good headspace for it.",
        (
            "The oldest person in my support group is {AGE_OVER_89} and somehow the most upbeat "
            "of all of us."
        ),
        (
            "Pop-pop is {AGE_OVER_89} and just got a scary diagnosis, so I panic every time the "
            "phone rings."
        ),
        (
            "We celebrated Nana's {AGE_OVER_89}th birthday yesterday, and I managed to stay the "
            "whole afternoon."
        ),
        (
            "I'm worried about my grandpa. He's {AGE_OVER_89} and stopped eating much after "
            "grandma died."
        ),
        (
            "Our old family doctor is retiring at {AGE_OVER_89}, can you believe it? I cried a "
            "little when I heard."
        ),
    ),
    "phi.record": (
        "My MRN is {MRN}. Can you check if my labs came back?",
        (
            "The portal says medical record number {MRN} doesn't exist, so I can't log in to see "
            "my results."
        ),
        "{FACILITY} billed me twice for the same visit. The account number is {ACCOUNT_NUMBER}.",
        "My insurance ID is {INSURANCE_ID}, and they're saying therapy isn't covered anymore.",
        "The form wants my social, {SSN}, but I'm not comfortable typing it everywhere.",
        (
            "I called about the bill for account {ACCOUNT_NUMBER} and was on hold for forty "
            "minutes, which did not help my anxiety."
        ),
        (
            "The pharmacy couldn't find my coverage even though I gave them member ID "
            "{INSURANCE_ID} twice."
        ),
        (
            "They mixed up my chart with someone else's at {FACILITY}. My record number is "
            "{MRN}, not the one on the printout."
        ),
        (
            "Do I need my SSN for the disability paperwork? It's {SSN}, in case you need it for "
            "the form."
        ),
        (
            "Got a letter saying account {ACCOUNT_NUMBER} went to collections, and now I can't "
            "stop shaking."
        ),
        (
            "New insurance card came today, the ID is {INSURANCE_ID}, so please update it before "
            "my session Thursday."
        ),
        (
            "The intake sheet at {FACILITY} asked for my MRN ({MRN}), insurance ID "
            "({INSURANCE_ID}) and social, which felt like a lot."
        ),
        (
            "I think someone used my social security number, {SSN}, to open a credit card, and I "
            "haven't slept since."
        ),
        (
            "Paying off the therapy balance bit by bit; the account is {ACCOUNT_NUMBER} if "
            "anyone asks."
        ),
        (
            "My prior authorization for aripiprazole 5mg got denied. Insurance ID "
            "{INSURANCE_ID}, if that helps."
        ),
        (
            "Billing said to reference patient ID {MRN} and account {ACCOUNT_NUMBER} when I call "
            "back."
        ),
        "Should I be worried that the clinic emailed me my full SSN, {SSN}, in plain text?",
    ),
    "phi.web": (
        "Here's the link my therapist sent about grounding techniques: {URL}",
        (
            "My {relation} set up a fundraiser for my treatment at {URL}, and I feel so guilty "
            "about it."
        ),
        "The portal keeps blocking me. It says too many login attempts from {IP_ADDRESS}.",
        "I found this article on sleep hygiene, {URL}, is it legit?",
        (
            "Someone logged into my account from {IP_ADDRESS} and it wasn't me. I'm freaking out "
            "a little."
        ),
        "Can you look at {URL}? It's the meditation app {FRIEND_FIRST} recommended.",
        (
            "IT told me to send them my IP, it's {IP_ADDRESS}, so they can whitelist me for "
            "telehealth."
        ),
        (
            "I started a little blog about recovery at {URL}. Only three people read it, but "
            "that's okay."
        ),
        (
            "The video visit won't connect. The error page mentions {IP_ADDRESS} and then just "
            "spins forever."
        ),
        (
            "Please don't share this, but the fundraiser page is {URL} if you want to see what "
            "my family wrote."
        ),
        (
            "Got a security alert about a sign-in from {IP_ADDRESS} in the middle of the night, "
            "right when I was struggling."
        ),
        "Is {URL} the right place to book sessions now? The old link stopped working.",
        (
            "My login works from home but not from the library, where the address shows up as "
            "{IP_ADDRESS}."
        ),
        "The online support group link is {URL}, and it meets every Thursday night.",
        "When I try to open {URL} it says access denied for {IP_ADDRESS}. What am I doing wrong?",
    ),
    "phi.self": (
        "Hi, it's me, {PATIENT_FIRST}. Rough day again.",
        "{PATIENT_FIRST} here, checking in like I promised.",
        "My name is {PATIENT_FIRST} and I'm new to this program, not really sure how it works.",
        "Thanks for listening tonight. - {PATIENT_FIRST}",
        "Hey, {PATIENT_FIRST} from {CITY} again, we talked yesterday about my sleep.",
        "Everyone calls me {PATIENT_FIRST}, so you can too.",
        "Ok, that's all for today. Talk tomorrow, {PATIENT_FIRST}",
        "I'm {PATIENT_FIRST}, I live in {CITY}, and my PHQ-9 was 12 at intake.",
        "It's {PATIENT_FIRST} again. I took my sertraline 50mg this morning like we planned.",
        (
            "Sometimes I write '{PATIENT_FIRST} is fine' in my journal just to see if I'll "
            "believe it."
        ),
        "Good morning! {PATIENT_FIRST} checking in from {CITY}, slept about five hours.",
        "Honestly, the old {PATIENT_FIRST} would have cancelled plans tonight, but I went.",
        "My therapist told me to introduce myself properly, so: hi, I'm {PATIENT_FIRST}.",
        "Not sure if you remember me, this is {PATIENT_FIRST}. I moved to {CITY} last month.",
        "Signing off for the night. Love, {PATIENT_FIRST}",
        (
            "When my boss says {PATIENT_FIRST} in that tone I flinch, like I'm about to be in "
            "trouble."
        ),
        "You can just call me {PATIENT_FIRST}. Nobody uses my full name except my {relation}.",
    ),
}
