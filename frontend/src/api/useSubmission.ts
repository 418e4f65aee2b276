import { useState } from 'react';
import { type FormError, toFormErrors } from './client';

/**
 * Sends a mutation for a form and keeps the errors to show: the payload's user errors, or the
 * request's own errors. Resolves to the payload when it succeeded and to null when it did not.
 */
export function useSubmission() {
  const [errors, setErrors] = useState<FormError[]>([]);
  const [submitting, setSubmitting] = useState(false);

  async function submit<TPayload extends { errors: FormError[] }>(
    send: () => Promise<TPayload>,
  ): Promise<TPayload | null> {
    setSubmitting(true);
    try {
      const payload = await send();
      setErrors(payload.errors);
      return payload.errors.length ? null : payload;
    } catch (error) {
      setErrors(toFormErrors(error));
      return null;
    } finally {
      setSubmitting(false);
    }
  }

  return { errors, setErrors, submitting, submit };
}
