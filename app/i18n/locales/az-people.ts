import type { PeopleTranslation } from "./en-people";
import { organizations } from "./az/organizations";
import { people } from "./az/people";

export const azPeople: PeopleTranslation = { people, organizations };
