//! Texts of the information pages linked from the footer (privacy, legal notes, FAQ,
//! contacts, problem reports). Each page is a title, a lead and sections of paragraphs.

use super::Locale;

pub struct Section {
    pub id: &'static str,
    pub title: &'static str,
    pub paragraphs: &'static [&'static str],
}

pub struct InfoPage {
    pub title: &'static str,
    pub lead: &'static str,
    pub sections: &'static [Section],
}

pub struct InfoMessages {
    pub privacy: InfoPage,
    pub legal: InfoPage,
    pub faq: InfoPage,
    pub contacts: InfoPage,
    pub report: InfoPage,
    pub page_index: &'static str,
    pub breadcrumb_label: &'static str,
    pub report_form_title: &'static str,
    pub report_category: &'static str,
    pub report_categories: [(&'static str, &'static str); 5],
    pub report_description: &'static str,
    pub report_description_hint: &'static str,
    pub report_email: &'static str,
    pub report_email_hint: &'static str,
    pub report_send: &'static str,
    pub report_thanks: &'static str,
    pub report_invalid_description: &'static str,
    pub report_invalid_category: &'static str,
    pub report_invalid_email: &'static str,
    pub spaces_page_lead: &'static str,
    pub spaces_print: &'static str,
    pub spaces_activities: &'static str,
    pub spaces_contacts: &'static str,
}

pub fn info(locale: Locale) -> &'static InfoMessages {
    match locale {
        Locale::It => &IT,
        Locale::En => &EN,
    }
}

pub static IT: InfoMessages = InfoMessages {
    privacy: InfoPage {
        title: "Informativa sul trattamento dei dati personali",
        lead: "Come il Comune di Milano tratta i dati personali di chi usa il portale WeMi (art. 13 del Regolamento UE 2016/679, GDPR). Versione 2026-11.",
        sections: &[
            Section {
                id: "titolare",
                title: "Titolare del trattamento",
                paragraphs: &[
                    "Il titolare del trattamento è il Comune di Milano, Piazza della Scala 2, 20121 Milano, PEC protocollo@postacert.comune.milano.it.",
                    "Il Responsabile della protezione dei dati (DPO) è contattabile all'indirizzo dpo@comune.milano.it.",
                ],
            },
            Section {
                id: "dati",
                title: "Quali dati trattiamo",
                paragraphs: &[
                    "Navigando il sito trattiamo solo i dati tecnici necessari al funzionamento (indirizzo IP nei registri del server, conservati per 90 giorni per la sicurezza) e cookie tecnici: uno ricorda la lingua scelta, uno mantiene l'accesso all'area personale (scade dopo 30 minuti di inattività e comunque dopo 12 ore), uno identifica i tablet self-service degli spazi WeMi.",
                    "Se usi i servizi online trattiamo i dati che inserisci: dati anagrafici e di contatto, richieste e ordini, pagamenti, e, solo quando necessario per il servizio richiesto e con il tuo consenso, informazioni sulla salute delle persone assistite (categorie particolari di dati, art. 9 GDPR).",
                    "Le valutazioni inviate con il modulo \"Quanto sono chiare le informazioni su questa pagina?\" sono anonime: non inserire dati personali nel commento.",
                ],
            },
            Section {
                id: "finalita",
                title: "Perché li trattiamo e su quale base",
                paragraphs: &[
                    "Per erogare i servizi di welfare richiesti e gestire il rapporto con gli enti accreditati (esecuzione di un compito di interesse pubblico, art. 6.1.e GDPR), per adempiere obblighi di legge come la conservazione dei documenti contabili (art. 6.1.c), e per la sicurezza del portale.",
                    "Non usiamo cookie di profilazione né strumenti di tracciamento di terze parti.",
                ],
            },
            Section {
                id: "destinatari",
                title: "A chi li comunichiamo",
                paragraphs: &[
                    "Agli enti accreditati a cui rivolgi una richiesta o un acquisto, limitatamente ai dati necessari; ai gestori dei pagamenti per le transazioni; ai fornitori tecnici del Comune nominati responsabili del trattamento. I dati non sono trasferiti fuori dall'Unione europea.",
                ],
            },
            Section {
                id: "conservazione",
                title: "Per quanto tempo",
                paragraphs: &[
                    "I dati dell'account sono conservati finché l'account è attivo; dopo la cancellazione sono eliminati o resi anonimi, salvo i dati degli ordini che la legge impone di conservare (10 anni per i documenti contabili).",
                ],
            },
            Section {
                id: "diritti",
                title: "I tuoi diritti",
                paragraphs: &[
                    "Puoi chiedere l'accesso ai tuoi dati, la rettifica, la cancellazione, la limitazione, la portabilità e opporti al trattamento (artt. 15-22 GDPR), scrivendo al DPO. Dall'area personale puoi scaricare i tuoi dati e chiedere la cancellazione dell'account.",
                    "Se ritieni che il trattamento violi il GDPR puoi proporre reclamo al Garante per la protezione dei dati personali (www.garanteprivacy.it).",
                ],
            },
        ],
    },
    legal: InfoPage {
        title: "Note legali",
        lead: "Condizioni d'uso dei contenuti e del software del portale WeMi.",
        sections: &[
            Section {
                id: "licenza",
                title: "Licenza dei contenuti",
                paragraphs: &[
                    "Salvo dove diversamente indicato, i contenuti di questo sito sono rilasciati con licenza Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0): puoi copiarli, distribuirli e modificarli, anche per fini commerciali, citando la fonte \"Comune di Milano – WeMi\".",
                    "I dati dei municipi e dei quartieri (NIL) provengono dal portale open data del Comune di Milano (CC BY 4.0).",
                ],
            },
            Section {
                id: "software",
                title: "Software",
                paragraphs: &[
                    "Il portale è software libero, rilasciato con licenza EUPL-1.2 e descritto dal file publiccode.yml per il catalogo del riuso della pubblica amministrazione. Usa Bootstrap Italia (BSD-3-Clause) e i caratteri Titillium Web, Lora e Roboto Mono (SIL Open Font License).",
                ],
            },
            Section {
                id: "responsabilita",
                title: "Responsabilità",
                paragraphs: &[
                    "Le schede dei servizi sono compilate dagli enti accreditati e validate dal Comune prima della pubblicazione. Il Comune non risponde di eventuali inesattezze non segnalate: puoi segnalarle con la pagina \"Segnala un disservizio\".",
                ],
            },
        ],
    },
    faq: InfoPage {
        title: "Domande frequenti",
        lead: "Le risposte alle domande più comuni su WeMi.",
        sections: &[
            Section {
                id: "cos-e",
                title: "Che cos'è WeMi?",
                paragraphs: &[
                    "È il portale del welfare condiviso del Comune di Milano: raccoglie i servizi di cura, educativi e per la casa offerti da cooperative sociali e associazioni accreditate dal Comune, gratuiti o a pagamento, individuali o condivisi con altre famiglie.",
                ],
            },
            Section {
                id: "accreditati",
                title: "Chi offre i servizi?",
                paragraphs: &[
                    "Enti del terzo settore accreditati dal Comune dopo un avviso pubblico. Ogni scheda indica l'ente, lo stato del suo accreditamento e la data di scadenza; ogni modifica a un servizio è verificata dal Comune prima di essere pubblicata.",
                ],
            },
            Section {
                id: "costi",
                title: "Quanto costano i servizi?",
                paragraphs: &[
                    "Ogni scheda mostra il listino completo: prezzo per ora, seduta, mese o pacchetto, eventuali sconti per quantità o per più famiglie che condividono il servizio. Alcuni servizi sono gratuiti o finanziati da enti pubblici; altri accettano i voucher welfare del Comune.",
                ],
            },
            Section {
                id: "aiuto",
                title: "Non so usare il computer: posso avere aiuto?",
                paragraphs: &[
                    "Sì. Negli spazi WeMi dei quartieri un operatore ti aiuta a cercare un servizio, a fare una richiesta o a trovare una babysitter, una colf o una badante. Trovi indirizzi e orari nella pagina \"Spazi WeMi\".",
                ],
            },
            Section {
                id: "lavoro-domestico",
                title: "Quanto costa assumere una colf o una badante?",
                paragraphs: &[
                    "Il calcolatore del lavoro domestico mostra il costo reale di un contratto (retribuzione minima, tredicesima, TFR, contributi INPS e Cassa Colf) e lo confronta con il Libretto Famiglia e con i servizi delle cooperative accreditate.",
                ],
            },
        ],
    },
    contacts: InfoPage {
        title: "Contatti",
        lead: "Come raggiungere il Comune di Milano e gli spazi WeMi.",
        sections: &[
            Section {
                id: "comune",
                title: "Comune di Milano",
                paragraphs: &[
                    "Piazza della Scala 2, 20121 Milano. Centralino 02 02 02 (dal lunedì al sabato, 8-20). PEC protocollo@postacert.comune.milano.it.",
                ],
            },
            Section {
                id: "spazi",
                title: "Spazi WeMi",
                paragraphs: &[
                    "Per un aiuto di persona rivolgiti allo spazio WeMi più vicino: trovi l'elenco con indirizzi, orari e attività nella pagina \"Spazi WeMi\".",
                ],
            },
            Section {
                id: "enti",
                title: "Enti che offrono i servizi",
                paragraphs: &[
                    "I contatti di ogni ente sono nella sua pagina e in ogni scheda di servizio, nella sezione \"Contatti\".",
                ],
            },
        ],
    },
    report: InfoPage {
        title: "Segnala un disservizio",
        lead: "Qualcosa non funziona nel portale o in un servizio? Descrivi il problema: la segnalazione arriva agli uffici del Comune.",
        sections: &[],
    },
    page_index: "Indice della pagina",
    breadcrumb_label: "Percorso di navigazione",
    report_form_title: "La tua segnalazione",
    report_category: "Tipo di problema",
    report_categories: [
        ("portal", "Il portale non funziona come dovrebbe"),
        ("service", "Un servizio non è stato erogato come descritto"),
        (
            "information",
            "Le informazioni di una pagina sono sbagliate",
        ),
        ("accessibility", "Problema di accessibilità"),
        ("other", "Altro"),
    ],
    report_description: "Descrivi il problema",
    report_description_hint: "Da 10 a 2000 caratteri. Indica la pagina o il servizio, se puoi.",
    report_email: "Email per ricevere una risposta (facoltativa)",
    report_email_hint: "La usiamo solo per rispondere a questa segnalazione.",
    report_send: "Invia la segnalazione",
    report_thanks: "Grazie: abbiamo ricevuto la tua segnalazione.",
    report_invalid_description: "Descrivi il problema con almeno 10 caratteri (al massimo 2000).",
    report_invalid_category: "Scegli il tipo di problema.",
    report_invalid_email: "L'indirizzo email non è valido.",
    spaces_page_lead: "Negli spazi WeMi dei quartieri un operatore ti aiuta a trovare e richiedere i servizi, a cercare una babysitter, una colf o una badante, e a usare il portale.",
    spaces_print: "Stampa l'elenco",
    spaces_activities: "Cosa puoi fare",
    spaces_contacts: "Contatti",
};

pub static EN: InfoMessages = InfoMessages {
    privacy: InfoPage {
        title: "Privacy notice",
        lead: "How the City of Milan processes the personal data of WeMi users (art. 13 of EU Regulation 2016/679, GDPR). Version 2026-11.",
        sections: &[
            Section {
                id: "titolare",
                title: "Data controller",
                paragraphs: &[
                    "The controller is the City of Milan (Comune di Milano), Piazza della Scala 2, 20121 Milano, certified e-mail protocollo@postacert.comune.milano.it.",
                    "The Data Protection Officer (DPO) can be reached at dpo@comune.milano.it.",
                ],
            },
            Section {
                id: "dati",
                title: "What data we process",
                paragraphs: &[
                    "When you browse the site we process only the technical data needed to run it (IP address in server logs, kept for 90 days for security) and technical cookies: one remembers your language, one keeps you logged in to your personal area (it ends after 30 idle minutes and in any case after 12 hours), one marks the self-service tablets of the WeMi spaces.",
                    "If you use the online services we process the data you enter: identity and contact details, requests and orders, payments and, only when the service requires it and with your consent, health information about the people receiving care (special categories of data, art. 9 GDPR).",
                    "Answers to \"How clear is the information on this page?\" are anonymous: do not write personal data in the comment.",
                ],
            },
            Section {
                id: "finalita",
                title: "Why, and on what legal basis",
                paragraphs: &[
                    "To provide the welfare services you request and manage the relationship with accredited providers (a task in the public interest, art. 6.1.e GDPR), to meet legal obligations such as keeping accounting records (art. 6.1.c), and for the security of the portal.",
                    "We use no profiling cookies and no third-party tracking.",
                ],
            },
            Section {
                id: "destinatari",
                title: "Who receives them",
                paragraphs: &[
                    "The accredited providers you send a request or purchase to, only the data they need; payment providers for transactions; the City's technical suppliers appointed as processors. Data are not transferred outside the European Union.",
                ],
            },
            Section {
                id: "conservazione",
                title: "How long we keep them",
                paragraphs: &[
                    "Account data are kept while the account is active; after deletion they are erased or anonymised, except order data that the law requires us to keep (10 years for accounting records).",
                ],
            },
            Section {
                id: "diritti",
                title: "Your rights",
                paragraphs: &[
                    "You may ask for access, rectification, erasure, restriction, portability and object to processing (arts. 15-22 GDPR) by writing to the DPO. From your personal area you can download your data and ask for your account to be deleted.",
                    "If you believe the processing breaches the GDPR you may lodge a complaint with the Italian Data Protection Authority (www.garanteprivacy.it).",
                ],
            },
        ],
    },
    legal: InfoPage {
        title: "Legal notes",
        lead: "Terms of use of the content and software of the WeMi portal.",
        sections: &[
            Section {
                id: "licenza",
                title: "Content licence",
                paragraphs: &[
                    "Unless stated otherwise, the content of this site is released under the Creative Commons Attribution 4.0 International licence (CC BY 4.0): you may copy, distribute and adapt it, also commercially, crediting \"Comune di Milano – WeMi\".",
                    "Municipio and neighbourhood (NIL) data come from the City of Milan's open data portal (CC BY 4.0).",
                ],
            },
            Section {
                id: "software",
                title: "Software",
                paragraphs: &[
                    "The portal is free software, released under the EUPL-1.2 licence and described by its publiccode.yml file for the Italian public-administration reuse catalogue. It uses Bootstrap Italia (BSD-3-Clause) and the Titillium Web, Lora and Roboto Mono fonts (SIL Open Font License).",
                ],
            },
            Section {
                id: "responsabilita",
                title: "Liability",
                paragraphs: &[
                    "Service pages are written by the accredited providers and checked by the City before publication. The City is not liable for inaccuracies that were not reported: you can report them on the \"Report a problem\" page.",
                ],
            },
        ],
    },
    faq: InfoPage {
        title: "Frequently asked questions",
        lead: "Answers to the most common questions about WeMi.",
        sections: &[
            Section {
                id: "cos-e",
                title: "What is WeMi?",
                paragraphs: &[
                    "It is the City of Milan's shared-welfare portal: it gathers the care, education and home services offered by social cooperatives and associations accredited by the City, free or paid, individual or shared with other families.",
                ],
            },
            Section {
                id: "accreditati",
                title: "Who provides the services?",
                paragraphs: &[
                    "Third-sector organisations accredited by the City after a public call. Every page shows the provider, its accreditation status and expiry date; every change to a service is checked by the City before it is published.",
                ],
            },
            Section {
                id: "costi",
                title: "How much do services cost?",
                paragraphs: &[
                    "Every service page shows the full price list: price per hour, session, month or package, and any discounts for quantity or for several families sharing the service. Some services are free or publicly funded; others accept the City's welfare vouchers.",
                ],
            },
            Section {
                id: "aiuto",
                title: "I am not comfortable with computers: can I get help?",
                paragraphs: &[
                    "Yes. In the neighbourhood WeMi spaces an operator helps you find a service, send a request or find a babysitter, a domestic helper or a carer. Addresses and opening hours are on the \"WeMi spaces\" page.",
                ],
            },
            Section {
                id: "lavoro-domestico",
                title: "How much does it cost to employ a domestic worker or a carer?",
                paragraphs: &[
                    "The domestic-work calculator shows the real cost of a contract (minimum pay, 13th month, severance, INPS and Cassa Colf contributions) and compares it with the Libretto Famiglia and with the services of accredited cooperatives.",
                ],
            },
        ],
    },
    contacts: InfoPage {
        title: "Contacts",
        lead: "How to reach the City of Milan and the WeMi spaces.",
        sections: &[
            Section {
                id: "comune",
                title: "City of Milan",
                paragraphs: &[
                    "Piazza della Scala 2, 20121 Milano. Switchboard 02 02 02 (Monday to Saturday, 8am-8pm). Certified e-mail protocollo@postacert.comune.milano.it.",
                ],
            },
            Section {
                id: "spazi",
                title: "WeMi spaces",
                paragraphs: &[
                    "For help in person go to the nearest WeMi space: addresses, opening hours and activities are on the \"WeMi spaces\" page.",
                ],
            },
            Section {
                id: "enti",
                title: "Service providers",
                paragraphs: &[
                    "Each provider's contacts are on its page and in the \"Contacts\" section of every service page.",
                ],
            },
        ],
    },
    report: InfoPage {
        title: "Report a problem",
        lead: "Is something not working on the portal or in a service? Describe the problem: the report reaches the City's offices.",
        sections: &[],
    },
    page_index: "On this page",
    breadcrumb_label: "Breadcrumb",
    report_form_title: "Your report",
    report_category: "Kind of problem",
    report_categories: [
        ("portal", "The portal does not work as it should"),
        ("service", "A service was not delivered as described"),
        ("information", "The information on a page is wrong"),
        ("accessibility", "Accessibility problem"),
        ("other", "Other"),
    ],
    report_description: "Describe the problem",
    report_description_hint: "From 10 to 2000 characters. Name the page or service if you can.",
    report_email: "E-mail for a reply (optional)",
    report_email_hint: "We use it only to answer this report.",
    report_send: "Send the report",
    report_thanks: "Thank you: we have received your report.",
    report_invalid_description: "Describe the problem in at least 10 characters (at most 2000).",
    report_invalid_category: "Choose the kind of problem.",
    report_invalid_email: "The e-mail address is not valid.",
    spaces_page_lead: "In the neighbourhood WeMi spaces an operator helps you find and request services, look for a babysitter, a domestic helper or a carer, and use the portal.",
    spaces_print: "Print the list",
    spaces_activities: "What you can do",
    spaces_contacts: "Contacts",
};
