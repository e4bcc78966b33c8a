use std::str::FromStr;
use std::time::Duration;

use sqlx::migrate::MigrateDatabase;
use sqlx::postgres::PgPoolOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use super::Db;

/// Opens the database named by `url`, creating a SQLite file (and its folder) if missing, and
/// applies the engine's migrations.
pub async fn connect(url: &str) -> anyhow::Result<Db> {
    let db = if url.starts_with("sqlite:") {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        if let Some(parent) = options.get_filename().parent()
            && !parent.as_os_str().is_empty()
        {
            std::fs::create_dir_all(parent)?;
        }
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        sqlx::migrate!("../migrations/sqlite").run(&pool).await?;
        Db::Sqlite(pool)
    } else {
        // Like the SQLite file, a missing PostgreSQL database is created (when the role may).
        if !sqlx::Postgres::database_exists(url).await.unwrap_or(true)
            && let Err(err) = sqlx::Postgres::create_database(url).await
        {
            tracing::warn!(%err, "cannot create the PostgreSQL database");
        }
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await?;
        sqlx::migrate!("../migrations/postgres").run(&pool).await?;
        Db::Postgres(pool)
    };
    Ok(db)
}
