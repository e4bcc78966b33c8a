//! HSDS identifiers are UUIDs; ours are integers. Each record gets a UUID of version 8
//! (RFC 9562 "custom") that carries its kind and number, so it is stable, needs no table, and
//! reads back to the record: `0000000k-ssss-8000-8000-nnnnnnnnnnnn` with `k` the kind, `ssss` a
//! second number (the site of a service-at-location) and `n` the id.

use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Service = 1,
    Organization = 2,
    /// A provider site (HSDS location).
    Site = 3,
    ServiceAtLocation = 4,
    Taxonomy = 5,
    /// Category term.
    CategoryTerm = 6,
    /// Target-group term.
    TargetTerm = 7,
    /// Delivery-mode term.
    DeliveryTerm = 8,
    /// Price-list line (cost option).
    CostOption = 9,
    /// Municipio served (service area), and the like: sub-records of a service.
    ServiceArea = 10,
    Phone = 11,
    Language = 12,
    Attribute = 13,
    Address = 14,
    Schedule = 15,
}

pub fn make(kind: Kind, id: i64, second: u16) -> String {
    let text = format!(
        "{:08x}-{:04x}-8000-8000-{:012x}",
        kind as u32,
        second,
        (id as u64) & 0xffff_ffff_ffff
    );
    text
}

pub fn id(kind: Kind, id: i64) -> String {
    make(kind, id, 0)
}

/// The record number and second number of a UUID of `kind`, if it is one of ours.
pub fn parse(kind: Kind, text: &str) -> Option<(i64, u16)> {
    let uuid = Uuid::parse_str(text).ok()?;
    let s = uuid.hyphenated().to_string();
    let (k, rest) = s.split_at(8);
    if u32::from_str_radix(k, 16).ok()? != kind as u32 {
        return None;
    }
    let second = u16::from_str_radix(&rest[1..5], 16).ok()?;
    if &rest[5..16] != "-8000-8000-" {
        return None;
    }
    let n = i64::from_str_radix(&rest[16..], 16).ok()?;
    Some((n, second))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_valid_uuid() {
        let s = make(Kind::ServiceAtLocation, 143, 7);
        assert_eq!(s, "00000004-0007-8000-8000-00000000008f");
        assert!(Uuid::parse_str(&s).is_ok());
        assert_eq!(parse(Kind::ServiceAtLocation, &s), Some((143, 7)));
        assert_eq!(parse(Kind::Service, &s), None);
        assert_eq!(parse(Kind::Service, "nope"), None);
        assert_eq!(parse(Kind::Service, &id(Kind::Service, 5)), Some((5, 0)));
    }
}
