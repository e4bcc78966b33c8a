//! Price lists: which tier applies and what a line costs. (filled in by the catalogue work)
