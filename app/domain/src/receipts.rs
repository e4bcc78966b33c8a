//! What a payment receipt states: whether one exists for an order, and the VAT treatment of
//! the amount paid. Prices in the catalogue are what the family pays, VAT included.
//!
//! The VAT rules are those Italian law sets for the social services our providers sell
//! (sources: DPR 26 ottobre 1972 n. 633, Tabella A, Parte II-bis, n. 1, added by L. 28
//! dicembre 2015 n. 208, art. 1 c. 960, for social cooperatives; art. 10 c. 1 n. 27-ter of the
//! same DPR for the exemption of socio-sanitary, assistance and educational services by
//! non-profit bodies). The provider is the seller and issues the fiscal document; the portal's
//! receipt records the payment and repeats the treatment so the family knows what it paid.

use crate::orders::OrderState;

/// The reduced VAT rate of social cooperatives' social, health and educational services.
pub const SOCIAL_COOPERATIVE_VAT_PERCENT: i64 = 5;

/// How the amount paid is treated for VAT.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VatTreatment {
    /// VAT at `rate_percent` is included in the price: `vat_cents` of it, on `taxable_cents`.
    Included {
        rate_percent: i64,
        taxable_cents: i64,
        vat_cents: i64,
    },
    /// Exempt: no VAT in the price.
    Exempt,
}

impl VatTreatment {
    /// For a provider of this legal form (`providers.legal_form`) and a price paid.
    pub fn for_provider(legal_form: &str, gross_cents: i64) -> VatTreatment {
        match legal_form {
            "cooperativa_sociale" => {
                let vat = vat_included(gross_cents, SOCIAL_COOPERATIVE_VAT_PERCENT);
                VatTreatment::Included {
                    rate_percent: SOCIAL_COOPERATIVE_VAT_PERCENT,
                    taxable_cents: gross_cents - vat,
                    vat_cents: vat,
                }
            }
            _ => VatTreatment::Exempt,
        }
    }

    /// The provision the treatment rests on, cited the same way in both languages.
    pub fn legal_basis(self) -> &'static str {
        match self {
            VatTreatment::Included { .. } => "DPR 633/1972, Tabella A, Parte II-bis, n. 1",
            VatTreatment::Exempt => "DPR 633/1972, art. 10, c. 1, n. 27-ter",
        }
    }
}

/// The VAT contained in a VAT-inclusive price, rounded half up to the cent (integer
/// arithmetic: gross × rate / (100 + rate)).
pub fn vat_included(gross_cents: i64, rate_percent: i64) -> i64 {
    if gross_cents <= 0 || rate_percent <= 0 {
        return 0;
    }
    let numerator = i128::from(gross_cents) * i128::from(rate_percent) * 2;
    let denominator = i128::from(100 + rate_percent) * 2;
    // Half up: (2·g·r + (100 + r)) / (2·(100 + r)).
    ((numerator + i128::from(100 + rate_percent)) / denominator) as i64
}

/// A receipt exists once the order was paid (or settled without money, e.g. free services or
/// a payment agreed with the provider), including after a cancellation or refund, which the
/// receipt then lists.
pub fn receipt_available(state: OrderState) -> bool {
    !matches!(
        state,
        OrderState::AwaitingPayment | OrderState::PaymentFailed | OrderState::Expired
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vat_inside_a_price_rounds_half_up() {
        // 105.00 at 5%: exactly 5.00 of VAT on 100.00.
        assert_eq!(vat_included(10_500, 5), 500);
        // 57.50 × 5 / 105 = 2.738… → 2.74.
        assert_eq!(vat_included(5_750, 5), 274);
        // 0.21 × 5 / 105 = 0.01 exactly; 0.10 × 5 / 105 = 0.00476… → 0.00.
        assert_eq!(vat_included(21, 5), 1);
        assert_eq!(vat_included(10, 5), 0);
        // 0.63 × 5 / 105 = 0.03 exactly; 0.42 × 5 / 105 = 0.02 exactly.
        assert_eq!(vat_included(63, 5), 3);
        assert_eq!(vat_included(42, 5), 2);
        // 6.62 holds 0.3152… of VAT → 0.32 (at 5% an exact half cent never occurs).
        assert_eq!(vat_included(662, 5), 32);
        assert_eq!(vat_included(0, 5), 0);
        assert_eq!(vat_included(-100, 5), 0);
        // Large amounts do not overflow.
        assert_eq!(vat_included(2_100_000_000_000, 5), 100_000_000_000);
    }

    #[test]
    fn social_cooperatives_include_five_percent_others_are_exempt() {
        assert_eq!(
            VatTreatment::for_provider("cooperativa_sociale", 24_050),
            VatTreatment::Included {
                rate_percent: 5,
                taxable_cents: 22_905,
                vat_cents: 1_145,
            }
        );
        assert_eq!(
            VatTreatment::for_provider("associazione", 24_050),
            VatTreatment::Exempt
        );
        assert_eq!(
            VatTreatment::for_provider("altro_ets", 1),
            VatTreatment::Exempt
        );
        assert!(VatTreatment::Exempt.legal_basis().contains("27-ter"));
    }

    #[test]
    fn receipts_exist_only_after_payment() {
        assert!(!receipt_available(OrderState::AwaitingPayment));
        assert!(!receipt_available(OrderState::PaymentFailed));
        assert!(!receipt_available(OrderState::Expired));
        for state in [
            OrderState::Paid,
            OrderState::Scheduled,
            OrderState::Completed,
            OrderState::Refunded,
            OrderState::Cancelled,
        ] {
            assert!(receipt_available(state), "{state:?}");
        }
    }
}
