// Typed domain errors. Services throw them; the one error handler in app.ts turns them into pages.
import type { FieldErrors } from '../views/page.js';

export class NotFoundError extends Error {
  constructor(what = 'resource') {
    super(`not found: ${what}`);
  }
}

export class ForbiddenError extends Error {
  constructor() {
    super('forbidden');
  }
}

export class UnauthenticatedError extends Error {
  constructor() {
    super('not signed in');
  }
}

export class CsrfError extends Error {
  constructor() {
    super('csrf');
  }
}

/** A business rule the form schema cannot see (a slug already taken, a goal of another field …). */
export class InvalidInputError extends Error {
  constructor(readonly errors: FieldErrors) {
    super(`invalid input: ${Object.keys(errors).join(', ')}`);
  }
}
