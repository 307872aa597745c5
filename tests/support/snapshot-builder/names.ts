import type { Random } from "./random";

const FIRST_NAMES = [
  "Adele",
  "Alex",
  "Allan",
  "Ben",
  "Bianca",
  "Chloe",
  "Christie",
  "Daniel",
  "Debra",
  "Diego",
  "Emily",
  "Enrico",
  "Fatima",
  "Grady",
  "Hana",
  "Henrietta",
  "Isaiah",
  "Jana",
  "Johanna",
  "Joni",
  "Kenji",
  "Lee",
  "Lidia",
  "Lynne",
  "Megan",
  "Miriam",
  "Nestor",
  "Noor",
  "Olga",
  "Pradeep",
  "Raul",
  "Sanjay",
  "Sofia",
  "Tomas",
  "Wei",
  "Yusuf",
  "Zoe",
] as const;

const LAST_NAMES = [
  "Adams",
  "Bauer",
  "Cho",
  "Diaz",
  "Eriksen",
  "Fischer",
  "Garcia",
  "Holt",
  "Ito",
  "Jensen",
  "Khan",
  "Lindqvist",
  "Moreau",
  "Nakamura",
  "Okafor",
  "Patel",
  "Quinn",
  "Rossi",
  "Schmidt",
  "Tanaka",
  "Ueda",
  "Varga",
  "Wilber",
  "Xu",
  "Young",
  "Zhang",
] as const;

export interface Person {
  displayName: string;
  /** The part of the UPN before the @, unique within the tenant. */
  alias: string;
  firstName: string;
}

/** Hands out realistic, unique people ("Megan Bauer", megan.bauer, then megan.bauer2…). */
export function personFactory(random: Random): () => Person {
  const taken = new Map<string, number>();
  return () => {
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const base = `${firstName}.${lastName}`.toLowerCase();
    const seen = (taken.get(base) ?? 0) + 1;
    taken.set(base, seen);
    return {
      displayName: `${firstName} ${lastName}`,
      alias: seen === 1 ? base : `${base}${seen}`,
      firstName,
    };
  };
}

const GROUP_NAMES = [
  "All Staff",
  "Sales",
  "Finance",
  "Marketing",
  "Human Resources",
  "Leadership Team",
  "Customer Support",
  "Operations",
  "Project Phoenix",
  "Warehouse",
  "Legal",
  "Product",
] as const;

export function groupName(index: number): string {
  const name = GROUP_NAMES[index % GROUP_NAMES.length] ?? "Team";
  return index < GROUP_NAMES.length
    ? name
    : `${name} ${Math.floor(index / GROUP_NAMES.length) + 1}`;
}
