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
