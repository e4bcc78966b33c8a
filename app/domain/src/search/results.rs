//! Filtering, facet counts, sorting and paging of the services a text search matched (or of
//! the whole catalogue when there is no text). Plain Rust over compact rows, so both database
//! engines give the same answer by construction and the rules are tested without a database.

use std::cmp::Ordering;

use super::params::{DELIVERIES, MODES, PRICES, SearchParams, TIMES};

/// One published service as search sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub id: i64,
    pub category_id: i64,
    pub provider_id: i64,
    /// Index in [`PRICES`].
    pub price: usize,
    /// Index in [`MODES`].
    pub mode: usize,
    pub vouchers: bool,
    pub price_from_cents: Option<i64>,
    /// Bit N set when municipio N is served.
    pub municipi_mask: i64,
    /// Bit N set for target group id N.
    pub targets_mask: i64,
    /// Bit N set for `DELIVERIES[N]`.
    pub delivery_mask: i64,
    /// Bit N set for `TIMES[N]`.
    pub time_mask: i64,
    /// Average of the published reviews × 100 (433 = 4.33), `None` without reviews.
    pub rating_x100: Option<i64>,
    /// Number of published reviews.
    pub rating_count: i64,
    /// Normalized name, for the alphabetical order and as the last tie-breaker.
    pub sort_name: String,
}

/// The filters of a search with slugs already turned into ids. An unknown slug is `Some(-1)`:
/// it matches nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub category_id: Option<i64>,
    pub target_id: Option<i64>,
    pub provider_id: Option<i64>,
    pub municipio: Option<u8>,
    pub price: Option<usize>,
    pub mode: Option<usize>,
    pub max_price_cents: Option<i64>,
    pub time: Option<usize>,
    pub delivery: Option<usize>,
    pub vouchers: bool,
}

impl Filter {
    /// The filter of `params`, with the ids the store found for its slugs.
    pub fn from_params(
        params: &SearchParams,
        category_id: Option<i64>,
        target_id: Option<i64>,
        provider_id: Option<i64>,
    ) -> Filter {
        let index = |list: &[&str], v: &Option<String>| {
            v.as_deref().and_then(|v| list.iter().position(|x| *x == v))
        };
        Filter {
            category_id: params.category.as_ref().map(|_| category_id.unwrap_or(-1)),
            target_id: params.target.as_ref().map(|_| target_id.unwrap_or(-1)),
            provider_id: params.provider.as_ref().map(|_| provider_id.unwrap_or(-1)),
            municipio: params.municipio,
            price: index(PRICES, &params.price),
            mode: index(MODES, &params.mode),
            max_price_cents: params.max_price_cents,
            time: index(TIMES, &params.time),
            delivery: index(DELIVERIES, &params.delivery),
            vouchers: params.vouchers,
        }
    }
}

/// Counts per value of each facet. Each facet is counted with every *other* filter applied,
/// so it tells how many results choosing that value would give.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetCounts {
    /// (category id, count), only ids with at least one result, by id.
    pub category: Vec<(i64, i64)>,
    pub target: Vec<(i64, i64)>,
    /// Index = municipio number - 1.
    pub municipio: [i64; 9],
    pub price: [i64; 3],
    pub mode: [i64; 2],
    pub time: [i64; 4],
    pub delivery: [i64; 4],
    pub vouchers: i64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub total: i64,
    /// The ids of the requested page, in order.
    pub page_ids: Vec<i64>,
    pub facets: FacetCounts,
}

// Positions in the flags of `passes` (provider = 2 and max price = 6 have no facet).
const DIMS: usize = 10;
const CATEGORY: usize = 0;
const TARGET: usize = 1;
const MUNICIPIO: usize = 3;
const PRICE: usize = 4;
const MODE: usize = 5;
const TIME: usize = 7;
const DELIVERY: usize = 8;
const VOUCHERS: usize = 9;

fn bit(mask: i64, n: i64) -> bool {
    (0..63).contains(&n) && mask & (1i64 << n) != 0
}

/// Which filters a hit passes, one flag per dimension (a filter not set always passes).
fn passes(h: &Hit, f: &Filter) -> [bool; DIMS] {
    [
        f.category_id.is_none_or(|c| h.category_id == c),
        f.target_id.is_none_or(|t| bit(h.targets_mask, t)),
        f.provider_id.is_none_or(|p| h.provider_id == p),
        f.municipio
            .is_none_or(|m| bit(h.municipi_mask, i64::from(m))),
        f.price.is_none_or(|p| h.price == p),
        f.mode.is_none_or(|m| h.mode == m),
        f.max_price_cents
            .is_none_or(|max| h.price_from_cents.unwrap_or(0) <= max),
        f.time.is_none_or(|t| bit(h.time_mask, t as i64)),
        f.delivery.is_none_or(|d| bit(h.delivery_mask, d as i64)),
        !f.vouchers || h.vouchers,
    ]
}

fn add(list: &mut Vec<(i64, i64)>, key: i64) {
    match list.binary_search_by_key(&key, |(k, _)| *k) {
        Ok(i) => list[i].1 += 1,
        Err(i) => list.insert(i, (key, 1)),
    }
}

/// A hit with its relevance for the text asked (0 when there is none; higher is better).
pub type Scored<'a> = (&'a Hit, i64);

/// How results are ordered: `relevance`, `price` (free first, then cheapest), `rating` (best
/// rated first, then the most reviewed, unrated last) or `name`. Ties always fall back to the name, then the id, so
/// the order is total and the same on every engine.
pub fn compare(sort: &str, (a, a_score): Scored, (b, b_score): Scored) -> Ordering {
    let primary = match sort {
        "relevance" => b_score.cmp(&a_score),
        "price" => a
            .price_from_cents
            .unwrap_or(0)
            .cmp(&b.price_from_cents.unwrap_or(0)),
        "rating" => match (a.rating_x100, b.rating_x100) {
            (Some(x), Some(y)) => y.cmp(&x).then_with(|| b.rating_count.cmp(&a.rating_count)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
        _ => Ordering::Equal,
    };
    primary
        .then_with(|| b_score.cmp(&a_score))
        .then_with(|| a.sort_name.cmp(&b.sort_name))
        .then_with(|| a.id.cmp(&b.id))
}

/// Applies the filter, counts the facets, sorts and cuts the requested page.
pub fn run<'a>(
    hits: impl IntoIterator<Item = Scored<'a>>,
    filter: &Filter,
    sort: &str,
    offset: i64,
    limit: u32,
) -> Outcome {
    let mut facets = FacetCounts::default();
    let mut kept: Vec<Scored<'a>> = Vec::new();
    for (h, score) in hits {
        let flags = passes(h, filter);
        let failing = flags.iter().filter(|ok| !**ok).count();
        if failing > 1 {
            continue;
        }
        // Counts a facet when every filter but its own passes.
        let others_pass = |dim: usize| failing == 0 || !flags[dim];
        if others_pass(CATEGORY) {
            add(&mut facets.category, h.category_id);
        }
        if others_pass(TARGET) {
            for t in 0..63 {
                if bit(h.targets_mask, t) {
                    add(&mut facets.target, t);
                }
            }
        }
        if others_pass(MUNICIPIO) {
            for m in 1..=9 {
                if bit(h.municipi_mask, m) {
                    facets.municipio[(m - 1) as usize] += 1;
                }
            }
        }
        if others_pass(PRICE) {
            facets.price[h.price.min(2)] += 1;
        }
        if others_pass(MODE) {
            facets.mode[h.mode.min(1)] += 1;
        }
        if others_pass(TIME) {
            for (i, slot) in facets.time.iter_mut().enumerate() {
                if bit(h.time_mask, i as i64) {
                    *slot += 1;
                }
            }
        }
        if others_pass(DELIVERY) {
            for (i, slot) in facets.delivery.iter_mut().enumerate() {
                if bit(h.delivery_mask, i as i64) {
                    *slot += 1;
                }
            }
        }
        if others_pass(VOUCHERS) && h.vouchers {
            facets.vouchers += 1;
        }
        if failing == 0 {
            kept.push((h, score));
        }
    }
    let total = kept.len() as i64;
    let start = usize::try_from(offset)
        .unwrap_or(usize::MAX)
        .min(kept.len());
    let end = start.saturating_add(limit as usize).min(kept.len());
    // Only the requested page needs a full order: select it, then sort it.
    if start < kept.len() {
        kept.select_nth_unstable_by(end - 1, |a, b| compare(sort, *a, *b));
        kept.truncate(end);
        kept.sort_unstable_by(|a, b| compare(sort, *a, *b));
    }
    let page_ids = kept[start.min(kept.len())..]
        .iter()
        .map(|(h, _)| h.id)
        .collect();
    Outcome {
        total,
        page_ids,
        facets,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(id: i64, category: i64, price: usize, cents: Option<i64>) -> Hit {
        Hit {
            id,
            category_id: category,
            provider_id: 1,
            price,
            mode: 0,
            vouchers: id % 2 == 0,
            price_from_cents: cents,
            municipi_mask: 1 << (1 + id % 9),
            targets_mask: 1 << 1,
            delivery_mask: 1,
            time_mask: 0b11,
            rating_x100: if id % 3 == 0 { None } else { Some(300 + id) },
            rating_count: if id % 3 == 0 { 0 } else { 1 },
            sort_name: format!("service {id:03}"),
        }
    }

    fn corpus() -> Vec<Hit> {
        (1..=30)
            .map(|i| {
                let paid = i % 3 != 0;
                hit(
                    i,
                    1 + i % 2,
                    if paid { 1 } else { 0 },
                    paid.then_some(1000 + i * 10),
                )
            })
            .collect()
    }

    #[test]
    fn no_filter_keeps_everything_and_pages() {
        let out = run(
            corpus().iter().map(|h| (h, 0)),
            &Filter::default(),
            "name",
            20,
            20,
        );
        assert_eq!(out.total, 30);
        assert_eq!(out.page_ids, (21..=30).collect::<Vec<_>>());
        let beyond = run(
            corpus().iter().map(|h| (h, 0)),
            &Filter::default(),
            "name",
            40,
            20,
        );
        assert!(beyond.page_ids.is_empty());
        assert_eq!(beyond.total, 30);
    }

    #[test]
    fn facets_ignore_their_own_filter() {
        let filter = Filter {
            category_id: Some(1),
            ..Filter::default()
        };
        let out = run(corpus().iter().map(|h| (h, 0)), &filter, "name", 0, 100);
        assert_eq!(out.total, 15);
        // Both categories still counted, so the other one can be chosen.
        assert_eq!(out.facets.category, vec![(1, 15), (2, 15)]);
        // Price facet counted within category 1 only.
        assert_eq!(out.facets.price.iter().sum::<i64>(), 15);
    }

    #[test]
    fn filters_combine() {
        let filter = Filter {
            price: Some(0),
            vouchers: true,
            ..Filter::default()
        };
        let out = run(corpus().iter().map(|h| (h, 0)), &filter, "name", 0, 100);
        // free (multiple of 3) and even → multiples of 6
        assert_eq!(out.page_ids, vec![6, 12, 18, 24, 30]);
        let unknown = Filter {
            category_id: Some(-1),
            ..Filter::default()
        };
        assert_eq!(
            run(corpus().iter().map(|h| (h, 0)), &unknown, "name", 0, 100).total,
            0
        );
    }

    #[test]
    fn sorts_by_price_then_rating() {
        let out = run(
            corpus().iter().map(|h| (h, 0)),
            &Filter::default(),
            "price",
            0,
            12,
        );
        // The 10 free ones first (by name), then the cheapest paid.
        assert_eq!(&out.page_ids[..10], &[3, 6, 9, 12, 15, 18, 21, 24, 27, 30]);
        assert_eq!(&out.page_ids[10..], &[1, 2]);
        let out = run(
            corpus().iter().map(|h| (h, 0)),
            &Filter::default(),
            "rating",
            0,
            30,
        );
        assert_eq!(out.page_ids[0], 29);
        assert_eq!(out.page_ids[29], 30, "unrated last");
    }

    #[test]
    fn equal_ratings_go_by_number_of_reviews_then_name() {
        let mut hits = corpus();
        for h in hits.iter_mut() {
            h.rating_x100 = Some(450);
            h.rating_count = 1;
        }
        hits[4].rating_count = 7; // id 5
        hits[9].rating_count = 3; // id 10
        hits[19].rating_x100 = Some(451); // id 20
        let out = run(
            hits.iter().map(|h| (h, 0)),
            &Filter::default(),
            "rating",
            0,
            5,
        );
        assert_eq!(out.page_ids, [20, 5, 10, 1, 2]);
    }

    #[test]
    fn max_price_treats_free_as_zero() {
        let filter = Filter {
            max_price_cents: Some(1050),
            ..Filter::default()
        };
        let out = run(corpus().iter().map(|h| (h, 0)), &filter, "price", 0, 100);
        assert_eq!(out.total, 10 + 4); // free ones + 1010, 1020, 1040, 1050
    }

    #[test]
    fn relevance_orders_by_score() {
        let hits = corpus();
        let scored = hits.iter().map(|h| {
            let score = match h.id {
                5 => 9,
                8 => 5,
                _ => 0,
            };
            (h, score)
        });
        let out = run(scored, &Filter::default(), "relevance", 0, 3);
        assert_eq!(out.page_ids, vec![5, 8, 1]);
    }
}
