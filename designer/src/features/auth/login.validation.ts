import { loginRequestSchema, type LoginRequest } from '@diwan/contracts';

export type LoginFieldError = 'usernameRequired' | 'passwordRequired' | 'tooLong';
export type LoginFieldErrors = Partial<Record<keyof LoginRequest, LoginFieldError>>;

/** Validates with the shared schema the engine uses, and names each field's problem. */
export function validateLogin(
  input: LoginRequest,
): { ok: true; value: LoginRequest } | { ok: false; errors: LoginFieldErrors } {
  const result = loginRequestSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const errors: LoginFieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (field !== 'username' && field !== 'password') continue;
    if (errors[field]) continue;
    errors[field] =
      issue.code === 'too_big' ? 'tooLong' : field === 'username' ? 'usernameRequired' : 'passwordRequired';
  }
  return { ok: false, errors };
}
