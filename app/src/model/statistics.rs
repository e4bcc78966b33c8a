//! The statistics page's data (issue 8): sections of tables, each drawn as a chart too.

use domain::statistics::Cell;
use serde::{Deserialize, Serialize};

/// One table: its export name (`?tabella=`), title, column headers and rows. The first column
/// labels the rows; `chart_column` is the column the bar chart draws.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatTable {
    pub name: String,
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub chart_column: Option<usize>,
}

/// A figure of the page: a heading, an optional note and its tables.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatSection {
    pub title: String,
    pub note: Option<String>,
    pub tables: Vec<StatTable>,
}

/// What the page shows for a period (`YYYY-MM-DD`, both ends included).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatisticsView {
    pub from: String,
    pub to: String,
    pub sections: Vec<StatSection>,
}

impl StatisticsView {
    /// Every table of every section, in page order.
    pub fn tables(&self) -> impl Iterator<Item = &StatTable> {
        self.sections.iter().flat_map(|s| s.tables.iter())
    }
}
