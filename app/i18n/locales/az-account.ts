import { enAccount, type AccountTranslation } from "./en-account";

// PLACEHOLDER (issue 13): the English strings stand in until the Azerbaijani account pack is translated
// into ./az/ modules, as ./id-account.ts is; replace this file, do not extend it.
export const azAccount: AccountTranslation = enAccount;
