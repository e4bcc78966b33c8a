//! Catalogue pages rendered by the server (what a browser without JavaScript gets): search
//! with filters and paging, the scheda servizio with its PA structure and JSON-LD, provider
//! and landing pages, and bad input that never breaks or leaks into the page.

use crate::common;

use scraper::{Html, Selector};

use common::TestServer;

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

fn text(el: &scraper::ElementRef) -> String {
    el.text().collect::<String>()
}

async fn search_page(server: &TestServer) {
    let (status, html) = server.get_html("/servizi").await;
    assert_eq!(status, 200);
    let doc = Html::parse_document(&html);
    assert_eq!(select(&doc, "#results > li").len(), 20, "first page of 20");
    let heading = text(&select(&doc, "#results-title")[0]);
    assert!(heading.contains("143 servizi trovati"), "{heading}");
    // Every facet is a group of radio buttons in a GET form.
    for facet in [
        "category",
        "target",
        "price",
        "mode",
        "delivery",
        "time",
        "municipio",
    ] {
        assert_eq!(
            select(&doc, &format!("form.filters fieldset[data-facet={facet}]")).len(),
            1,
            "{facet}"
        );
    }
    assert!(select(&doc, "a[rel=next][href='/servizi?page=2']").len() == 1);

    // Text, a filter and a page, all from the URL.
    let (status, html) = server
        .get_html("/servizi?q=babysiter&category=servizi-educativi&page=1")
        .await;
    assert_eq!(status, 200);
    let doc = Html::parse_document(&html);
    let titles: Vec<String> = select(&doc, "#results .card-title a")
        .iter()
        .map(text)
        .collect();
    assert!(
        titles
            .iter()
            .any(|t| t.to_lowercase().contains("babysitter")),
        "{titles:?}"
    );
    assert!(html.contains("babysitter"), "the correction is explained");
    let checked = select(
        &doc,
        "input[name=category][value=servizi-educativi][checked]",
    );
    assert_eq!(checked.len(), 1, "the filter in force is checked");
    let search_value = select(&doc, "input#search-q")[0]
        .value()
        .attr("value")
        .unwrap_or("");
    assert_eq!(search_value, "babysiter");

    // No results: a clear empty state.
    let (_, html) = server.get_html("/servizi?q=zzzyyyxxx").await;
    assert!(
        Html::parse_document(&html)
            .select(&Selector::parse("#no-results").unwrap())
            .next()
            .is_some()
    );

    // Bad input: 400 with a message, the text never echoed unescaped.
    let (status, html) = server.get_html("/servizi?municipio=77").await;
    assert_eq!(status, 400);
    assert!(html.contains("municipio"));
    let (status, html) = server
        .get_html("/servizi?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
        .await;
    assert_eq!(status, 200);
    assert!(!html.contains("<script>alert(1)"));
    let long = "x".repeat(5000);
    let (status, _) = server.get_html(&format!("/servizi?q={long}")).await;
    assert_eq!(status, 400);
    for query in [
        "page=0",
        "max_price=-3",
        "sort=%27",
        "category=%25_",
        "q=%00%F0%9F%A7%B8",
    ] {
        let (status, _) = server.get_html(&format!("/servizi?{query}")).await;
        assert!(status < 500, "{query}: {status}");
    }
}
both_engines!(search_page_works_without_javascript, search_page);

async fn service_page(server: &TestServer) {
    let (status, html) = server.get_html("/servizi/babysitting-a-domicilio").await;
    assert_eq!(status, 200);
    let doc = Html::parse_document(&html);
    assert!(html.contains("<title>Babysitting a domicilio"));
    // The scheda servizio sections, in the PA order.
    let order = [
        "service-title",
        "service-description",
        "page-index",
        "service-addressed",
        "service-how-to",
        "service-needed",
        "service-achieved",
        "service-calendar-text",
        "service-online-access",
        "service-booking-access",
        "service-file",
        "service-area",
        "feedback",
    ];
    let positions: Vec<usize> = order
        .iter()
        .map(|e| {
            html.find(&format!("data-element=\"{e}\""))
                .unwrap_or_else(|| panic!("{e} present"))
        })
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "sections in order"
    );
    assert_eq!(select(&doc, "[data-element=breadcrumb] li").len(), 4);
    assert!(!select(&doc, "table.price-list tbody tr").is_empty());
    // JSON-LD GovernmentService in the head, with the offer.
    let head = &html[..html.find("</head>").unwrap()];
    let start = head.find("application/ld+json").expect("JSON-LD in head");
    let json_start = head[start..].find('>').unwrap() + start + 1;
    let json_end = head[json_start..].find("</script>").unwrap() + json_start;
    let ld: serde_json::Value = serde_json::from_str(&head[json_start..json_end]).unwrap();
    assert_eq!(ld["@type"], "GovernmentService");
    assert_eq!(ld["serviceOperator"]["name"], "Comune di Milano");
    assert_eq!(ld["offers"]["priceSpecification"]["unitCode"], "HUR");
    assert_eq!(ld["offers"]["priceCurrency"], "EUR");
    // "Book an appointment" leads to the booking page, carrying the service.
    assert!(
        !select(
            &doc,
            "a[href^='/appuntamenti/nuovo?servizio=babysitting-a-domicilio']"
        )
        .is_empty()
    );

    let (status, _) = server.get_html("/servizi/non-esiste").await;
    assert_eq!(status, 404);
    let (status, _) = server.get_html("/servizi/%27%3B--").await;
    assert_eq!(status, 404);

    let (status, html) = server
        .get_html("/servizi/babysitting-a-domicilio?lang=en")
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Home babysitting"));
    assert!(html.contains("Who it is for"));
}
both_engines!(service_page_follows_the_scheda_servizio, service_page);

async fn provider_and_landing_pages(server: &TestServer) {
    let (status, html) = server.get_html("/enti").await;
    assert_eq!(status, 200);
    let doc = Html::parse_document(&html);
    let links: Vec<String> = select(&doc, "#providers-page h2 a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(links.len(), 24);
    assert!(html.contains("/enti?page=3"), "50 providers in pages of 24");

    let (status, html) = server.get_html(&links[0]).await;
    assert_eq!(status, 200);
    let doc = Html::parse_document(&html);
    assert!(html.contains("Partita IVA"));
    assert!(html.contains("Accreditato dal Comune di Milano"));
    assert!(!select(&doc, "#provider-page .service-card").is_empty());
    let (status, _) = server.get_html("/enti/non-esiste").await;
    assert_eq!(status, 404);

    let (status, html) = server.get_html("/categorie/servizi-educativi").await;
    assert_eq!(status, 200);
    assert!(html.contains("Servizi educativi"));
    assert!(html.contains("/servizi?category=servizi-educativi"));
    let (status, html) = server.get_html("/destinatari/anziani").await;
    assert_eq!(status, 200);
    assert!(html.contains("/servizi?target=anziani"));
    let (status, _) = server.get_html("/categorie/non-esiste").await;
    assert_eq!(status, 404);

    let (status, html) = server
        .get_html("/prossimamente?servizio=%22%3E%3Cscript%3E")
        .await;
    assert_eq!(status, 200);
    assert!(!html.contains("\"><script>"));
}
both_engines!(provider_and_landing_pages_work, provider_and_landing_pages);

/// Catalogue pages are served from a short-lived cache for visitors without a session, each
/// response with its own CSP nonce.
async fn page_cache(server: &TestServer) {
    let nonce = |r: &reqwest::Response| {
        let csp = r.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_string();
        let start = csp.find("'nonce-").unwrap() + 7;
        csp[start..start + csp[start..].find('\'').unwrap()].to_string()
    };
    let first = server.get("/servizi?q=anziani").await;
    assert!(first.headers().get("x-wemi-cache").is_none());
    let first_nonce = nonce(&first);
    let first_body = first.text().await.unwrap();
    let second = server.get("/servizi?q=anziani").await;
    assert_eq!(second.headers()["x-wemi-cache"], "hit");
    let second_nonce = nonce(&second);
    assert_ne!(first_nonce, second_nonce);
    let second_body = second.text().await.unwrap();
    assert!(second_body.contains(&format!("nonce=\"{second_nonce}\"")));
    assert!(!second_body.contains(&first_nonce));
    assert_eq!(
        first_body.replace(&first_nonce, "N"),
        second_body.replace(&second_nonce, "N")
    );
    // English is cached apart.
    let en = server.get("/servizi?q=anziani&lang=en").await;
    let status = en.status();
    let body = en.text().await.unwrap();
    assert!(
        body.contains("services found"),
        "{status}: {}",
        body.chars().take(600).collect::<String>()
    );
    // A visitor with another cookie (a session) is never served from the cache.
    let personal = server
        .client
        .get(server.url("/servizi?q=anziani"))
        .header("cookie", "wemi_session=abc")
        .send()
        .await
        .unwrap();
    assert!(personal.headers().get("x-wemi-cache").is_none());
}
both_engines!(catalogue_pages_are_cached_per_language, page_cache);
