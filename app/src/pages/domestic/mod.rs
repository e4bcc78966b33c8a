//! Domestic work pages (issue 7): the entry page, the worker's application, the family's
//! request and its shortlist, the worker's proposals, and the city staff's validation and
//! matching. Every form posts without JavaScript to the handlers in `server/src/http/domestic.rs`.

pub mod application;
pub mod family;
pub mod form;
pub mod landing;
pub mod proposals;
pub mod request;
pub mod staff;
