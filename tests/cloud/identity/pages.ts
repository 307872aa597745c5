import { describeError, type ErrorDiagnostics, type IdentityError } from "./errors";

/**
 * The sign-in pages, kept plain. Element ids and field names are Microsoft's own (`#i0116` email,
 * `#i0118` password, `#idSIButton9` primary button, `#idBtn_Back` secondary button,
 * `LoginOptions` for "Stay signed in?") so browser tests can drive them like the real page.
 */
function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function layout(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
<main id="lightbox">
<div id="brand">Microsoft</div>
${body}
</main>
</body>
</html>`;
}

function hidden(name: string, value: string): string {
  return `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;
}

export function usernamePage(input: {
  flowToken: string;
  appName: string;
  error?: string;
}): string {
  return layout(
    "Sign in to your account",
    `<h1 id="loginHeader">Sign in</h1>
<p id="appName">to continue to ${escapeHtml(input.appName)}</p>
${input.error ? `<div id="usernameError" role="alert">${escapeHtml(input.error)}</div>` : ""}
<form method="post" action="/common/login" id="loginForm">
${hidden("flowToken", input.flowToken)}
${hidden("step", "username")}
<input type="email" name="loginfmt" id="i0116" autocomplete="username" placeholder="Email, phone, or Skype" required>
<input type="submit" id="idSIButton9" value="Next">
</form>`,
  );
}

export function passwordPage(input: {
  flowToken: string;
  username: string;
  error?: string;
}): string {
  return layout(
    "Sign in to your account",
    `<h1 id="loginHeader">Enter password</h1>
<div id="displayName">${escapeHtml(input.username)}</div>
${input.error ? `<div id="passwordError" role="alert">${escapeHtml(input.error)}</div>` : ""}
<form method="post" action="/common/login" id="passwordForm">
${hidden("flowToken", input.flowToken)}
${hidden("step", "password")}
<input type="password" name="passwd" id="i0118" autocomplete="current-password" placeholder="Password" required>
<input type="submit" id="idSIButton9" value="Sign in">
</form>`,
  );
}

export function staySignedInPage(input: { flowToken: string; username: string }): string {
  return layout(
    "Stay signed in?",
    `<h1 id="kmsiTitle">Stay signed in?</h1>
<div id="displayName">${escapeHtml(input.username)}</div>
<p id="kmsiDescription">Do this to reduce the number of times you are asked to sign in.</p>
<form method="post" action="/kmsi" id="kmsiForm">
${hidden("flowToken", input.flowToken)}
<button type="submit" name="LoginOptions" value="3" id="idBtn_Back">No</button>
<button type="submit" name="LoginOptions" value="1" id="idSIButton9">Yes</button>
</form>`,
  );
}

export interface PickerAccount {
  userId: string;
  homeTenantId: string;
  username: string;
  displayName: string;
}

export function accountPickerPage(input: { flowToken: string; accounts: PickerAccount[] }): string {
  const tiles = input.accounts
    .map(
      (account) => `<li><form method="post" action="/common/login">
${hidden("flowToken", input.flowToken)}
${hidden("step", "pick")}
${hidden("account", `${account.homeTenantId}.${account.userId}`)}
<button type="submit" class="table" data-test-id="${escapeHtml(account.username)}">${escapeHtml(account.displayName)} <small>${escapeHtml(account.username)}</small></button>
</form></li>`,
    )
    .join("\n");
  return layout(
    "Sign in to your account",
    `<h1 id="loginHeader">Pick an account</h1>
<ul id="tilesHolder">
${tiles}
<li><form method="post" action="/common/login">
${hidden("flowToken", input.flowToken)}
${hidden("step", "other")}
<button type="submit" id="otherTile">Use another account</button>
</form></li>
</ul>`,
  );
}

export function consentPage(input: {
  flowToken: string;
  appName: string;
  username: string;
  scopes: string[];
  /** Admins see "Consent on behalf of your organization"; the admin consent endpoint forces it. */
  organizationOption: "hidden" | "offered" | "forced";
}): string {
  const list = input.scopes
    .map(
      (scope) =>
        `<li class="permission" data-scope="${escapeHtml(scope)}">${escapeHtml(scope)}</li>`,
    )
    .join("\n");
  const org =
    input.organizationOption === "offered"
      ? `<label><input type="checkbox" name="consentOnBehalf" value="true" id="consentOnBehalfOfOrg"> Consent on behalf of your organization</label>`
      : input.organizationOption === "forced"
        ? `${hidden("consentOnBehalf", "true")}<p id="consentOnBehalfOfOrgNotice">Accept for your organization: consent on behalf of your organization.</p>`
        : "";
  return layout(
    "Permissions requested",
    `<h1 id="consentTitle">Permissions requested</h1>
<div id="displayName">${escapeHtml(input.username)}</div>
<p id="consentAppName">${escapeHtml(input.appName)}</p>
<p>This app would like to:</p>
<ul id="permissionsList">
${list}
</ul>
<form method="post" action="/common/consent" id="consentForm">
${hidden("flowToken", input.flowToken)}
${org}
<button type="submit" name="consentAction" value="decline" id="idBtn_Back">Cancel</button>
<button type="submit" name="consentAction" value="accept" id="idSIButton9">Accept</button>
</form>`,
  );
}

export function needAdminApprovalPage(input: {
  flowToken: string;
  appName: string;
  error: IdentityError;
  diagnostics: ErrorDiagnostics;
}): string {
  return layout(
    "Need admin approval",
    `<h1 id="consentTitle">Need admin approval</h1>
<p id="consentAppName">${escapeHtml(input.appName)}</p>
<p>${escapeHtml(input.appName)} needs permission to access resources in your organization that only an admin can grant. Please ask an admin to grant permission to this app before you can use it.</p>
<pre id="errorDetails">${escapeHtml(describeError(input.error, input.diagnostics))}</pre>
<form method="post" action="/common/consent">
${hidden("flowToken", input.flowToken)}
<button type="submit" name="consentAction" value="decline" id="idBtn_Back">Return to the application without granting consent</button>
</form>`,
  );
}

/** Errors Microsoft shows on its own page instead of redirecting (bad client, bad redirect URI). */
export function errorPage(error: IdentityError, diagnostics: ErrorDiagnostics): string {
  return layout(
    "Sign in to your account",
    `<h1 id="errorTitle">Sorry, but we’re having trouble signing you in.</h1>
<div id="errorCode" data-error-code="AADSTS${error.code}">${escapeHtml(error.message)}</div>
<pre id="errorDetails">${escapeHtml(describeError(error, diagnostics))}</pre>`,
  );
}

/** `response_mode=form_post`: an auto-submitting form to the redirect URI. */
export function formPostPage(redirectUri: string, params: Record<string, string>): string {
  const inputs = Object.entries(params)
    .map(([name, value]) => hidden(name, value))
    .join("\n");
  return `<!DOCTYPE html>
<html><head><title>Working...</title></head>
<body onload="document.forms[0].submit()">
<form method="POST" name="hiddenform" action="${escapeHtml(redirectUri)}">
${inputs}
<noscript><p>Script is disabled. Click Submit to continue.</p><input type="submit" value="Submit"></noscript>
</form></body></html>`;
}
