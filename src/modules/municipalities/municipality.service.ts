// Use cases of municipalities: the instance admin creates one with its first admin; its admin keeps the
// settings and adds people. Every write runs through the audited write path, all or nothing.
import type { Kysely } from 'kysely';
import type { Writer } from '../../platform/audit/audit.js';
import type { AuditedWrites, Trx } from '../../platform/audit/audited.js';
import type { AuthService } from '../../platform/auth/auth.service.js';
import { generatePassword } from '../../platform/auth/password.js';
import type { Database } from '../../platform/db/schema.js';
import { findMunicipalityBySlug, type Municipality } from '../../platform/tenancy.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import type { CreateMunicipalityInput, MunicipalitySettings } from './municipality.schema.js';
import * as repo from './municipality.repository.js';

export type { Municipality };

export class MunicipalityService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditedWrites,
    private readonly auth: AuthService,
  ) {}

  async findBySlug(slug: string): Promise<Municipality | undefined> {
    return (await findMunicipalityBySlug(this.db, slug)) ?? undefined;
  }

  async getBySlug(slug: string): Promise<Municipality> {
    const m = await this.findBySlug(slug);
    if (!m) throw new NotFoundError('municipality');
    return m;
  }

  list(): Promise<Municipality[]> {
    return repo.listMunicipalities(this.db);
  }

  /** The person with this address, made with a one-time password (returned) when there is none yet. */
  private async findOrCreateUser(trx: Trx, email: string, name: string): Promise<{ userId: number; password: string | null }> {
    const user = await this.auth.findUserByEmail(email, trx);
    if (user) return { userId: user.id, password: null };
    const password = generatePassword();
    return { userId: await this.auth.createUser({ email, name, password, mustChangePassword: true }, trx), password };
  }

  /**
   * Creates a municipality and its first admin in one transaction: both or neither. Returns the admin's
   * one-time password when the person is new (an existing account keeps its password and simply gains the
   * membership).
   */
  async create(input: CreateMunicipalityInput & { is_demo?: boolean }, by: Writer): Promise<{ municipality: Municipality; adminPassword: string | null }> {
    if (await this.findBySlug(input.slug)) throw new InvalidInputError({ slug: 'errors.slugTaken' });
    // The municipality's row comes first, so that the write (its audit entry, its content version) is its own.
    return this.audit.transaction(null, async ({ trx, now }) => {
      const id = await repo.insertMunicipality(trx, {
        slug: input.slug,
        name: input.name,
        office_name: input.office_name,
        contact_person: input.contact_person,
        contact_email: input.contact_email,
        contact_phone: input.contact_phone,
        contact_address: input.contact_address,
        is_demo: input.is_demo ? 1 : 0,
        created_at: now,
      });
      const audit = { action: 'municipality.create', entityType: 'municipality', entityId: id, after: { slug: input.slug, name: input.name, admin: input.admin_email } };
      return this.audit.write(id, by, audit, async ({ trx }) => {
        const admin = await this.findOrCreateUser(trx, input.admin_email, input.admin_name);
        await this.auth.addMembership(id, admin.userId, 'admin', trx);
        const municipality = await repo.findMunicipality(trx, id);
        return { municipality: municipality!, adminPassword: admin.password };
      }, trx);
    });
  }

  async updateSettings(m: Municipality, input: MunicipalitySettings, by: Writer): Promise<void> {
    const before = { name: m.name, office_name: m.office_name, contact_person: m.contact_person, contact_email: m.contact_email, contact_phone: m.contact_phone, contact_address: m.contact_address };
    await this.audit.write(m.id, by, { action: 'municipality.update', entityType: 'municipality', entityId: m.id, before, after: input }, ({ trx }) =>
      repo.updateMunicipality(trx, m.id, input),
    );
  }
}
