// A working group's documents: minutes, agendas, presentations and other files, uploaded by the group's lead
// or the officer after the platform's upload checks (type by content, size), stored in the database,
// listed for members (and, when marked public, on the public page) and served only as a download.
import type { Kysely } from 'kysely';
import type { Writer } from '../../platform/audit/audit.js';
import type { AuditedWrites } from '../../platform/audit/audited.js';
import type { Database } from '../../platform/db/schema.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import * as repo from '../../platform/files/documents.repository.js';
import { checkUpload } from '../../platform/files/upload.js';

export const DOCUMENT_KINDS = ['minutes', 'agenda', 'presentation', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export type GroupDocument = Awaited<ReturnType<typeof repo.listDocuments>>[number];

export interface UploadInput {
  title: string;
  kind: DocumentKind;
  isPublic: boolean;
  fileName: string;
  content: Buffer;
}

export class GroupDocumentService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditedWrites,
  ) {}

  list(municipalityId: number, groupId: number, onlyPublic = false): Promise<GroupDocument[]> {
    return repo.listDocuments(this.db, municipalityId, 'group', [groupId], onlyPublic);
  }

  /** The document with its content (for its download); only public ones when `onlyPublic`. */
  async get(municipalityId: number, groupId: number, documentId: number, onlyPublic = false) {
    const doc = await repo.findDocument(this.db, municipalityId, 'group', groupId, documentId);
    if (!doc || (onlyPublic && !doc.is_public)) throw new NotFoundError('document');
    return doc;
  }

  /** Checks and stores an upload; a refused file is an error at the file field (type, size or empty). */
  async upload(municipalityId: number, groupId: number, input: UploadInput, by: Writer): Promise<number> {
    const checked = checkUpload(input.fileName, input.content);
    if (!checked.ok) throw new InvalidInputError({ file: `groups.groups.documents.errors.${checked.error}` });
    return this.audit.write(municipalityId, by, { action: 'group.document_add', entityType: 'working_group', entityId: groupId, after: { title: input.title, type: checked.type.ext, size: input.content.length } }, async ({ trx, now }) =>
      repo.insertDocument(trx, municipalityId, 'group', groupId, {
        title: input.title, kind: input.kind, file_name: checked.name, mime_type: checked.type.mime, size: input.content.length,
        content: input.content, is_public: input.isPublic ? 1 : 0, created_by_name: by.name,
      }, now));
  }

  async remove(municipalityId: number, groupId: number, documentId: number, by: Writer): Promise<void> {
    const doc = await this.get(municipalityId, groupId, documentId);
    await this.audit.write(municipalityId, by, { action: 'group.document_delete', entityType: 'working_group', entityId: groupId, before: { title: doc.title } }, async ({ trx }) =>
      repo.deleteDocument(trx, municipalityId, 'group', groupId, documentId));
  }
}
