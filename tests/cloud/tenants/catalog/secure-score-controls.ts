/**
 * Microsoft Secure Score controls the generator scores (real `controlName`s as Graph returns them
 * in `secureScore.controlScores` and as `secureScoreControlProfile.id`). Titles and remediation
 * follow the Secure Score improvement actions; max scores are typical values.
 */
export interface SecureScoreControl {
  controlName: string;
  controlCategory: "Identity" | "Data" | "Device" | "Apps";
  title: string;
  description: string;
  remediation: string;
  remediationImpact: string;
  actionUrl: string;
  maxScore: number;
  rank: number;
  implementationCost: "Low" | "Moderate" | "High";
  userImpact: "Low" | "Moderate" | "High";
  service: string;
  tier: "Core" | "Defense in Depth" | "Advanced";
  threats: readonly string[];
  /** Licence the control needs to be achievable (P2 risk policies, Intune device controls). */
  requires: "none" | "entraIdP1" | "entraIdP2" | "intune";
}

const ENTRA = "https://entra.microsoft.com/";

export const SECURE_SCORE_CONTROLS: readonly SecureScoreControl[] = [
  {
    controlName: "AdminMFAV2",
    controlCategory: "Identity",
    title: "Ensure multifactor authentication is enabled for all users in administrative roles",
    description:
      "Requiring multifactor authentication (MFA) for all users in administrative roles makes it harder for attackers to access accounts.",
    remediation:
      "Create a Conditional Access policy that requires multifactor authentication for directory roles, or enable security defaults.",
    remediationImpact: "Administrators are prompted for a second factor at sign-in.",
    actionUrl: `${ENTRA}#view/Microsoft_AAD_ConditionalAccess/ConditionalAccessBlade/~/Policies`,
    maxScore: 10,
    rank: 1,
    implementationCost: "Low",
    userImpact: "Low",
    service: "AzureAD",
    tier: "Core",
    threats: ["Account Breach", "Elevation of Privilege", "Password Cracking"],
    requires: "none",
  },
  {
    controlName: "MFARegistrationV2",
    controlCategory: "Identity",
    title: "Ensure multifactor authentication is enabled for all users",
    description:
      "Multifactor authentication helps protect devices and data that are accessible to these users.",
    remediation:
      "Require all users to register for multifactor authentication through a registration campaign or security defaults.",
    remediationImpact:
      "Users register an authentication method and are prompted for MFA when required.",
    actionUrl: `${ENTRA}#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade/~/RegistrationCampaign`,
    maxScore: 9,
    rank: 2,
    implementationCost: "Moderate",
    userImpact: "Moderate",
    service: "AzureAD",
    tier: "Core",
    threats: ["Account Breach", "Password Cracking", "Phishing"],
    requires: "none",
  },
  {
    controlName: "BlockLegacyAuthentication",
    controlCategory: "Identity",
    title: "Enable Conditional Access policies to block legacy authentication",
    description:
      "Legacy authentication protocols don't support multifactor authentication and are the target of password-spray attacks.",
    remediation:
      "Create a Conditional Access policy that blocks 'Exchange ActiveSync clients' and 'Other clients'.",
    remediationImpact: "Older mail clients that use basic authentication stop working.",
    actionUrl: `${ENTRA}#view/Microsoft_AAD_ConditionalAccess/ConditionalAccessBlade/~/Policies`,
    maxScore: 8,
    rank: 3,
    implementationCost: "Moderate",
    userImpact: "Moderate",
    service: "AzureAD",
    tier: "Core",
    threats: ["Password Spray", "Account Breach"],
    requires: "entraIdP1",
  },
  {
    controlName: "PWAgePolicyNew",
    controlCategory: "Identity",
    title: "Set the 'Password expiration policy' to 'Set passwords to never expire (recommended)'",
    description:
      "Research has found that when periodic password resets are enforced, passwords become less secure.",
    remediation:
      "In the Microsoft 365 admin center, set the password expiration policy to never expire.",
    remediationImpact: "Users are no longer asked to change their passwords periodically.",
    actionUrl: "https://admin.microsoft.com/#/Settings/SecurityPrivacy",
    maxScore: 8,
    rank: 5,
    implementationCost: "Low",
    userImpact: "Low",
    service: "AzureAD",
    tier: "Core",
    threats: ["Password Cracking"],
    requires: "none",
  },
  {
    controlName: "SelfServicePasswordReset",
    controlCategory: "Identity",
    title: "Enable self-service password reset",
    description:
      "With self-service password reset, users no longer need to engage help desk to reset passwords.",
    remediation: "Enable self-service password reset for all users in Microsoft Entra ID.",
    remediationImpact: "Users register methods they can use to reset their own password.",
    actionUrl: `${ENTRA}#view/Microsoft_AAD_IAM/PasswordResetMenuBlade/~/Properties`,
    maxScore: 1,
    rank: 12,
    implementationCost: "Low",
    userImpact: "Moderate",
    service: "AzureAD",
    tier: "Core",
    threats: ["Account Breach"],
    requires: "entraIdP1",
  },
  {
    controlName: "OneAdmin",
    controlCategory: "Identity",
    title: "Designate more than one global admin",
    description:
      "Having more than one global administrator helps if you're unable to fulfill the needs or obligations of your organization.",
    remediation:
      "Assign the Global Administrator role to at least one more account, ideally an emergency-access account.",
    remediationImpact: "No user impact.",
    actionUrl: `${ENTRA}#view/Microsoft_AAD_IAM/RolesManagementMenuBlade/~/AllRoles`,
    maxScore: 1,
    rank: 20,
    implementationCost: "Low",
    userImpact: "Low",
    service: "AzureAD",
    tier: "Core",
    threats: ["Account Breach"],
    requires: "none",
  },
  {
    controlName: "aad_limited_administrative_roles",
    controlCategory: "Identity",
    title: "Use least privileged administrative roles",
    description:
      "Ensure that your administrators can accomplish their work with the least amount of privilege assigned to their account.",
    remediation:
      "Replace Global Administrator assignments with more specific roles such as User Administrator or Helpdesk Administrator.",
    remediationImpact: "Administrators may need to request extra roles for rare tasks.",
    actionUrl: `${ENTRA}#view/Microsoft_AAD_IAM/RolesManagementMenuBlade/~/AllRoles`,
    maxScore: 1,
    rank: 21,
    implementationCost: "Low",
    userImpact: "Low",
    service: "AzureAD",
    tier: "Core",
    threats: ["Elevation of Privilege"],
    requires: "none",
  },
  {
    controlName: "RoleOverlap",
    controlCategory: "Identity",
    title: "Ensure fewer than 5 users have global administrator privileges",
    description:
      "More than five global administrators increases the chance that an administrator account is breached.",
    remediation: "Reduce the number of Global Administrator assignments to fewer than five.",
    remediationImpact: "No user impact.",
    actionUrl: `${ENTRA}#view/Microsoft_AAD_IAM/RolesManagementMenuBlade/~/AllRoles`,
    maxScore: 1,
    rank: 22,
    implementationCost: "Low",
    userImpact: "Low",
    service: "AzureAD",
    tier: "Core",
    threats: ["Elevation of Privilege", "Account Breach"],
    requires: "none",
  },
  {
    controlName: "SigninRiskPolicy",
    controlCategory: "Identity",
    title: "Ensure sign-in risk policy is enabled",
    description:
      "Turning on the sign-in risk policy ensures that suspicious sign-ins are challenged for multifactor authentication.",
    remediation:
      "Create a risk-based Conditional Access policy that requires MFA for medium and high sign-in risk.",
    remediationImpact: "Risky sign-ins are challenged for MFA.",
    actionUrl: `${ENTRA}#view/Microsoft_AAD_ConditionalAccess/ConditionalAccessBlade/~/Policies`,
    maxScore: 7,
    rank: 6,
    implementationCost: "Moderate",
    userImpact: "Moderate",
    service: "AzureAD",
    tier: "Core",
    threats: ["Account Breach", "Password Spray"],
    requires: "entraIdP2",
  },
  {
    controlName: "UserRiskPolicy",
    controlCategory: "Identity",
    title: "Ensure user risk policy is enabled",
    description:
      "With the user risk policy turned on, Microsoft Entra ID detects the probability that a user account has been compromised.",
    remediation:
      "Create a risk-based Conditional Access policy that requires a secure password change for high user risk.",
    remediationImpact: "Users at high risk must change their password.",
    actionUrl: `${ENTRA}#view/Microsoft_AAD_ConditionalAccess/ConditionalAccessBlade/~/Policies`,
    maxScore: 7,
    rank: 7,
    implementationCost: "Moderate",
    userImpact: "Moderate",
    service: "AzureAD",
    tier: "Core",
    threats: ["Account Breach"],
    requires: "entraIdP2",
  },
  {
    controlName: "aad_admin_accounts_separate_unassigned_cloud_only",
    controlCategory: "Identity",
    title: "Ensure administrative accounts are separate, unassigned and cloud-only",
    description:
      "Administrative accounts should be cloud-only, have no licences assigned and be used only for administration.",
    remediation: "Create dedicated cloud-only administrator accounts without mailbox licences.",
    remediationImpact: "Administrators use a separate account for privileged work.",
    actionUrl: `${ENTRA}#view/Microsoft_AAD_UsersAndTenants/UserManagementMenuBlade/~/AllUsers`,
    maxScore: 3,
    rank: 9,
    implementationCost: "Moderate",
    userImpact: "Moderate",
    service: "AzureAD",
    tier: "Core",
    threats: ["Account Breach", "Elevation of Privilege"],
    requires: "none",
  },
  {
    controlName: "IntegratedApps",
    controlCategory: "Identity",
    title: "Do not allow users to grant consent to unreliable applications",
    description:
      "Tighten the security of your services by regulating the access of third-party integrated apps.",
    remediation:
      "Allow user consent only for apps from verified publishers, for low-impact permissions.",
    remediationImpact: "Users need an administrator to approve apps that request more access.",
    actionUrl: `${ENTRA}#view/Microsoft_AAD_IAM/ConsentPoliciesMenuBlade/~/UserSettings`,
    maxScore: 4,
    rank: 10,
    implementationCost: "Low",
    userImpact: "Moderate",
    service: "AzureAD",
    tier: "Core",
    threats: ["Data Exfiltration", "Account Breach"],
    requires: "none",
  },
  {
    controlName: "aad_password_protection",
    controlCategory: "Identity",
    title: "Enable Microsoft Entra ID Password Protection to Active Directory",
    description:
      "Password protection detects and blocks known weak passwords and their variants in on-premises Active Directory.",
    remediation:
      "Install the password protection proxy and DC agents and enable the policy in enforced mode.",
    remediationImpact: "Users can't choose banned passwords on-premises.",
    actionUrl: `${ENTRA}#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade/~/PasswordProtection`,
    maxScore: 1,
    rank: 30,
    implementationCost: "Moderate",
    userImpact: "Low",
    service: "AzureAD",
    tier: "Defense in Depth",
    threats: ["Password Cracking", "Password Spray"],
    requires: "entraIdP1",
  },
  {
    controlName: "aad_sign_in_freq_session_timeout",
    controlCategory: "Identity",
    title:
      "Ensure 'Sign-in frequency' is enabled and browser sessions are not persistent for administrative users",
    description:
      "Forcing a time-out for administrators limits how long a stolen session remains useful.",
    remediation:
      "Create a Conditional Access policy with a sign-in frequency and non-persistent browser sessions for admin roles.",
    remediationImpact: "Administrators sign in more often.",
    actionUrl: `${ENTRA}#view/Microsoft_AAD_ConditionalAccess/ConditionalAccessBlade/~/Policies`,
    maxScore: 1,
    rank: 31,
    implementationCost: "Low",
    userImpact: "Low",
    service: "AzureAD",
    tier: "Defense in Depth",
    threats: ["Account Breach"],
    requires: "entraIdP1",
  },
  {
    controlName: "DLPEnabled",
    controlCategory: "Data",
    title: "Apply Data Loss Prevention policies",
    description:
      "Data Loss Prevention (DLP) policies can be used to comply with business standards and industry regulations.",
    remediation:
      "You can create and manage data loss prevention policies in the Policies page of the compliance portal.",
    remediationImpact: "This change will have a moderate impact on your users.",
    actionUrl: "https://compliance.microsoft.com/#/policies",
    maxScore: 10,
    rank: 55,
    implementationCost: "Moderate",
    userImpact: "Moderate",
    service: "IP",
    tier: "Advanced",
    threats: ["Data Exfiltration", "Data Spillage"],
    requires: "none",
  },
  {
    controlName: "mdm_compliance_policies",
    controlCategory: "Device",
    title: "Create Microsoft Intune Compliance policies",
    description:
      "Compliance policies check whether managed devices meet your security requirements before they get access.",
    remediation: "Create at least one device compliance policy per platform in Microsoft Intune.",
    remediationImpact: "Non-compliant devices lose access to corporate resources.",
    actionUrl:
      "https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/DevicesComplianceMenu/~/policies",
    maxScore: 5,
    rank: 40,
    implementationCost: "Moderate",
    userImpact: "Moderate",
    service: "Intune",
    tier: "Core",
    threats: ["Malware"],
    requires: "intune",
  },
];
