import type { SameKeys } from "../translator";
import { organizations } from "./en/organizations";
import { people } from "./en/people";

export const enPeople = { people, organizations };

export type PeopleTranslation = SameKeys<typeof enPeople>;
