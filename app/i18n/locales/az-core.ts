import { enCore, type CoreTranslation } from "./en-core";

// PLACEHOLDER (issue 13): the English strings stand in until the Azerbaijani core pack is translated
// into ./az/ modules, as ./id-core.ts is; replace this file, do not extend it.
export const azCore: CoreTranslation = enCore;
