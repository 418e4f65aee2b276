/** The server refuses cookie-authenticated POSTs that lack this header. */
export const csrfHeaders = { 'X-Quorum-CSRF': '1' } as const;

/** A GraphQL document together with the result and variable types generated for it. */
export interface Operation<TData, TVariables> {
  readonly source: string;
  readonly types?: { data: TData; variables: TVariables };
}

/** Marks a GraphQL document for codegen (which finds `gql(...)` calls) and ties it to its types. */
export function gql<TData, TVariables>(source: string): Operation<TData, TVariables> {
  return { source };
}

/** A problem to show beside a form field (or at the top of the form when field is null). */
export interface FormError {
  field: string | null;
  message: string;
}

/**
 * Points the API's errors at the form's own fields: `fields` maps an input field's name to the form
 * field that shows it (often the same name). Errors about anything else go to the top of the form.
 */
export function onFields(errors: readonly FormError[], fields: Record<string, string>): FormError[] {
  return errors.map(({ field, message }) => ({
    field: field !== null && Object.hasOwn(fields, field) ? fields[field] : null,
    message,
  }));
}

/** The request failed: the server could not be reached or answered with GraphQL errors. */
export class RequestError extends Error {
  readonly messages: string[];

  constructor(messages: string[]) {
    super(messages.join(' '));
    this.name = 'RequestError';
    this.messages = messages;
  }

  toFormErrors(): FormError[] {
    return this.messages.map((message) => ({ field: null, message }));
  }
}

interface GraphQLResponse<TData> {
  data?: TData | null;
  errors?: { message: string }[];
}

export async function request<TData, TVariables>(
  operation: Operation<TData, TVariables>,
  variables: TVariables,
): Promise<TData> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrfHeaders },
      body: JSON.stringify({ query: operation.source, variables }),
    });
  } catch {
    throw new RequestError(['Quorum could not be reached. Check your connection and try again.']);
  }

  let body: GraphQLResponse<TData>;
  try {
    body = (await response.json()) as GraphQLResponse<TData>;
  } catch {
    throw new RequestError([`Quorum answered with an error (${response.status}). Try again later.`]);
  }

  if (body.errors?.length) {
    throw new RequestError(body.errors.map((error) => error.message));
  }
  if (!response.ok || body.data == null) {
    throw new RequestError([`Quorum answered with an error (${response.status}). Try again later.`]);
  }
  return body.data;
}

/** Turns anything thrown while submitting a form into errors the form can show. */
export function toFormErrors(error: unknown): FormError[] {
  if (error instanceof RequestError) return error.toFormErrors();
  return [{ field: null, message: 'Something went wrong. Try again.' }];
}
