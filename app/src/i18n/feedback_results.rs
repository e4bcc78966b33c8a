//! Texts of the page-feedback results, Italian and English.

use super::Locale;

pub struct FeedbackResultTexts {
    pub title: &'static str,
    pub lead: &'static str,
    pub empty: &'static str,
    pub col_page: &'static str,
    pub col_answers: &'static str,
    pub col_average: &'static str,
    pub col_positive: &'static str,
    pub col_latest: &'static str,
    pub comments: &'static str,
    pub no_comments: &'static str,
    pub stars: fn(i64) -> String,
    pub area_text: &'static str,
}

pub fn feedback_result_texts(locale: Locale) -> &'static FeedbackResultTexts {
    match locale {
        Locale::It => &IT,
        Locale::En => &EN,
    }
}

static IT: FeedbackResultTexts = FeedbackResultTexts {
    title: "Valutazioni delle pagine",
    lead: "Le risposte alla domanda «Quanto sono chiare le informazioni su questa pagina?», per \
           pagina: quante, la media delle stelle e la quota di risposte positive (4 o 5 stelle).",
    empty: "Nessuna valutazione ricevuta finora.",
    col_page: "Pagina",
    col_answers: "Risposte",
    col_average: "Media",
    col_positive: "Positive",
    col_latest: "Ultima",
    comments: "Ultimi commenti",
    no_comments: "Nessun commento scritto.",
    stars: |n| format!("{n} stelle su 5"),
    area_text: "Quanto i visitatori trovano chiare le pagine, e i loro commenti.",
};

static EN: FeedbackResultTexts = FeedbackResultTexts {
    title: "Page ratings",
    lead: "Answers to \"How clear is the information on this page?\", per page: how many, the \
           average stars and the share of positive answers (4 or 5 stars).",
    empty: "No rating received yet.",
    col_page: "Page",
    col_answers: "Answers",
    col_average: "Average",
    col_positive: "Positive",
    col_latest: "Latest",
    comments: "Latest comments",
    no_comments: "No written comment.",
    stars: |n| format!("{n} stars out of 5"),
    area_text: "How clear visitors find the pages, and their comments.",
};

/// `stars / answers` with one decimal, rounded half up, with integers only ("4,3").
pub fn average(locale: Locale, stars: i64, answers: i64) -> String {
    if answers <= 0 {
        return "–".into();
    }
    let tenths = (stars * 20 + answers) / (answers * 2);
    let sep = if locale == Locale::It { ',' } else { '.' };
    format!("{}{sep}{}", tenths / 10, tenths % 10)
}

/// `part / whole` as a whole percentage, rounded half up.
pub fn percent(part: i64, whole: i64) -> String {
    if whole <= 0 {
        return "–".into();
    }
    format!("{}%", (part * 200 + whole) / (whole * 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averages_and_shares_round_half_up() {
        assert_eq!(average(Locale::It, 13, 3), "4,3");
        assert_eq!(average(Locale::En, 9, 2), "4.5");
        assert_eq!(average(Locale::It, 0, 0), "–");
        assert_eq!(percent(2, 3), "67%");
        assert_eq!(percent(1, 8), "13%");
        assert_eq!(percent(0, 0), "–");
    }
}
