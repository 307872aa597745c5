export {
  type AdminConsentResult,
  type ConsentErrorDetail,
  parseAdminConsentRedirect,
} from "./admin-consent-redirect";
export {
  type AdminConsentRequest,
  buildAdminConsentUrl,
  InvalidConsentRequestError,
  LOGIN_AUTHORITY,
} from "./admin-consent-url";
