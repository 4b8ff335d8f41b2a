import { z } from 'zod';

/** The rules a chosen password meets (stated on every form that asks for one). */
export const PASSWORD_MIN = 10;
const password = z.string().min(PASSWORD_MIN, 'accounts.errors.passwordShort').max(200, 'errors.tooLong');
const confirmed = <T extends { password: string; password_confirm: string }>(v: T) => v.password === v.password_confirm;
const mismatch = { path: ['password_confirm'], message: 'accounts.errors.confirmMismatch' };

export const newPasswordSchema = z
  .object({ password, password_confirm: z.string().default('') })
  .refine(confirmed, mismatch);

export const changePasswordSchema = z
  .object({ current_password: z.string().min(1, 'accounts.errors.currentRequired'), password, password_confirm: z.string().default('') })
  .refine(confirmed, mismatch);

export const forgotPasswordSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, 'errors.emailRequired').email('errors.emailInvalid'),
});

export const inviteSchema = z.object({
  name: z.string().trim().min(1, 'errors.nameRequired').max(200, 'errors.tooLong'),
  email: z.string().trim().toLowerCase().email('errors.emailInvalid'),
  role: z.enum(['admin', 'editor'], { message: 'errors.choiceInvalid' }),
});
export type InviteInput = z.infer<typeof inviteSchema>;

export const roleSchema = z.object({ role: z.enum(['admin', 'editor'], { message: 'errors.choiceInvalid' }) });
