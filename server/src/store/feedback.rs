use app::ports::StoreError;
use time::OffsetDateTime;

use super::{Db, backend, on_pool};

pub async fn record(
    db: &Db,
    page: &str,
    rating: u8,
    answer: Option<&str>,
    comment: Option<&str>,
) -> Result<(), StoreError> {
    let now = OffsetDateTime::now_utc();
    on_pool!(db, pool => sqlx::query(
        "INSERT INTO page_feedback (page, rating, answer, comment, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(page)
    .bind(i64::from(rating))
    .bind(answer)
    .bind(comment)
    .bind(now)
    .execute(pool)
    .await
    .map(|_| ()))
    .map_err(backend)
}

pub async fn record_problem_report(
    db: &Db,
    category: &str,
    description: &str,
    email: Option<&str>,
) -> Result<(), StoreError> {
    let now = OffsetDateTime::now_utc();
    on_pool!(db, pool => sqlx::query(
        "INSERT INTO problem_reports (category, description, email, status, created_at) \
         VALUES ($1, $2, $3, 'open', $4)",
    )
    .bind(category)
    .bind(description)
    .bind(email)
    .bind(now)
    .execute(pool)
    .await
    .map(|_| ()))
    .map_err(backend)
}

/// Per page: answers, sum of the stars, answers with 4 or 5 stars, the latest answer.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct PageScore {
    pub page: String,
    pub answers: i64,
    pub stars: i64,
    pub positive: i64,
    pub latest: OffsetDateTime,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Comment {
    pub page: String,
    pub rating: i64,
    pub answer: Option<String>,
    pub comment: String,
    pub created_at: OffsetDateTime,
}

/// The pages' scores, most answered first, and the latest written comments.
pub async fn results(db: &Db) -> Result<(Vec<PageScore>, Vec<Comment>), StoreError> {
    on_pool!(db, pool => async {
        let scores = sqlx::query_as::<_, PageScore>(
            "SELECT page, COUNT(*) AS answers, CAST(SUM(rating) AS BIGINT) AS stars, \
             CAST(SUM(CASE WHEN rating >= 4 THEN 1 ELSE 0 END) AS BIGINT) AS positive, \
             MAX(created_at) AS latest FROM page_feedback GROUP BY page \
             ORDER BY COUNT(*) DESC, page LIMIT 200"
        ).fetch_all(pool).await?;
        let comments = sqlx::query_as::<_, Comment>(
            "SELECT page, CAST(rating AS BIGINT) AS rating, answer, comment, created_at \
             FROM page_feedback WHERE comment IS NOT NULL AND comment <> '' \
             ORDER BY id DESC LIMIT 50"
        ).fetch_all(pool).await?;
        Ok::<_, sqlx::Error>((scores, comments))
    }.await)
    .map_err(backend)
}
