import type { Translation } from "../en";

export const commitments: Translation["commitments"] = {};
