import type { GraphAuthenticationMethod } from "../../../graph-types";

export interface ClassifiedMethod {
  /** Named as in `userRegistrationDetails.methodsRegistered` where that report has a name for it. */
  name: string;
  /** Whether the method can be a second factor. */
  strong: boolean;
}

/**
 * The method types `users/{id}/authentication/methods` returns (v1.0 authenticationMethod derived
 * types, plus hardware OATH from beta), and whether each satisfies MFA. Password is the first
 * factor; email is used for self-service password reset only; a Temporary Access Pass is a
 * time-limited onboarding credential and QR code + PIN a single-factor sign-in for frontline
 * workers, so neither proves an MFA registration.
 * https://learn.microsoft.com/graph/api/resources/authenticationmethods-overview
 */
const METHODS: Readonly<Record<string, ClassifiedMethod>> = {
  "#microsoft.graph.passwordAuthenticationMethod": { name: "password", strong: false },
  "#microsoft.graph.emailAuthenticationMethod": { name: "email", strong: false },
  "#microsoft.graph.temporaryAccessPassAuthenticationMethod": {
    name: "temporaryAccessPass",
    strong: false,
  },
  "#microsoft.graph.qrCodePinAuthenticationMethod": { name: "qrCodePin", strong: false },
  "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod": {
    name: "microsoftAuthenticator",
    strong: true,
  },
  "#microsoft.graph.fido2AuthenticationMethod": { name: "fido2", strong: true },
  "#microsoft.graph.windowsHelloForBusinessAuthenticationMethod": {
    name: "windowsHelloForBusiness",
    strong: true,
  },
  "#microsoft.graph.softwareOathAuthenticationMethod": {
    name: "softwareOneTimePasscode",
    strong: true,
  },
  "#microsoft.graph.hardwareOathAuthenticationMethod": {
    name: "hardwareOneTimePasscode",
    strong: true,
  },
  "#microsoft.graph.platformCredentialAuthenticationMethod": {
    name: "macOsPlatformCredential",
    strong: true,
  },
  "#microsoft.graph.externalAuthenticationMethod": { name: "externalAuthMethod", strong: true },
};

/** phoneAuthenticationMethod names, by `phoneType`, as the registration report spells them. */
const PHONE_NAMES: Readonly<Record<string, string>> = {
  mobile: "mobilePhone",
  alternateMobile: "alternateMobilePhone",
  office: "officePhone",
};

/** Classifies a method, or returns null for a type this code does not know yet. */
export function classifyAuthenticationMethod(
  method: Pick<GraphAuthenticationMethod, "@odata.type" | "phoneType">,
): ClassifiedMethod | null {
  const odataType = method["@odata.type"];
  if (odataType === "#microsoft.graph.phoneAuthenticationMethod") {
    return { name: PHONE_NAMES[method.phoneType ?? ""] ?? "phone", strong: true };
  }
  return METHODS[odataType] ?? null;
}
