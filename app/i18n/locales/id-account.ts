import type { AccountTranslation } from "./en-account";
import { access } from "./id/access";
import { account } from "./id/account";
import { delivery } from "./id/delivery";

export const idAccount: AccountTranslation = { account, delivery, access };
