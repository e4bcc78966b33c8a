//! Kiosk mode (issue 5): tablets in the WeMi spaces, switched on per device by a city
//! administrator. The device keeps a random token in the `wemi_kiosk` cookie (its digest is in
//! `kiosk_devices`); sessions opened there end after three idle minutes; "start over" and
//! logout there also clear the browser's storage.

use app::model::{KioskDevice, SessionUser};
use app::ports::{AccountError, ClientInfo};
use domain::accounts::roles::Permission;

use super::cookies::{self, KIOSK_COOKIE, SESSION_COOKIE};
use super::service::{AccountService, internal, now};
use super::tokens;
use crate::store::{accounts as store, assist as store_assist, audit, kiosk as store_kiosk};

/// The kiosk cookie outlives any session: the device stays a kiosk until revoked.
const KIOSK_COOKIE_SECS: i64 = 5 * 365 * 24 * 60 * 60;

impl AccountService {
    /// The enabled device behind a kiosk cookie.
    pub async fn kiosk_device(&self, token: &str) -> Option<KioskDevice> {
        match store_kiosk::by_token(self.db(), &tokens::digest(token)).await {
            Ok(device) => device,
            Err(err) => {
                tracing::error!(%err, "cannot read the kiosk device");
                None
            }
        }
    }

    pub(super) async fn enable_kiosk_device(
        &self,
        admin: &SessionUser,
        name: &str,
        space_id: i64,
        client: &ClientInfo,
    ) -> Result<Vec<String>, AccountError> {
        self.require(admin, Permission::Users).await?;
        let name = name.trim();
        if !(2..=60).contains(&name.chars().count()) {
            return Err(AccountError::InvalidField("name"));
        }
        if store_assist::space_name(self.db(), space_id)
            .await
            .map_err(internal)?
            .is_none()
        {
            return Err(AccountError::InvalidField("space"));
        }
        let token = tokens::random_token();
        let id = store_kiosk::create(
            self.db(),
            name,
            space_id,
            &tokens::digest(&token),
            admin.user_id,
            now(),
        )
        .await
        .map_err(internal)?;
        let device = format!("kiosk #{id}");
        self.audit(audit::Entry {
            target: &device,
            ..self.entry("kiosk_enabled", Some(admin.user_id), client)
        })
        .await;
        // The administrator leaves: the tablet starts as a clean, anonymous kiosk.
        store::delete_session(self.db(), admin.session_id)
            .await
            .map_err(internal)?;
        let secure = self.secure_cookies();
        Ok(vec![
            cookies::set(KIOSK_COOKIE, &token, secure, KIOSK_COOKIE_SECS),
            cookies::clear(SESSION_COOKIE, secure),
        ])
    }

    pub(super) async fn revoke_kiosk_device(
        &self,
        admin: &SessionUser,
        device_id: i64,
        client: &ClientInfo,
    ) -> Result<(), AccountError> {
        self.require(admin, Permission::Users).await?;
        if !store_kiosk::revoke(self.db(), device_id, now())
            .await
            .map_err(internal)?
        {
            return Err(AccountError::InvalidField("device"));
        }
        let device = format!("kiosk #{device_id}");
        self.audit(audit::Entry {
            target: &device,
            ..self.entry("kiosk_revoked", Some(admin.user_id), client)
        })
        .await;
        Ok(())
    }
}
