"""The text of the PA Hub code of conduct, version 1.

Migration 0003 publishes this text as version 1. Never edit it to make a new version:
a later version is published with `manage.py publish_code_of_conduct --file PATH
--summary TEXT`, which keeps every version, asks every PA to sign again and rechecks
levels. Sections start with "## "; paragraphs are separated by a blank line; lines
starting "- " are list items.
"""

VERSION_1_TITLE = "PA Hub code of conduct"

VERSION_1_BODY = """\
This code says how Personal Assistants (PAs) on PA Hub work. It is written for you, the PA. \
"Your employer" means the person you work for, and includes anyone who acts for them, such as \
a family member or an appointed representative.

Signing the code is voluntary. PA Hub is not a regulator and does not employ you. But \
employers, councils and support organisations trust the PAs who sign it, and signing is one \
of the steps to Entry level on the register.

## Respect, dignity and choice

Your employer is in charge of their own life. They decide how they want to be supported, \
when, and by whom. Ask them how they like things done, and do it their way, even if you \
would do it differently.

- Treat your employer as an individual, with their own views, culture, faith and values.
- Support them to make their own choices, including choices you would not make yourself.
- Protect their dignity, especially during personal care. Ask before you help, and explain \
what you are doing.
- Never discriminate against anyone because of their disability, age, race, religion, sex, \
sexual orientation, gender identity or any other part of who they are.

## Privacy and confidentiality

You will learn private things about your employer, their health, their family and their home. \
Keep them private.

- Do not talk about your employer, or share photos of them or their home, without their \
permission.
- Keep any notes, medication records and documents safe, and only share them with the people \
your employer agrees to.
- The only time you may share private information without permission is to keep someone safe \
from harm. See "Raising concerns" below.

## Honesty

- Be truthful about your experience, training and checks, on PA Hub and to employers.
- Record your hours and any tasks accurately.
- If you make a mistake, tell your employer straight away. Owning up quickly is always better \
than hiding it.

## Safe working

- Only do tasks you have been trained for and feel confident doing. If you are asked to do \
something you are not trained for, such as using a hoist or giving medication, say so and \
ask for training first.
- Follow your employer's risk assessments and emergency plan, and tell them if something \
looks unsafe.
- Look after your own health and safety too: use the equipment provided, lift safely, and \
wash your hands.
- Know the signs of abuse and neglect, and what to do about them. Safeguarding is everyone's \
job.

## Boundaries

Your relationship with your employer is a working one, even when it feels like friendship.

- Do not bring friends, family or pets to work unless your employer has agreed.
- Do not connect with your employer on social media, or post about your work, unless they \
have asked you to.
- Do not sell things to your employer, offer them your other services, or mix your personal \
business with your work.
- Do not start a sexual or romantic relationship with your employer.
- If you are a family member who is also a paid PA, be clear about when you are working and \
when you are not.

## Gifts and money

- Do not accept gifts beyond small tokens, such as a box of chocolates at Christmas. If you \
are offered something more, say no politely and tell someone you trust if you are worried.
- Never borrow money from your employer, or lend them money.
- Only handle your employer's money when they have asked you to, in the way you have agreed. \
Keep receipts and write down what you spent.
- Never use your employer's bank cards, PINs or online banking for anything they have not \
asked you to do.
- Never agree to be named in your employer's will, or to receive a legacy. If your employer \
raises it, explain that you cannot, and tell their family or support organisation.

## Reliability and notice

Your employer depends on you. If you do not turn up, they may not be able to get out of bed, \
eat or take their medication.

- Turn up on time, for every shift you have agreed.
- If you cannot come, tell your employer as early as you can, and help them find cover if \
they want you to.
- Give the notice your contract says before you leave the job or change your hours.
- Tell your employer about holidays well in advance.

## Raising concerns

If you think your employer or anyone else is being harmed, abused or neglected, or is at risk \
of it, do not keep it to yourself.

- If someone is in immediate danger, call 999.
- Otherwise, contact the adult social care team at your employer's local council. They will \
listen and decide what to do. You can also tell your employer's support organisation.
- You can raise a concern on PA Hub, and it will go to trained staff.
- If you are worried about how your own job is being managed, such as being asked to do \
something unsafe or unlawful, you can speak up. This is called whistleblowing. You will not \
lose your place on PA Hub for raising a concern honestly.

## Keeping your skills up to date

- Complete the PA Hub induction course, and any training your employer's needs call for.
- Keep your training and first aid up to date, and keep a record of what you have learned.
- Keep your DBS certificate current, and tell us if anything on it changes.
- Ask for help and advice when you need it. Other PAs, support organisations and the PA Hub \
community are there for you.

## If the code is broken

If we are told that a PA has broken this code, staff from a council or support organisation \
may look into it. Depending on what happened, they may remove checks they have made, hide a \
profile from employers, or take it off the register. Where someone may have been harmed, \
they will pass the concern to the council's safeguarding team or the police.

PA Hub is not a regulator and cannot stop anyone working as a PA. The code is a promise you \
make to the people you work for, and it is what makes the register something employers and \
councils can trust.
"""
