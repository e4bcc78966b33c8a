#!/usr/bin/env python3
"""Generate the WeMi demo data set (providers, services, WeMi spaces).

Fictional but realistic data for the City of Milan demo. Deterministic: a fixed
random seed, no external input, Python 3.11 standard library only.

    python3 server/demo/generate.py          # writes providers.json, services.json, spaces.json
    python3 server/demo/generate.py --check  # regenerates in memory and validates the files on disk

Provider names, VAT numbers, phone numbers, e-mails and web sites are invented;
e-mails and web sites use the reserved .example top-level domain.
"""

import datetime as dt
import json
import random
import re
import sys
import unicodedata
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

SEED = 20200624
OUT = Path(__file__).resolve().parent

CATEGORY_COUNTS = {
    "servizi-educativi": 35,
    "servizi-psicologici": 28,
    "servizi-socio-assistenziali": 23,
    "corsi-di-lingua-italiana": 8,
    "accompagnamento-con-trasporto": 4,
    "piccole-commissioni": 13,
    "disbrigo-pratiche": 9,
    "pasti-a-domicilio": 3,
    "assistenza-sanitaria": 4,
    "servizi-estetici-socio-sanitari": 4,
    "piccola-manutenzione-casa": 4,
    "cura-animali-domestici": 4,
    "gestione-lavoro-domestico": 4,
}

EDU, PSY, SOC, LIN, ACC, COM, PRA, PAS, SAN, EST, MAN, ANI, GES = CATEGORY_COUNTS.keys()

TARGETS = ["anziani", "minori", "famiglie", "disabilita", "adulti", "nuovi-cittadini"]
DELIVERY = ["home", "online", "provider", "space"]
TIMES = ["morning", "afternoon", "evening", "night"]


def A(n, ne, s, se, d, de, a, ae, o, oe, *, t, dm, tod, u, pr=None, m="i", cap=None,
      pay="A", q=False, tags=(), tagse=(), alt=None, ql=None, tm=None, lg=(), fb=None):
    """One service archetype (the text of a scheda servizio, Italian and English)."""
    return dict(n=n, ne=ne, s=s, se=se, d=d, de=de, a=a, ae=ae, o=o, oe=oe, t=t, dm=dm,
                tod=tod, u=u, pr=pr, m=m, cap=cap, pay=pay, q=q, tags=list(tags),
                tagse=list(tagse), alt=alt, ql=ql, tm=tm, lg=list(lg), fb=fb)


M, AF, EV, NI = "morning", "afternoon", "evening", "night"
HOME, ONL, PROV, SPACE = "home", "online", "provider", "space"
ANZ, MIN, FAM, DIS, ADU, NUO = TARGETS

# ---------------------------------------------------------------------------
# Service archetypes, per category. When a category needs more services than it
# has archetypes, the first ones are reused by other providers under their
# alternative name ("alt").
# ---------------------------------------------------------------------------
ARCHETYPES = {}

ARCHETYPES[EDU] = [
    A("Babysitting a domicilio", "Home babysitting",
      "Una babysitter qualificata si prende cura dei tuoi bambini a casa tua, anche per poche ore.",
      "A qualified babysitter looks after your children in your home, even for just a few hours.",
      "La babysitter gioca con i bambini, prepara la merenda, li accompagna al parco e li aiuta nelle routine di pasto e nanna. Ogni famiglia ha una babysitter di riferimento e una sostituta, presentate in un primo incontro conoscitivo gratuito.",
      "The babysitter plays with the children, prepares snacks, takes them to the park and helps with meal and bedtime routines. Each family has a regular babysitter and a substitute, introduced at a free first meeting.",
      "Famiglie con bambini da 0 a 10 anni che cercano una baby sitter affidabile per qualche ora alla settimana o in modo continuativo.",
      "Families with children aged 0 to 10 looking for a reliable babysitter for a few hours a week or on a regular basis.",
      "Una babysitter selezionata e assicurata, con un referente dell'ente che segue l'andamento del servizio.",
      "A vetted, insured babysitter, with a coordinator from the provider following how the service is going.",
      t=[MIN, FAM], dm=[HOME], tod=[M, AF, EV], u="hour", pr=(16, 19), pay="P",
      tags=["babysitter", "baby sitter", "tata", "bambinaia", "bambini"],
      tagse=["babysitter", "nanny", "childcare", "kids"],
      alt=("Babysitter a ore per bambini da 0 a 10 anni", "Hourly babysitter for children aged 0 to 10"),
      ql="babysitter"),
    A("Doposcuola per la scuola primaria", "After-school club for primary school",
      "Pomeriggi di compiti, gioco e merenda in piccolo gruppo per bambini della scuola primaria.",
      "Afternoons of homework, play and snacks in small groups for primary-school children.",
      "Dal lunedì al venerdì, dopo la scuola, gli educatori aiutano i bambini a fare i compiti e a organizzarsi nello studio; seguono giochi e laboratori. Il servizio può includere il ritiro a scuola a piedi nelle scuole vicine alla sede.",
      "Monday to Friday after school, educators help children with their homework and study habits, followed by games and workshops. The service can include collecting children on foot from schools near the centre.",
      "Bambini dai 6 agli 11 anni iscritti alla scuola primaria e le loro famiglie.",
      "Children aged 6 to 11 attending primary school, and their families.",
      "Un posto nel gruppo di doposcuola per il mese scelto, con educatori fissi e un colloquio periodico con la famiglia.",
      "A place in the after-school group for the chosen month, with regular educators and periodic meetings with the family.",
      t=[MIN, FAM], dm=[PROV, SPACE], tod=[AF], u="month", pr=(110, 150), m="s", cap=(8, 12),
      tags=["doposcuola", "aiuto compiti", "compiti", "scuola primaria", "elementari"],
      tagse=["after-school", "homework help", "primary school"],
      alt=("Doposcuola e aiuto compiti in piccolo gruppo", "After-school homework club in small groups")),
    A("Aiuto compiti a domicilio", "Homework help at home",
      "Un educatore a casa tua per accompagnare tuo figlio nei compiti e nello studio.",
      "An educator comes to your home to support your child with homework and studying.",
      "L'educatore affianca il ragazzo nello svolgimento dei compiti, lo aiuta a pianificare lo studio e a preparare verifiche e interrogazioni. A fine mese la famiglia riceve un breve resoconto dei progressi.",
      "The educator supports the young person with homework, helps plan study time and prepare for tests and oral exams. At the end of each month the family receives a short progress report.",
      "Studenti della scuola primaria e secondaria di primo e secondo grado.",
      "Students of primary, lower secondary and upper secondary school.",
      "Incontri individuali a domicilio con un educatore di riferimento.",
      "One-to-one sessions at home with a regular educator.",
      t=[MIN, FAM], dm=[HOME], tod=[AF], u="hour", pr=(20, 24), pay="P",
      tags=["aiuto compiti", "ripetizioni", "doposcuola a casa", "tutor"],
      tagse=["homework help", "tutoring", "tutor"],
      alt=("Tutor per i compiti a casa", "Homework tutor at home")),
    A("Babysitter serale e nel weekend", "Evening and weekend babysitter",
      "Babysitter disponibili la sera, di notte e nel fine settimana, anche con breve preavviso.",
      "Babysitters available in the evening, at night and at weekends, even at short notice.",
      "Pensato per genitori con turni di lavoro serali o impegni nel fine settimana: la babysitter prepara la cena, mette a letto i bambini e resta fino al rientro dei genitori. Le richieste urgenti vengono gestite entro 24 ore in base alla disponibilità.",
      "Designed for parents who work evening shifts or have weekend commitments: the babysitter makes dinner, puts the children to bed and stays until the parents return. Urgent requests are handled within 24 hours, subject to availability.",
      "Famiglie con bambini da 0 a 12 anni.",
      "Families with children aged 0 to 12.",
      "Una babysitter per le fasce serali, notturne o festive, scelta quando possibile tra operatrici già conosciute dalla famiglia.",
      "A babysitter for evenings, nights or weekends, chosen whenever possible among carers the family already knows.",
      t=[MIN, FAM], dm=[HOME], tod=[EV, NI], u="hour", pr=(17, 21), pay="P",
      tags=["babysitter", "baby sitter serale", "tata", "weekend", "sera"],
      tagse=["babysitter", "evening", "weekend", "nanny"],
      alt=("Babysitting serale per genitori che lavorano", "Evening babysitting for working parents"),
      ql="babysitter"),
    A("Sostegno educativo per bambini con DSA", "Educational support for children with specific learning disorders",
      "Percorsi individuali con strumenti compensativi per bambini e ragazzi con dislessia, disortografia e discalculia.",
      "One-to-one support with compensatory tools for children and teenagers with dyslexia, dysorthography or dyscalculia.",
      "Un tutor dell'apprendimento insegna a usare mappe concettuali, sintesi vocale e altri strumenti compensativi, e lavora sul metodo di studio a partire dal Piano Didattico Personalizzato. Se la famiglia lo desidera, il tutor si raccorda con gli insegnanti.",
      "A learning tutor teaches how to use concept maps, text-to-speech and other compensatory tools, and works on study skills starting from the student's Personalised Learning Plan. With the family's agreement, the tutor also liaises with teachers.",
      "Studenti dagli 8 ai 18 anni con diagnosi di DSA o in attesa di valutazione.",
      "Students aged 8 to 18 with a diagnosis of a specific learning disorder or awaiting assessment.",
      "Un piano di lavoro personalizzato e maggiore autonomia nello studio.",
      "A personalised work plan and greater independence in studying.",
      t=[MIN, FAM], dm=[HOME, PROV, ONL], tod=[AF], u="hour", pr=(24, 30),
      tags=["DSA", "dislessia", "tutor dell'apprendimento", "compiti", "discalculia"],
      tagse=["SpLD", "dyslexia", "learning tutor", "dyscalculia"],
      alt=("Tutor dell'apprendimento per ragazzi con DSA", "Learning tutor for students with SpLD")),
    A("Educativa domiciliare per minori", "Home-based educational support for minors",
      "Un educatore affianca il ragazzo e la famiglia a casa e nel quartiere, su progetto concordato con i servizi sociali.",
      "An educator supports the child and family at home and in the neighbourhood, following a plan agreed with social services.",
      "L'intervento sostiene il minore nella relazione con la famiglia, a scuola e nel tempo libero, con obiettivi condivisi e verifiche periodiche. Il servizio è gratuito per le famiglie inviate dal Servizio Sociale del Municipio.",
      "The service supports the child's relationships with the family, at school and in free time, with shared goals and regular reviews. It is free for families referred by the Municipio's social services.",
      "Minori da 0 a 18 anni e famiglie seguite dai servizi sociali territoriali.",
      "Children aged 0 to 18 and families followed by local social services.",
      "Un progetto educativo individualizzato con un educatore di riferimento per almeno sei mesi.",
      "An individual educational plan with a dedicated educator for at least six months.",
      t=[MIN, FAM], dm=[HOME], tod=[AF], u="hour", pr=(24, 28), pay="funded",
      tags=["educativa domiciliare", "ADM", "educatore", "sostegno alla famiglia"],
      tagse=["home educational support", "educator", "family support"],
      alt=("Intervento educativo a domicilio per famiglie", "Educational support at home for families"),
      fb=["Comune di Milano – Servizi Sociali Territoriali"]),
    A("Ripetizioni di matematica e scienze", "Maths and science tutoring",
      "Lezioni individuali di matematica, fisica e scienze per studenti delle medie e delle superiori.",
      "One-to-one maths, physics and science lessons for middle and high school students.",
      "Il docente ripassa il programma, chiarisce i punti difficili e prepara lo studente a verifiche, esame di terza media e maturità. Le lezioni si svolgono a casa o online con una lavagna digitale condivisa.",
      "The tutor reviews the syllabus, clarifies difficult topics and prepares students for tests and for the middle-school and final high-school exams. Lessons take place at home or online with a shared digital whiteboard.",
      "Studenti dagli 11 ai 19 anni.",
      "Students aged 11 to 19.",
      "Lezioni con un tutor laureato in discipline scientifiche, materiali di esercitazione inclusi.",
      "Lessons with a tutor holding a science degree, exercise materials included.",
      t=[MIN], dm=[HOME, ONL], tod=[AF, EV], u="hour", pr=(20, 25), pay="P",
      tags=["ripetizioni", "lezioni private", "matematica", "fisica", "recupero"],
      tagse=["tutoring", "private lessons", "maths", "physics"],
      alt=("Lezioni private di matematica", "Private maths lessons"), ql="tutor_sci"),
    A("Supporto allo studio online", "Online study support",
      "Sessioni di studio guidato in videochiamata, per organizzarsi e non restare indietro.",
      "Guided study sessions by video call, to stay organised and keep up.",
      "Un tutor aiuta lo studente a pianificare la settimana, a capire gli argomenti più difficili e a ripassare prima delle verifiche. Basta un computer o un tablet con connessione a internet.",
      "A tutor helps the student plan the week, understand the hardest topics and revise before tests. All you need is a computer or tablet with an internet connection.",
      "Studenti della scuola secondaria e del primo anno di università.",
      "Secondary school students and first-year university students.",
      "Sessioni online individuali, con gli appunti condivisi salvati per il ripasso.",
      "One-to-one online sessions, with shared notes saved for revision.",
      t=[MIN, ADU], dm=[ONL], tod=[AF, EV], u="hour", pr=(20, 24), pay="P",
      tags=["studio online", "tutor online", "ripetizioni online", "università"],
      tagse=["online tutoring", "study support", "university"],
      alt=("Tutoraggio online per studenti delle superiori", "Online tutoring for high-school students"),
      ql="tutor_sci"),
    A("Accompagnamento educativo per ragazzi con disabilità", "Educational support for young people with disabilities",
      "Un educatore accompagna il ragazzo nelle attività del tempo libero e nello sviluppo dell'autonomia.",
      "An educator accompanies the young person in leisure activities and in building independence.",
      "Gli interventi lavorano sulle autonomie quotidiane (uso dei mezzi pubblici, denaro, acquisti), sulle relazioni con i coetanei e sulla partecipazione ad attività sportive e culturali del quartiere. Il progetto è costruito con la famiglia e, se presente, con il servizio di neuropsichiatria.",
      "The sessions work on everyday skills (using public transport, handling money, shopping), relationships with peers and taking part in sports and cultural activities in the neighbourhood. The plan is drawn up with the family and, where involved, the child neuropsychiatry service.",
      "Ragazzi dagli 11 ai 21 anni con disabilità intellettiva, motoria o dello spettro autistico.",
      "Young people aged 11 to 21 with intellectual, physical or autism spectrum disabilities.",
      "Un percorso individuale con obiettivi di autonomia verificati ogni tre mesi.",
      "An individual programme with independence goals reviewed every three months.",
      t=[MIN, DIS, FAM], dm=[HOME, PROV], tod=[AF], u="hour", pr=(24, 28), q=True,
      tags=["disabilità", "autonomia", "educatore", "tempo libero", "autismo"],
      tagse=["disability", "independence", "educator", "leisure", "autism"],
      alt=("Educatore per l'autonomia di ragazzi con disabilità", "Educator for the independence of young people with disabilities"),
      fb=["Regione Lombardia – Misura B2"]),
    A("Babysitting per bambini con bisogni speciali", "Babysitting for children with special needs",
      "Babysitter con formazione specifica per bambini con disabilità o patologie croniche.",
      "Babysitters specifically trained to care for children with disabilities or chronic conditions.",
      "La babysitter conosce le principali tecniche di comunicazione aumentativa, di gestione delle crisi e di assistenza nelle routine quotidiane. Prima dell'avvio c'è un incontro con la famiglia per condividere abitudini, terapie e segnali da osservare.",
      "The babysitter is familiar with augmentative communication, crisis management and support with daily routines. Before starting, there is a meeting with the family to share habits, treatments and signs to watch for.",
      "Famiglie con bambini e ragazzi fino a 14 anni con disabilità, autismo o malattie croniche.",
      "Families with children up to 14 with disabilities, autism or chronic illnesses.",
      "Qualche ora di sollievo per i genitori, con un'operatrice preparata e stabile nel tempo.",
      "A few hours of respite for parents, with a well-prepared carer who stays the same over time.",
      t=[MIN, DIS, FAM], dm=[HOME], tod=[AF, EV], u="hour", pr=(20, 25), pay="P", q=True,
      tags=["babysitter", "baby sitter", "disabilità", "autismo", "sollievo"],
      tagse=["babysitter", "special needs", "disability", "autism", "respite"],
      alt=("Babysitter specializzata per bambini con disabilità", "Specialised babysitter for children with disabilities"),
      ql="babysitter_special"),
    A("Consulenza pedagogica per genitori", "Parenting advice from an educational consultant",
      "Colloqui con un pedagogista per affrontare dubbi educativi su sonno, regole, scuola e uso degli schermi.",
      "Meetings with an educational consultant to discuss questions about sleep, rules, school and screen time.",
      "In uno o più colloqui il pedagogista ascolta la situazione, aiuta i genitori a leggere i comportamenti del figlio e propone strategie concrete da sperimentare a casa. Non è una terapia ed è adatto a tutte le famiglie.",
      "Over one or more sessions the consultant listens, helps parents understand their child's behaviour and suggests practical strategies to try at home. It is not therapy and is suitable for every family.",
      "Genitori di bambini e ragazzi da 0 a 18 anni.",
      "Parents of children and teenagers aged 0 to 18.",
      "Colloqui di 50 minuti e una breve sintesi scritta con le indicazioni emerse.",
      "50-minute sessions and a short written summary of the suggestions discussed.",
      t=[FAM, MIN], dm=[PROV, ONL], tod=[M, AF, EV], u="session", pr=(40, 55),
      tags=["pedagogista", "genitori", "consulenza educativa", "capricci", "regole"],
      tagse=["parenting", "educational consultant", "parenting advice"],
      alt=("Sportello pedagogico per famiglie", "Parenting advice desk for families"), ql="pedagogist"),
    A("Doposcuola per la scuola secondaria di primo grado", "After-school club for middle school",
      "Studio assistito in piccolo gruppo per ragazzi delle medie, tre o cinque pomeriggi a settimana.",
      "Supervised study in small groups for middle-school students, three or five afternoons a week.",
      "Gli educatori seguono i ragazzi nei compiti e nel metodo di studio, con attenzione a chi ha bisogni educativi speciali. Il venerdì è dedicato a un'attività di gruppo: sport, cinema o uscite nel quartiere.",
      "Educators support students with homework and study skills, with attention to those with special educational needs. Fridays are dedicated to a group activity: sport, cinema or outings in the neighbourhood.",
      "Ragazzi dagli 11 ai 14 anni.",
      "Young people aged 11 to 14.",
      "Un posto nel gruppo di studio per il mese scelto e un colloquio trimestrale con la famiglia.",
      "A place in the study group for the chosen month and a meeting with the family every three months.",
      t=[MIN, FAM], dm=[PROV, SPACE], tod=[AF], u="month", pr=(120, 160), m="s", cap=(8, 12),
      tags=["doposcuola", "scuola media", "compiti", "metodo di studio"],
      tagse=["after-school", "middle school", "homework"]),
    A("Centro estivo per bambini dai 6 agli 11 anni", "Summer camp for children aged 6 to 11",
      "Settimane estive di giochi, sport, laboratori e gite, dalle 8.30 alle 16.30.",
      "Summer weeks of games, sport, workshops and trips, from 8:30 to 16:30.",
      "Il centro estivo è aperto da metà giugno a fine luglio e nella prima settimana di settembre. La quota settimanale comprende pranzo, merenda, assicurazione e uscite; è possibile l'entrata anticipata alle 7.45.",
      "The summer camp runs from mid-June to the end of July and in the first week of September. The weekly fee includes lunch, snacks, insurance and outings; early drop-off from 7:45 is available.",
      "Bambini dai 6 agli 11 anni.",
      "Children aged 6 to 11.",
      "Una settimana di centro estivo per ogni pacchetto acquistato.",
      "One week of summer camp for each package purchased.",
      t=[MIN, FAM], dm=[PROV], tod=[M, AF], u="package", pr=(100, 150), m="s", cap=(15, 20),
      tags=["centro estivo", "campus", "estate", "vacanze", "attività"],
      tagse=["summer camp", "summer", "holidays"],
      tm=("Iscrizioni da marzo fino a esaurimento posti; conferma del turno entro 3 giorni lavorativi.",
          "Registration opens in March until places run out; your week is confirmed within 3 working days.")),
    A("Laboratori creativi del sabato", "Saturday creative workshops",
      "Laboratori di arte, musica e scienze per bambini il sabato mattina.",
      "Art, music and science workshops for children on Saturday mornings.",
      "Ogni sabato un laboratorio diverso di due ore: pittura, costruzioni con materiali di recupero, piccoli esperimenti scientifici, musica. Le attività sono condotte da educatori e atelieristi, con tutti i materiali inclusi.",
      "A different two-hour workshop every Saturday: painting, building with recycled materials, simple science experiments, music. Activities are run by educators and art facilitators, with all materials included.",
      "Bambini dai 4 ai 10 anni.",
      "Children aged 4 to 10.",
      "La partecipazione a un laboratorio con tutti i materiali.",
      "A place in one workshop, all materials included.",
      t=[MIN, FAM], dm=[PROV, SPACE], tod=[M], u="session", pr=(14, 20), m="s", cap=(8, 14),
      tags=["laboratori", "attività creative", "bambini", "sabato", "arte"],
      tagse=["workshops", "creative activities", "kids", "Saturday"]),
    A("Spazio gioco 0-3 anni con i genitori", "Play space for children aged 0-3 with their parents",
      "Mattine di gioco e incontro per bambini piccoli insieme a mamme, papà, nonni o babysitter.",
      "Mornings of play and socialising for toddlers with their mums, dads, grandparents or babysitters.",
      "Uno spazio accogliente con giochi adatti all'età, letture e musica, dove i genitori possono confrontarsi tra loro e con un'educatrice. Una volta al mese è presente un'ostetrica o una pediatra per domande su sonno, allattamento e svezzamento.",
      "A welcoming space with age-appropriate toys, stories and music, where parents can share experiences with each other and with an educator. Once a month a midwife or paediatrician is there to answer questions about sleep, breastfeeding and weaning.",
      "Bambini da 0 a 3 anni accompagnati da un adulto.",
      "Children aged 0 to 3 with an accompanying adult.",
      "L'accesso allo spazio gioco nelle mattine di apertura, su prenotazione.",
      "Access to the play space on opening mornings, by booking.",
      t=[MIN, FAM], dm=[SPACE, PROV], tod=[M], u="session", m="s", cap=(8, 12), pay="free",
      tags=["spazio gioco", "neonati", "0-3 anni", "mamme", "papà"],
      tagse=["playgroup", "babies", "toddlers", "parents"]),
    A("Pre e post scuola", "Before- and after-school care",
      "Accoglienza dei bambini prima dell'inizio delle lezioni e dopo l'uscita, nei locali della scuola.",
      "Care for children before lessons start and after school ends, on school premises.",
      "Il pre scuola è attivo dalle 7.30 all'inizio delle lezioni, il post scuola dall'uscita fino alle 18.00, con giochi tranquilli, lettura e merenda. Il servizio si svolge nelle scuole primarie convenzionate dei municipi serviti.",
      "Before-school care runs from 7:30 until lessons begin, after-school care from the end of lessons until 18:00, with quiet games, reading and a snack. It takes place in partner primary schools in the municipi served.",
      "Bambini delle scuole primarie con genitori che lavorano.",
      "Primary-school children whose parents work.",
      "Un abbonamento mensile al pre scuola, al post scuola o a entrambi.",
      "A monthly pass for before-school care, after-school care or both.",
      t=[MIN, FAM], dm=[PROV], tod=[M, AF], u="month", pr=(55, 85), m="s", cap=(10, 20),
      tags=["pre scuola", "post scuola", "orario prolungato", "conciliazione"],
      tagse=["before-school", "after-school care", "extended hours"]),
    A("Tata condivisa tra famiglie", "Shared nanny between families",
      "Una tata per due o più famiglie vicine di casa: stessa cura, costo diviso.",
      "One nanny for two or more families living nearby: the same care, at a shared cost.",
      "La tata si prende cura di un piccolo gruppo di bambini, a rotazione nelle case delle famiglie aderenti o in uno Spazio WeMi. L'ente aiuta a formare il gruppo, concorda il calendario e gestisce le sostituzioni; più famiglie aderiscono, minore è il costo orario per ciascuna.",
      "The nanny looks after a small group of children, taking turns in the participating families' homes or at a WeMi space. The provider helps form the group, agrees the schedule and arranges substitutes; the more families join, the lower the hourly cost for each.",
      "Famiglie con bambini da 0 a 6 anni che abitano nello stesso quartiere.",
      "Families with children aged 0 to 6 living in the same neighbourhood.",
      "Una tata qualificata per il gruppo e un costo orario per famiglia che scende con il numero di famiglie.",
      "A qualified nanny for the group and an hourly cost per family that falls as more families join.",
      t=[MIN, FAM], dm=[HOME, SPACE], tod=[M, AF], u="hour", pr=(18, 21), m="s", cap=(4, 5), pay="P",
      tags=["tata condivisa", "babysitter condivisa", "nanny sharing", "tagesmutter"],
      tagse=["nanny share", "shared babysitter", "childcare"], ql="babysitter"),
    A("Laboratorio di lettura per bambini dai 3 ai 6 anni", "Reading workshop for children aged 3 to 6",
      "Letture animate e giochi con i libri per avvicinare i più piccoli alla lettura.",
      "Interactive storytelling and book games to get little ones interested in reading.",
      "Un'educatrice legge storie ad alta voce e propone giochi e piccole attività creative ispirate ai libri. Ogni mese i bambini portano a casa un libro in prestito dalla biblioteca dello spazio.",
      "An educator reads stories aloud and leads games and small creative activities inspired by the books. Each month children take home a book borrowed from the space's library.",
      "Bambini dai 3 ai 6 anni con un genitore o un nonno.",
      "Children aged 3 to 6 with a parent or grandparent.",
      "La partecipazione a un incontro di un'ora e il prestito dei libri.",
      "A one-hour session and book lending.",
      t=[MIN, FAM], dm=[SPACE, PROV], tod=[AF], u="session", pr=(8, 12), m="s", cap=(6, 10),
      tags=["lettura", "libri", "storie", "scuola dell'infanzia", "attività"],
      tagse=["reading", "books", "storytelling", "preschool"]),
    A("Corso di metodo di studio per adolescenti", "Study skills course for teenagers",
      "Sei incontri di gruppo per imparare a organizzare il tempo, prendere appunti e preparare le verifiche.",
      "Six group sessions to learn to manage time, take notes and prepare for tests.",
      "Il corso alterna spiegazioni ed esercitazioni pratiche su pianificazione, lettura efficace, mappe e gestione dell'ansia da verifica. I genitori sono invitati a un incontro finale di restituzione.",
      "The course combines explanations and practical exercises on planning, effective reading, mind maps and handling test anxiety. Parents are invited to a final feedback meeting.",
      "Ragazzi dai 12 ai 17 anni.",
      "Young people aged 12 to 17.",
      "Un corso di sei incontri da 90 minuti e le schede di lavoro.",
      "A course of six 90-minute sessions and the worksheets.",
      t=[MIN], dm=[PROV, ONL], tod=[AF], u="package", pr=(90, 130), m="s", cap=(6, 10), pay="P",
      tags=["metodo di studio", "organizzazione", "concentrazione", "scuola superiore"],
      tagse=["study skills", "organisation", "focus", "high school"]),
    A("Orientamento scolastico per la scelta delle superiori", "School guidance for choosing a high school",
      "Colloqui e test per aiutare ragazzi e genitori a scegliere la scuola superiore.",
      "Meetings and tests to help students and parents choose a high school.",
      "Un orientatore esplora con il ragazzo interessi, attitudini e risultati scolastici, anche con questionari, e presenta l'offerta formativa delle scuole milanesi. Il percorso si chiude con un colloquio con i genitori.",
      "A guidance counsellor explores the student's interests, aptitudes and school results, including through questionnaires, and presents the range of schools in Milan. The process ends with a meeting with the parents.",
      "Studenti della seconda e terza classe della scuola secondaria di primo grado.",
      "Students in the second and third year of middle school.",
      "Due incontri individuali e un profilo orientativo scritto.",
      "Two individual sessions and a written guidance profile.",
      t=[MIN, FAM], dm=[PROV, ONL], tod=[AF], u="session", pr=(35, 50),
      tags=["orientamento", "scelta della scuola superiore", "terza media"],
      tagse=["school guidance", "choosing a high school"], ql="guidance"),
    A("Attività ludico-ricreative nei giorni di chiusura delle scuole", "Play and leisure activities when schools are closed",
      "Giornate di gioco e attività per i bambini durante ponti e vacanze di Natale e di Pasqua.",
      "Days of games and activities for children during long weekends and the Christmas and Easter holidays.",
      "Quando le scuole sono chiuse ma i genitori lavorano, i bambini trascorrono la giornata con gli educatori tra giochi, laboratori e uscite al parco. Il pacchetto giornaliero comprende pranzo e merenda.",
      "When schools are closed but parents are at work, children spend the day with educators playing games, doing workshops and going to the park. The daily package includes lunch and a snack.",
      "Bambini dai 4 agli 11 anni.",
      "Children aged 4 to 11.",
      "Una giornata intera di attività, dalle 8.30 alle 17.00, per ogni pacchetto.",
      "A full day of activities, 8:30 to 17:00, for each package.",
      t=[MIN, FAM], dm=[PROV, SPACE], tod=[M, AF], u="package", pr=(28, 40), m="s", cap=(12, 20),
      tags=["attività", "vacanze di Natale", "ponti", "chiusura scuole", "conciliazione"],
      tagse=["activities", "school holidays", "childcare"]),
    A("Supporto educativo per bambini con autismo", "Educational support for autistic children",
      "Interventi educativi individuali basati su approcci validati per bambini nello spettro autistico.",
      "One-to-one educational support using evidence-based approaches for autistic children.",
      "Il percorso, costruito dopo una valutazione iniziale, lavora su comunicazione, autonomie e abilità sociali con tecniche comportamentali e visive. Un supervisore incontra la famiglia ogni mese e si coordina con la scuola.",
      "After an initial assessment, the programme works on communication, independence and social skills using behavioural and visual techniques. A supervisor meets the family monthly and coordinates with the school.",
      "Bambini e ragazzi dai 2 ai 14 anni con diagnosi di disturbo dello spettro autistico.",
      "Children and teenagers aged 2 to 14 with an autism spectrum diagnosis.",
      "Un programma personalizzato con educatore e supervisione mensile; il preventivo dipende dalle ore settimanali.",
      "A personalised programme with an educator and monthly supervision; the quote depends on weekly hours.",
      t=[MIN, DIS, FAM], dm=[HOME, PROV], tod=[M, AF], u="hour", pr=(26, 30), pay="P", q=True,
      tags=["autismo", "ABA", "spettro autistico", "educatore"],
      tagse=["autism", "ABA", "educator"], ql="aba"),
    A("Babysitting in inglese", "Babysitting in English",
      "Babysitter che parlano inglese con i bambini durante il gioco e le routine quotidiane.",
      "Babysitters who speak English with children during play and everyday routines.",
      "Un modo naturale per abituare i bambini a un'altra lingua: giochi, canzoni, letture e merenda in inglese. Adatto anche a famiglie internazionali che cercano una babysitter anglofona.",
      "A natural way to get children used to another language: games, songs, stories and snacks in English. Also suitable for international families looking for an English-speaking babysitter.",
      "Famiglie con bambini dai 2 ai 10 anni.",
      "Families with children aged 2 to 10.",
      "Una babysitter con inglese di livello C1 o madrelingua.",
      "A babysitter with C1-level or native English.",
      t=[MIN, FAM], dm=[HOME], tod=[AF, EV], u="hour", pr=(18, 22), pay="P",
      tags=["babysitter", "babysitter inglese", "tata bilingue", "inglese"],
      tagse=["babysitter", "English-speaking nanny", "bilingual"], ql="babysitter", lg=["en"]),
    A("Gruppo adolescenti: attività pomeridiane nel quartiere", "Teen group: afternoon activities in the neighbourhood",
      "Un punto di ritrovo gratuito per ragazzi, con educatori, sport, musica e progetti nel quartiere.",
      "A free meeting point for teenagers, with educators, sport, music and neighbourhood projects.",
      "Due pomeriggi a settimana i ragazzi si incontrano con gli educatori per progettare attività: tornei, podcast, murales, volontariato nel quartiere. È anche uno spazio per parlare di scuola, amicizie e futuro.",
      "Two afternoons a week young people meet educators to plan activities: tournaments, podcasts, murals, volunteering in the neighbourhood. It is also a place to talk about school, friendships and the future.",
      "Ragazze e ragazzi dai 13 ai 18 anni.",
      "Teenagers aged 13 to 18.",
      "La partecipazione gratuita alle attività del gruppo.",
      "Free participation in the group's activities.",
      t=[MIN], dm=[SPACE], tod=[AF], u="session", m="s", cap=(10, 20), pay="free",
      tags=["adolescenti", "ragazzi", "attività", "centro di aggregazione giovanile", "tempo libero"],
      tagse=["teenagers", "youth club", "activities", "free time"]),
]

ARCHETYPES[PSY] = [
    A("Sostegno psicologico per adolescenti", "Psychological support for teenagers",
      "Colloqui con uno psicologo per ragazzi che attraversano un momento difficile.",
      "Sessions with a psychologist for young people going through a difficult time.",
      "Il percorso offre uno spazio riservato per parlare di ansia, tristezza, difficoltà scolastiche o relazionali. Dopo i primi colloqui lo psicologo condivide con il ragazzo, e con i genitori se minorenne, una proposta di percorso.",
      "The programme offers a confidential space to talk about anxiety, sadness, and difficulties at school or in relationships. After the first sessions, the psychologist agrees a plan with the young person and, for minors, with the parents.",
      "Ragazzi dai 12 ai 19 anni e i loro genitori.",
      "Young people aged 12 to 19 and their parents.",
      "Colloqui individuali di 50 minuti, in presenza o online.",
      "50-minute individual sessions, in person or online.",
      t=[MIN, FAM], dm=[PROV, ONL], tod=[AF], u="session", pr=(50, 60),
      tags=["psicologo", "psicologico", "adolescenti", "ansia", "ragazzi"],
      tagse=["psychologist", "teenagers", "anxiety", "counselling"],
      alt=("Psicologo per ragazzi e adolescenti", "Psychologist for young people and teenagers")),
    A("Colloquio psicologico per adulti", "Counselling for adults",
      "Un primo spazio di ascolto e sostegno con uno psicologo, per affrontare un momento di difficoltà.",
      "A first space for listening and support with a psychologist, to deal with a difficult moment.",
      "Dopo un colloquio di conoscenza, lo psicologo propone un breve percorso di sostegno (in genere da 4 a 10 incontri) su ansia, stress, cambiamenti di vita o difficoltà relazionali. Se serve, orienta verso i servizi specialistici pubblici o privati.",
      "After an introductory meeting, the psychologist suggests a short support programme (usually 4 to 10 sessions) on anxiety, stress, life changes or relationship difficulties. If needed, they refer you to public or private specialist services.",
      "Adulti dai 18 anni in su.",
      "Adults aged 18 and over.",
      "Colloqui individuali da 50 minuti con lo stesso professionista.",
      "50-minute individual sessions with the same professional.",
      t=[ADU], dm=[PROV, ONL], tod=[AF, EV], u="session", pr=(50, 65), pay="P",
      tags=["psicologo", "colloquio psicologico", "sostegno psicologico", "stress", "ansia"],
      tagse=["psychologist", "counselling", "stress", "anxiety"],
      alt=("Percorso di sostegno psicologico individuale", "Individual psychological support programme")),
    A("Psicoterapia online", "Online psychotherapy",
      "Sedute di psicoterapia in videochiamata protetta, anche in orario serale.",
      "Psychotherapy sessions via secure video call, including in the evening.",
      "Percorsi di psicoterapia a orientamento cognitivo-comportamentale o sistemico con psicoterapeuti abilitati, su piattaforma protetta. Adatto a chi ha orari di lavoro difficili o fatica a spostarsi.",
      "Cognitive-behavioural or systemic psychotherapy with licensed psychotherapists on a secure platform. Suitable for people with difficult working hours or who find it hard to travel.",
      "Adulti e giovani adulti.",
      "Adults and young adults.",
      "Sedute individuali da 50 minuti in videochiamata.",
      "50-minute individual video sessions.",
      t=[ADU], dm=[ONL], tod=[AF, EV], u="session", pr=(55, 70), pay="P",
      tags=["psicoterapia", "psicoterapeuta", "online", "videochiamata", "psicologo"],
      tagse=["psychotherapy", "therapist", "online", "video call"],
      alt=("Psicoterapia individuale in videochiamata", "Individual psychotherapy by video call"),
      ql="psychotherapist"),
    A("Sostegno psicologico per caregiver familiari", "Psychological support for family carers",
      "Colloqui per chi si prende cura ogni giorno di un familiare anziano, malato o con disabilità.",
      "Sessions for people who care every day for an elderly, ill or disabled relative.",
      "Lo psicologo aiuta a riconoscere la fatica, gestire sensi di colpa e conflitti familiari e trovare momenti di sollievo. Su richiesta il colloquio può svolgersi a domicilio, quando il caregiver non può lasciare la persona assistita.",
      "The psychologist helps you recognise fatigue, deal with guilt and family conflicts, and find moments of respite. On request, sessions can take place at home if the carer cannot leave the person they look after.",
      "Caregiver familiari di persone anziane, malate o con disabilità.",
      "Family carers of older, ill or disabled people.",
      "Un ciclo di colloqui individuali e informazioni sulle risorse di sollievo della città.",
      "A series of individual sessions and information about respite resources in the city.",
      t=[ADU, FAM, ANZ], dm=[PROV, ONL, HOME], tod=[M, AF], u="session", pr=(45, 60),
      tags=["caregiver", "familiari", "stress", "burnout", "psicologo"],
      tagse=["caregiver", "carer", "burnout", "psychologist"],
      alt=("Spazio di ascolto per chi assiste un familiare", "Listening space for people caring for a relative"),
      fb=["Comune di Milano – Fondo Nazionale per le Non Autosufficienze", "Regione Lombardia – Misura B2"]),
    A("Consulenza psicologica per la coppia", "Couples counselling",
      "Incontri con uno psicologo per coppie che vogliono affrontare insieme una crisi o una fase di cambiamento.",
      "Meetings with a psychologist for couples who want to work through a crisis or a period of change together.",
      "Gli incontri aiutano a migliorare la comunicazione, gestire i conflitti e prendere decisioni importanti, come la nascita di un figlio o una separazione. Entrambi i partner partecipano alle sedute.",
      "The sessions help improve communication, manage conflict and make important decisions, such as having a child or separating. Both partners attend the sessions.",
      "Coppie adulte, sposate o conviventi.",
      "Adult couples, married or cohabiting.",
      "Sedute di coppia da 60 minuti.",
      "60-minute couple sessions.",
      t=[ADU, FAM], dm=[PROV, ONL], tod=[AF, EV], u="session", pr=(60, 70), pay="P",
      tags=["coppia", "terapia di coppia", "psicologo", "crisi di coppia"],
      tagse=["couples counselling", "couple therapy", "relationship"],
      alt=("Percorso di sostegno alla coppia", "Support programme for couples")),
    A("Sostegno alla genitorialità nei primi mille giorni", "Parenting support in the first thousand days",
      "Un accompagnamento psicologico per i genitori dalla gravidanza ai due anni del bambino.",
      "Psychological support for parents from pregnancy until the child turns two.",
      "Lo psicologo perinatale sostiene i genitori nei cambiamenti portati dalla nascita: stanchezza, sonno, allattamento, vita di coppia, rientro al lavoro. Nelle prime settimane dopo il parto i colloqui possono svolgersi anche a domicilio.",
      "A perinatal psychologist supports parents through the changes a birth brings: tiredness, sleep, breastfeeding, the couple's relationship, going back to work. In the first weeks after birth, sessions can take place at home.",
      "Future mamme e futuri papà, genitori di bambini fino a 2 anni.",
      "Expectant mothers and fathers, and parents of children up to 2.",
      "Colloqui individuali o di coppia con uno psicologo esperto in perinatalità.",
      "Individual or couple sessions with a psychologist experienced in perinatal care.",
      t=[FAM, MIN], dm=[HOME, PROV, ONL], tod=[M, AF], u="session", pr=(45, 60),
      tags=["neo genitori", "genitorialità", "neonato", "psicologo", "gravidanza", "post partum"],
      tagse=["new parents", "parenting", "newborn", "postnatal"],
      alt=("Psicologa per neo-genitori", "Psychologist for new parents")),
    A("Sportello di ascolto psicologico", "Psychological drop-in service",
      "Colloqui psicologici gratuiti negli Spazi WeMi, per un primo ascolto e orientamento.",
      "Free psychological consultations at WeMi spaces, for a first conversation and guidance.",
      "Fino a tre colloqui gratuiti con uno psicologo per capire meglio la propria situazione e conoscere i servizi disponibili in città. Non servono impegnative né documenti sanitari.",
      "Up to three free sessions with a psychologist to understand your situation better and learn about services available in the city. No referral or medical documents are needed.",
      "Tutti i cittadini maggiorenni che vivono a Milano.",
      "Any adult living in Milan.",
      "Fino a tre colloqui gratuiti e, se utile, l'invio a un servizio specialistico.",
      "Up to three free sessions and, if helpful, referral to a specialist service.",
      t=[ADU, FAM, ANZ, NUO], dm=[SPACE], tod=[M, AF], u="session", pay="free",
      tags=["psicologo gratuito", "sportello psicologico", "ascolto", "supporto psicologico"],
      tagse=["free psychologist", "drop-in", "listening", "psychological support"],
      alt=("Sportello psicologico di quartiere", "Neighbourhood psychological drop-in")),
    A("Supporto psicologico per anziani e nel lutto", "Psychological support for older people and bereavement",
      "Colloqui con uno psicologo, anche a casa, per anziani che vivono solitudine, lutto o perdita di autonomia.",
      "Sessions with a psychologist, including at home, for older people experiencing loneliness, bereavement or loss of independence.",
      "Il percorso aiuta ad affrontare i cambiamenti dell'età, la perdita di persone care e i momenti di sconforto. Lo psicologo può coinvolgere i familiari e collaborare con il medico di base.",
      "The sessions help with the changes of later life, the loss of loved ones and periods of low mood. The psychologist can involve family members and work with the GP.",
      "Persone dai 65 anni in su e i loro familiari.",
      "People aged 65 and over and their families.",
      "Colloqui individuali a domicilio o in sede.",
      "Individual sessions at home or at the provider's premises.",
      t=[ANZ], dm=[HOME, PROV], tod=[M, AF], u="session", pr=(50, 60),
      tags=["anziani", "lutto", "solitudine", "psicologo a domicilio"],
      tagse=["older people", "bereavement", "loneliness", "home visits"],
      alt=("Psicologo a domicilio per anziani", "Psychologist home visits for older people")),
    A("Gruppo di sostegno per genitori", "Support group for parents",
      "Incontri serali di gruppo tra genitori, guidati da uno psicologo, su temi educativi e familiari.",
      "Evening group meetings for parents, led by a psychologist, on parenting and family topics.",
      "Il gruppo si incontra ogni due settimane per confrontarsi su regole, uso dei social, scuola, adolescenza e rapporti con i figli. Lo psicologo facilita il dialogo e propone strumenti pratici.",
      "The group meets every two weeks to discuss rules, social media, school, adolescence and relationships with children. The psychologist facilitates and offers practical tools.",
      "Genitori di bambini e ragazzi.",
      "Parents of children and teenagers.",
      "La partecipazione a un incontro di gruppo di 90 minuti.",
      "A place at one 90-minute group session.",
      t=[FAM], dm=[PROV, SPACE, ONL], tod=[EV], u="session", pr=(20, 30), m="s", cap=(6, 12),
      tags=["gruppo genitori", "genitorialità", "confronto", "adolescenza"],
      tagse=["parents' group", "parenting", "peer support"]),
    A("Valutazione dei disturbi specifici dell'apprendimento (DSA)", "Assessment of specific learning disorders (SpLD)",
      "Valutazione psicodiagnostica completa per il riconoscimento di dislessia, disortografia, disgrafia e discalculia.",
      "Full psychological assessment for dyslexia, dysorthography, dysgraphia and dyscalculia.",
      "L'équipe multidisciplinare (psicologo, logopedista, neuropsichiatra infantile) somministra i test standardizzati e rilascia la certificazione valida per la scuola, come previsto dalla normativa regionale. Il pacchetto comprende colloquio iniziale, test e restituzione.",
      "The multidisciplinary team (psychologist, speech therapist, child neuropsychiatrist) carries out standardised tests and issues a certificate valid for school, as required by regional rules. The package includes the initial interview, testing and a feedback meeting.",
      "Bambini e ragazzi dalla seconda classe della scuola primaria in su.",
      "Children and young people from the second year of primary school onwards.",
      "Una relazione diagnostica e, se la diagnosi è confermata, la certificazione DSA per la scuola.",
      "A diagnostic report and, if the diagnosis is confirmed, an SpLD certificate for school.",
      t=[MIN, FAM], dm=[PROV], tod=[M, AF], u="package", pr=(320, 420), pay="P", q=True,
      tags=["valutazione DSA", "dislessia", "diagnosi", "certificazione", "psicologo"],
      tagse=["SpLD assessment", "dyslexia", "diagnosis", "certificate"], ql="dsa_team"),
    A("Gruppo di elaborazione del lutto", "Bereavement support group",
      "Un gruppo accompagnato da uno psicologo per chi ha perso una persona cara.",
      "A group led by a psychologist for people who have lost a loved one.",
      "Gli incontri, ogni due settimane, offrono uno spazio protetto per condividere il dolore e ritrovare risorse. Il gruppo è chiuso: i partecipanti restano gli stessi per tutto il ciclo di otto incontri.",
      "The fortnightly meetings offer a safe space to share grief and rediscover one's resources. The group is closed: participants stay the same for the whole cycle of eight meetings.",
      "Adulti che hanno vissuto un lutto da almeno tre mesi.",
      "Adults who were bereaved at least three months ago.",
      "La partecipazione a un incontro del ciclo.",
      "A place at one meeting of the cycle.",
      t=[ADU, ANZ], dm=[PROV, SPACE], tod=[AF], u="session", pr=(15, 25), m="s", cap=(6, 10),
      tags=["lutto", "auto mutuo aiuto", "perdita", "gruppo"],
      tagse=["bereavement", "grief", "support group"]),
    A("Sostegno psicologico per persone migranti", "Psychological support for migrants",
      "Colloqui psicologici con mediazione linguistico-culturale per persone migranti e rifugiate.",
      "Psychological sessions with linguistic and cultural mediation for migrants and refugees.",
      "Psicologi con formazione etnoclinica accolgono persone che vivono difficoltà legate alla migrazione, alla separazione dalla famiglia o a esperienze traumatiche. Quando serve è presente un mediatore culturale che parla la lingua della persona.",
      "Psychologists trained in ethnoclinical approaches support people facing difficulties linked to migration, separation from family or traumatic experiences. A cultural mediator speaking the person's language attends when needed.",
      "Persone migranti, richiedenti asilo e rifugiati, anche con permesso di soggiorno in rinnovo.",
      "Migrants, asylum seekers and refugees, including those whose residence permit is being renewed.",
      "Un percorso di colloqui gratuiti nella propria lingua.",
      "A series of free sessions in your own language.",
      t=[NUO, ADU], dm=[PROV, SPACE], tod=[M, AF], u="session", pay="funded",
      tags=["etnopsicologia", "migranti", "rifugiati", "trauma", "mediatore culturale"],
      tagse=["migrants", "refugees", "trauma", "cultural mediator"],
      lg=["ar", "fr", "en", "es"], fb=["Ministero dell'Interno – FAMI 2021-2027"]),
    A("Psicologo a domicilio per persone fragili", "Psychologist home visits for vulnerable people",
      "Colloqui psicologici a casa per chi non può spostarsi a causa di malattia o disabilità.",
      "Psychological sessions at home for people who cannot travel because of illness or disability.",
      "Lo psicologo si reca al domicilio della persona e lavora sull'adattamento alla malattia, sull'umore e sulle relazioni familiari. Il servizio può affiancare le cure palliative e l'assistenza domiciliare integrata.",
      "The psychologist visits the person at home and works on adjusting to illness, mood and family relationships. The service can complement palliative care and integrated home care.",
      "Adulti e anziani con malattie croniche, oncologiche o disabilità.",
      "Adults and older people with chronic illness, cancer or disabilities.",
      "Colloqui individuali a domicilio da 50 minuti.",
      "50-minute individual sessions at home.",
      t=[ANZ, DIS, ADU], dm=[HOME], tod=[M, AF], u="session", pr=(60, 70), pay="P",
      tags=["psicologo a domicilio", "fragilità", "malattia cronica", "cure palliative"],
      tagse=["home psychologist", "chronic illness", "palliative care"]),
    A("Training autogeno e gestione dello stress", "Autogenic training and stress management",
      "Un corso di gruppo di otto incontri per imparare tecniche di rilassamento e gestione dello stress.",
      "An eight-session group course to learn relaxation and stress-management techniques.",
      "Lo psicologo guida il gruppo negli esercizi di training autogeno e di respirazione e spiega come riconoscere e gestire i segnali dello stress. Ogni partecipante riceve le registrazioni audio per esercitarsi a casa.",
      "The psychologist guides the group through autogenic training and breathing exercises, explaining how to recognise and manage signs of stress. Each participant receives audio recordings to practise at home.",
      "Adulti che vogliono migliorare il proprio benessere.",
      "Adults who want to improve their wellbeing.",
      "Un corso completo di otto incontri serali.",
      "A complete course of eight evening sessions.",
      t=[ADU], dm=[PROV, ONL], tod=[EV], u="package", pr=(90, 140), m="s", cap=(8, 12), pay="P",
      tags=["stress", "rilassamento", "training autogeno", "ansia", "mindfulness"],
      tagse=["stress", "relaxation", "autogenic training", "mindfulness"]),
    A("Mediazione familiare", "Family mediation",
      "Incontri con un mediatore per genitori che si separano e vogliono accordarsi sulla cura dei figli.",
      "Meetings with a mediator for separating parents who want to agree on how to care for their children.",
      "Il mediatore familiare aiuta i genitori a comunicare e a costruire accordi su tempi, spese e scelte educative, mettendo al centro il benessere dei figli. Il percorso dura in genere da 6 a 10 incontri.",
      "The family mediator helps parents communicate and reach agreements on time with the children, expenses and educational choices, with the children's wellbeing at the centre. It usually takes 6 to 10 sessions.",
      "Genitori in fase di separazione o già separati.",
      "Parents who are separating or already separated.",
      "Incontri di mediazione e un documento finale con gli accordi raggiunti.",
      "Mediation sessions and a final document setting out the agreements reached.",
      t=[FAM, ADU], dm=[PROV], tod=[AF, EV], u="session", pr=(60, 70),
      tags=["mediazione familiare", "separazione", "divorzio", "affido"],
      tagse=["family mediation", "separation", "divorce"], ql="mediator"),
    A("Gruppo di parola per figli di genitori separati", "Talking group for children of separated parents",
      "Quattro incontri in cui bambini e ragazzi con genitori separati possono esprimere domande ed emozioni.",
      "Four meetings where children and teenagers with separated parents can share their questions and feelings.",
      "Il gruppo, condotto da due psicologi, usa gioco, disegno e scrittura per aiutare i figli a dare parole a ciò che vivono. All'ultimo incontro i genitori sono invitati a ricevere una lettera scritta dal gruppo.",
      "Led by two psychologists, the group uses play, drawing and writing to help children put their experience into words. Parents are invited to the last meeting to receive a letter written by the group.",
      "Bambini e ragazzi dai 6 ai 15 anni con genitori separati o divorziati.",
      "Children and young people aged 6 to 15 whose parents are separated or divorced.",
      "La partecipazione a un ciclo completo di quattro incontri.",
      "A place in a full cycle of four meetings.",
      t=[MIN, FAM], dm=[PROV, SPACE], tod=[AF], u="package", m="s", cap=(6, 10), pay="funded",
      tags=["gruppo di parola", "separazione", "figli", "bambini"],
      tagse=["talking group", "separation", "children"],
      fb=["Comune di Milano – Piano di Zona 2025-2027"]),
    A("Supporto psicologico per l'ansia da esame", "Support for exam anxiety",
      "Colloqui brevi per studenti delle superiori e dell'università che vivono ansia e blocchi prima degli esami.",
      "Short-term sessions for high-school and university students struggling with anxiety and mental blocks before exams.",
      "In quattro-sei incontri lo psicologo lavora su pianificazione, ansia e procrastinazione, con esercizi pratici da usare nei giorni d'esame. Disponibile anche online in orario serale.",
      "Over four to six sessions, the psychologist works on planning, anxiety and procrastination, with practical exercises to use on exam days. Also available online in the evening.",
      "Studenti dai 16 anni, maturandi e studenti universitari.",
      "Students aged 16 and over, final-year high-school students and university students.",
      "Un breve percorso individuale con strumenti pratici.",
      "A short individual programme with practical tools.",
      t=[ADU, MIN], dm=[ONL, PROV], tod=[AF, EV], u="session", pr=(45, 55), pay="P",
      tags=["ansia da esame", "università", "studenti", "maturità", "psicologo"],
      tagse=["exam anxiety", "university", "students"]),
    A("Parent training per genitori di bambini con ADHD", "Parent training for parents of children with ADHD",
      "Un percorso di gruppo per genitori di bambini con ADHD o difficoltà di attenzione e comportamento.",
      "A group programme for parents of children with ADHD or attention and behaviour difficulties.",
      "Dieci incontri strutturati per capire il disturbo, usare rinforzi positivi, gestire i momenti critici e collaborare con la scuola. Il programma segue protocolli validati ed è condotto da psicologi dell'età evolutiva.",
      "Ten structured sessions to understand the condition, use positive reinforcement, handle difficult moments and work with the school. The programme follows validated protocols and is run by child psychologists.",
      "Genitori di bambini dai 5 ai 12 anni con diagnosi di ADHD o in fase di valutazione.",
      "Parents of children aged 5 to 12 with an ADHD diagnosis or undergoing assessment.",
      "Un ciclo di dieci incontri di gruppo e i materiali di lavoro.",
      "A cycle of ten group sessions and worksheets.",
      t=[FAM, MIN, DIS], dm=[PROV, ONL], tod=[EV], u="package", pr=(150, 220), m="s", cap=(6, 10),
      tags=["ADHD", "iperattività", "parent training", "genitori", "attenzione"],
      tagse=["ADHD", "hyperactivity", "parent training"]),
    A("Sostegno psicologico per il disagio lavorativo", "Psychological support for work-related distress",
      "Colloqui per chi vive stress, burnout, perdita del lavoro o conflitti sul posto di lavoro.",
      "Sessions for people experiencing stress, burnout, job loss or conflict at work.",
      "Il percorso aiuta a leggere la situazione lavorativa, recuperare energie e valutare le scelte possibili, anche con un bilancio delle competenze. Gli appuntamenti sono disponibili in orario serale, anche online.",
      "The sessions help you understand your work situation, recover energy and weigh up your options, including through a skills review. Appointments are available in the evening, online too.",
      "Lavoratori e persone in cerca di occupazione.",
      "Workers and jobseekers.",
      "Colloqui individuali da 50 minuti.",
      "50-minute individual sessions.",
      t=[ADU], dm=[ONL, PROV], tod=[EV], u="session", pr=(50, 60), pay="P",
      tags=["burnout", "lavoro", "stress lavoro correlato", "psicologo"],
      tagse=["burnout", "work stress", "psychologist"]),
    A("Psicologo per l'infanzia", "Child psychologist",
      "Consulenze con uno psicologo dell'età evolutiva per bambini con paure, difficoltà emotive o di comportamento.",
      "Consultations with a child psychologist for children with fears or emotional or behavioural difficulties.",
      "Dopo un colloquio con i genitori, lo psicologo incontra il bambino attraverso il gioco e il disegno per capire che cosa sta vivendo. Al termine propone alla famiglia un percorso o indicazioni pratiche.",
      "After meeting the parents, the psychologist sees the child through play and drawing to understand what they are going through. At the end, they suggest a programme or practical advice to the family.",
      "Bambini dai 3 agli 11 anni e i loro genitori.",
      "Children aged 3 to 11 and their parents.",
      "Un ciclo di consulenza di 4-6 incontri con restituzione ai genitori.",
      "A 4-6 session consultation with feedback to the parents.",
      t=[MIN, FAM], dm=[PROV], tod=[AF], u="session", pr=(50, 60), pay="P",
      tags=["psicologo infantile", "bambini", "psicologo dell'età evolutiva", "emozioni", "paure"],
      tagse=["child psychologist", "children", "emotions"]),
]

ARCHETYPES[SOC] = [
    A("Assistenza domiciliare per anziani", "Home care for older people",
      "Un operatore qualificato aiuta la persona anziana nelle attività quotidiane a casa propria.",
      "A qualified care worker helps the older person with daily activities in their own home.",
      "L'operatore aiuta ad alzarsi e a coricarsi, a preparare i pasti, a riordinare la casa e a sbrigare piccole commissioni, e stimola la persona a mantenere la propria autonomia. Un coordinatore effettua una visita iniziale gratuita per definire il piano di assistenza.",
      "The care worker helps with getting up and going to bed, preparing meals, tidying the house and small errands, and encourages the person to stay independent. A coordinator makes a free initial visit to draw up the care plan.",
      "Persone anziane che vivono a casa propria, sole o con la famiglia.",
      "Older people living in their own home, alone or with family.",
      "Un piano di assistenza personalizzato con operatori stabili e un coordinatore di riferimento.",
      "A personalised care plan with regular care workers and a dedicated coordinator.",
      t=[ANZ, FAM], dm=[HOME], tod=[M, AF], u="hour", pr=(19, 22), q=True,
      tags=["assistenza domiciliare", "anziani", "ASA", "badante a ore", "SAD"],
      tagse=["home care", "elderly care", "care worker"],
      alt=("Assistenza domiciliare leggera per anziani", "Light home care for older people")),
    A("Aiuto nell'igiene personale a domicilio", "Help with personal hygiene at home",
      "Operatori socio-sanitari per l'igiene personale, il bagno assistito e la cura della persona.",
      "Care assistants for personal hygiene, assisted bathing and personal care.",
      "L'OSS esegue l'igiene quotidiana o il bagno completo, anche a letto, con attenzione alla prevenzione delle piaghe da decubito e alla dignità della persona. Il servizio si può programmare una o più volte a settimana.",
      "The care assistant carries out daily hygiene or a full bath, including in bed, with attention to preventing pressure sores and to the person's dignity. The service can be scheduled one or more times a week.",
      "Anziani e persone con disabilità o allettate.",
      "Older people and people with disabilities or confined to bed.",
      "Interventi di igiene personale a domicilio con operatori OSS.",
      "Personal hygiene care at home by qualified care assistants.",
      t=[ANZ, DIS], dm=[HOME], tod=[M], u="hour", pr=(21, 24),
      tags=["igiene personale", "bagno assistito", "OSS", "anziani", "allettati"],
      tagse=["personal care", "assisted bathing", "bedridden"],
      alt=("Bagno assistito a domicilio", "Assisted bathing at home")),
    A("Assistenza familiare a ore", "Hourly family carer",
      "Un'assistente familiare (badante) per qualche ora al giorno, senza dover assumere direttamente una lavoratrice.",
      "A family carer for a few hours a day, without having to employ a carer directly.",
      "La cooperativa mette a disposizione un'assistente familiare formata che si occupa di compagnia, pasti, igiene leggera e sorveglianza. Contratto, contributi e sostituzioni per ferie o malattia sono a carico dell'ente.",
      "The cooperative provides a trained family carer who offers company, meals, light personal care and supervision. Contracts, contributions and cover for holidays or sickness are handled by the provider.",
      "Famiglie che assistono un parente anziano e cercano un aiuto flessibile.",
      "Families looking after an older relative who need flexible help.",
      "Ore di assistenza con un'operatrice fissa e sostituzioni garantite.",
      "Care hours with a regular carer and guaranteed cover.",
      t=[ANZ, FAM], dm=[HOME], tod=[M, AF, EV], u="hour", pr=(19, 21), pay="P",
      tags=["badante", "badante a ore", "assistente familiare", "anziani"],
      tagse=["carer", "caregiver", "elderly care"],
      alt=("Badante a ore per brevi periodi", "Hourly carer for short periods")),
    A("Assistenza notturna a domicilio", "Night care at home",
      "Un operatore resta la notte a casa della persona per sorveglianza e assistenza.",
      "A care worker stays overnight at the person's home for supervision and assistance.",
      "Il servizio garantisce una presenza dalle 21 alle 7: aiuto ad alzarsi, cambio, idratazione, somministrazione delle terapie già preparate e chiamata dei soccorsi in caso di necessità. È utile dopo una dimissione ospedaliera o quando il familiare ha bisogno di riposare.",
      "The service provides someone from 21:00 to 7:00: help getting up, changing, drinks, giving medication already prepared, and calling emergency services if needed. Useful after hospital discharge or when a family carer needs rest.",
      "Persone anziane o con disabilità che non possono restare sole di notte.",
      "Older or disabled people who cannot be left alone at night.",
      "Turni notturni con operatori formati; il preventivo tiene conto del numero di notti.",
      "Night shifts with trained staff; the quote depends on the number of nights.",
      t=[ANZ, DIS], dm=[HOME], tod=[EV, NI], u="hour", pr=(20, 24), pay="P", q=True,
      tags=["assistenza notturna", "notte", "badante notturna", "sorveglianza"],
      tagse=["night care", "overnight carer"],
      alt=("Sorveglianza notturna per anziani", "Overnight supervision for older people")),
    A("Sollievo per i caregiver familiari", "Respite for family carers",
      "Alcune ore alla settimana in cui un operatore sostituisce il familiare che assiste una persona fragile.",
      "A few hours a week when a care worker takes the place of the relative looking after a vulnerable person.",
      "Mentre l'operatore si prende cura della persona, il caregiver può dedicarsi a sé, al lavoro o alle commissioni. Il servizio è programmabile con regolarità o per periodi specifici, come le vacanze.",
      "While the care worker looks after the person, the carer can take time for themselves, work or errands. It can be scheduled regularly or for specific periods, such as holidays.",
      "Famiglie che assistono a casa un anziano non autosufficiente o una persona con disabilità.",
      "Families caring at home for a dependent older person or a person with disabilities.",
      "Ore di sollievo programmate con un operatore qualificato.",
      "Scheduled respite hours with a qualified care worker.",
      t=[FAM, ANZ, DIS], dm=[HOME], tod=[M, AF], u="hour", pr=(19, 22),
      tags=["sollievo", "caregiver", "assistenza", "pausa"],
      tagse=["respite", "carer support", "break"],
      alt=("Ore di sollievo per chi assiste un familiare", "Respite hours for people caring for a relative"),
      fb=["Regione Lombardia – Misura B2"]),
    A("Compagnia e socializzazione per anziani soli", "Companionship for older people living alone",
      "Visite regolari per fare due chiacchiere, una passeggiata o un'uscita nel quartiere.",
      "Regular visits for a chat, a walk or an outing in the neighbourhood.",
      "Un operatore o un volontario formato fa visita alla persona, legge il giornale insieme a lei, la accompagna a una passeggiata, al mercato o a un evento culturale. Il servizio aiuta a prevenire l'isolamento e a cogliere per tempo eventuali bisogni.",
      "A care worker or trained volunteer visits the person, reads the newspaper together, and accompanies them on a walk, to the market or to a cultural event. It helps prevent isolation and spot needs early.",
      "Persone anziane che vivono sole o passano molte ore da sole.",
      "Older people who live alone or spend many hours alone.",
      "Visite di compagnia settimanali con la stessa persona di riferimento.",
      "Weekly companionship visits with the same person.",
      t=[ANZ], dm=[HOME], tod=[M, AF], u="hour", pr=(17, 19),
      tags=["compagnia", "solitudine", "anziani soli", "passeggiata"],
      tagse=["companionship", "loneliness", "older people"],
      alt=("Visite di compagnia a domicilio", "Companionship home visits")),
    A("Assistenza domiciliare per persone con disabilità", "Home care for people with disabilities",
      "Assistenza personale e supporto all'autonomia per persone con disabilità nella propria casa.",
      "Personal care and independence support for people with disabilities in their own home.",
      "Gli operatori aiutano nella cura della persona, nei trasferimenti, nella gestione della casa e nelle uscite, secondo un progetto di vita indipendente condiviso con la persona stessa. Il servizio può essere finanziato con la Misura B2 regionale.",
      "Care workers help with personal care, transfers, running the home and going out, following an independent-living plan agreed with the person. The service can be funded through the regional B2 measure.",
      "Adulti con disabilità fisica, intellettiva o sensoriale.",
      "Adults with physical, intellectual or sensory disabilities.",
      "Un progetto di assistenza personalizzato con operatori stabili.",
      "A personalised care plan with regular care workers.",
      t=[DIS, ADU], dm=[HOME], tod=[M, AF, EV], u="hour", pr=(21, 24), q=True,
      tags=["disabilità", "assistenza domiciliare", "vita indipendente", "OSS"],
      tagse=["disability", "home care", "independent living"],
      alt=("Supporto all'autonomia a domicilio per adulti con disabilità", "Independence support at home for adults with disabilities"),
      fb=["Regione Lombardia – Misura B2"]),
    A("Assistenza ospedaliera diurna e notturna", "Hospital companion care, day and night",
      "Un operatore affianca la persona ricoverata in ospedale o in clinica, di giorno o di notte.",
      "A care worker stays with a person in hospital or a clinic, by day or by night.",
      "L'operatore aiuta nei pasti, nell'igiene e nella mobilizzazione, tiene compagnia e aggiorna la famiglia, nel rispetto delle regole del reparto. Il servizio si può attivare anche con breve preavviso nei principali ospedali milanesi.",
      "The care worker helps with meals, hygiene and moving around, keeps the person company and updates the family, following ward rules. It can be arranged at short notice in Milan's main hospitals.",
      "Persone ricoverate, in particolare anziani, e i loro familiari.",
      "People in hospital, especially older people, and their families.",
      "Turni di assistenza in ospedale concordati con la famiglia.",
      "Hospital care shifts agreed with the family.",
      t=[ANZ, ADU], dm=[HOME], tod=[M, AF, EV, NI], u="hour", pr=(20, 23), pay="P", q=True,
      tags=["assistenza ospedaliera", "ricovero", "ospedale", "notte in ospedale"],
      tagse=["hospital care", "hospital stay", "companion"]),
    A("Telefonata amica e monitoraggio a distanza", "Friendly phone calls and remote check-ins",
      "Telefonate periodiche gratuite per anziani soli, per fare compagnia e verificare che tutto vada bene.",
      "Free regular phone calls for older people living alone, to keep them company and check that all is well.",
      "Operatori e volontari chiamano la persona nei giorni e negli orari concordati, ricordano appuntamenti e terapie e segnalano al servizio sociale eventuali situazioni di rischio. D'estate le chiamate si intensificano durante le ondate di calore.",
      "Staff and volunteers call the person on agreed days and times, remind them of appointments and medication, and alert social services to any risk. In summer, calls become more frequent during heatwaves.",
      "Anziani soli o con familiari lontani.",
      "Older people living alone or whose family lives far away.",
      "Una o più telefonate a settimana con un operatore di riferimento.",
      "One or more calls a week with a regular contact person.",
      t=[ANZ], dm=[ONL], tod=[M, AF], u="session", pay="free",
      tags=["telefonata", "compagnia telefonica", "anziani soli", "monitoraggio", "caldo"],
      tagse=["phone calls", "check-in", "older people", "heatwave"]),
    A("Ginnastica dolce per anziani", "Gentle exercise for older people",
      "Lezioni di gruppo di movimento dolce per mantenere equilibrio, forza e mobilità.",
      "Group classes of gentle movement to maintain balance, strength and mobility.",
      "Un laureato in scienze motorie propone esercizi adattati, anche da seduti, per prevenire le cadute e mantenere l'autonomia. Le lezioni sono anche un'occasione di incontro con altre persone del quartiere.",
      "A qualified exercise instructor leads adapted exercises, including seated ones, to prevent falls and maintain independence. Classes are also a chance to meet other people from the neighbourhood.",
      "Persone dai 65 anni in su, autosufficienti.",
      "Independent people aged 65 and over.",
      "Una lezione di gruppo di 60 minuti.",
      "A 60-minute group class.",
      t=[ANZ], dm=[SPACE, PROV], tod=[M], u="session", pr=(8, 12), m="s", cap=(10, 16),
      tags=["ginnastica dolce", "attività motoria", "anziani", "movimento", "prevenzione cadute"],
      tagse=["gentle exercise", "fitness for seniors", "fall prevention"], ql="motor"),
    A("Attività di socializzazione per anziani", "Social activities for older people",
      "Pomeriggi di attività, laboratori e merenda insieme per gli anziani del quartiere.",
      "Afternoons of activities, workshops and tea together for older people in the neighbourhood.",
      "Tre pomeriggi a settimana: laboratori di memoria, cucito, giochi di carte, canto e piccole gite. Gli operatori possono organizzare l'accompagnamento da casa per chi ha difficoltà a muoversi.",
      "Three afternoons a week: memory workshops, sewing, card games, singing and short trips. Staff can arrange transport from home for people with mobility difficulties.",
      "Anziani autosufficienti o parzialmente autosufficienti.",
      "Older people who are independent or partly independent.",
      "La partecipazione gratuita alle attività del centro.",
      "Free participation in the centre's activities.",
      t=[ANZ], dm=[SPACE, PROV], tod=[AF], u="session", m="s", cap=(12, 20), pay="funded",
      tags=["attività", "socializzazione", "centro diurno", "anziani", "tombola"],
      tagse=["activities", "social club", "day centre", "older people"],
      fb=["Comune di Milano – Fondo Nazionale per le Non Autosufficienze"]),
    A("Assistenza alle dimissioni ospedaliere", "Support after hospital discharge",
      "Un pacchetto di assistenza a casa nelle prime due settimane dopo il ricovero.",
      "A home care package for the first two weeks after a hospital stay.",
      "Il coordinatore organizza il rientro a casa insieme alla famiglia e al reparto: ausili, assistenza quotidiana, spesa, farmaci e controlli. Il pacchetto comprende fino a 20 ore di assistenza e una visita di verifica.",
      "The coordinator organises the return home with the family and the hospital ward: equipment, daily care, shopping, medication and check-ups. The package includes up to 20 hours of care and a follow-up visit.",
      "Persone dimesse da ospedali o cliniche che hanno bisogno di un aiuto temporaneo.",
      "People discharged from hospitals or clinics who need temporary help.",
      "Un pacchetto di assistenza di due settimane; il preventivo si adatta al bisogno.",
      "A two-week care package; the quote is tailored to needs.",
      t=[ANZ, ADU], dm=[HOME], tod=[M, AF], u="package", pr=(380, 520), q=True,
      tags=["dimissioni protette", "rientro a casa", "post ricovero"],
      tagse=["hospital discharge", "return home", "aftercare"]),
    A("Supporto domiciliare alle neo-mamme", "Home help for new mothers",
      "Un'operatrice aiuta la neo-mamma in casa nelle prime settimane dopo il parto.",
      "A care worker helps new mothers at home in the first weeks after giving birth.",
      "L'operatrice si occupa di piccole faccende, pasti, spesa e cura degli altri figli, così la mamma può riposare e dedicarsi al neonato. Su richiesta è disponibile una consulenza con un'ostetrica.",
      "The care worker handles light housework, meals, shopping and looking after older siblings, so the mother can rest and focus on the baby. A midwife consultation is available on request.",
      "Mamme e famiglie con un neonato fino a 6 mesi.",
      "Mothers and families with a baby up to 6 months old.",
      "Ore di aiuto domestico e di cura con un'operatrice dedicata.",
      "Hours of home help and care with a dedicated care worker.",
      t=[FAM, MIN], dm=[HOME], tod=[M, AF], u="hour", pr=(20, 23), pay="P",
      tags=["neo mamme", "puerperio", "aiuto in casa", "neonato"],
      tagse=["new mothers", "postnatal help", "newborn"]),
    A("Igiene e cura della casa per persone non autosufficienti", "Housekeeping for dependent people",
      "Pulizie e riordino della casa per chi non riesce più a occuparsene da solo.",
      "Cleaning and tidying for people who can no longer manage on their own.",
      "L'operatore si occupa della pulizia degli ambienti, del cambio della biancheria, di lavatrice e stiratura, con prodotti adatti a persone allergiche o con patologie respiratorie. Il servizio è pensato come parte di un piano di assistenza domiciliare.",
      "The care worker cleans the rooms, changes bed linen, does the laundry and ironing, using products suitable for people with allergies or respiratory conditions. It is designed as part of a home care plan.",
      "Anziani e persone con disabilità che vivono a casa propria.",
      "Older people and people with disabilities living at home.",
      "Interventi programmati di cura della casa.",
      "Scheduled housekeeping visits.",
      t=[ANZ, DIS], dm=[HOME], tod=[M, AF], u="hour", pr=(19, 21), pay="P",
      tags=["pulizie", "cura della casa", "colf", "riordino", "non autosufficienti"],
      tagse=["housekeeping", "cleaning", "home help"]),
    A("Assistenza per persone con Alzheimer e demenza", "Care for people with Alzheimer's and dementia",
      "Assistenza domiciliare specializzata per persone con demenza e sostegno ai familiari.",
      "Specialised home care for people with dementia, with support for family members.",
      "Gli operatori, formati sull'approccio alla persona con demenza, gestiscono routine, stimolazione cognitiva e comportamenti difficili e aiutano ad adattare l'ambiente domestico. Il piano prevede incontri periodici con la famiglia.",
      "Care workers trained in dementia care manage routines, cognitive stimulation and challenging behaviour, and help adapt the home environment. The plan includes regular meetings with the family.",
      "Persone con malattia di Alzheimer o altre forme di demenza e i loro caregiver.",
      "People with Alzheimer's disease or other forms of dementia and their carers.",
      "Un piano di assistenza specializzato; il preventivo dipende dalle ore settimanali.",
      "A specialised care plan; the quote depends on weekly hours.",
      t=[ANZ, FAM], dm=[HOME], tod=[M, AF], u="hour", pr=(22, 24), pay="P", q=True,
      tags=["Alzheimer", "demenza", "decadimento cognitivo", "assistenza"],
      tagse=["Alzheimer's", "dementia", "cognitive decline"]),
    A("Gruppo di stimolazione cognitiva per anziani", "Cognitive stimulation group for older people",
      "Incontri di gruppo per allenare memoria, attenzione e linguaggio.",
      "Group sessions to exercise memory, attention and language.",
      "Uno psicologo o un educatore propone esercizi, giochi e conversazioni guidate per mantenere attive le funzioni cognitive. Adatto anche a persone con lieve decadimento cognitivo.",
      "A psychologist or educator leads exercises, games and guided conversations to keep cognitive functions active. Also suitable for people with mild cognitive impairment.",
      "Persone dai 65 anni in su.",
      "People aged 65 and over.",
      "La partecipazione a un incontro di gruppo di 90 minuti.",
      "A place at one 90-minute group session.",
      t=[ANZ], dm=[SPACE, PROV], tod=[M], u="session", pr=(10, 15), m="s", cap=(6, 10),
      tags=["memoria", "stimolazione cognitiva", "ginnastica mentale", "anziani"],
      tagse=["memory", "cognitive stimulation", "brain training"]),
]

COURSE_LANGS = ["ar", "zh", "es", "uk", "tl", "en", "fr", "ro"]

ARCHETYPES[LIN] = [
    A("Corso di italiano A1 per donne", "Italian A1 course for women",
      "Corso di italiano di base riservato alle donne, con spazio bimbi durante le lezioni.",
      "Beginner Italian course for women only, with childcare during lessons.",
      "Due mattine a settimana per tre mesi, con lezioni pratiche sulla vita quotidiana: scuola dei figli, medico, negozi, uffici. Mentre le mamme studiano, un'educatrice si occupa dei bambini in una sala vicina.",
      "Two mornings a week for three months, with practical lessons on everyday life: children's school, the doctor, shops, offices. While mothers study, an educator looks after the children in a room nearby.",
      "Donne straniere che non conoscono l'italiano o lo parlano poco.",
      "Foreign women with little or no Italian.",
      "Un corso di 48 ore e un attestato di frequenza di livello A1.",
      "A 48-hour course and an A1-level attendance certificate.",
      t=[NUO, ADU], dm=[SPACE, PROV], tod=[M], u="package", m="s", cap=(10, 16), pay="funded",
      tags=["corso di italiano", "italiano per stranieri", "donne", "A1", "spazio bimbi"],
      tagse=["Italian course", "Italian for foreigners", "women", "A1"],
      lg=["ar", "zh", "es", "uk", "tl", "en"], fb=["Ministero dell'Interno – FAMI 2021-2027"]),
    A("Corso di italiano A2 per il permesso di soggiorno", "Italian A2 course for the residence permit",
      "Preparazione al test di italiano A2 richiesto per il permesso di soggiorno UE per soggiornanti di lungo periodo.",
      "Preparation for the A2 Italian test required for the EU long-term residence permit.",
      "Il corso ripassa grammatica e lessico di livello A2 e simula le prove del test della Prefettura (ascolto, lettura, scrittura e interazione orale). Al termine è possibile sostenere l'esame di certificazione presso un CPIA convenzionato.",
      "The course revises A2 grammar and vocabulary and simulates the Prefecture test (listening, reading, writing and speaking). At the end, you can sit the certification exam at a partner adult-education centre (CPIA).",
      "Cittadini stranieri che devono dimostrare la conoscenza dell'italiano di livello A2.",
      "Foreign nationals who need to prove A2-level Italian.",
      "Un corso di 60 ore e la simulazione del test.",
      "A 60-hour course and a mock test.",
      t=[NUO, ADU], dm=[PROV, SPACE], tod=[AF, EV], u="package", m="s", cap=(12, 20), pay="funded",
      tags=["italiano A2", "test di italiano", "permesso di soggiorno UE", "prefettura", "corso di italiano"],
      tagse=["Italian A2", "language test", "long-term residence permit", "Italian course"],
      lg=["ar", "es", "en", "fr"], fb=["Ministero dell'Interno – FAMI 2021-2027"]),
    A("Corso di italiano B1 per la cittadinanza", "Italian B1 course for citizenship",
      "Corso serale per raggiungere il livello B1 richiesto per la domanda di cittadinanza italiana.",
      "Evening course to reach the B1 level required to apply for Italian citizenship.",
      "Il corso prepara alle certificazioni riconosciute (CILS, CELI, PLIDA) con lezioni in presenza e online, esercitazioni sulle quattro abilità e simulazioni d'esame. Il materiale didattico è incluso.",
      "The course prepares for recognised certifications (CILS, CELI, PLIDA) with in-person and online lessons, practice in all four skills and mock exams. Course materials are included.",
      "Adulti stranieri con livello A2 che vogliono chiedere la cittadinanza.",
      "Foreign adults at A2 level who want to apply for citizenship.",
      "Un corso di 60 ore con materiali; la tassa d'esame è esclusa.",
      "A 60-hour course with materials; the exam fee is not included.",
      t=[NUO, ADU], dm=[PROV, ONL], tod=[EV], u="package", pr=(140, 180), m="s", cap=(10, 16), pay="P",
      tags=["italiano B1", "cittadinanza italiana", "certificazione CILS", "CELI", "corso di italiano"],
      tagse=["Italian B1", "Italian citizenship", "CILS", "CELI", "Italian course"]),
    A("Italiano per il lavoro di cura", "Italian for care work",
      "Corso di italiano con il lessico del lavoro di assistenza familiare, per badanti e colf.",
      "Italian course with the vocabulary of family care work, for carers and domestic workers.",
      "Le lezioni affrontano situazioni concrete: parlare con il medico, leggere una ricetta, capire una busta paga, comunicare con la famiglia. Il corso aiuta anche a prepararsi al colloquio per l'iscrizione al registro degli assistenti familiari.",
      "Lessons cover real situations: talking to the doctor, reading a prescription, understanding a payslip, communicating with the family. The course also helps prepare for the interview to join the register of family carers.",
      "Assistenti familiari, colf e persone che cercano lavoro nella cura, con livello almeno A1.",
      "Family carers, domestic workers and people looking for work in care, with at least A1 level.",
      "Un corso di 30 ore e un attestato di frequenza.",
      "A 30-hour course and an attendance certificate.",
      t=[NUO, ADU], dm=[PROV, SPACE], tod=[AF], u="package", pr=(90, 130), m="s", cap=(10, 16),
      tags=["italiano per badanti", "assistenti familiari", "lavoro di cura", "colf", "corso di italiano"],
      tagse=["Italian for carers", "care work", "domestic workers", "Italian course"],
      lg=["es", "uk", "ro", "tl"], fb=["Fondo Sociale Europeo Plus – PN Metro Plus 2021-2027"]),
    A("Corso di alfabetizzazione in italiano", "Italian literacy course",
      "Per imparare a leggere e scrivere in italiano, anche partendo da zero.",
      "Learn to read and write in Italian, even starting from scratch.",
      "Il corso è pensato per chi non ha frequentato la scuola nel proprio Paese o usa un alfabeto diverso. Piccoli gruppi, tempi distesi e molti materiali visivi.",
      "The course is designed for people who did not go to school in their home country or use a different alphabet. Small groups, a relaxed pace and lots of visual materials.",
      "Adulti stranieri con bassa scolarità o che non sanno leggere e scrivere.",
      "Foreign adults with little schooling or who cannot read and write.",
      "Un corso gratuito di 40 ore.",
      "A free 40-hour course.",
      t=[NUO, ADU], dm=[SPACE, PROV], tod=[M, AF], u="package", m="s", cap=(8, 12), pay="free",
      tags=["alfabetizzazione", "leggere e scrivere", "italiano base", "pre-A1", "corso di italiano gratuito"],
      tagse=["literacy", "reading and writing", "basic Italian", "free Italian course"],
      lg=["ar", "fr", "en"]),
    A("Italiano online serale per lavoratori", "Evening online Italian for workers",
      "Lezioni di italiano in videochiamata dopo il lavoro, livelli da A1 a B1.",
      "Italian lessons by video call after work, levels A1 to B1.",
      "Due sere a settimana, 90 minuti a lezione, in classi piccole divise per livello. Un test iniziale gratuito aiuta a scegliere la classe giusta.",
      "Two evenings a week, 90 minutes per lesson, in small classes grouped by level. A free placement test helps you choose the right class.",
      "Adulti stranieri che lavorano e non possono frequentare di giorno.",
      "Foreign adults who work and cannot attend during the day.",
      "Un modulo di 24 ore online.",
      "A 24-hour online module.",
      t=[NUO, ADU], dm=[ONL], tod=[EV], u="package", pr=(80, 120), m="s", cap=(8, 14), pay="P",
      tags=["italiano online", "corso serale", "lavoratori stranieri", "corso di italiano"],
      tagse=["online Italian", "evening course", "Italian course"]),
    A("Corso estivo di italiano per ragazzi stranieri", "Summer Italian course for young newcomers",
      "Tre settimane di italiano e attività a luglio per ragazzi arrivati da poco in Italia.",
      "Three weeks of Italian lessons and activities in July for teenagers recently arrived in Italy.",
      "Il corso intensivo prepara i ragazzi all'inserimento a scuola a settembre, con lezioni la mattina, sport e uscite in città. I genitori sono invitati a un incontro con un mediatore culturale.",
      "The intensive course prepares young people to start school in September, with lessons in the morning, sport and trips around the city. Parents are invited to a meeting with a cultural mediator.",
      "Ragazzi dagli 11 ai 17 anni arrivati in Italia negli ultimi due anni.",
      "Young people aged 11 to 17 who arrived in Italy in the last two years.",
      "Un corso intensivo gratuito di 60 ore con attività pomeridiane.",
      "A free 60-hour intensive course with afternoon activities.",
      t=[MIN, NUO], dm=[PROV, SPACE], tod=[M], u="package", m="s", cap=(10, 15), pay="funded",
      tags=["italiano per ragazzi", "neoarrivati", "estate", "scuola", "attività"],
      tagse=["Italian for teenagers", "newly arrived", "summer"],
      lg=["ar", "zh", "es", "uk"], fb=["Comune di Milano – Piano di Zona 2025-2027"],
      tm=("Iscrizioni da aprile a giugno; il corso si svolge nelle prime tre settimane di luglio.",
          "Registration from April to June; the course runs in the first three weeks of July.")),
    A("Gruppo di conversazione in italiano", "Italian conversation group",
      "Incontri settimanali per esercitarsi a parlare italiano su temi di attualità e vita quotidiana.",
      "Weekly meetings to practise speaking Italian on current events and everyday topics.",
      "Un facilitatore guida la conversazione con giochi di ruolo, letture brevi e visite in città. Adatto a chi ha già studiato l'italiano e vuole acquisire sicurezza.",
      "A facilitator guides conversation through role play, short readings and visits around the city. Suitable for people who have already studied Italian and want to gain confidence.",
      "Adulti stranieri con livello almeno A2.",
      "Foreign adults with at least A2 level.",
      "Un ciclo di 10 incontri da 90 minuti.",
      "A series of ten 90-minute meetings.",
      t=[NUO, ADU], dm=[SPACE], tod=[AF, EV], u="package", pr=(80, 100), m="s", cap=(6, 12),
      tags=["conversazione", "parlare italiano", "pratica orale", "corso di italiano"],
      tagse=["conversation", "speaking practice", "Italian course"]),
]

ARCHETYPES[ACC] = [
    A("Accompagnamento a visite mediche", "Accompaniment to medical appointments",
      "Trasporto in auto e accompagnamento di persona a visite, esami e terapie.",
      "Car transport and in-person escort to medical visits, tests and treatments.",
      "L'accompagnatore passa a prendere la persona a casa, la accompagna fino all'ambulatorio, attende la fine della visita e la riporta a casa. Su richiesta ritira i referti e prenota il controllo successivo.",
      "The escort collects the person from home, accompanies them to the clinic, waits until the visit is over and brings them back home. On request, they collect results and book the next check-up.",
      "Anziani e persone con difficoltà motorie che non possono spostarsi da sole.",
      "Older people and people with reduced mobility who cannot travel alone.",
      "Andata e ritorno con accompagnatore, attesa inclusa fino a 2 ore.",
      "A return trip with an escort, including up to 2 hours' waiting.",
      t=[ANZ, DIS], dm=[HOME], tod=[M, AF], u="session", pr=(25, 35),
      tags=["accompagnamento", "visite mediche", "trasporto", "ospedale", "anziani"],
      tagse=["escort", "medical appointments", "transport", "hospital"]),
    A("Trasporto con mezzo attrezzato per persone in carrozzina", "Wheelchair-accessible transport",
      "Trasporto su veicolo con pedana per persone in carrozzina, con autista e accompagnatore.",
      "Transport in a vehicle with a ramp for wheelchair users, with a driver and an escort.",
      "Il servizio copre spostamenti in città e nei comuni dell'area metropolitana verso ospedali, centri di riabilitazione, scuole o eventi. Il preventivo tiene conto di distanza, tempi di attesa e frequenza.",
      "The service covers trips in the city and the metropolitan area to hospitals, rehabilitation centres, schools or events. The quote takes into account distance, waiting time and frequency.",
      "Persone in carrozzina o con gravi difficoltà di deambulazione.",
      "Wheelchair users and people with severe walking difficulties.",
      "Trasporto di andata e ritorno su mezzo attrezzato.",
      "A return trip in an accessible vehicle.",
      t=[DIS, ANZ], dm=[HOME], tod=[M, AF], u="session", pr=(35, 50), pay="P", q=True,
      tags=["trasporto disabili", "carrozzina", "pulmino attrezzato", "pedana"],
      tagse=["wheelchair transport", "accessible vehicle"]),
    A("Accompagnamento a scuola e alle attività sportive", "Accompaniment to school and sports activities",
      "Un operatore accompagna i bambini a scuola, in piscina o agli allenamenti, con i mezzi o a piedi.",
      "A worker takes children to school, the swimming pool or training, on public transport or on foot.",
      "Per le famiglie che non riescono a conciliare orari di lavoro e impegni dei figli. L'operatore prende il bambino, lo accompagna a destinazione e lo riporta a casa o lo affida a un adulto indicato dai genitori.",
      "For families who can't match work hours with their children's activities. The worker collects the child, takes them to their destination and brings them home or hands them over to an adult named by the parents.",
      "Bambini e ragazzi dai 6 ai 14 anni.",
      "Children and young people aged 6 to 14.",
      "Accompagnamenti ricorrenti con un operatore fisso.",
      "Regular escorts with the same worker.",
      t=[MIN, FAM], dm=[HOME], tod=[M, AF], u="hour", pr=(18, 22), pay="P",
      tags=["accompagnamento a scuola", "piedibus", "sport", "bambini"],
      tagse=["school run", "escort to activities", "children"]),
    A("Accompagnamento a terapie e centri di riabilitazione", "Escort to therapy and rehabilitation centres",
      "Trasporto ricorrente verso centri di dialisi, fisioterapia o riabilitazione.",
      "Regular transport to dialysis, physiotherapy or rehabilitation centres.",
      "Pensato per cicli di terapia con appuntamenti frequenti: l'ente pianifica il calendario delle corse e, quando possibile, garantisce lo stesso accompagnatore.",
      "Designed for treatment cycles with frequent appointments: the provider plans the trip calendar and keeps the same escort whenever possible.",
      "Persone che devono seguire cicli di terapia e non possono spostarsi da sole.",
      "People on a course of treatment who cannot travel alone.",
      "Un calendario di trasporti di andata e ritorno per tutto il ciclo di terapia.",
      "A schedule of return trips for the whole course of treatment.",
      t=[ANZ, DIS, ADU], dm=[HOME], tod=[M, AF], u="session", pr=(25, 35),
      tags=["riabilitazione", "dialisi", "fisioterapia", "trasporto sociale"],
      tagse=["rehabilitation", "dialysis", "social transport"],
      fb=["Regione Lombardia – Misura B2"]),
]

ARCHETYPES[COM] = [
    A("Spesa a domicilio per anziani", "Grocery shopping for older people",
      "Un operatore fa la spesa al posto tuo o insieme a te e la porta fino a casa.",
      "A helper does your shopping for you or with you and brings it to your door.",
      "Si concorda la lista per telefono o di persona; l'operatore acquista nei negozi del quartiere o nel supermercato preferito e consegna a casa con lo scontrino. È possibile anche andare a fare la spesa insieme.",
      "The list is agreed by phone or in person; the helper shops at local stores or your preferred supermarket and delivers to your home with the receipt. You can also go shopping together.",
      "Anziani, persone con disabilità o in convalescenza.",
      "Older people, people with disabilities or those recovering from illness.",
      "La spesa consegnata a casa, con il rendiconto delle spese.",
      "Your shopping delivered home, with an account of what was spent.",
      t=[ANZ, DIS], dm=[HOME], tod=[M, AF], u="hour", pr=(15, 18),
      tags=["spesa a domicilio", "consegna spesa", "anziani", "supermercato"],
      tagse=["grocery shopping", "home delivery", "older people"],
      alt=("Spesa e consegna a domicilio", "Grocery shopping and home delivery")),
    A("Ritiro di farmaci e ricette", "Prescription and medicine collection",
      "Ritiro delle ricette dal medico e dei farmaci in farmacia, con consegna a casa.",
      "Collection of prescriptions from the doctor and medicines from the pharmacy, delivered to your home.",
      "L'operatore ritira le ricette, anche elettroniche, dal medico di base, acquista i farmaci nella farmacia indicata e li consegna a domicilio. Per alcuni farmaci serve una delega firmata.",
      "The helper collects prescriptions, including electronic ones, from the GP, buys the medicines at the pharmacy you choose and delivers them to your home. A signed authorisation is needed for some medicines.",
      "Persone che non possono recarsi in farmacia.",
      "People who cannot get to a pharmacy.",
      "I farmaci consegnati a casa con la ricevuta.",
      "Medicines delivered to your home with a receipt.",
      t=[ANZ, DIS], dm=[HOME], tod=[M, AF], u="hour", pr=(15, 18),
      tags=["farmaci", "ricette", "farmacia", "consegna farmaci"],
      tagse=["medicines", "prescriptions", "pharmacy"],
      alt=("Consegna di farmaci a domicilio", "Medicine delivery at home")),
    A("Commissioni in posta e in banca", "Post office and bank errands",
      "Pagamento bollette, ritiro raccomandate e piccole operazioni in posta e in banca.",
      "Paying bills, collecting registered mail and small transactions at the post office and bank.",
      "L'operatore svolge le commissioni con delega oppure accompagna la persona allo sportello, aiutandola con code e moduli. Ogni operazione è documentata con ricevuta.",
      "The helper runs the errands with your authorisation or accompanies you to the counter, helping with queues and forms. Every transaction is documented with a receipt.",
      "Anziani e persone con difficoltà negli spostamenti.",
      "Older people and people who have difficulty getting around.",
      "Commissioni svolte, con ricevute e rendiconto.",
      "Errands completed, with receipts and a record.",
      t=[ANZ], dm=[HOME], tod=[M], u="hour", pr=(15, 18), pay="P",
      tags=["posta", "banca", "bollette", "commissioni", "raccomandate"],
      tagse=["post office", "bank", "bills", "errands"],
      alt=("Accompagnamento per commissioni in posta e in banca", "Escort for post office and bank errands")),
    A("Ritiro e consegna in lavanderia", "Laundry pick-up and delivery",
      "Ritiro di capi e biancheria a casa, consegna in lavanderia e riconsegna puliti.",
      "Clothes and linen collected from your home, taken to the laundry and returned clean.",
      "Utile per coperte, tende e capi ingombranti o per chi non riesce a trasportarli. Il costo della lavanderia si paga a parte, al prezzo del negozio.",
      "Useful for blankets, curtains and bulky items, or for anyone who can't carry them. The laundry's own charges are paid separately at the shop's prices.",
      "Anziani, persone con disabilità, famiglie con poco tempo.",
      "Older people, people with disabilities, busy families.",
      "Ritiro e riconsegna entro la settimana.",
      "Collection and return within the week.",
      t=[ANZ, FAM, DIS], dm=[HOME], tod=[M, AF], u="hour", pr=(15, 17), pay="P",
      tags=["lavanderia", "bucato", "stireria", "ritiro a domicilio"],
      tagse=["laundry", "ironing", "pick-up"]),
    A("Piccole commissioni per persone con disabilità", "Errands for people with disabilities",
      "Un aiuto flessibile per le commissioni quotidiane di chi ha una disabilità.",
      "Flexible help with everyday errands for people with disabilities.",
      "Spesa, ritiro pacchi, piccoli acquisti, accompagnamento nei negozi: l'operatore si adatta ai bisogni e ai tempi della persona e ne favorisce la partecipazione. Il servizio si può concordare a pacchetti settimanali.",
      "Shopping, parcel collection, small purchases, going to shops together: the helper adapts to the person's needs and pace and encourages their participation. The service can be arranged in weekly blocks.",
      "Adulti con disabilità che vivono a casa propria.",
      "Adults with disabilities living in their own home.",
      "Ore di supporto per le commissioni con un operatore di riferimento.",
      "Hours of help with errands from a regular helper.",
      t=[DIS, ADU], dm=[HOME], tod=[M, AF], u="hour", pr=(15, 18),
      tags=["commissioni", "disabilità", "aiuto quotidiano", "spesa"],
      tagse=["errands", "disability", "daily help"]),
    A("Portineria di quartiere", "Neighbourhood concierge",
      "Un punto di riferimento nel quartiere per ritiro pacchi, custodia chiavi e piccole commissioni.",
      "A neighbourhood hub for parcel collection, key holding and small errands.",
      "Il portiere sociale riceve pacchi e consegne, custodisce le chiavi per tecnici e collaboratori e svolge commissioni su richiesta. È anche un presidio di vicinato che raccoglie i bisogni e mette in contatto le persone.",
      "The neighbourhood concierge receives parcels and deliveries, holds keys for technicians and helpers, and runs errands on request. It is also a neighbourly presence that picks up on needs and puts people in touch.",
      "Residenti del quartiere, in particolare famiglie che lavorano e anziani.",
      "Neighbourhood residents, especially working families and older people.",
      "Commissioni a ore e servizi di portineria.",
      "Hourly errands and concierge services.",
      t=[FAM, ADU, ANZ], dm=[PROV, HOME], tod=[M, AF, EV], u="hour", pr=(16, 20), pay="P",
      tags=["portineria di quartiere", "maggiordomo di quartiere", "pacchi", "chiavi", "commissioni"],
      tagse=["neighbourhood concierge", "parcels", "keys", "errands"]),
    A("Ritiro referti e prenotazione di visite", "Collecting test results and booking appointments",
      "Volontari ritirano i referti e prenotano visite ed esami per chi non riesce a farlo da solo.",
      "Volunteers collect test results and book visits and tests for people who can't do it themselves.",
      "Con una delega, i volontari ritirano i referti negli ospedali e nei poliambulatori e li consegnano a casa; aiutano anche a prenotare tramite il numero verde regionale o il fascicolo sanitario elettronico.",
      "With an authorisation, volunteers collect results from hospitals and clinics and deliver them home; they also help book through the regional booking line or the electronic health record.",
      "Anziani e persone sole senza familiari vicini.",
      "Older people and people living alone without family nearby.",
      "Il ritiro e la consegna dei referti e la prenotazione delle visite, gratuitamente.",
      "Free collection and delivery of results and booking of appointments.",
      t=[ANZ], dm=[HOME, ONL], tod=[M, AF], u="session", pay="free",
      tags=["referti", "prenotazioni", "CUP", "visite", "analisi"],
      tagse=["test results", "appointment booking", "health"]),
    A("Aiuto digitale per la spesa online", "Digital help with online shopping",
      "Un facilitatore digitale ti insegna a ordinare spesa e farmaci online dal tuo smartphone.",
      "A digital facilitator shows you how to order groceries and medicines online from your smartphone.",
      "Negli Spazi WeMi, un incontro individuale per installare le app, creare l'account, pagare in sicurezza e prenotare la consegna. Puoi tornare per un secondo incontro di ripasso.",
      "At WeMi spaces, a one-to-one session to install the apps, create an account, pay safely and book delivery. You can come back for a follow-up session.",
      "Anziani e persone che hanno poca dimestichezza con la tecnologia.",
      "Older people and anyone not used to technology.",
      "Uno o due incontri gratuiti di accompagnamento digitale.",
      "One or two free digital support sessions.",
      t=[ANZ, ADU, NUO], dm=[SPACE], tod=[M, AF], u="session", pay="free",
      tags=["spesa online", "app", "smartphone", "digitale", "facilitatore digitale"],
      tagse=["online shopping", "apps", "smartphone", "digital skills"]),
    A("Commissioni per neo-genitori", "Errands for new parents",
      "Spesa, farmacia e piccole commissioni per le famiglie nelle prime settimane con un neonato.",
      "Shopping, pharmacy runs and small errands for families in their first weeks with a newborn.",
      "Un aiuto pratico quando uscire di casa è complicato: l'operatore fa la spesa, ritira farmaci e pacchi e sbriga piccole commissioni nel quartiere.",
      "Practical help when leaving the house is complicated: the helper does the shopping, collects medicines and parcels, and runs small errands in the neighbourhood.",
      "Famiglie con neonati fino a 6 mesi, gemelli o dopo un parto difficile.",
      "Families with babies up to 6 months, twins or after a difficult birth.",
      "Ore di commissioni su richiesta.",
      "Hours of errands on request.",
      t=[FAM, MIN], dm=[HOME], tod=[M, AF], u="hour", pr=(16, 19), pay="P",
      tags=["commissioni", "neo genitori", "spesa", "farmacia", "pannolini"],
      tagse=["errands", "new parents", "shopping"]),
    A("Commissioni di vicinato con volontari", "Neighbourhood volunteer errands",
      "Volontari del quartiere aiutano gratuitamente gli anziani soli nelle piccole commissioni.",
      "Local volunteers help older people living alone with small errands, free of charge.",
      "Una rete di vicini formati fa la spesa, ritira pane e giornale e si occupa di piccole consegne. Il coordinatore abbina ogni persona a un volontario che abita vicino.",
      "A network of trained neighbours does the shopping, picks up bread and newspapers and makes small deliveries. The coordinator matches each person with a volunteer who lives nearby.",
      "Anziani soli che vivono nei municipi serviti.",
      "Older people living alone in the municipi served.",
      "Commissioni settimanali gratuite con un volontario di riferimento.",
      "Free weekly errands with a regular volunteer.",
      t=[ANZ], dm=[HOME], tod=[M, AF], u="hour", pay="free",
      tags=["volontari", "vicinato", "commissioni gratuite", "solidarietà", "spesa"],
      tagse=["volunteers", "neighbours", "free errands"], ql="volunteer"),
]

ARCHETYPES[PRA] = [
    A("Pratiche ISEE e bonus", "ISEE and benefit applications",
      "Aiuto per compilare la DSU, ottenere l'ISEE e chiedere bonus e agevolazioni.",
      "Help filling in the DSU form, getting your ISEE means-test certificate and applying for benefits.",
      "L'operatore verifica i documenti, compila e trasmette la Dichiarazione Sostitutiva Unica e spiega a quali bonus si ha diritto (bonus sociali luce e gas, assegno unico, agevolazioni comunali). Ricevi la ricevuta di presentazione e l'ISEE appena disponibile.",
      "The adviser checks your documents, fills in and submits the DSU declaration, and explains which benefits you are entitled to (social energy bonuses, the universal child allowance, city discounts). You receive the filing receipt and your ISEE as soon as it is available.",
      "Famiglie e persone che devono presentare l'ISEE.",
      "Families and individuals who need an ISEE certificate.",
      "La DSU trasmessa all'INPS e l'attestazione ISEE.",
      "The DSU submitted to INPS and your ISEE certificate.",
      t=[FAM, ADU, ANZ, NUO], dm=[PROV, SPACE, ONL], tod=[M, AF], u="session", pr=(25, 35),
      tags=["ISEE", "DSU", "bonus", "agevolazioni", "CAF"],
      tagse=["ISEE", "means test", "benefits"],
      tm=("Appuntamento entro 7 giorni lavorativi; l'attestazione ISEE arriva di norma in 10-15 giorni.",
          "Appointment within 7 working days; the ISEE certificate usually arrives within 10-15 days.")),
    A("Domanda di invalidità civile e Legge 104", "Civil disability and Law 104 applications",
      "Assistenza per la domanda di invalidità civile, handicap (Legge 104) e indennità di accompagnamento.",
      "Help applying for civil disability status, Law 104 recognition and the attendance allowance.",
      "L'operatore verifica il certificato medico introduttivo, presenta la domanda all'INPS e segue la pratica fino alla visita e al verbale. Spiega inoltre i benefici lavorativi e fiscali collegati.",
      "The adviser checks the doctor's introductory certificate, submits the application to INPS and follows the case through to the medical assessment and decision. They also explain the related work and tax benefits.",
      "Persone con malattie invalidanti o disabilità e i loro familiari.",
      "People with disabling illnesses or disabilities and their families.",
      "La domanda presentata e seguita fino all'esito.",
      "Your application submitted and followed through to the outcome.",
      t=[DIS, ANZ, FAM], dm=[PROV], tod=[M, AF], u="session", pr=(35, 40), q=True,
      tags=["invalidità civile", "legge 104", "indennità di accompagnamento", "INPS", "patronato"],
      tagse=["disability benefits", "Law 104", "attendance allowance", "INPS"]),
    A("Rinnovo del permesso di soggiorno", "Residence permit renewal",
      "Aiuto per compilare il kit postale e preparare i documenti per rinnovare il permesso di soggiorno.",
      "Help filling in the postal kit and preparing documents to renew your residence permit.",
      "L'operatore controlla i requisiti, compila i moduli, prepara la documentazione da allegare e spiega i passaggi successivi (Poste, Questura, impronte). Il servizio è disponibile in più lingue.",
      "The adviser checks requirements, fills in the forms, prepares supporting documents and explains the next steps (post office, police headquarters, fingerprints). Available in several languages.",
      "Cittadini stranieri con permesso di soggiorno in scadenza o da convertire.",
      "Foreign nationals whose residence permit is expiring or needs converting.",
      "Il kit compilato e pronto da spedire.",
      "The completed kit, ready to send.",
      t=[NUO, ADU], dm=[PROV, SPACE], tod=[M, AF], u="session", pr=(30, 40),
      tags=["permesso di soggiorno", "rinnovo", "kit postale", "questura"],
      tagse=["residence permit", "renewal", "immigration office"],
      lg=["ar", "zh", "es", "fr", "en", "uk", "tl", "ro"]),
    A("Aiuto per SPID, CIE e servizi online della PA", "Help with SPID, CIE and online public services",
      "Un facilitatore digitale ti aiuta ad attivare SPID o la CIE e a usare i servizi online di Comune, INPS e sanità.",
      "A digital facilitator helps you activate SPID or your electronic ID card and use online services of the City, INPS and the health system.",
      "In un appuntamento individuale si attiva l'identità digitale, si installa l'app IO e si impara ad accedere al fascicolo sanitario, al portale INPS e ai servizi del Comune di Milano.",
      "In a one-to-one appointment you activate your digital identity, install the IO app and learn to access your health record, the INPS portal and City of Milan services.",
      "Chi ha bisogno di aiuto con i servizi digitali.",
      "Anyone who needs help with digital services.",
      "SPID o CIE attivati e istruzioni scritte per i servizi usati più spesso.",
      "SPID or CIE activated and written instructions for the services you use most.",
      t=[ANZ, ADU, NUO], dm=[SPACE], tod=[M, AF], u="session", pay="free",
      tags=["SPID", "CIE", "identità digitale", "fascicolo sanitario", "app IO"],
      tagse=["SPID", "digital identity", "online services", "IO app"]),
    A("Supporto alla compilazione del modello 730", "Help with the 730 tax return",
      "Verifica e invio della dichiarazione precompilata, con controllo delle detrazioni per familiari e spese.",
      "Checking and filing your pre-filled tax return, including deductions for dependants and expenses.",
      "Il consulente controlla i dati della precompilata, aggiunge spese mediche, scolastiche e per l'assistenza familiare (compresi i contributi per colf e badanti) e trasmette il modello.",
      "The adviser checks the pre-filled data, adds medical, school and care expenses (including contributions for domestic workers and carers) and files the return.",
      "Lavoratori dipendenti e pensionati.",
      "Employees and pensioners.",
      "Il 730 inviato con la ricevuta dell'Agenzia delle Entrate.",
      "The 730 filed, with the Revenue Agency's receipt.",
      t=[ADU, ANZ], dm=[PROV, ONL], tod=[M, AF, EV], u="session", pr=(30, 40), pay="P",
      tags=["730", "dichiarazione dei redditi", "precompilata", "detrazioni"],
      tagse=["tax return", "730 form", "deductions"]),
    A("Domanda di assegno unico e bonus nido", "Universal child allowance and nursery bonus applications",
      "Presentazione della domanda di assegno unico universale e del bonus asilo nido.",
      "Applying for the universal child allowance and the nursery bonus.",
      "L'operatore verifica l'ISEE, compila le domande sul portale INPS e spiega come comunicare le variazioni (nascite, separazioni, cambio IBAN). Per il bonus nido prepara anche le ricevute mensili da allegare.",
      "The adviser checks your ISEE, fills in the applications on the INPS portal and explains how to report changes (births, separations, change of bank account). For the nursery bonus, they also prepare the monthly receipts to attach.",
      "Genitori con figli a carico.",
      "Parents with dependent children.",
      "Le domande presentate con le ricevute INPS.",
      "Applications submitted, with the INPS receipts.",
      t=[FAM, MIN], dm=[PROV, ONL], tod=[M, AF], u="session", pr=(25, 30),
      tags=["assegno unico", "bonus nido", "famiglie", "figli", "INPS"],
      tagse=["child allowance", "nursery bonus", "families"]),
    A("Domanda per la casa popolare (bando ERP)", "Social housing application (ERP call)",
      "Aiuto per presentare la domanda di alloggio pubblico sulla piattaforma regionale.",
      "Help submitting a public housing application on the regional platform.",
      "Gli operatori verificano i requisiti, aiutano a raccogliere i documenti e compilano la domanda sulla piattaforma di Regione Lombardia durante le finestre del bando. Spiegano anche come funziona la graduatoria.",
      "Staff check eligibility, help gather documents and complete the application on the Lombardy Region platform during the call window. They also explain how the ranking works.",
      "Famiglie e persone con i requisiti di reddito e residenza per i servizi abitativi pubblici.",
      "Families and individuals who meet the income and residence requirements for public housing.",
      "La domanda presentata e la ricevuta con il punteggio provvisorio.",
      "The submitted application and the receipt with the provisional score.",
      t=[FAM, ADU, ANZ, NUO], dm=[PROV, SPACE], tod=[M, AF], u="session", pay="free",
      tags=["casa popolare", "ERP", "alloggio", "bando", "servizi abitativi"],
      tagse=["social housing", "housing application", "public housing"],
      tm=("Appuntamenti durante l'apertura dei bandi; la domanda si compila in un unico incontro di circa un'ora.",
          "Appointments while calls are open; the application is completed in a single meeting of about an hour.")),
    A("Orientamento per la nomina dell'amministratore di sostegno", "Guidance on appointing a support administrator",
      "Informazioni e aiuto nella preparazione del ricorso per la nomina di un amministratore di sostegno.",
      "Information and help preparing the petition to appoint a support administrator.",
      "L'operatore spiega quando serve l'amministratore di sostegno, aiuta a compilare il ricorso al Tribunale di Milano e a raccogliere la documentazione medica. Dopo la nomina supporta nella redazione dei rendiconti annuali.",
      "The adviser explains when a support administrator is needed and helps fill in the petition to the Milan Court and collect medical documents. After the appointment, they help prepare the annual reports.",
      "Familiari di persone anziane o con disabilità che non sono più in grado di gestire i propri interessi.",
      "Relatives of older or disabled people who can no longer manage their own affairs.",
      "Il ricorso pronto per il deposito in Tribunale.",
      "The petition ready to be filed with the Court.",
      t=[ANZ, DIS, FAM], dm=[PROV], tod=[M, AF], u="session", pr=(35, 40), q=True,
      tags=["amministratore di sostegno", "tutela", "tribunale", "ricorso"],
      tagse=["support administrator", "legal guardianship", "court"]),
    A("Pratiche per anziani soli: pensione, utenze e sanità", "Paperwork for older people living alone: pension, utilities and health",
      "Un operatore aiuta a casa con le pratiche su pensione, bollette, esenzioni e corrispondenza.",
      "An adviser helps at home with paperwork on pensions, bills, exemptions and correspondence.",
      "L'operatore legge la posta insieme alla persona, controlla bollette e avvisi, prepara le richieste di esenzione dal ticket e di rimborso e tiene in ordine i documenti. Le visite possono essere periodiche.",
      "The adviser goes through the post with the person, checks bills and notices, prepares applications for prescription-charge exemptions and refunds, and keeps documents in order. Visits can be regular.",
      "Anziani che vivono soli o con familiari lontani.",
      "Older people living alone or whose relatives live far away.",
      "Pratiche sbrigate e un raccoglitore ordinato dei documenti.",
      "Paperwork done and an organised folder of documents.",
      t=[ANZ], dm=[HOME, PROV], tod=[M, AF], u="session", pr=(25, 35),
      tags=["pratiche", "pensione", "utenze", "bollette", "esenzione ticket"],
      tagse=["paperwork", "pension", "utilities", "bills"]),
]

ARCHETYPES[PAS] = [
    A("Pasti caldi a domicilio", "Hot meals delivered at home",
      "Pranzo caldo consegnato a casa ogni giorno, con menù settimanale a scelta.",
      "A hot lunch delivered home every day, with a choice from the weekly menu.",
      "I pasti sono preparati in cucina il giorno stesso e consegnati tra le 11.30 e le 13.00 in contenitori termici. Il menù comprende primo, secondo, contorno, pane e frutta; la consegna è anche un momento di contatto e di verifica.",
      "Meals are cooked the same day and delivered between 11:30 and 13:00 in insulated containers. The menu includes a first course, main course, side dish, bread and fruit; each delivery is also a chance to check in.",
      "Anziani, persone con disabilità o in convalescenza.",
      "Older people, people with disabilities or those recovering from illness.",
      "Un pasto completo per ogni unità acquistata (prezzo per pasto).",
      "One complete meal for each unit purchased (price per meal).",
      t=[ANZ, DIS], dm=[HOME], tod=[M, AF], u="session", pr=(8, 10), pay="P",
      tags=["pasti a domicilio", "pranzo", "consegna pasti", "anziani", "mensa"],
      tagse=["meals on wheels", "lunch delivery", "hot meals"]),
    A("Pasti per diete speciali", "Meals for special diets",
      "Pasti a domicilio per diabetici, celiaci, persone con disfagia o diete prescritte.",
      "Home-delivered meals for people with diabetes, coeliac disease, dysphagia or prescribed diets.",
      "Una dietista prepara il menù sulla base della prescrizione medica; per la disfagia sono disponibili consistenze modificate. I pasti arrivano a casa pronti da consumare o da rigenerare.",
      "A dietitian plans the menu based on the medical prescription; modified textures are available for dysphagia. Meals arrive ready to eat or to reheat.",
      "Persone con esigenze dietetiche certificate.",
      "People with certified dietary needs.",
      "Pasti personalizzati consegnati a casa (prezzo per pasto).",
      "Personalised meals delivered home (price per meal).",
      t=[ANZ, DIS, ADU], dm=[HOME], tod=[M, AF], u="session", pr=(9, 11), pay="P", q=True,
      tags=["dieta", "diabetici", "disfagia", "senza glutine", "pasti"],
      tagse=["special diets", "diabetic", "dysphagia", "gluten-free"]),
    A("Pranzo solidale a domicilio per anziani soli", "Solidarity lunch delivery for older people living alone",
      "Pasti gratuiti a domicilio per anziani soli con reddito basso, consegnati da volontari.",
      "Free home-delivered meals for older people living alone on a low income, delivered by volunteers.",
      "Il servizio garantisce un pranzo completo cinque giorni su sette. Alla consegna il volontario si ferma qualche minuto per scambiare due parole e segnalare eventuali bisogni.",
      "The service provides a full lunch five days a week. At each delivery, the volunteer stops for a few minutes to chat and flag any needs.",
      "Persone dai 65 anni in su che vivono sole, con ISEE sotto la soglia stabilita dal Comune.",
      "People aged 65 and over living alone, with an ISEE below the City's threshold.",
      "Il pranzo gratuito a casa per il periodo stabilito.",
      "Free lunch at home for the agreed period.",
      t=[ANZ], dm=[HOME], tod=[M], u="session", pay="funded",
      tags=["pranzo solidale", "pasti gratuiti", "anziani soli", "povertà"],
      tagse=["free meals", "older people", "solidarity"],
      fb=["Comune di Milano – Fondo Povertà"]),
]

ARCHETYPES[SAN] = [
    A("Infermiere a domicilio", "Home nursing",
      "Prestazioni infermieristiche a casa: prelievi, medicazioni, iniezioni, gestione di cateteri.",
      "Nursing at home: blood tests, dressings, injections, catheter care.",
      "L'infermiere esegue la prestazione richiesta su prescrizione del medico, registra parametri e osservazioni in una scheda lasciata a domicilio e si coordina con il medico curante. I prelievi vengono consegnati a un laboratorio convenzionato.",
      "The nurse carries out the requested care on the doctor's prescription, records vital signs and notes in a chart kept at home, and liaises with the GP. Blood samples are delivered to a partner laboratory.",
      "Persone che non possono recarsi in ambulatorio.",
      "People who cannot get to a clinic.",
      "Un accesso infermieristico a domicilio per ogni prestazione.",
      "One nursing home visit per service.",
      t=[ANZ, DIS, ADU], dm=[HOME], tod=[M, AF], u="session", pr=(30, 40), pay="P",
      tags=["infermiere", "prelievi", "medicazioni", "iniezioni", "flebo"],
      tagse=["nurse", "blood tests", "wound dressing", "injections"]),
    A("Fisioterapia a domicilio", "Home physiotherapy",
      "Sedute di fisioterapia a casa dopo interventi, fratture, ictus o per il mantenimento motorio.",
      "Physiotherapy sessions at home after surgery, fractures or stroke, or to maintain mobility.",
      "Il fisioterapista valuta la persona e imposta un programma di esercizi, con indicazioni ai familiari per la mobilizzazione in sicurezza e consigli sugli ausili.",
      "The physiotherapist assesses the person and sets up an exercise programme, with guidance for family members on moving the person safely and advice on mobility aids.",
      "Persone con ridotta mobilità o in riabilitazione.",
      "People with reduced mobility or in rehabilitation.",
      "Sedute individuali di 45-60 minuti.",
      "45-60 minute individual sessions.",
      t=[ANZ, DIS, ADU], dm=[HOME], tod=[M, AF], u="session", pr=(45, 55), pay="P",
      tags=["fisioterapia", "fisioterapista", "riabilitazione", "post operatorio"],
      tagse=["physiotherapy", "physiotherapist", "rehabilitation"], ql="physio"),
    A("Gestione della terapia farmacologica", "Medication management",
      "Un infermiere prepara i farmaci della settimana e controlla che la terapia sia seguita correttamente.",
      "A nurse prepares the week's medication and checks that the treatment is being followed correctly.",
      "Durante la visita l'infermiere riempie il portapillole settimanale, controlla scadenze e scorte, misura pressione e glicemia e segnala al medico eventuali problemi.",
      "During the visit, the nurse fills the weekly pill organiser, checks expiry dates and stock, measures blood pressure and blood sugar, and reports any problems to the doctor.",
      "Anziani che assumono molti farmaci e vivono soli.",
      "Older people taking several medicines and living alone.",
      "Una visita settimanale con la preparazione della terapia.",
      "A weekly visit with medication prepared.",
      t=[ANZ], dm=[HOME], tod=[M, EV], u="session", pr=(25, 30),
      tags=["terapia", "farmaci", "portapillole", "infermiere", "pressione"],
      tagse=["medication", "pill organiser", "nurse"]),
    A("Riabilitazione motoria dopo un ictus", "Motor rehabilitation after a stroke",
      "Percorsi di riabilitazione neuromotoria a casa con fisioterapista ed eventuale logopedista.",
      "Neuromotor rehabilitation at home with a physiotherapist and, if needed, a speech therapist.",
      "Dopo la dimissione, il percorso lavora su equilibrio, cammino, uso dell'arto colpito e, se necessario, su linguaggio e deglutizione. Il preventivo si basa sul numero di sedute indicato nella valutazione.",
      "After discharge, the programme works on balance, walking, use of the affected limb and, if needed, speech and swallowing. The quote is based on the number of sessions recommended in the assessment.",
      "Persone colpite da ictus o da altre patologie neurologiche.",
      "People who have had a stroke or other neurological conditions.",
      "Un ciclo di sedute a domicilio con valutazione iniziale e finale.",
      "A course of home sessions with initial and final assessments.",
      t=[ANZ, ADU, DIS], dm=[HOME, PROV], tod=[M, AF], u="session", pr=(50, 60), pay="P", q=True,
      tags=["ictus", "riabilitazione neurologica", "fisioterapia", "logopedia"],
      tagse=["stroke", "neurological rehabilitation", "physiotherapy"], ql="physio"),
]

ARCHETYPES[EST] = [
    A("Podologo a domicilio", "Home podiatry",
      "Trattamenti podologici a casa per anziani, persone diabetiche e allettate.",
      "Podiatry treatments at home for older people, people with diabetes and those confined to bed.",
      "Il podologo tratta unghie, calli e duroni, valuta il piede diabetico e dà indicazioni su calzature e prevenzione delle lesioni. Usa strumenti sterilizzati e monouso.",
      "The podiatrist treats nails, calluses and corns, assesses diabetic feet and gives advice on footwear and preventing wounds. They use sterilised and disposable instruments.",
      "Anziani e persone che non possono raggiungere uno studio.",
      "Older people and anyone who cannot get to a practice.",
      "Un trattamento podologico completo di circa 45 minuti.",
      "A complete podiatry treatment of about 45 minutes.",
      t=[ANZ, DIS], dm=[HOME], tod=[M, AF], u="session", pr=(40, 50), pay="P",
      tags=["podologo", "piedi", "unghie", "piede diabetico"],
      tagse=["podiatrist", "foot care", "diabetic foot"]),
    A("Parrucchiere a domicilio per anziani", "Home hairdresser for older people",
      "Taglio, piega e colore a casa, anche per persone allettate o in carrozzina.",
      "Haircut, styling and colour at home, including for people confined to bed or in a wheelchair.",
      "Un parrucchiere formato all'assistenza di persone fragili lavora con attrezzatura portatile e lavatesta gonfiabile. Un piccolo gesto di cura che aiuta il benessere e l'autostima.",
      "A hairdresser trained to work with vulnerable people uses portable equipment and an inflatable basin. A small act of care that supports wellbeing and self-esteem.",
      "Anziani e persone con disabilità.",
      "Older people and people with disabilities.",
      "Un servizio di taglio e piega a domicilio; il colore ha un supplemento.",
      "A haircut and styling at home; colour costs extra.",
      t=[ANZ, DIS], dm=[HOME], tod=[M, AF], u="session", pr=(22, 30), pay="P",
      tags=["parrucchiere", "taglio capelli", "piega", "anziani"],
      tagse=["hairdresser", "haircut", "older people"]),
    A("Trattamenti estetici per persone in terapia oncologica", "Beauty treatments for people undergoing cancer treatment",
      "Cura della pelle, delle mani e consigli di trucco per chi affronta chemioterapia e radioterapia.",
      "Skin and hand care and make-up advice for people undergoing chemotherapy and radiotherapy.",
      "Un'estetista con formazione in estetica oncologica propone trattamenti delicati con prodotti adatti, consigli per gestire secchezza e sensibilità della pelle e per coprire la caduta di sopracciglia e ciglia.",
      "A beautician trained in oncology aesthetics offers gentle treatments with suitable products, advice on dry and sensitive skin, and tips for covering eyebrow and eyelash loss.",
      "Persone in terapia oncologica o nei mesi successivi.",
      "People undergoing cancer treatment or in the months after.",
      "Una seduta individuale di circa un'ora.",
      "A one-to-one session of about an hour.",
      t=[ADU], dm=[PROV, HOME], tod=[M, AF], u="session", pr=(35, 45),
      tags=["estetica oncologica", "pelle", "chemioterapia", "trucco"],
      tagse=["oncology aesthetics", "skin care", "chemotherapy"]),
    A("Manicure e pedicure curativa a domicilio", "Therapeutic manicure and pedicure at home",
      "Cura delle unghie di mani e piedi a domicilio, con attenzione alle pelli fragili.",
      "Hand and foot nail care at home, with care for fragile skin.",
      "L'estetista esegue manicure e pedicure curativa con strumenti sterilizzati, idratazione e un leggero massaggio. Per i problemi podologici indirizza al podologo.",
      "The beautician performs a therapeutic manicure and pedicure with sterilised tools, moisturising and a light massage. For foot problems, she refers you to a podiatrist.",
      "Anziani e persone con mobilità ridotta.",
      "Older people and people with reduced mobility.",
      "Un trattamento di circa 60 minuti.",
      "A treatment of about 60 minutes.",
      t=[ANZ, DIS], dm=[HOME], tod=[M, AF], u="session", pr=(25, 35), pay="P",
      tags=["manicure", "pedicure", "unghie", "estetista"],
      tagse=["manicure", "pedicure", "nails"]),
]

ARCHETYPES[MAN] = [
    A("Piccole riparazioni domestiche", "Small household repairs",
      "Un tuttofare per rubinetti che gocciolano, lampadine, tapparelle, mensole e piccoli guasti.",
      "A handyman for dripping taps, light bulbs, roller shutters, shelves and small faults.",
      "Il tecnico interviene per piccoli lavori che non richiedono certificazioni: sostituzioni, fissaggi, regolazioni. Per lavori più complessi fornisce un preventivo dettagliato.",
      "The technician handles small jobs that need no certification: replacements, fixing, adjustments. For more complex work, they provide a detailed quote.",
      "Anziani, persone sole e famiglie.",
      "Older people, people living alone and families.",
      "L'intervento a ore; i materiali sono a parte.",
      "Work charged by the hour; materials are extra.",
      t=[ANZ, FAM, ADU], dm=[HOME], tod=[M, AF], u="hour", pr=(25, 32), pay="P", q=True,
      tags=["tuttofare", "riparazioni", "manutenzione", "idraulico", "elettricista"],
      tagse=["handyman", "repairs", "maintenance"]),
    A("Adattamento della casa per anziani", "Home adaptation for older people",
      "Installazione di maniglioni, corrimano, luci notturne e piccoli ausili per una casa più sicura.",
      "Installation of grab bars, handrails, night lights and small aids for a safer home.",
      "Un terapista occupazionale e un tecnico fanno un sopralluogo, individuano i rischi di caduta e propongono gli interventi. Il pacchetto comprende sopralluogo e installazione; gli ausili si pagano a parte.",
      "An occupational therapist and a technician visit the home, identify fall risks and suggest changes. The package includes the visit and installation; aids are paid for separately.",
      "Anziani e persone con mobilità ridotta e le loro famiglie.",
      "Older people, people with reduced mobility and their families.",
      "Sopralluogo, relazione e installazione degli ausili concordati.",
      "A home visit, report and installation of the agreed aids.",
      t=[ANZ, DIS, FAM], dm=[HOME], tod=[M, AF], u="package", pr=(150, 280), pay="P", q=True,
      tags=["maniglioni", "ausili", "sicurezza in casa", "prevenzione cadute", "barriere architettoniche"],
      tagse=["grab bars", "home safety", "fall prevention"]),
    A("Imbiancatura di piccoli ambienti", "Painting small rooms",
      "Tinteggiatura di camere, bagni e cucine, con protezione dei mobili e pulizia finale.",
      "Painting bedrooms, bathrooms and kitchens, with furniture protection and final clean-up.",
      "Dopo un sopralluogo gratuito l'ente presenta un preventivo con tempi, materiali e colori. I lavori sono svolti da una squadra di inserimento lavorativo guidata da un capocantiere esperto.",
      "After a free visit, the provider gives a quote with timing, materials and colours. The work is done by a job-placement team led by an experienced site manager.",
      "Famiglie e anziani che cercano un intervento affidabile a prezzo sociale.",
      "Families and older people looking for reliable work at a fair price.",
      "La tinteggiatura dell'ambiente concordato.",
      "The agreed room painted.",
      t=[FAM, ANZ], dm=[HOME], tod=[M, AF], u="package", pr=(180, 350), pay="P", q=True,
      tags=["imbianchino", "tinteggiatura", "pittura pareti"],
      tagse=["painter", "decorating", "painting walls"]),
    A("Sgombero cantine e piccoli traslochi", "Cellar clearance and small removals",
      "Svuotamento di cantine e solai e piccoli traslochi, con riuso di ciò che è ancora utilizzabile.",
      "Clearing cellars and attics and small removals, with reuse of anything still usable.",
      "La squadra smonta, imballa e trasporta; gli oggetti in buono stato vengono donati a progetti solidali e il resto è smaltito correttamente. È utile anche in caso di trasferimento in RSA.",
      "The team dismantles, packs and transports; items in good condition are donated to charity projects and the rest is disposed of properly. Also useful when moving into a care home.",
      "Anziani, famiglie ed eredi.",
      "Older people, families and heirs.",
      "Lo sgombero completo con ricevuta di smaltimento.",
      "A complete clearance with a disposal receipt.",
      t=[ANZ, FAM], dm=[HOME], tod=[M, AF], u="package", pr=(150, 400), pay="P", q=True,
      tags=["sgombero", "trasloco", "cantina", "solaio", "riuso"],
      tagse=["clearance", "removals", "cellar"]),
]

ARCHETYPES[ANI] = [
    A("Pet sitting a domicilio", "Pet sitting at home",
      "Un pet sitter si prende cura di cani, gatti e piccoli animali a casa tua.",
      "A pet sitter looks after dogs, cats and small animals in your home.",
      "Il pet sitter dà da mangiare, pulisce la lettiera, somministra le terapie prescritte e fa compagnia all'animale, inviando aggiornamenti con foto. Ideale durante ferie, ricoveri o giornate di lavoro lunghe.",
      "The pet sitter feeds your pet, cleans the litter tray, gives prescribed medication and keeps the animal company, sending updates with photos. Ideal during holidays, hospital stays or long working days.",
      "Proprietari di animali domestici.",
      "Pet owners.",
      "Visite a domicilio della durata concordata.",
      "Home visits of an agreed length.",
      t=[ANZ, FAM, ADU], dm=[HOME], tod=[M, AF, EV], u="hour", pr=(12, 16), pay="P",
      tags=["pet sitter", "gatti", "cani", "animali domestici", "cura animali"],
      tagse=["pet sitter", "cats", "dogs", "pets"]),
    A("Dog sitter: passeggiate con il cane", "Dog walking",
      "Passeggiate quotidiane con il cane per chi non riesce a uscire o ha orari lunghi.",
      "Daily walks for your dog if you can't go out or work long hours.",
      "Il dog sitter porta a spasso il cane in sicurezza, da solo o in piccoli gruppi compatibili, nelle aree cani del quartiere. Al rientro pulisce le zampe e controlla acqua e cibo.",
      "The dog walker takes your dog out safely, alone or in small compatible groups, using local dog areas. Back home, they clean paws and check water and food.",
      "Anziani, persone con ridotta mobilità e lavoratori.",
      "Older people, people with reduced mobility and workers.",
      "Passeggiate di 45-60 minuti.",
      "45-60 minute walks.",
      t=[ANZ, ADU, DIS], dm=[HOME], tod=[M, AF, EV], u="hour", pr=(12, 15), pay="P",
      tags=["dog sitter", "passeggiate con il cane", "dog walker", "cani"],
      tagse=["dog walker", "dog walking", "dogs"]),
    A("Accompagnamento dal veterinario", "Trips to the vet",
      "Trasporto dell'animale dal veterinario e ritorno, con un operatore che riferisce le indicazioni.",
      "Your pet taken to the vet and back, with a helper who passes on the vet's instructions.",
      "L'operatore prende l'animale con il trasportino, lo accompagna alla visita o alla vaccinazione e lo riporta a casa, riferendo per iscritto le indicazioni del veterinario.",
      "The helper collects the animal in its carrier, takes it to the appointment or vaccination and brings it home, passing on the vet's instructions in writing.",
      "Proprietari di animali che non possono spostarsi.",
      "Pet owners who cannot travel.",
      "Andata e ritorno dal veterinario; il costo della visita è a parte.",
      "A trip to the vet and back; the vet's fee is extra.",
      t=[ANZ, DIS], dm=[HOME], tod=[M, AF], u="session", pr=(18, 25), pay="P",
      tags=["veterinario", "trasporto animali", "vaccinazioni"],
      tagse=["vet", "pet transport", "vaccinations"]),
    A("Cura degli animali durante il ricovero del proprietario", "Pet care while the owner is in hospital",
      "Volontari si prendono cura gratuitamente dell'animale di un anziano solo durante un ricovero.",
      "Volunteers look after a pet for free while an older person living alone is in hospital.",
      "Quando una persona sola viene ricoverata, i volontari accudiscono l'animale a casa o lo ospitano temporaneamente, così nessuno deve rinunciare alle cure per paura di lasciarlo solo.",
      "When someone living alone goes into hospital, volunteers care for their pet at home or foster it temporarily, so that no one has to put off treatment for fear of leaving it alone.",
      "Anziani e persone sole con animali domestici.",
      "Older people and people living alone with pets.",
      "Accudimento gratuito per tutta la durata del ricovero.",
      "Free pet care for the whole hospital stay.",
      t=[ANZ], dm=[HOME], tod=[M, AF, EV], u="session", pay="free",
      tags=["animali", "ricovero", "volontari", "gatti", "cani"],
      tagse=["pets", "hospital stay", "volunteers"], ql="volunteer_pets"),
]

ARCHETYPES[GES] = [
    A("Assunzione di colf, badanti e babysitter: pratica completa", "Hiring a domestic worker, carer or babysitter: complete paperwork",
      "Tutta la pratica di assunzione di un lavoratore domestico, dal contratto alla comunicazione all'INPS.",
      "All the paperwork for hiring a domestic worker, from the contract to the INPS notification.",
      "Il consulente definisce con la famiglia livello, orario e retribuzione secondo il CCNL, redige la lettera di assunzione e invia nei termini la comunicazione obbligatoria all'INPS. Per i lavoratori extra-UE verifica il permesso di soggiorno.",
      "The adviser agrees level, hours and pay with the family according to the national collective agreement, drafts the employment letter and sends the mandatory notification to INPS on time. For non-EU workers, they check the residence permit.",
      "Famiglie che assumono una colf, una badante o una babysitter.",
      "Families hiring a domestic worker, carer or babysitter.",
      "Contratto firmato e comunicazione di assunzione inviata all'INPS.",
      "A signed contract and the hiring notification sent to INPS.",
      t=[FAM, ANZ], dm=[PROV, ONL], tod=[M, AF], u="package", pr=(60, 90), pay="P",
      tags=["assunzione colf", "assunzione badante", "contratto di lavoro domestico", "INPS", "babysitter"],
      tagse=["hiring a domestic worker", "employment contract", "INPS"]),
    A("Buste paga e contributi per il lavoro domestico", "Payslips and contributions for domestic work",
      "Elaborazione mensile delle buste paga e calcolo trimestrale dei contributi INPS.",
      "Monthly payroll and quarterly calculation of INPS contributions.",
      "Ogni mese la famiglia riceve la busta paga pronta da consegnare e ogni trimestre il conteggio dei contributi con l'avviso pagoPA. A fine anno: certificazione per il lavoratore e conteggio di tredicesima, ferie e TFR.",
      "Each month the family receives the payslip ready to hand over, and each quarter the contribution calculation with the pagoPA payment notice. At year end: the worker's certificate and calculation of the 13th-month pay, holidays and severance (TFR).",
      "Famiglie datrici di lavoro domestico.",
      "Families employing domestic workers.",
      "Buste paga, contributi e adempimenti annuali gestiti per te.",
      "Payslips, contributions and annual obligations handled for you.",
      t=[FAM], dm=[ONL, PROV], tod=[M, AF], u="month", pr=(18, 25), pay="P",
      tags=["busta paga colf", "contributi INPS", "pagoPA", "badante", "TFR"],
      tagse=["payslip", "contributions", "payroll"]),
    A("Consulenza sul contratto di lavoro domestico", "Advice on the domestic employment contract",
      "Un incontro per capire costi, livelli, orari e diritti previsti dal contratto nazionale del lavoro domestico.",
      "A meeting to understand costs, levels, hours and rights under the national domestic work contract.",
      "Il consulente risponde a domande su inquadramento, vitto e alloggio, ferie, malattia, straordinari e licenziamento e stima il costo annuo del rapporto. È utile prima di assumere o quando cambia l'orario.",
      "The adviser answers questions on job classification, board and lodging, holidays, sick leave, overtime and dismissal, and estimates the annual cost of employment. Useful before hiring or when hours change.",
      "Famiglie e lavoratori domestici.",
      "Families and domestic workers.",
      "Un colloquio di un'ora e una stima scritta del costo.",
      "A one-hour meeting and a written cost estimate.",
      t=[FAM, ADU], dm=[PROV, ONL, SPACE], tod=[M, AF], u="session", pr=(30, 40),
      tags=["CCNL colf e badanti", "contratto", "livelli", "costo badante"],
      tagse=["national contract", "domestic work costs", "carer costs"]),
    A("Cessazione del rapporto di lavoro domestico e TFR", "Ending a domestic employment relationship and severance pay",
      "Gestione della fine del rapporto: preavviso, calcolo del TFR e comunicazione all'INPS.",
      "Handling the end of employment: notice, severance calculation and INPS notification.",
      "Il consulente calcola preavviso, ferie residue, tredicesima e TFR, prepara la lettera e la busta paga finale e invia la comunicazione di cessazione entro 5 giorni. Segue anche i casi di decesso della persona assistita.",
      "The adviser calculates notice, unused holidays, 13th-month pay and severance, prepares the letter and final payslip, and sends the termination notice within 5 days. They also handle cases where the person being cared for has died.",
      "Famiglie che chiudono un rapporto di lavoro domestico.",
      "Families ending a domestic employment relationship.",
      "Conteggi finali, lettera e comunicazione all'INPS.",
      "Final calculations, letter and INPS notification.",
      t=[FAM], dm=[PROV, ONL], tod=[M, AF], u="package", pr=(50, 70), pay="P",
      tags=["licenziamento colf", "dimissioni badante", "TFR", "cessazione"],
      tagse=["termination", "severance pay", "TFR"]),
]

# ---------------------------------------------------------------------------
# Category-level texts: staff qualifications, documents, timing, funders.
# ---------------------------------------------------------------------------
QUAL = {
    "educator": ("Educatori professionali con laurea in Scienze dell'educazione (L-19), coordinati da un pedagogista.",
                 "Professional educators with a degree in Education Sciences (L-19), coordinated by an educational consultant."),
    "babysitter": ("Babysitter selezionate dall'ente con colloquio e referenze, formate in primo soccorso pediatrico e disostruzione delle vie aeree.",
                   "Babysitters selected by the provider through interviews and references, trained in paediatric first aid and choking response."),
    "babysitter_special": ("Babysitter con almeno 40 ore di formazione su disabilità e autismo, primo soccorso pediatrico e supervisione di un educatore professionale.",
                           "Babysitters with at least 40 hours' training on disability and autism, paediatric first aid and supervision by a professional educator."),
    "tutor_sci": ("Tutor laureati o laureandi in discipline scientifiche, con esperienza di insegnamento.",
                  "Tutors with (or completing) a science degree and teaching experience."),
    "pedagogist": ("Pedagogisti con laurea magistrale in Scienze pedagogiche (LM-85) ed esperienza nei servizi per la famiglia.",
                   "Educational consultants with a master's degree in Pedagogy (LM-85) and experience in family services."),
    "guidance": ("Psicologi e orientatori con formazione specifica nell'orientamento scolastico.",
                 "Psychologists and guidance counsellors specifically trained in school guidance."),
    "aba": ("Educatori professionali e tecnici del comportamento (RBT) supervisionati da un analista del comportamento certificato.",
            "Professional educators and behaviour technicians (RBT) supervised by a certified behaviour analyst."),
    "psych": ("Psicologi iscritti all'Albo dell'Ordine degli Psicologi della Lombardia, con supervisione clinica periodica.",
              "Psychologists registered with the Lombardy Order of Psychologists, with regular clinical supervision."),
    "psychotherapist": ("Psicoterapeuti iscritti all'Albo dell'Ordine degli Psicologi della Lombardia con specializzazione quadriennale in psicoterapia.",
                        "Psychotherapists registered with the Lombardy Order of Psychologists, with four-year specialist training in psychotherapy."),
    "dsa_team": ("Équipe autorizzata da ATS Milano Città Metropolitana per la prima certificazione DSA: psicologi, logopedisti e neuropsichiatra infantile.",
                 "A team authorised by ATS Milano Città Metropolitana to issue SpLD certificates: psychologists, speech therapists and a child neuropsychiatrist."),
    "mediator": ("Mediatori familiari certificati secondo la norma UNI 11644, con formazione psicologica o giuridica.",
                 "Family mediators certified under the UNI 11644 standard, with a background in psychology or law."),
    "oss": ("Operatori socio-sanitari (OSS) e ausiliari socio-assistenziali (ASA) qualificati, coordinati da un assistente sociale.",
            "Qualified social-health care assistants (OSS) and care assistants (ASA), coordinated by a social worker."),
    "motor": ("Laureati in Scienze motorie con formazione sull'attività fisica adattata.",
              "Sports science graduates trained in adapted physical activity."),
    "l2": ("Docenti di italiano come lingua seconda con certificazione DITALS o CEDILS e mediatori linguistici.",
           "Teachers of Italian as a second language with DITALS or CEDILS certification, supported by language mediators."),
    "driver": ("Autisti e accompagnatori formati al trasporto di persone fragili, con corso di primo soccorso BLSD.",
               "Drivers and escorts trained to transport vulnerable people, with BLSD first-aid training."),
    "errand": ("Operatori formati e assicurati, con un referente del servizio sempre raggiungibile.",
               "Trained, insured staff, with a service coordinator always reachable."),
    "volunteer": ("Volontari formati dall'associazione e assicurati, coordinati da un operatore sociale.",
                  "Volunteers trained and insured by the association, coordinated by a social worker."),
    "volunteer_pets": ("Volontari esperti nella cura degli animali, in contatto con un medico veterinario di riferimento.",
                       "Volunteers experienced in animal care, in touch with a reference veterinarian."),
    "advisor": ("Operatori di patronato e consulenti con esperienza nelle pratiche con INPS, Comune e Agenzia delle Entrate.",
                "Welfare advisers experienced in dealing with INPS, the City and the Revenue Agency."),
    "kitchen": ("Cucina centralizzata con personale formato HACCP e una dietista per i menù speciali.",
                "A central kitchen with HACCP-trained staff and a dietitian for special menus."),
    "nurse": ("Infermieri iscritti all'Ordine delle Professioni Infermieristiche (OPI) di Milano.",
              "Nurses registered with the Milan Order of Nursing Professions (OPI)."),
    "physio": ("Fisioterapisti laureati e iscritti all'albo professionale, con esperienza in riabilitazione domiciliare.",
               "Registered physiotherapists with experience in home rehabilitation."),
    "aesthetic": ("Podologi laureati iscritti all'albo, parrucchieri ed estetisti qualificati con formazione per l'assistenza a persone fragili.",
                  "Registered podiatrists and qualified hairdressers and beauticians trained to work with vulnerable people."),
    "handyman": ("Tecnici manutentori esperti e squadre di inserimento lavorativo, coperti da assicurazione di responsabilità civile.",
                 "Experienced maintenance technicians and job-placement teams, covered by liability insurance."),
    "petsitter": ("Pet sitter con formazione sul comportamento animale e sul primo soccorso veterinario.",
                  "Pet sitters trained in animal behaviour and veterinary first aid."),
    "labour": ("Consulenti del lavoro ed esperti del CCNL sulla disciplina del lavoro domestico.",
               "Labour consultants and experts in the national collective agreement for domestic work."),
}

CATEGORY_QUAL = {EDU: "educator", PSY: "psych", SOC: "oss", LIN: "l2", ACC: "driver", COM: "errand",
                 PRA: "advisor", PAS: "kitchen", SAN: "nurse", EST: "aesthetic", MAN: "handyman",
                 ANI: "petsitter", GES: "labour"}

NEEDED = {
    EDU: ("Dati anagrafici del minore e di un genitore; eventuali certificazioni (DSA, Legge 104) se utili al percorso.",
          "Personal details of the child and of a parent; any relevant certificates (SpLD, Law 104)."),
    PSY: ("Un documento d'identità. Per i minori serve il consenso informato firmato da entrambi i genitori.",
          "An identity document. For minors, informed consent signed by both parents is required."),
    SOC: ("Documento d'identità della persona assistita e, se disponibile, documentazione sanitaria utile (piano terapeutico, verbale di invalidità).",
          "An identity document of the person receiving care and, if available, relevant medical documents (treatment plan, disability assessment)."),
    LIN: ("Documento d'identità o permesso di soggiorno, anche in rinnovo. Non serve sapere già l'italiano: si fa un breve test di livello.",
          "An identity document or residence permit, even if being renewed. You don't need to know any Italian: there is a short placement test."),
    ACC: ("Documento d'identità; indirizzo di partenza e di arrivo, data e orario dell'appuntamento; eventuali ausili (carrozzina, deambulatore).",
          "An identity document; pick-up and destination addresses, date and time of the appointment; any mobility aids (wheelchair, walker)."),
    COM: ("L'elenco delle commissioni, le eventuali deleghe firmate (per esempio per ritirare farmaci o raccomandate) e la copia di un documento d'identità.",
          "The list of errands, any signed authorisations (for example to collect medicines or registered mail) and a copy of an identity document."),
    PRA: ("Documento d'identità, codice fiscale e i documenti richiesti dalla pratica: l'ente ti invia l'elenco completo dopo la prenotazione.",
          "Identity document, tax code and the documents the procedure requires: the provider sends you the full list after booking."),
    PAS: ("Indirizzo di consegna ed eventuali prescrizioni dietetiche o allergie certificate.",
          "Delivery address and any dietary prescriptions or certified allergies."),
    SAN: ("Prescrizione del medico curante quando necessaria (per esempio per medicazioni, prelievi o terapie iniettive) e documentazione clinica recente.",
          "A doctor's prescription where required (for example for dressings, blood tests or injections) and recent medical records."),
    EST: ("Nessun documento particolare; è utile segnalare diabete, terapie anticoagulanti o allergie.",
          "No special documents; please mention diabetes, anticoagulant therapy or allergies."),
    MAN: ("Descrizione dell'intervento e, se possibile, alcune fotografie; i materiali possono essere forniti dall'ente con costo a parte.",
          "A description of the job and, if possible, a few photos; materials can be supplied by the provider at extra cost."),
    ANI: ("Libretto sanitario dell'animale con le vaccinazioni aggiornate e il recapito del veterinario di fiducia.",
          "The pet's health booklet with up-to-date vaccinations and your vet's contact details."),
    GES: ("Documenti di datore di lavoro e lavoratore (identità, codice fiscale, permesso di soggiorno per i cittadini extra-UE) e gli accordi su orario e retribuzione.",
          "Documents of employer and worker (identity, tax code, residence permit for non-EU citizens) and the agreed hours and pay."),
}

FUNDED_NEEDED = {
    "Regione Lombardia – Misura B2": (
        "Per l'accesso finanziato: verbale di invalidità o certificazione di disabilità grave e attestazione ISEE in corso di validità.",
        "For funded access: a disability assessment or certificate of severe disability and a valid ISEE certificate."),
    "Ministero dell'Interno – FAMI 2021-2027": (
        "Il progetto è riservato a cittadini di Paesi terzi: serve il permesso di soggiorno o la ricevuta della domanda di rinnovo.",
        "The project is reserved for non-EU nationals: you need a residence permit or the receipt of your renewal application."),
    "Comune di Milano – Servizi Sociali Territoriali": (
        "Invio da parte del Servizio Sociale del Municipio di residenza.",
        "A referral from the social services of your Municipio."),
}
FUNDED_NEEDED_DEFAULT = ("Per l'accesso gratuito: attestazione ISEE in corso di validità.",
                         "For free access: a valid ISEE certificate.")

CATEGORY_FUNDERS = {
    EDU: ["Comune di Milano – Piano di Zona 2025-2027", "Fondo Sociale Europeo Plus – PN Metro Plus 2021-2027"],
    PSY: ["Comune di Milano – Piano di Zona 2025-2027", "Comune di Milano – Fondo Povertà"],
    SOC: ["Comune di Milano – Fondo Nazionale per le Non Autosufficienze", "Regione Lombardia – Misura B2"],
    LIN: ["Ministero dell'Interno – FAMI 2021-2027"],
    ACC: ["Regione Lombardia – Misura B2"],
    COM: ["Comune di Milano – Fondo Povertà", "Comune di Milano – Piano di Zona 2025-2027"],
    PRA: ["Comune di Milano – Fondo Povertà", "Fondo Sociale Europeo Plus – PN Metro Plus 2021-2027"],
    PAS: ["Comune di Milano – Fondo Povertà"],
    SAN: ["Regione Lombardia – Misura B2"],
    EST: ["Regione Lombardia – Misura B2"],
    MAN: ["Regione Lombardia – Misura B2"],
    ANI: ["Comune di Milano – Piano di Zona 2025-2027"],
    GES: ["Comune di Milano – Fondo Povertà"],
}

TIMING = {
    EDU: ("Primo incontro conoscitivo entro {n} giorni lavorativi dalla richiesta; avvio del servizio entro {m} giorni lavorativi.",
          "First introductory meeting within {n} working days of the request; the service starts within {m} working days."),
    PSY: ("Primo colloquio entro {n} giorni lavorativi dalla richiesta.",
          "First session within {n} working days of the request."),
    SOC: ("Visita di valutazione a domicilio entro {n} giorni lavorativi; attivazione entro {m} giorni lavorativi dalla richiesta.",
          "Home assessment visit within {n} working days; the service starts within {m} working days of the request."),
    LIN: ("I corsi partono a ottobre, gennaio e aprile; test di livello entro {n} giorni lavorativi dalla richiesta.",
          "Courses start in October, January and April; placement test within {n} working days of the request."),
    ACC: ("Prenotazione con almeno {n} giorni lavorativi di anticipo; le richieste urgenti sono accolte secondo disponibilità.",
          "Book at least {n} working days in advance; urgent requests are accepted subject to availability."),
    COM: ("Attivazione entro {n} giorni lavorativi dalla richiesta.",
          "The service starts within {n} working days of the request."),
    PRA: ("Appuntamento entro {n} giorni lavorativi dalla richiesta.",
          "Appointment within {n} working days of the request."),
    PAS: ("Consegna dal giorno lavorativo successivo se l'ordine arriva entro le 12.00; ordini settimanali entro il venerdì.",
          "Delivery from the next working day for orders received by 12:00; weekly orders by Friday."),
    SAN: ("Primo accesso entro {n} giorni lavorativi dalla richiesta.",
          "First visit within {n} working days of the request."),
    EST: ("Appuntamento entro {n} giorni lavorativi dalla richiesta.",
          "Appointment within {n} working days of the request."),
    MAN: ("Sopralluogo entro {n} giorni lavorativi e preventivo entro 48 ore dal sopralluogo.",
          "Site visit within {n} working days and a quote within 48 hours of the visit."),
    ANI: ("Attivazione entro {n} giorni lavorativi; per i periodi di ferie conviene prenotare con un mese di anticipo.",
          "The service starts within {n} working days; for holiday periods, book a month in advance."),
    GES: ("Pratica completata entro {n} giorni lavorativi dalla ricezione dei documenti.",
          "Paperwork completed within {n} working days of receiving the documents."),
}

# ---------------------------------------------------------------------------
# Providers: (kind, name, categories it applies for, home municipio).
# All names are invented for the demo.
# ---------------------------------------------------------------------------
PROVIDERS = [
    ("coop", "Sole Nascente", [EDU, PSY], 3),
    ("coop", "Trama di Quartiere", [EDU, SOC], 2),
    ("coop", "Cortile dei Gelsi", [EDU], 5),
    ("coop", "Lanterna Gialla", [EDU, PSY], 7),
    ("coop", "Passo Lieve", [SOC, SAN, ACC], 8),
    ("coop", "Navigli Solidali", [SOC, COM], 6),
    ("coop", "Filo di Lana Blu", [SOC, EST], 1),
    ("coop", "Mani Intrecciate", [EDU, SOC], 4),
    ("coop", "Bussola di Niguarda", [PSY, EDU], 9),
    ("coop", "Ponte sul Lambro", [SOC, ACC], 4),
    ("coop", "Baobab Ambrosiano", [SOC, EDU], 2),
    ("coop", "Cascina dei Tigli", [SOC, PAS], 7),
    ("coop", "Orizzonti Comuni", [PSY, EDU], 1),
    ("coop", "Nido di Rondini", [EDU, PSY], 3),
    ("coop", "Quinta Stagione", [PSY], 5),
    ("coop", "Casa Aperta Corvetto", [SOC, COM, PRA], 4),
    ("coop", "Giardini di Lorenteggio", [EDU, PSY], 6),
    ("coop", "Voci di Barona", [PSY, EDU], 6),
    ("coop", "Tram Diciannove", [EDU], 8),
    ("coop", "Stella di Gorla", [EDU, PSY], 2),
    ("coop", "Il Ciliegio di Affori", [SOC, EST], 9),
    ("coop", "Borgo Ticinese", [EDU], 5),
    ("coop", "Darsena Comune", [EDU, PSY], 1),
    ("coop", "Vele di Quarto", [SOC, ACC, COM], 8),
    ("coop", "Martesana Insieme", [SOC, MAN], 2),
    ("coop", "Cerchi d'Acqua", [PSY, SOC], 3),
    ("coop", "Aquilone Rosso", [EDU], 7),
    ("coop", "Ginestra Milanese", [PSY], 8),
    ("coop", "Tavolo Lungo", [PAS, SOC], 5),
    ("coop", "Pentola Condivisa", [PAS, COM], 4),
    ("coop", "Cura e Quartiere", [SOC, GES], 7),
    ("coop", "Zampe di Città", [ANI, COM], 3),
    ("coop", "Attrezzi Gentili", [MAN, COM], 6),
    ("coop", "Filo Diretto Famiglie", [GES, PRA], 1),
    ("coop", "Primula Bianca", [SAN, EST, SOC], 9),
    ("coop", "Meridiana Sociale", [SAN, SOC, EST, ACC], 1),
    ("coop", "Tessere Legami", [PSY, EDU], 9),
    ("coop", "Passi Piccoli", [EDU], 4),
    ("assoc", "Parole in Cammino APS", [LIN, PRA], 2),
    ("assoc", "Vicini di Pianerottolo ODV", [COM, ANI], 3),
    ("assoc", "Lingua Ponte APS", [LIN], 8),
    ("assoc", "Lanterne di Lambrate APS", [COM, EDU], 3),
    ("assoc", "Sportello Amico Giambellino ODV", [PRA, COM], 6),
    ("assoc", "Mille Passi Insieme ODV", [ACC, COM], 5),
    ("assoc", "Piazza Aperta Dergano APS", [LIN, EDU], 9),
    ("assoc", "Fili d'Erba ODV", [ANI, COM], 7),
    ("assoc", "Abbracci di Quartiere ODV", [SOC, COM], 4),
    ("assoc", "Tazza Calda ODV", [COM, PSY], 1),
    ("assoc", "Alfabeti Comuni APS", [LIN, PRA], 5),
    ("assoc", "Bottega dei Diritti APS", [PRA, GES], 2),
]

# Indexes (in PROVIDERS) whose accreditation expires in Dec 2026 - Jan 2027.
EXPIRING = {6: dt.date(2023, 12, 14), 21: dt.date(2024, 1, 9), 44: dt.date(2023, 12, 31)}

NEIGHBOURHOODS = {
    1: ["Brera", "Porta Romana", "Magenta - San Vittore", "Guastalla"],
    2: ["Loreto", "Greco", "Crescenzago", "Turro"],
    3: ["Lambrate", "Città Studi", "Casoretto", "Porta Venezia"],
    4: ["Corvetto", "Calvairate", "Ponte Lambro", "Lodi"],
    5: ["Ticinese", "Stadera", "Gratosoglio", "Vigentino"],
    6: ["Barona", "Giambellino", "Lorenteggio", "Navigli"],
    7: ["Baggio", "San Siro", "Quarto Cagnino", "De Angeli"],
    8: ["Quarto Oggiaro", "Gallaratese", "Villapizzone", "Sarpi"],
    9: ["Niguarda", "Affori", "Bovisa", "Isola"],
}

# Real Milan streets with their (approximate) postcode, per municipio.
STREETS = {
    1: [("Via Torino", "20123"), ("Corso di Porta Romana", "20122"), ("Via Santa Sofia", "20122"),
        ("Corso Garibaldi", "20121"), ("Via San Vittore", "20123"), ("Via Fatebenefratelli", "20121"),
        ("Corso Magenta", "20123")],
    2: [("Via Padova", "20127"), ("Viale Monza", "20127"), ("Via Giovanni Battista Sammartini", "20125"),
        ("Via Giovanni Battista Pergolesi", "20124"), ("Via Tonale", "20125"), ("Via Adriano", "20128"),
        ("Via Crescenzago", "20132")],
    3: [("Via Nicola Antonio Porpora", "20131"), ("Via Giovanni Pacini", "20131"), ("Viale Argonne", "20133"),
        ("Via Conte Rosso", "20134"), ("Via Plinio", "20129"), ("Via Ventura", "20134"), ("Via Casoretto", "20131")],
    4: [("Corso Lodi", "20135"), ("Viale Umbria", "20135"), ("Via Mecenate", "20138"), ("Via dei Cinquecento", "20139"),
        ("Viale Ungheria", "20138"), ("Via Marcona", "20129"), ("Via Oglio", "20139")],
    5: [("Viale Tibaldi", "20136"), ("Via Giuseppe Meda", "20141"), ("Via Giuseppe Ripamonti", "20141"),
        ("Via Palmieri", "20141"), ("Via Montegani", "20141"), ("Via Gentilino", "20136"), ("Via dei Missaglia", "20142")],
    6: [("Via Lorenteggio", "20146"), ("Via Giambellino", "20146"), ("Via Savona", "20144"), ("Viale Famagosta", "20142"),
        ("Via Tortona", "20144"), ("Via Angelo Inganni", "20147"), ("Via Soderini", "20146")],
    7: [("Via Novara", "20153"), ("Via delle Forze Armate", "20147"), ("Via Rembrandt", "20147"), ("Via Harar", "20153"),
        ("Via Primaticcio", "20147"), ("Via Marghera", "20149"), ("Piazzale Segesta", "20148")],
    8: [("Viale Certosa", "20155"), ("Via Console Marcello", "20156"), ("Via Mac Mahon", "20155"),
        ("Via Paolo Sarpi", "20154"), ("Via Gallarate", "20151"), ("Via Aldini", "20157"), ("Via Cenisio", "20154")],
    9: [("Via Ornato", "20162"), ("Via Carlo Imbonati", "20159"), ("Via Comasina", "20161"), ("Viale Zara", "20159"),
        ("Via Pellegrino Rossi", "20161"), ("Via Thaon di Revel", "20159"), ("Via Valassina", "20159")],
}

FOCUS = {
    EDU: ("servizi educativi per bambini e ragazzi", "educational services for children and young people"),
    PSY: ("sostegno psicologico a persone e famiglie", "psychological support for individuals and families"),
    SOC: ("assistenza domiciliare ad anziani e persone con disabilità", "home care for older and disabled people"),
    LIN: ("insegnamento dell'italiano ai nuovi cittadini", "Italian teaching for new citizens"),
    ACC: ("trasporto e accompagnamento di persone fragili", "transport and escort for vulnerable people"),
    COM: ("piccole commissioni e aiuto di vicinato", "small errands and neighbourly help"),
    PRA: ("orientamento e disbrigo di pratiche amministrative", "guidance and help with administrative paperwork"),
    PAS: ("ristorazione sociale e pasti a domicilio", "community catering and home-delivered meals"),
    SAN: ("prestazioni infermieristiche e riabilitative a domicilio", "home nursing and rehabilitation"),
    EST: ("cura della persona in ambito socio-sanitario", "personal care services for vulnerable people"),
    MAN: ("piccola manutenzione della casa con percorsi di inserimento lavorativo", "small home maintenance with job-placement programmes"),
    ANI: ("cura degli animali domestici", "pet care"),
    GES: ("consulenza sul lavoro domestico", "advice on domestic employment"),
}

ORIGINS = [
    ("nel quartiere {q}", "in the {q} neighbourhood"),
    ("da un gruppo di educatori e genitori del quartiere {q}", "by a group of educators and parents from the {q} neighbourhood"),
    ("per iniziativa di alcuni operatori sociali del quartiere {q}", "on the initiative of social workers from the {q} neighbourhood"),
    ("dall'esperienza di un gruppo di volontari del quartiere {q}", "out of a volunteer group in the {q} neighbourhood"),
]

PROVIDER_EXTRAS = [
    ("Collabora con le scuole, le parrocchie e le associazioni del territorio.",
     "It works with local schools, parishes and associations."),
    ("Aderisce alla rete dei servizi WeMi dal primo avviso pubblico del Comune.",
     "It has been part of the WeMi network since the City's first public call."),
    ("Promuove l'inserimento lavorativo di persone in condizione di fragilità.",
     "It promotes job placement for vulnerable people."),
    ("Pubblica ogni anno un bilancio sociale con i risultati delle proprie attività.",
     "It publishes an annual social report on the results of its activities."),
]

# ---------------------------------------------------------------------------
# WeMi spaces: the eight addresses named by the City, plus eight more.
# (slug suffix, display name, street, number, CAP, municipio, neighbourhood, lat, lon, opened in 2020)
# ---------------------------------------------------------------------------
SPACES = [
    ("san-gottardo", "San Gottardo", "Corso San Gottardo", "41", "20136", 5, "Ticinese", "45.450920", "9.180360", False),
    ("capuana", "Capuana", "Via Capuana", "3", "20157", 8, "Villapizzone", "45.502830", "9.147910", False),
    ("trivulzio", "Trivulzio", "Via Trivulzio", "15", "20146", 7, "De Angeli", "45.465170", "9.143090", False),
    ("xxv-aprile", "XXV Aprile", "Piazza XXV Aprile", "", "20121", 1, "Garibaldi", "45.480180", "9.186840", True),
    ("rizzoli", "Rizzoli", "Via Rizzoli", "47", "20132", 2, "Crescenzago", "45.505310", "9.245720", True),
    ("rimini", "Rimini", "Via Rimini", "29", "20142", 6, "Barona", "45.437940", "9.158770", True),
    ("gabetti", "Gabetti", "Via Gabetti", "15", "20161", 9, "Comasina", "45.525460", "9.164130", True),
    ("rasario", "Rasario", "Via Rasario", "8", "20148", 7, "San Siro", "45.475290", "9.130720", True),
    ("lambrate", "Lambrate", "Via Conte Rosso", "10", "20134", 3, "Lambrate", "45.484960", "9.236710", False),
    ("citta-studi", "Città Studi", "Via Giovanni Pacini", "21", "20131", 3, "Città Studi", "45.479320", "9.228640", False),
    ("corvetto", "Corvetto", "Via dei Cinquecento", "20", "20139", 4, "Corvetto", "45.436150", "9.223470", False),
    ("calvairate", "Calvairate", "Via Luigi Ciceri Visconti", "13", "20137", 4, "Calvairate", "45.458730", "9.222580", False),
    ("padova", "Padova", "Via Padova", "36", "20127", 2, "Loreto", "45.494760", "9.221430", False),
    ("stadera", "Stadera", "Via Palmieri", "22", "20141", 5, "Stadera", "45.434110", "9.180720", False),
    ("giambellino", "Giambellino", "Via Giambellino", "58", "20146", 6, "Giambellino", "45.450360", "9.146280", False),
    ("niguarda", "Niguarda", "Via Ornato", "7", "20162", 9, "Niguarda", "45.519870", "9.191450", False),
]

SPACE_BASE_ACTIVITIES = [
    ("Informazioni sui servizi di welfare del Comune e degli enti accreditati",
     "Information on welfare services from the City and accredited providers"),
    ("Aiuto nella ricerca di una badante, di una colf o di una babysitter",
     "Help finding a carer, a domestic worker or a babysitter"),
    ("Supporto all'uso del portale WeMi e all'acquisto dei servizi online",
     "Help using the WeMi portal and buying services online"),
]
SPACE_EXTRA_ACTIVITIES = [
    ("Colloqui di selezione e iscrizione per assistenti familiari",
     "Interviews and registration for family carers"),
    ("Orientamento sul contratto di lavoro domestico e calcolo dei costi",
     "Guidance on domestic employment contracts and cost calculation"),
    ("Attività per bambini e famiglie del quartiere",
     "Activities for children and families in the neighbourhood"),
    ("Corsi di italiano e di formazione per assistenti familiari",
     "Italian classes and training for family carers"),
    ("Sportello di ascolto psicologico",
     "Psychological drop-in service"),
    ("Aiuto per SPID, CIE e pratiche online",
     "Help with SPID, CIE and online paperwork"),
    ("Tata condivisa e servizi di conciliazione famiglia-lavoro",
     "Shared nanny and work-life balance services"),
    ("Punto di incontro per caregiver familiari",
     "Meeting point for family carers"),
    ("Prenotazione di appuntamenti con gli operatori del Servizio Sociale",
     "Booking appointments with social services staff"),
]

SPACE_HOURS = [
    # Monday-Friday mornings, Tuesday and Thursday afternoons
    [(d, "09:00", "13:00") for d in range(1, 6)] + [(2, "14:00", "17:00"), (4, "14:00", "17:00")],
    # Monday-Friday split day, Saturday morning
    [(d, "09:30", "12:30") for d in range(1, 6)] + [(d, "14:00", "17:30") for d in range(1, 6)] + [(6, "09:30", "12:30")],
    # alternate mornings and afternoons
    [(1, "09:00", "13:00"), (2, "13:30", "18:30"), (3, "09:00", "13:00"), (4, "13:30", "18:30"), (5, "09:00", "13:00")],
    # continuous weekday opening
    [(d, "09:00", "17:00") for d in range(1, 6)],
    # mornings plus Wednesday evening for working families
    [(d, "09:00", "13:00") for d in range(1, 6)] + [(3, "15:00", "19:00"), (6, "10:00", "12:30")],
]


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------
def slugify(text):
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def piva_check_digit(first10):
    """Check digit of an Italian partita IVA (Luhn-like algorithm on the first 10 digits)."""
    total = 0
    for i, ch in enumerate(first10):
        d = int(ch)
        if i % 2 == 0:          # 1st, 3rd, ... digit (odd positions, 1-based)
            total += d
        else:                   # even positions: double, minus 9 if > 9
            d *= 2
            total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def piva_valid(code):
    return bool(re.fullmatch(r"\d{11}", code)) and piva_check_digit(code[:10]) == code[10]


def money(x):
    return str(Decimal(x).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def half(x):
    """Round to the nearest 0.50 euro."""
    return float((Decimal(str(x)) * 2).quantize(Decimal("1"), rounding=ROUND_HALF_UP) / 2)


def add_years(d, years):
    return d.replace(year=d.year + years)


def fmt_list_it(items):
    items = [str(i) for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " e " + items[-1]


def fmt_list_en(items):
    items = [str(i) for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


LANG_ORDER = ["it", "en", "es", "fr", "ar", "zh", "uk", "ro", "tl"]


# ---------------------------------------------------------------------------
# Builders
# ---------------------------------------------------------------------------
def build_providers(rng):
    providers = []
    used_vat, used_phone = set(), set()
    for idx, (kind, name, cats, home) in enumerate(PROVIDERS):
        if kind == "coop":
            full = f"Cooperativa Sociale {name}"
            slug = "coop-" + slugify(name)
            year = rng.randint(1979, 2016)
        else:
            full = f"Associazione {name}"
            slug = "assoc-" + slugify(re.sub(r"\s+(APS|ODV)$", "", name))
            year = rng.randint(1992, 2019)
        while True:
            body = f"{rng.randint(800000, 1399999):07d}" + ("015" if year < 2008 else "096")
            vat = body + piva_check_digit(body)
            if vat not in used_vat:
                used_vat.add(vat)
                break
        while True:
            phone = f"+39 02 {rng.randint(20000000, 99999999)}"
            if phone not in used_phone:
                used_phone.add(phone)
                break
        n_sites = rng.choice([1, 1, 2, 2, 3])
        munis = [home] + rng.sample([m for m in range(1, 10) if m != home], n_sites - 1)
        sites = []
        for i, m in enumerate(munis):
            street, cap = rng.choice(STREETS[m])
            label = "Sede operativa" if i == 0 else f"Sede operativa {rng.choice(NEIGHBOURHOODS[m])}"
            sites.append({"name": label, "address": f"{street}, {rng.randint(1, 140)}, {cap} Milano", "municipio": m})
        if idx in EXPIRING:
            start = EXPIRING[idx]
        else:
            lo, hi = dt.date(2024, 2, 15), dt.date(2026, 6, 30)
            start = lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))
            if start.day > 28:
                start = start.replace(day=28)
        providers.append({
            "_kind": kind, "_short": name, "_year": year, "_apply": list(cats), "_home": home,
            "slug": slug, "name": full,
            "legal_form": "cooperativa_sociale" if kind == "coop" else "associazione",
            "vat_number": vat, "fiscal_code": vat,
            "email": f"info@{slug}.demo.wemi.example",
            "phone": phone,
            "website": f"https://{slug}.demo.wemi.example",
            "description_it": "", "description_en": "",
            "accredited_from": start.isoformat(),
            "accredited_until": add_years(start, 3).isoformat(),
            "categories": [],
            "sites": sites,
        })
    return providers


def provider_description(rng, p):
    cats = p["categories"]
    short = re.sub(r"\s+(APS|ODV)$", "", p["_short"])
    munis = sorted({s["municipio"] for s in p["sites"]})
    focus_it = " e di ".join(FOCUS[c][0] for c in cats[:2])
    focus_en = " as well as ".join(FOCUS[c][1] for c in cats[:2])
    q = rng.choice(NEIGHBOURHOODS[p["_home"]])
    mun_it = ("nel Municipio " if len(munis) == 1 else "nei Municipi ") + fmt_list_it(munis)
    mun_en = ("in Municipio " if len(munis) == 1 else "in Municipi ") + fmt_list_en(munis)
    extra_it, extra_en = rng.choice(PROVIDER_EXTRAS)
    if p["_kind"] == "coop":
        o_it, o_en = rng.choice(ORIGINS)
        staff = rng.randint(3, 24) * 5
        it = (f"{short} è una cooperativa sociale nata nel {p['_year']} {o_it.format(q=q)}. "
              f"Si occupa di {focus_it}, con un'équipe di {staff} persone tra operatori e professionisti, "
              f"e lavora soprattutto {mun_it}. {extra_it}")
        en = (f"{short} is a social cooperative founded in {p['_year']} {o_en.format(q=q)}. "
              f"It works in {focus_en}, with a team of {staff} care staff and professionals, "
              f"mainly {mun_en}. {extra_en}")
    else:
        odv = p["_short"].endswith("ODV")
        kind_it = "un'organizzazione di volontariato" if odv else "un'associazione di promozione sociale"
        kind_en = "a voluntary organisation" if odv else "a social promotion association"
        vols = rng.randint(4, 30) * 5
        it = (f"{short} è {kind_it} attiva dal {p['_year']} nel quartiere {q}. "
              f"Si occupa di {focus_it} grazie a {vols} volontari e ad alcuni operatori, "
              f"soprattutto {mun_it}. {extra_it}")
        en = (f"{short} is {kind_en} active since {p['_year']} in the {q} neighbourhood. "
              f"It works in {focus_en} with {vols} volunteers and a small staff, "
              f"mainly {mun_en}. {extra_en}")
    return it, en


def assign_services(rng, providers):
    """Decide which provider offers which archetype, category by category."""
    eligible = {c: [p for p in providers if c in p["_apply"]] for c in CATEGORY_COUNTS}
    order = list(CATEGORY_COUNTS)
    cat_order = sorted(order, key=lambda c: (len(eligible[c]), order.index(c)))
    total = {p["slug"]: 0 for p in providers}
    percat = {}
    taken = set()
    drafts = []
    for cat in cat_order:
        archs = ARCHETYPES[cat]
        for i in range(CATEGORY_COUNTS[cat]):
            ai, rnd = i % len(archs), i // len(archs)
            arch = archs[ai]
            assert rnd == 0 or arch["alt"], (cat, arch["n"])
            cand = [p for p in eligible[cat] if (p["slug"], cat, ai) not in taken]
            coops = [p for p in cand if p["_kind"] == "coop"]
            assocs = [p for p in cand if p["_kind"] == "assoc"]
            if arch["pay"] in ("P", "funded") and cat in (EDU, PSY, SOC) and coops:
                cand = coops          # professional paid services come from cooperatives
            elif arch["pay"] == "free" and assocs:
                cand = assocs         # free volunteer-based services come from associations
            keyed = [(percat.get((p["slug"], cat), 0), total[p["slug"]], rng.random(), p) for p in cand]
            p = min(keyed, key=lambda k: k[:3])[3]
            taken.add((p["slug"], cat, ai))
            percat[(p["slug"], cat)] = percat.get((p["slug"], cat), 0) + 1
            total[p["slug"]] += 1
            drafts.append({"cat": cat, "ai": ai, "rnd": rnd, "arch": arch, "p": p})
    drafts.sort(key=lambda d: (order.index(d["cat"]), d["rnd"], d["ai"]))
    return drafts


def assign_pricing(rng, drafts):
    n = len(drafts)
    free_target = funded_target = round(n * 0.15)
    for d in drafts:
        d["pricing"] = {"P": "paid", "free": "free", "funded": "funded"}.get(d["arch"]["pay"])
    pool = [d for d in drafts if d["pricing"] is None]
    rng.shuffle(pool)
    free_needed = free_target - sum(d["pricing"] == "free" for d in drafts)
    funded_needed = funded_target - sum(d["pricing"] == "funded" for d in drafts)
    # associations are the natural providers of free services, cooperatives of funded ones
    for d in sorted(pool, key=lambda d: d["p"]["_kind"] != "assoc")[:free_needed]:
        d["pricing"] = "free"
    rest = [d for d in pool if d["pricing"] is None]
    for d in sorted(rest, key=lambda d: d["p"]["_kind"] != "coop")[:funded_needed]:
        d["pricing"] = "funded"
    for d in drafts:
        if d["pricing"] is None:
            d["pricing"] = "paid"
    # quotes: about 15% of all services, only among paid ones whose archetype needs a quote
    quote_target = round(n * 0.15)
    cands = [d for d in drafts if d["pricing"] == "paid" and d["arch"]["q"]]
    chosen = rng.sample(cands, min(quote_target, len(cands)))
    for d in drafts:
        d["quote"] = d in chosen


VOUCHER_P = {EDU: .55, PSY: .45, SOC: .6, LIN: .5, ACC: .5, COM: .4, PRA: .3, PAS: .6, SAN: .5,
             EST: .3, MAN: .2, ANI: .2, GES: .4}


def make_tiers(rng, cat, arch, mode, unit, capacity):
    lo, hi = arch["pr"]
    p = half(rng.uniform(lo, hi))

    def tier(min_p, max_p, min_q, max_q, price):
        return {"min_people": min_p, "max_people": max_p, "min_quantity": min_q,
                "max_quantity": max_q, "unit_price": money(price)}

    def cheaper(factor, than):
        v = half(p * factor)
        return v if v < than else than - 0.5

    if mode == "shared":
        if rng.random() < 0.2:
            return [tier(1, None, 1, None, p)]
        if capacity >= 10:
            p2 = cheaper(0.85, p)
            p3 = cheaper(0.70, p2)
            return [tier(1, 4, 1, None, p), tier(5, 9, 1, None, p2), tier(10, None, 1, None, p3)]
        p2 = cheaper(0.75, p)
        p3 = cheaper(0.55, p2)
        return [tier(1, 1, 1, None, p), tier(2, 3, 1, None, p2), tier(4, None, 1, None, p3)]
    if unit == "hour":
        shape = rng.choice(["one", "two", "two", "three"] if cat != SOC else ["two", "three", "three"])
        if shape == "one":
            return [tier(1, None, 1, None, p)]
        if shape == "two":
            return [tier(1, None, 1, 9, p), tier(1, None, 10, None, cheaper(0.92, p))]
        p2 = cheaper(0.95, p)
        return [tier(1, None, 1, 19, p), tier(1, None, 20, 59, p2), tier(1, None, 60, None, cheaper(0.95, p2))]
    if unit == "session":
        if cat == PAS:  # price per meal, cheaper for 20 or more meals
            return [tier(1, None, 1, 19, p), tier(1, None, 20, None, p - 1)]
        if rng.random() < 0.5:
            return [tier(1, None, 1, None, p)]
        return [tier(1, None, 1, 4, p), tier(1, None, 5, None, cheaper(0.9, p))]
    if unit == "month":
        if rng.random() < 0.5:
            return [tier(1, None, 1, None, p)]
        return [tier(1, None, 1, 2, p), tier(1, None, 3, None, cheaper(0.92, p))]
    return [tier(1, None, 1, None, p)]  # package


UNIT_WORD = {"hour": ("ore", "hours"), "session": ("appuntamenti", "appointments"),
             "month": ("mesi", "months"), "package": ("pacchetti", "packages")}


def how_to(rng, d, vouchers, funded_by):
    vo_it = ", oppure con i voucher welfare del Comune" if vouchers else ""
    vo_en = ", or with City welfare vouchers" if vouchers else ""
    k = rng.choice([2, 3, 5])
    pr = d["pricing"]
    if pr == "paid" and d["quote"]:
        it = (f"Invia una richiesta di preventivo descrivendo le tue esigenze: l'ente ti risponde entro {k} giorni lavorativi "
              f"con un'offerta (prezzo, periodo, orari e operatore) che puoi accettare e pagare online con carta o PayPal{vo_it}. "
              "Il prezzo indicato è un prezzo di partenza.")
        en = (f"Send a quote request describing your needs: the provider answers within {k} working days with an offer "
              f"(price, period, times and staff member) that you can accept and pay online by card or PayPal{vo_en}. "
              "The price shown is a starting price.")
    elif pr == "paid":
        u_it, u_en = UNIT_WORD[d["unit"]]
        if rng.random() < 0.5:
            it = (f"Scegli il numero di {u_it}, indica giorni e orari preferiti e acquista online con carta o PayPal{vo_it}. "
                  f"L'ente conferma il calendario e l'operatore entro {k} giorni lavorativi.")
            en = (f"Choose the number of {u_en}, give your preferred days and times and buy online by card or PayPal{vo_en}. "
                  f"The provider confirms the schedule and the staff member within {k} working days.")
        else:
            it = (f"Aggiungi il servizio al carrello, scegli la fascia oraria e paga online con carta o PayPal{vo_it}. "
                  "Ricevi la conferma per e-mail e nella tua area personale.")
            en = (f"Add the service to your cart, choose a time slot and pay online by card or PayPal{vo_en}. "
                  "You receive a confirmation by e-mail and in your personal area.")
    elif pr == "free":
        it = ("Prenota online dalla scheda del servizio oppure rivolgiti a uno Spazio WeMi, dove un operatore ti aiuta a fare la richiesta. "
              "Il servizio è gratuito.")
        en = ("Book online from this page or visit a WeMi space, where a staff member will help you make the request. "
              "The service is free.")
    else:
        it = (f"Invia la richiesta online o presso uno Spazio WeMi. L'ente verifica i requisiti di accesso previsti dal finanziamento "
              f"({funded_by}) e ti ricontatta entro {k} giorni lavorativi per un primo colloquio.")
        en = (f"Send your request online or at a WeMi space. The provider checks the eligibility rules of the funding "
              f"({funded_by}) and contacts you within {k} working days for a first meeting.")
    if d["mode"] == "shared":
        it += " I posti sono limitati: se il gruppo è completo puoi iscriverti alla lista d'attesa."
        en += " Places are limited: if the group is full you can join the waiting list."
        if len(d.get("tiers", [])) > 1:
            it += " La quota per famiglia si riduce quando aderiscono più famiglie."
            en += " The fee per family goes down as more families join."
    elif pr == "paid" and rng.random() < 0.3:
        it += " Se preferisci, un operatore di uno Spazio WeMi può fare la richiesta insieme a te."
        en += " If you prefer, a staff member at a WeMi space can make the request with you."
    return it, en


def timing(rng, d):
    arch, cat = d["arch"], d["cat"]
    if arch["tm"]:
        return arch["tm"]
    n = rng.choice([2, 3, 5]) if cat != ACC else rng.choice([2, 3])
    m = n + rng.choice([2, 3, 5])
    it, en = TIMING[cat]
    it, en = it.format(n=n, m=m), en.format(n=n, m=m)
    if d["mode"] == "shared" and cat != LIN:
        it = f"Iscrizioni aperte fino a esaurimento dei {d['capacity']} posti. " + it
        en = f"Registration stays open until all {d['capacity']} places are taken. " + en
    return it, en


def terms(rng, d):
    pr, mode, unit = d["pricing"], d["mode"], d["unit"]
    if pr in ("free", "funded"):
        it = "Servizio gratuito: in caso di rinuncia avvisa almeno 24 ore prima, così il posto può essere assegnato a un'altra persona."
        en = "Free service: if you cannot attend, let the provider know at least 24 hours in advance so the place can go to someone else."
        if pr == "funded":
            it += " Dopo tre assenze non giustificate il posto può essere riassegnato."
            en += " After three unjustified absences the place may be reassigned."
        return it, en
    if mode == "shared":
        days = rng.choice([7, 10])
        return (f"Rimborso integrale per rinuncia fino a {days} giorni prima dell'inizio; in seguito è trattenuto il 30% della quota. "
                "Se l'attività viene annullata dall'ente, l'importo è rimborsato per intero.",
                f"Full refund if you withdraw up to {days} days before the start; after that 30% of the fee is retained. "
                "If the provider cancels the activity, the full amount is refunded.")
    if d["quote"]:
        return ("Le condizioni di disdetta sono riportate nell'offerta; in ogni caso la disdetta è gratuita fino a 48 ore prima dell'inizio del servizio.",
                "Cancellation terms are stated in the offer; in any case cancellation is free up to 48 hours before the service starts.")
    if unit == "month":
        return ("Abbonamento mensile: recesso libero con preavviso di 15 giorni; la quota del mese in corso non è rimborsabile.",
                "Monthly subscription: cancel at any time with 15 days' notice; the current month's fee is not refundable.")
    if unit == "package":
        return ("Disdetta gratuita fino a 72 ore prima del primo appuntamento; dopo l'avvio le prestazioni non godute non sono rimborsabili, salvo gravi motivi documentati.",
                "Free cancellation up to 72 hours before the first appointment; once started, unused services are not refundable except for serious documented reasons.")
    h = rng.choice([24, 48, 48])
    pct = rng.choice([50, 50, 100])
    return (f"Disdetta gratuita fino a {h} ore prima dell'appuntamento; per disdette successive è addebitato il {pct}% della prestazione.",
            f"Free cancellation up to {h} hours before the appointment; later cancellations are charged at {pct}% of the price.")


def build_services(rng, providers):
    drafts = assign_services(rng, providers)
    for d in drafts:
        d["mode"] = "shared" if d["arch"]["m"] == "s" else "individual"
        d["unit"] = d["arch"]["u"]
        d["capacity"] = rng.randint(*d["arch"]["cap"]) if d["mode"] == "shared" else None
    assign_pricing(rng, drafts)
    services, used_slugs = [], set()
    for d in drafts:
        arch, cat, p = d["arch"], d["cat"], d["p"]
        if d["rnd"] == 0:
            name_it, name_en = arch["n"], arch["ne"]
        else:
            name_it, name_en = arch["alt"]
        slug = slugify(name_it)
        if slug in used_slugs:
            slug = f"{slug}-{p['slug'].split('-', 1)[1]}"
        used_slugs.add(slug)

        site_munis = {s["municipio"] for s in p["sites"]}
        if arch["dm"] == [ONL]:
            munis = set(range(1, 10))
        else:
            extra = rng.choice([0, 1, 2, 3, 5, 9])
            others = [m for m in range(1, 10) if m not in site_munis]
            munis = site_munis | set(rng.sample(others, min(extra, len(others))))

        langs = {"it"} | set(arch["lg"])
        if rng.random() < 0.35:
            langs.add("en")
        if rng.random() < 0.15:
            langs.add(rng.choice(["es", "ar", "fr", "ro", "zh", "uk", "tl"]))
        langs = [l for l in LANG_ORDER if l in langs]

        pricing = d["pricing"]
        funded_by = rng.choice(arch["fb"] or CATEGORY_FUNDERS[cat]) if pricing == "funded" else None
        vouchers = pricing == "paid" and rng.random() < VOUCHER_P[cat]
        tiers = make_tiers(rng, cat, arch, d["mode"], d["unit"], d["capacity"]) if pricing == "paid" else []
        d["tiers"] = tiers

        needed_it, needed_en = NEEDED[cat]
        if pricing == "funded":
            f_it, f_en = FUNDED_NEEDED.get(funded_by, FUNDED_NEEDED_DEFAULT)
            needed_it, needed_en = f"{needed_it} {f_it}", f"{needed_en} {f_en}"
        q_it, q_en = QUAL[arch["ql"] or CATEGORY_QUAL[cat]]
        how_it, how_en = how_to(rng, d, vouchers, funded_by)
        tim_it, tim_en = timing(rng, d)
        ter_it, ter_en = terms(rng, d)

        services.append({
            "slug": slug,
            "provider": p["slug"],
            "category": cat,
            "name_it": name_it, "name_en": name_en,
            "summary_it": arch["s"], "summary_en": arch["se"],
            "description_it": arch["d"], "description_en": arch["de"],
            "addressed_it": arch["a"], "addressed_en": arch["ae"],
            "how_to_it": how_it, "how_to_en": how_en,
            "needed_it": needed_it, "needed_en": needed_en,
            "achieved_it": arch["o"], "achieved_en": arch["oe"],
            "timing_it": tim_it, "timing_en": tim_en,
            "qualifications_it": q_it, "qualifications_en": q_en,
            "terms_it": ter_it, "terms_en": ter_en,
            "targets": [t for t in TARGETS if t in arch["t"]],
            "municipi": sorted(munis),
            "delivery_modes": [m for m in DELIVERY if m in arch["dm"]],
            "time_of_day": [t for t in TIMES if t in arch["tod"]],
            "languages": langs,
            "vouchers": vouchers,
            "pricing": pricing,
            "funded_by": funded_by,
            "mode": d["mode"],
            "capacity": d["capacity"],
            "unit": d["unit"],
            "quote_required": d["quote"],
            "tiers": tiers,
            "tags_it": arch["tags"],
            "tags_en": arch["tagse"],
        })
    return services


def finalize_providers(rng, providers, services):
    order = list(CATEGORY_COUNTS)
    for p in providers:
        used = {s["category"] for s in services if s["provider"] == p["slug"]}
        p["categories"] = [c for c in order if c in used]
        p["description_it"], p["description_en"] = provider_description(rng, p)
    return [{k: v for k, v in p.items() if not k.startswith("_")} for p in providers]


def build_spaces(rng):
    spaces, used_phone = [], set()
    for i, (suffix, display, street, num, cap, mun, nb, lat, lon, new) in enumerate(SPACES):
        slug = f"spazio-wemi-{suffix}"
        # The contract names the spaces by "street number" (e.g. "Via Capuana 3"): keep that form.
        address = f"{street} {num}, {cap} Milano" if num else f"{street}, {cap} Milano"
        while True:
            phone = f"+39 02 884{rng.randint(10000, 99999)}"
            if phone not in used_phone:
                used_phone.add(phone)
                break
        extras = rng.sample(SPACE_EXTRA_ACTIVITIES, rng.randint(2, 4))
        acts = SPACE_BASE_ACTIVITIES + extras
        hours = SPACE_HOURS[i % len(SPACE_HOURS)]
        hours = sorted(hours, key=lambda h: (h[0], h[1]))
        desc_it = (f"Lo Spazio WeMi {display} si trova nel quartiere {nb}, nel Municipio {mun}. "
                   "Gli operatori accolgono cittadini e famiglie, danno informazioni sui servizi di welfare e aiutano chi ne ha bisogno "
                   "a usare il portale e a richiedere i servizi online.")
        desc_en = (f"The WeMi {display} space is in the {nb} neighbourhood, in Municipio {mun}. "
                   "Staff welcome residents and families, give information on welfare services and help anyone who needs it "
                   "to use the portal and request services online.")
        if new:
            desc_it += " Ha aperto nel 2020, con l'ampliamento della rete degli spazi WeMi da 11 a 16."
            desc_en += " It opened in 2020, when the network of WeMi spaces grew from 11 to 16."
        desc_it += " Si accede liberamente negli orari di apertura oppure su appuntamento."
        desc_en += " You can drop in during opening hours or book an appointment."
        spaces.append({
            "slug": slug,
            "name": f"Spazio WeMi {display}",
            "address": address,
            "municipio": mun,
            "phone": phone,
            "email": f"{slug}@demo.wemi.example",
            "description_it": desc_it,
            "description_en": desc_en,
            "activities_it": [a[0] for a in acts],
            "activities_en": [a[1] for a in acts],
            "hours": [{"weekday": d, "opens": o, "closes": c} for d, o, c in hours],
            "latitude": lat,
            "longitude": lon,
        })
    return spaces


def build():
    rng = random.Random(SEED)
    providers = build_providers(rng)
    services = build_services(rng, providers)
    providers = finalize_providers(rng, providers, services)
    spaces = build_spaces(rng)
    return providers, services, spaces


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------
PRICE_RE = re.compile(r"^\d+\.\d{2}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def validate(providers, services, spaces):
    errors = []
    err = errors.append

    # providers
    if len(providers) != 50:
        err(f"providers: {len(providers)} != 50")
    forms = [p["legal_form"] for p in providers]
    if forms.count("cooperativa_sociale") != 38 or forms.count("associazione") != 12:
        err(f"legal forms: {forms.count('cooperativa_sociale')} coops / {forms.count('associazione')} associations")
    pslugs = [p["slug"] for p in providers]
    if len(set(pslugs)) != len(pslugs):
        err("duplicate provider slugs")
    if len({p["name"] for p in providers}) != len(providers):
        err("duplicate provider names")
    if len({p["vat_number"] for p in providers}) != len(providers):
        err("duplicate VAT numbers")
    by_slug = {p["slug"]: p for p in providers}
    expiring = 0
    for p in providers:
        if not piva_valid(p["vat_number"]) or p["fiscal_code"] != p["vat_number"]:
            err(f"{p['slug']}: bad partita IVA {p['vat_number']}")
        f, u = p["accredited_from"], p["accredited_until"]
        if not (DATE_RE.match(f) and DATE_RE.match(u)):
            err(f"{p['slug']}: bad dates")
            continue
        fd, ud = dt.date.fromisoformat(f), dt.date.fromisoformat(u)
        if not dt.date(2023, 1, 1) <= fd <= dt.date(2026, 6, 30):
            err(f"{p['slug']}: accredited_from {f} out of range")
        if ud != add_years(fd, 3):
            err(f"{p['slug']}: accredited_until is not 3 years after accredited_from")
        if dt.date(2026, 12, 1) <= ud <= dt.date(2027, 1, 31):
            expiring += 1
        if not 1 <= len(p["sites"]) <= 3:
            err(f"{p['slug']}: {len(p['sites'])} sites")
        for s in p["sites"]:
            if not (1 <= s["municipio"] <= 9 and re.search(r", 201\d\d Milano$", s["address"])):
                err(f"{p['slug']}: bad site {s}")
        if not p["categories"] or any(c not in CATEGORY_COUNTS for c in p["categories"]):
            err(f"{p['slug']}: bad categories {p['categories']}")
        if not p["email"].endswith(".demo.wemi.example") or not p["website"].startswith("https://"):
            err(f"{p['slug']}: bad contacts")
    if expiring != 3:
        err(f"{expiring} providers expire in Dec 2026 - Jan 2027 (expected 3)")

    # services
    counts = {c: 0 for c in CATEGORY_COUNTS}
    sslugs = set()
    names_per_provider = set()
    offering = {p: 0 for p in pslugs}
    for s in services:
        if s["slug"] in sslugs:
            err(f"duplicate service slug {s['slug']}")
        sslugs.add(s["slug"])
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", s["slug"]):
            err(f"bad service slug {s['slug']}")
        if s["category"] not in counts:
            err(f"{s['slug']}: unknown category")
            continue
        counts[s["category"]] += 1
        p = by_slug.get(s["provider"])
        if p is None:
            err(f"{s['slug']}: unknown provider {s['provider']}")
            continue
        offering[p["slug"]] += 1
        if s["category"] not in p["categories"]:
            err(f"{s['slug']}: provider {p['slug']} not accredited for {s['category']}")
        key = (s["provider"], s["name_it"])
        if key in names_per_provider:
            err(f"{s['slug']}: duplicate name within provider")
        names_per_provider.add(key)
        for f in ("name_it", "name_en", "summary_it", "summary_en", "description_it", "description_en",
                  "addressed_it", "addressed_en", "how_to_it", "how_to_en", "needed_it", "needed_en",
                  "achieved_it", "achieved_en", "timing_it", "timing_en", "qualifications_it",
                  "qualifications_en", "terms_it", "terms_en"):
            if not isinstance(s.get(f), str) or not s[f].strip():
                err(f"{s['slug']}: empty {f}")
        if not set(s["targets"]) <= set(TARGETS) or not s["targets"]:
            err(f"{s['slug']}: bad targets")
        if not s["municipi"] or not all(1 <= m <= 9 for m in s["municipi"]):
            err(f"{s['slug']}: bad municipi")
        if not s["delivery_modes"] or not set(s["delivery_modes"]) <= set(DELIVERY):
            err(f"{s['slug']}: bad delivery modes")
        if not s["time_of_day"] or not set(s["time_of_day"]) <= set(TIMES):
            err(f"{s['slug']}: bad time_of_day")
        if "it" not in s["languages"] or not set(s["languages"]) <= set(LANG_ORDER):
            err(f"{s['slug']}: bad languages")
        if s["pricing"] not in ("free", "funded", "paid"):
            err(f"{s['slug']}: bad pricing")
        if (s["pricing"] == "funded") != bool(s["funded_by"]):
            err(f"{s['slug']}: funded_by inconsistent")
        if s["mode"] == "individual" and s["capacity"] is not None:
            err(f"{s['slug']}: individual with capacity")
        if s["mode"] == "shared" and not (isinstance(s["capacity"], int) and 4 <= s["capacity"] <= 20):
            err(f"{s['slug']}: shared capacity {s['capacity']}")
        if s["unit"] not in ("hour", "session", "month", "package"):
            err(f"{s['slug']}: bad unit")
        if s["pricing"] == "paid":
            if not 1 <= len(s["tiers"]) <= 3:
                err(f"{s['slug']}: {len(s['tiers'])} tiers")
        elif s["tiers"] or s["quote_required"] or s["vouchers"]:
            err(f"{s['slug']}: free/funded service with tiers, quote or vouchers")
        for t in s["tiers"]:
            if not PRICE_RE.match(t["unit_price"]) or Decimal(t["unit_price"]) <= 0:
                err(f"{s['slug']}: bad price {t['unit_price']}")
            if t["min_people"] < 1 or t["min_quantity"] < 1:
                err(f"{s['slug']}: bad tier minimums")
            if t["max_people"] is not None and t["max_people"] < t["min_people"]:
                err(f"{s['slug']}: bad people range")
            if t["max_quantity"] is not None and t["max_quantity"] < t["min_quantity"]:
                err(f"{s['slug']}: bad quantity range")
        if not s["tags_it"] or not s["tags_en"]:
            err(f"{s['slug']}: missing tags")
    for c, want in CATEGORY_COUNTS.items():
        if counts[c] != want:
            err(f"category {c}: {counts[c]} services, expected {want}")
    for p, n in offering.items():
        if n == 0:
            err(f"provider {p} has no services")
    text = " ".join(" ".join([s["name_it"], s["summary_it"], s["description_it"], " ".join(s["tags_it"])]).lower()
                    for s in services)
    for word in ("babysitter", "psicolog", "attività", "doposcuola", "università"):
        if word not in text:
            err(f"no service mentions {word!r}")

    # spaces
    if len(spaces) != 16:
        err(f"spaces: {len(spaces)} != 16")
    if len({s["slug"] for s in spaces}) != len(spaces):
        err("duplicate space slugs")
    for must in ("Corso San Gottardo 41,", "Via Capuana 3,", "Via Trivulzio 15,", "Piazza XXV Aprile",
                 "Via Rizzoli 47,", "Via Rimini 29,", "Via Gabetti 15,", "Via Rasario 8,"):
        if not any(must in s["address"] for s in spaces):
            err(f"missing WeMi space at {must}")
    if not {3, 4} <= {s["municipio"] for s in spaces}:
        err("spaces do not cover municipi 3 and 4")
    for s in spaces:
        for h in s["hours"]:
            if not 1 <= h["weekday"] <= 6 or h["opens"] >= h["closes"]:
                err(f"{s['slug']}: bad hours {h}")
        if not (re.fullmatch(r"45\.\d{6}", s["latitude"]) and re.fullmatch(r"9\.\d{6}", s["longitude"])):
            err(f"{s['slug']}: bad coordinates")
        if len(s["activities_it"]) != len(s["activities_en"]):
            err(f"{s['slug']}: activities not translated")
    return errors, counts


def summary(providers, services, spaces, counts):
    n = len(services)
    def pct(k):
        return f"{k} ({100 * k / n:.0f}%)"
    lines = [
        f"providers: {len(providers)} (cooperativa_sociale {sum(p['legal_form'] == 'cooperativa_sociale' for p in providers)}, "
        f"associazione {sum(p['legal_form'] == 'associazione' for p in providers)})",
        f"services: {n}",
    ]
    lines += [f"  {c}: {k}" for c, k in counts.items()]
    lines += [
        f"pricing: free {pct(sum(s['pricing'] == 'free' for s in services))}, "
        f"funded {pct(sum(s['pricing'] == 'funded' for s in services))}, "
        f"paid {pct(sum(s['pricing'] == 'paid' for s in services))}",
        f"mode shared: {pct(sum(s['mode'] == 'shared' for s in services))}",
        f"quote_required: {pct(sum(s['quote_required'] for s in services))}",
        f"vouchers: {pct(sum(s['vouchers'] for s in services))}",
        f"services per provider: min {min(sum(s['provider'] == p['slug'] for s in services) for p in providers)}, "
        f"max {max(sum(s['provider'] == p['slug'] for s in services) for p in providers)}",
        f"spaces: {len(spaces)}",
    ]
    return "\n".join(lines)


def dump(obj):
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def main(argv):
    providers, services, spaces = build()
    files = {"providers.json": providers, "services.json": services, "spaces.json": spaces}
    if "--check" in argv:
        for name, data in files.items():
            on_disk = (OUT / name).read_bytes().decode("utf-8")
            if on_disk != dump(data):
                print(f"{name} differs from the generator output; run generate.py", file=sys.stderr)
                return 1
    else:
        for name, data in files.items():
            (OUT / name).write_text(dump(data), encoding="utf-8")
    # validate what is on disk, parsed back as UTF-8 JSON
    loaded = [json.loads((OUT / name).read_bytes().decode("utf-8")) for name in files]
    errors, counts = validate(*loaded)
    print(summary(*loaded, counts))
    for name in files:
        print(f"{name}: {(OUT / name).stat().st_size} bytes")
    if errors:
        print("\n".join(["ERRORS:"] + errors), file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
