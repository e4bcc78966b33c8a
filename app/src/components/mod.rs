//! Reusable pieces of the page layout.

pub mod breadcrumb;
pub mod feedback;
pub mod footer;
pub mod header;
pub mod icon;
pub mod kiosk;
pub mod layout;
pub mod nav_menu;
pub mod service_worker;
pub mod session_banner;
