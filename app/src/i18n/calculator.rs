//! Texts of the domestic-work calculator page (being written).
