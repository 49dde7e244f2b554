import type { PeopleTranslation } from "./en-people";
import { organizations } from "./id/organizations";
import { people } from "./id/people";

export const idPeople: PeopleTranslation = { people, organizations };
