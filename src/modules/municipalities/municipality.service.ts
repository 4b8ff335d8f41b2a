import type { Kysely } from 'kysely';
import { recordAudit, type Writer } from '../../platform/audit/audit.js';
import type { AuthService } from '../../platform/auth/auth.service.js';
import { generatePassword } from '../../platform/auth/password.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { findMunicipalityBySlug, type Municipality } from '../../platform/tenancy.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import type { AddMemberInput, CreateMunicipalityInput, MunicipalitySettings } from './municipality.schema.js';

export type { Municipality };

export class MunicipalityService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly auth: AuthService,
    private readonly clock: Clock,
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
    return this.db.selectFrom('municipalities').selectAll().orderBy('name').execute();
  }

  /**
   * Creates a municipality and its first admin. Returns the admin's one-time password when the person is
   * new (an existing account keeps its password and simply gains the membership).
   */
  async create(input: CreateMunicipalityInput & { is_demo?: boolean }, by: Writer): Promise<{ municipality: Municipality; adminPassword: string | null }> {
    if (await this.findBySlug(input.slug)) throw new InvalidInputError({ slug: 'errors.slugTaken' });
    const now = this.clock().toISOString();
    const row = await this.db
      .insertInto('municipalities')
      .values({
        slug: input.slug,
        name: input.name,
        office_name: input.office_name,
        contact_person: input.contact_person,
        contact_email: input.contact_email,
        contact_phone: input.contact_phone,
        contact_address: input.contact_address,
        is_demo: input.is_demo ? 1 : 0,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let adminPassword: string | null = null;
    let user = await this.auth.findUserByEmail(input.admin_email);
    if (!user) {
      adminPassword = generatePassword();
      await this.auth.createUser({ email: input.admin_email, name: input.admin_name, password: adminPassword });
      user = await this.auth.findUserByEmail(input.admin_email);
    }
    await this.auth.addMembership(row.id, user!.id, 'admin');
    const municipality = await this.getBySlug(input.slug);
    await recordAudit(this.db, {
      municipalityId: row.id, writer: by, action: 'municipality.create', entityType: 'municipality', entityId: row.id,
      after: { slug: input.slug, name: input.name, admin: input.admin_email }, at: now,
    });
    return { municipality, adminPassword };
  }

  async updateSettings(m: Municipality, input: MunicipalitySettings, by: Writer): Promise<void> {
    const before = { name: m.name, office_name: m.office_name, contact_person: m.contact_person, contact_email: m.contact_email, contact_phone: m.contact_phone, contact_address: m.contact_address };
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('municipalities').set(input).where('id', '=', m.id).execute();
      await recordAudit(trx, {
        municipalityId: m.id, writer: by, action: 'municipality.update', entityType: 'municipality', entityId: m.id,
        before, after: input, at: this.clock().toISOString(),
      });
    });
  }

  /** Adds a person to the municipality; a new account gets a one-time password, returned once. */
  async addMember(m: Municipality, input: AddMemberInput, by: Writer): Promise<{ password: string | null }> {
    let user = await this.auth.findUserByEmail(input.email);
    if (user && (await this.auth.membershipOf(m.id, user.id))) throw new InvalidInputError({ email: 'errors.alreadyMember' });
    let password: string | null = null;
    if (!user) {
      password = generatePassword();
      await this.auth.createUser({ email: input.email, name: input.name, password });
      user = await this.auth.findUserByEmail(input.email);
    }
    await this.auth.addMembership(m.id, user!.id, input.role);
    await recordAudit(this.db, {
      municipalityId: m.id, writer: by, action: 'member.add', entityType: 'user', entityId: user!.id,
      after: { email: input.email, role: input.role }, at: this.clock().toISOString(),
    });
    return { password };
  }
}
