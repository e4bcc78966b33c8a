//! Seats of a shared service (a session or group with a capacity) and its waitlist.
//!
//! Decisions:
//! - **Whole requests only.** A family asking for three seats (say, three children) gets
//!   three or waits; splitting a family between the group and the waitlist helps nobody.
//! - **Promotion is first fit in arrival order.** When seats free up, the waitlist is walked
//!   from the oldest request and every request that fits in the seats still free is
//!   confirmed. A request too large for what is free keeps its place (it is not moved back)
//!   while smaller requests behind it get the seats, because a welfare group should not run
//!   with empty places. The cost: a large family may wait longer than under strict FIFO;
//!   it is always first in line for the next larger release.
//! - **New requests follow the same rule**: after every release the waitlist has been
//!   promoted, so free seats are seats no waiting request fits in, and a newcomer who fits
//!   takes them.
//! - Seats held by an order awaiting payment count as taken; its expiry or cancellation
//!   releases them and promotes (the server applies [`Session::cancel`]). A promoted request
//!   becomes an order awaiting payment in turn.
//!
//! The server keeps the count of taken seats in one row and changes it with one conditional
//! statement (`… SET taken = taken + $1 WHERE taken + $1 <= capacity`), so concurrent buyers
//! are serialized by the database; these functions are the rule that statement implements,
//! and the model the tests check "never overbooked" against.

use serde::{Deserialize, Serialize};

/// Most seats one request may take: a family, not a block booking.
pub const MAX_SEATS_PER_REQUEST: u32 = 10;
/// Largest capacity of a shared service.
pub const MAX_CAPACITY: u32 = 10_000;

/// The answer to a request for seats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "outcome")]
pub enum Allocation {
    /// The seats are taken for this request.
    Confirmed { seats: u32 },
    /// Not enough free seats now: the request waits in line.
    Waitlisted,
}

/// Why a request (or a change of capacity) is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SeatError {
    #[error("at least one seat must be requested")]
    NoSeats,
    #[error("at most {max} seats per request")]
    TooManyForOneRequest { max: u32 },
    /// More seats than the whole group has: waiting would never end.
    #[error("more seats than the capacity {capacity}")]
    MoreThanCapacity { capacity: u32 },
    #[error("capacity must be between 1 and {MAX_CAPACITY}")]
    InvalidCapacity,
    /// A smaller capacity than the seats already confirmed.
    #[error("capacity below the {taken} seats taken")]
    CapacityBelowTaken { taken: u32 },
    #[error("unknown request")]
    UnknownRequest,
    #[error("request already present")]
    DuplicateRequest,
}

impl SeatError {
    pub fn message_it(&self) -> String {
        match self {
            SeatError::NoSeats => "Indica almeno un posto.".into(),
            SeatError::TooManyForOneRequest { max } => {
                format!("Con una sola richiesta puoi prenotare al massimo {max} posti.")
            }
            SeatError::MoreThanCapacity { capacity } => format!(
                "Il gruppo ha in tutto {capacity} posti: indica un numero di posti non superiore."
            ),
            SeatError::InvalidCapacity => {
                format!("La capienza deve essere compresa tra 1 e {MAX_CAPACITY} posti.")
            }
            SeatError::CapacityBelowTaken { taken } => {
                format!("La capienza non può essere inferiore ai {taken} posti già assegnati.")
            }
            SeatError::UnknownRequest => {
                "La prenotazione indicata non esiste o è già stata annullata.".into()
            }
            SeatError::DuplicateRequest => "Questa prenotazione è già stata registrata.".into(),
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            SeatError::NoSeats => "Please choose at least one place.".into(),
            SeatError::TooManyForOneRequest { max } => {
                format!("One request can book at most {max} places.")
            }
            SeatError::MoreThanCapacity { capacity } => {
                format!("The group has {capacity} places in all: please choose that many or fewer.")
            }
            SeatError::InvalidCapacity => {
                format!("The capacity must be between 1 and {MAX_CAPACITY} places.")
            }
            SeatError::CapacityBelowTaken { taken } => {
                format!("The capacity cannot be lower than the {taken} places already assigned.")
            }
            SeatError::UnknownRequest => {
                "The booking does not exist or has already been cancelled.".into()
            }
            SeatError::DuplicateRequest => "This booking has already been recorded.".into(),
        }
    }
}

/// The seats still free (zero if the stored count is somehow above the capacity).
pub fn free_seats(capacity: u32, taken: u32) -> u32 {
    capacity.saturating_sub(taken)
}

fn check_request(capacity: u32, requested: u32) -> Result<(), SeatError> {
    if requested == 0 {
        Err(SeatError::NoSeats)
    } else if requested > MAX_SEATS_PER_REQUEST {
        Err(SeatError::TooManyForOneRequest {
            max: MAX_SEATS_PER_REQUEST,
        })
    } else if requested > capacity {
        Err(SeatError::MoreThanCapacity { capacity })
    } else {
        Ok(())
    }
}

/// Confirmed when all `requested` seats are free, waitlisted otherwise (whole requests only).
pub fn request_seats(capacity: u32, taken: u32, requested: u32) -> Result<Allocation, SeatError> {
    check_request(capacity, requested)?;
    if requested <= free_seats(capacity, taken) {
        Ok(Allocation::Confirmed { seats: requested })
    } else {
        Ok(Allocation::Waitlisted)
    }
}

/// A request for seats, confirmed or waiting; `id` is the server's (an order or booking id).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatRequest {
    pub id: i64,
    pub seats: u32,
}

/// Which waiting requests (given oldest first) get the `free` seats: first fit in order.
pub fn promote(free: u32, waitlist: &[SeatRequest]) -> Vec<i64> {
    let mut left = free;
    waitlist
        .iter()
        .filter(|request| {
            let fits = request.seats <= left;
            if fits {
                left -= request.seats;
            }
            fits
        })
        .map(|request| request.id)
        .collect()
}

/// A session's seats: the confirmed requests and the waitlist (oldest first).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    capacity: u32,
    confirmed: Vec<SeatRequest>,
    waitlist: Vec<SeatRequest>,
}

impl Session {
    pub fn new(capacity: u32) -> Result<Session, SeatError> {
        if capacity == 0 || capacity > MAX_CAPACITY {
            return Err(SeatError::InvalidCapacity);
        }
        Ok(Session {
            capacity,
            confirmed: Vec::new(),
            waitlist: Vec::new(),
        })
    }

    pub fn capacity(&self) -> u32 {
        self.capacity
    }

    pub fn taken(&self) -> u32 {
        self.confirmed.iter().map(|r| r.seats).sum()
    }

    pub fn free(&self) -> u32 {
        free_seats(self.capacity, self.taken())
    }

    pub fn confirmed(&self) -> &[SeatRequest] {
        &self.confirmed
    }

    pub fn waitlist(&self) -> &[SeatRequest] {
        &self.waitlist
    }

    /// Place in the waitlist, from 1; `None` when not waiting.
    pub fn position(&self, id: i64) -> Option<usize> {
        self.waitlist.iter().position(|r| r.id == id).map(|p| p + 1)
    }

    fn contains(&self, id: i64) -> bool {
        self.confirmed
            .iter()
            .chain(&self.waitlist)
            .any(|r| r.id == id)
    }

    /// Books `seats` seats for request `id`, or puts it at the end of the waitlist.
    pub fn request(&mut self, id: i64, seats: u32) -> Result<Allocation, SeatError> {
        if self.contains(id) {
            return Err(SeatError::DuplicateRequest);
        }
        let allocation = request_seats(self.capacity, self.taken(), seats)?;
        let request = SeatRequest { id, seats };
        match allocation {
            Allocation::Confirmed { .. } => self.confirmed.push(request),
            Allocation::Waitlisted => self.waitlist.push(request),
        }
        Ok(allocation)
    }

    /// Withdraws request `id` (confirmed or waiting) and returns the waiting requests it
    /// promoted, in order.
    pub fn cancel(&mut self, id: i64) -> Result<Vec<i64>, SeatError> {
        if let Some(index) = self.waitlist.iter().position(|r| r.id == id) {
            self.waitlist.remove(index);
            return Ok(Vec::new());
        }
        let index = self
            .confirmed
            .iter()
            .position(|r| r.id == id)
            .ok_or(SeatError::UnknownRequest)?;
        self.confirmed.remove(index);
        Ok(self.promote_waiting())
    }

    /// Changes the capacity (the provider opens or closes places); never below the seats
    /// confirmed. More places promote from the waitlist.
    pub fn set_capacity(&mut self, capacity: u32) -> Result<Vec<i64>, SeatError> {
        if capacity == 0 || capacity > MAX_CAPACITY {
            return Err(SeatError::InvalidCapacity);
        }
        let taken = self.taken();
        if capacity < taken {
            return Err(SeatError::CapacityBelowTaken { taken });
        }
        self.capacity = capacity;
        Ok(self.promote_waiting())
    }

    fn promote_waiting(&mut self) -> Vec<i64> {
        let promoted = promote(self.free(), &self.waitlist);
        let (moved, kept): (Vec<SeatRequest>, Vec<SeatRequest>) =
            self.waitlist.iter().partition(|r| promoted.contains(&r.id));
        self.confirmed.extend(moved);
        self.waitlist = kept;
        promoted
    }
}

#[cfg(test)]
mod tests;
