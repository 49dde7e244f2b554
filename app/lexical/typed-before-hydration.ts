/**
 * What people typed into the server-rendered rich-text textareas before the app's scripts ran,
 * by each field's key (its useId, written on the textarea as data-field-key). Hydrating a textarea
 * sets its value back to the server's text, and a hydration React interrupts and starts again
 * would then read that. So the first rich-text field to render reads every field's textarea at
 * once, before React has hydrated any of them (each textarea hydrates after its own field renders).
 */
const typed = new Map<string, string>();
let captured = false;

/** The text typed into the field with this key before hydration; null if none. */
export function typedBeforeHydration(key: string): string | null {
  if (!captured && typeof document !== "undefined") {
    captured = true;
    for (const element of document.querySelectorAll<HTMLTextAreaElement>("textarea[data-field-key]")) {
      if (element.dataset.fieldKey && element.value !== element.defaultValue)
        typed.set(element.dataset.fieldKey, element.value);
    }
  }
  return typed.get(key) ?? null;
}
