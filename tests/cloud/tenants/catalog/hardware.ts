/** Device models and OS versions the generator uses, per platform (as Entra and Intune report them). */
export type Platform = "Windows" | "macOS" | "iOS" | "Android";
export type TrustType = "AzureAd" | "Workplace" | "ServerAd";

export interface Hardware {
  manufacturer: string;
  model: string;
  osVersions: readonly string[];
}

export const HARDWARE: Record<Platform, readonly Hardware[]> = {
  Windows: [
    {
      manufacturer: "Microsoft Corporation",
      model: "Surface Laptop 5",
      osVersions: ["10.0.22631.3296", "10.0.22631.4037", "10.0.26100.2314"],
    },
    {
      manufacturer: "Dell Inc.",
      model: "Latitude 7440",
      osVersions: ["10.0.22621.3155", "10.0.22631.3296", "10.0.19045.4170"],
    },
    {
      manufacturer: "LENOVO",
      model: "ThinkPad X1 Carbon Gen 11",
      osVersions: ["10.0.22631.4037", "10.0.19045.3803"],
    },
    {
      manufacturer: "HP",
      model: "EliteBook 840 G9",
      osVersions: ["10.0.19045.4170", "10.0.19044.2965"],
    },
  ],
  macOS: [
    {
      manufacturer: "Apple",
      model: "MacBook Pro (14-inch, 2023)",
      osVersions: ["14.4.1", "14.6.1", "15.1"],
    },
    { manufacturer: "Apple", model: "MacBook Air (M2, 2022)", osVersions: ["13.6.4", "14.4.1"] },
  ],
  iOS: [
    { manufacturer: "Apple", model: "iPhone 15", osVersions: ["17.4.1", "17.6.1", "18.1"] },
    { manufacturer: "Apple", model: "iPhone 13", osVersions: ["16.7.8", "17.4.1"] },
    { manufacturer: "Apple", model: "iPad Air (5th generation)", osVersions: ["17.5.1"] },
  ],
  Android: [
    { manufacturer: "samsung", model: "SM-S911B", osVersions: ["14", "13"] },
    { manufacturer: "Google", model: "Pixel 8", osVersions: ["14", "15"] },
  ],
};
