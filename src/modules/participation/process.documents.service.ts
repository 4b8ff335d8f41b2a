// A phase's documents (drafts, agendas, minutes, presentations): uploaded by the officer after the platform's
// checks (type by content, size), stored in the database, listed on the admin page and, when marked public,
// on the public timeline, and served only as a download. A public download's name comes from the title, never
// from the uploaded file's name; who uploaded it stays internal.
import type { Kysely } from 'kysely';
import type { Writer } from '../../platform/audit/audit.js';
import type { AuditedWrites } from '../../platform/audit/audited.js';
import type { Database } from '../../platform/db/schema.js';
import * as repo from '../../platform/files/documents.repository.js';
import type { DownloadFile } from '../../platform/files/download.js';
import { checkUpload, documentTypeOf, safeFileName } from '../../platform/files/upload.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import type { ProcessService } from './process.service.js';

export const PHASE_DOCUMENT_KINDS = ['agenda', 'minutes', 'presentation', 'draft', 'other'] as const;
export type PhaseDocumentKind = (typeof PHASE_DOCUMENT_KINDS)[number];

export interface PhaseDocumentInput {
  title: string;
  kind: PhaseDocumentKind;
  isPublic: boolean;
  fileName: string;
  content: Buffer;
}

export class PhaseDocumentService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditedWrites,
    private readonly processes: ProcessService,
  ) {}

  /** A phase's document with its content (for the officer's download). */
  async get(municipalityId: number, documentId: number) {
    const doc = await repo.findDocument(this.db, municipalityId, 'phase', null, documentId);
    if (!doc) throw new NotFoundError('document');
    return doc;
  }

  /**
   * A document the public may download: marked public, of a phase of a published process; its name made from
   * its title. Anything else is unknown (404).
   */
  async publicDownload(municipalityId: number, documentId: number): Promise<DownloadFile> {
    const doc = await repo.findDocument(this.db, municipalityId, 'phase', null, documentId);
    if (!doc || !doc.is_public) throw new NotFoundError('document');
    const phase = await this.processes.phase(municipalityId, doc.owner_id);
    if ((await this.processes.get(municipalityId, phase.process_id)).state !== 'published') throw new NotFoundError('document');
    const type = documentTypeOf(doc.mime_type);
    return { fileName: type ? safeFileName(`${doc.title}.${type.ext}`, type) : doc.file_name, mimeType: doc.mime_type, content: doc.content };
  }

  /** Checks and stores an upload; a refused file is an error at the file field (type, size or empty), and nothing is stored. */
  async upload(municipalityId: number, phaseId: number, input: PhaseDocumentInput, by: Writer): Promise<number> {
    await this.processes.phase(municipalityId, phaseId);
    const checked = checkUpload(input.fileName, input.content);
    if (!checked.ok) throw new InvalidInputError({ file: `participation.documents.errors.${checked.error}` });
    return this.audit.write(
      municipalityId, by,
      (id: number) => ({ action: 'process.phase.document_add', entityType: 'process_phase', entityId: phaseId, after: { documentId: id, title: input.title, kind: input.kind, type: checked.type.ext, size: input.content.length, public: input.isPublic } }),
      ({ trx, now }) => repo.insertDocument(trx, municipalityId, 'phase', phaseId, {
        title: input.title, kind: input.kind, file_name: checked.name, mime_type: checked.type.mime, size: input.content.length,
        content: input.content, is_public: input.isPublic ? 1 : 0, created_by_name: by.name,
      }, now),
    );
  }

  async remove(municipalityId: number, documentId: number, by: Writer): Promise<void> {
    const doc = await this.get(municipalityId, documentId);
    await this.audit.write(municipalityId, by, { action: 'process.phase.document_delete', entityType: 'process_phase', entityId: doc.owner_id, before: { documentId, title: doc.title, kind: doc.kind } }, ({ trx }) =>
      repo.deleteDocument(trx, municipalityId, 'phase', doc.owner_id, documentId));
  }
}
