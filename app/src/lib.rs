#![recursion_limit = "256"]
//! The WeMi portal's Leptos application: pages, components, server functions and shared types.
//!
//! Compiled twice: for the server (feature `ssr`, renders every page to complete HTML) and for
//! the browser (feature `hydrate`, wakes up only the interactive islands). Pages work without
//! JavaScript; islands add comfort on top.

pub mod api;
pub mod components;
pub mod i18n;
pub mod locale;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod ports;
#[cfg(feature = "ssr")]
pub mod search;
#[doc(hidden)]
pub mod session;
mod shell;

pub use shell::{App, shell};
