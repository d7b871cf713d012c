import { PreparationDraftSchema, type PreparationDraft } from '../../core/preparation/draft';
import type { PreparationDraftStore } from '../../core/ports/preparationDraftStore';
import { UniqueViolationError, type SqlDatabase } from './sqlDatabase';
import { parseStored } from './versionedDocuments';

interface DraftRow {
  id: string;
  document: unknown;
}

export class SqlPreparationDraftStore implements PreparationDraftStore {
  constructor(private readonly db: SqlDatabase) {}

  async findInProgress(employeeId: string): Promise<PreparationDraft | undefined> {
    return this.one(
      `select id, document from preparation_drafts
       where employee_id = $1 and status = 'in-progress'`,
      [employeeId],
    );
  }

  async get(draftId: string): Promise<PreparationDraft | undefined> {
    return this.one('select id, document from preparation_drafts where id = $1', [draftId]);
  }

  /** The partial unique index decides: of two drafts started at once, one is stored. */
  async create(draft: PreparationDraft): Promise<boolean> {
    const document = PreparationDraftSchema.parse(draft);
    try {
      await this.db.query(
        `insert into preparation_drafts (id, employee_id, status, revision, document)
         values ($1, $2, $3, $4, $5::jsonb)`,
        [
          document.id,
          document.employeeId,
          document.status,
          document.revision,
          JSON.stringify(document),
        ],
      );
      return true;
    } catch (error) {
      if (error instanceof UniqueViolationError) return false;
      throw error;
    }
  }

  /** The revision check is part of the UPDATE, so the row lock lets one of two writers through. */
  async update(draft: PreparationDraft): Promise<boolean> {
    const document = PreparationDraftSchema.parse(draft);
    const written = await this.db.query<{ id: string }>(
      `update preparation_drafts
       set status = $2, revision = $3, document = $4::jsonb, updated_at = now()
       where id = $1 and revision = $5
       returning id`,
      [
        document.id,
        document.status,
        document.revision,
        JSON.stringify(document),
        document.revision - 1,
      ],
    );
    return written.length === 1;
  }

  private async one(text: string, params: unknown[]): Promise<PreparationDraft | undefined> {
    const row = (await this.db.query<DraftRow>(text, params))[0];
    return row && parseStored(PreparationDraftSchema, 'preparation draft', row.id, row.document);
  }
}
