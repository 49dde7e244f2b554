import type { SameKeys } from "../translator";
import { access } from "./en/access";
import { account } from "./en/account";
import { delivery } from "./en/delivery";

export const enAccount = { account, delivery, access };

export type AccountTranslation = SameKeys<typeof enAccount>;
