import { getFormProps } from "@conform-to/react";
import { Form } from "react-router";
import type { ActionResult } from "../forms/result";
import { useRecordForm } from "./use-record-form";

/**
 * A form of hidden values and one button (mark a milestone done, confirm, withdraw), taken the
 * same Conform way as the page's other forms; a refusal is shown by the section, not by a field.
 */
export function ActionForm({
  id,
  result,
  values,
  className = "inline-action",
  children,
}: {
  id: string;
  /** The refused change, when it was this form's. */
  result?: ActionResult;
  /** The hidden fields, `intent` first. */
  values: Record<string, string | number>;
  className?: string;
  /** The button. */
  children: React.ReactNode;
}) {
  const [form] = useRecordForm({ id, result });
  return (
    <Form method="post" className={className} {...getFormProps(form)}>
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </Form>
  );
}
