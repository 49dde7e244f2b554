/**
 * A form as the browser would post it, for tests that hand a FormData to the app's form readers:
 * from a record (an array value is a field sent once per item, like checkboxes of one name) or
 * from [name, value] pairs when the order or repetition of fields is what is tested.
 */
export function formData(fields: Record<string, string | string[]> | [string, string][]): FormData {
  const form = new FormData();
  const entries = Array.isArray(fields) ? fields : Object.entries(fields);
  for (const [name, value] of entries) for (const one of Array.isArray(value) ? value : [value]) form.append(name, one);
  return form;
}
