use leptos::prelude::*;

use crate::model::HomeOverview;

/// Categories with their counts and the WeMi spaces, for the home page.
#[server(prefix = "/fn", endpoint = "home_overview")]
pub async fn get_home_overview() -> Result<HomeOverview, ServerFnError> {
    let store = super::store()?;
    let categories = store.categories().await.map_err(super::internal)?;
    let spaces = store.spaces().await.map_err(super::internal)?;
    Ok(HomeOverview { categories, spaces })
}
