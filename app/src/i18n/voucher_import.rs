//! Texts of the city's voucher import page, Italian and English.

use super::Locale;

pub struct VoucherImportTexts {
    pub title: &'static str,
    pub lead: &'static str,
    pub file: &'static str,
    pub file_hint: &'static str,
    pub upload: &'static str,
    pub format_title: &'static str,
    pub format: [&'static str; 4],
    pub history: &'static str,
    pub empty: &'static str,
    pub col_when: &'static str,
    pub col_file: &'static str,
    pub col_by: &'static str,
    pub col_outcome: &'static str,
    pub col_rows: &'static str,
    pub col_total: &'static str,
    pub imported: &'static str,
    pub refused: &'static str,
    pub imported_notice: fn(i64, &str) -> String,
    pub refused_notice: fn(usize) -> String,
    pub problems: &'static str,
    pub file_missing: &'static str,
    pub file_too_large: &'static str,
    pub assign_title: &'static str,
    pub fiscal_code: &'static str,
    pub amount: &'static str,
    pub scheme: &'static str,
    pub valid_from: &'static str,
    pub valid_until: &'static str,
    pub assign: &'static str,
    pub assigned: &'static str,
    pub search_title: &'static str,
    pub search: &'static str,
    pub none_found: &'static str,
    pub balance: &'static str,
    pub revoked: &'static str,
    pub revoke: &'static str,
    pub revoke_reason: &'static str,
    pub revoked_notice: &'static str,
    pub spending: &'static str,
    pub preview_title: &'static str,
    pub preview_lead: fn(i64, &str) -> String,
    pub preview_sample: &'static str,
    pub confirm: &'static str,
    pub discard: &'static str,
    pub discarded: &'static str,
    pub col_line: &'static str,
}

pub fn voucher_import_texts(locale: Locale) -> &'static VoucherImportTexts {
    match locale {
        Locale::It => &IT,
        Locale::En => &EN,
    }
}

static IT: VoucherImportTexts = VoucherImportTexts {
    title: "Importa voucher",
    lead: "Carica il file dei voucher welfare assegnati dal Comune. Il file viene importato solo \
           se ogni riga è corretta; altrimenti nessun voucher viene assegnato e trovi qui l'elenco \
           delle correzioni da fare. Lo stesso file non viene mai importato due volte.",
    file: "File CSV dei voucher",
    file_hint: "Formato CSV (separato da punto e virgola, virgola o tabulazione), al massimo 16 MB.",
    upload: "Importa il file",
    format_title: "Come preparare il file",
    format: [
        "Una riga per voucher con le colonne codice_fiscale, importo, misura, valido_dal, valido_al (anche in inglese: fiscal_code, amount, scheme, valid_from, valid_until).",
        "Importi in euro con la virgola o il punto per i decimali: 150 oppure 150,50.",
        "Date nel formato 31/12/2026 oppure 2026-12-31.",
        "Se il file non ha intestazione, le colonne devono essere nell'ordine indicato sopra.",
    ],
    history: "Ultimi file caricati",
    empty: "Nessun file caricato finora.",
    col_when: "Data",
    col_file: "File",
    col_by: "Caricato da",
    col_outcome: "Esito",
    col_rows: "Voucher",
    col_total: "Importo totale",
    imported: "Importato",
    refused: "Rifiutato",
    imported_notice: |n, total| {
        format!("File importato: {n} voucher assegnati, per un totale di € {total}.")
    },
    refused_notice: |n| {
        if n == 1 {
            "File non importato: c'è un problema da correggere.".to_string()
        } else {
            format!("File non importato: ci sono {n} problemi da correggere.")
        }
    },
    problems: "Problemi da correggere",
    file_missing: "Scegli il file da importare.",
    file_too_large: "Il file supera la dimensione massima di 16 MB: dividilo in più file.",
    assign_title: "Assegna un voucher",
    fiscal_code: "Codice fiscale",
    amount: "Importo (euro)",
    scheme: "Misura",
    valid_from: "Valido dal",
    valid_until: "Valido al",
    assign: "Assegna",
    assigned: "Voucher assegnato.",
    search_title: "Voucher di una persona",
    search: "Cerca",
    none_found: "Nessun voucher per questo codice fiscale.",
    balance: "Saldo",
    revoked: "Revocato",
    revoke: "Revoca",
    revoke_reason: "Motivo della revoca",
    revoked_notice: "Voucher revocato: il saldo residuo non è più spendibile.",
    spending: "Scarica il riepilogo della spesa per misura (CSV)",
    preview_title: "Anteprima: controlla prima di importare",
    preview_lead: |n, total| {
        format!(
            "Il file è corretto: assegnerà {n} voucher per un totale di {total}. Nulla è stato ancora assegnato."
        )
    },
    preview_sample: "Prime righe del file",
    confirm: "Conferma l'importazione",
    discard: "Annulla",
    discarded: "Importazione annullata: nessun voucher assegnato.",
    col_line: "Riga",
};

static EN: VoucherImportTexts = VoucherImportTexts {
    title: "Import vouchers",
    lead: "Upload the file of welfare vouchers the City assigned. The file is imported only if \
           every row is correct; otherwise no voucher is assigned and the list of corrections \
           appears here. The same file is never imported twice.",
    file: "Voucher CSV file",
    file_hint: "CSV (separated by semicolons, commas or tabs), at most 16 MB.",
    upload: "Import the file",
    format_title: "How to prepare the file",
    format: [
        "One row per voucher with the columns fiscal_code, amount, scheme, valid_from, valid_until (Italian names are accepted too).",
        "Amounts in euros with a comma or a dot for decimals: 150 or 150.50.",
        "Dates as 31/12/2026 or 2026-12-31.",
        "Without a header row, the columns must be in the order above.",
    ],
    history: "Latest files",
    empty: "No file uploaded yet.",
    col_when: "Date",
    col_file: "File",
    col_by: "Uploaded by",
    col_outcome: "Outcome",
    col_rows: "Vouchers",
    col_total: "Total amount",
    imported: "Imported",
    refused: "Refused",
    imported_notice: |n, total| format!("File imported: {n} vouchers assigned, € {total} in all."),
    refused_notice: |n| {
        if n == 1 {
            "File not imported: there is one problem to correct.".to_string()
        } else {
            format!("File not imported: there are {n} problems to correct.")
        }
    },
    problems: "Problems to correct",
    file_missing: "Choose the file to import.",
    file_too_large: "The file is larger than 16 MB: please split it.",
    assign_title: "Assign a voucher",
    fiscal_code: "Fiscal code",
    amount: "Amount (euro)",
    scheme: "Scheme",
    valid_from: "Valid from",
    valid_until: "Valid until",
    assign: "Assign",
    assigned: "Voucher assigned.",
    search_title: "A person's vouchers",
    search: "Search",
    none_found: "No voucher for this fiscal code.",
    balance: "Balance",
    revoked: "Revoked",
    revoke: "Revoke",
    revoke_reason: "Reason for revoking",
    revoked_notice: "Voucher revoked: what is left can no longer be spent.",
    spending: "Download the spending summary per scheme (CSV)",
    preview_title: "Preview: check before importing",
    preview_lead: |n, total| {
        format!(
            "The file is correct: it will assign {n} vouchers, {total} in all. Nothing has been assigned yet."
        )
    },
    preview_sample: "First rows of the file",
    confirm: "Confirm the import",
    discard: "Cancel",
    discarded: "Import cancelled: no voucher assigned.",
    col_line: "Line",
};
