import type { AccountTranslation } from "./en-account";
import { access } from "./az/access";
import { account } from "./az/account";
import { delivery } from "./az/delivery";

export const azAccount: AccountTranslation = { account, delivery, access };
