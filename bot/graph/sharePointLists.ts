import { GraphRequestError, type GraphRequests } from './graphRequests';
import { GRAPH_PERMISSIONS, MissingGraphPermissionError } from './grantedPermissions';

/**
 * The SharePoint lists the plan store keeps its documents in, on the one site the app is
 * granted (Sites.Selected), and their provisioning at start: whatever is missing is created,
 * so a second start only reads and changes nothing.
 *
 * Every column the app filters on is indexed. SharePoint filters on one indexed column at a
 * time and refuses (or, past 5,000 items, fails) a filter on a column without an index, so each
 * read is shaped to need exactly one: the person, the key, or the time of saving.
 */

type ColumnKind = 'text' | 'note' | 'number' | 'dateTime';

interface ColumnSpec {
  name: string;
  kind: ColumnKind;
  indexed?: boolean;
  /** Enforced by SharePoint: a second item with the same value is refused (409). */
  unique?: boolean;
}

interface ListSpec {
  displayName: string;
  columns: readonly ColumnSpec[];
}

const text = (name: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name,
  kind: 'text',
  ...extra,
});
const key = (name: string): ColumnSpec => text(name, { indexed: true, unique: true });

export const SHAREPOINT_LISTS = {
  /** Plans, team plans, dialogues, preparations and effect follow-ups: current versions. */
  documents: {
    displayName: 'Kompetensdialog dokument',
    columns: [
      text('Kind'),
      /** `<kind>:<id>`, what a document is read by. */
      key('DocumentKey'),
      /** One per employee and year, unit and year, dialogue, or plan and activity. */
      key('NaturalKey'),
      /** The employee the document is about: the team view reads one person at a time. */
      text('EmployeeId', { indexed: true }),
      /** The plan of a follow-up, the dialogue of a preparation. */
      text('ParentId', { indexed: true }),
      text('ManagerId'),
      text('UnitId'),
      /** Indexed for the retention job, which removes plans and dialogues of past years. */
      { name: 'Year', kind: 'number', indexed: true },
      text('Status'),
      { name: 'Version', kind: 'number' },
      text('SavedBy'),
      { name: 'SavedAt', kind: 'dateTime', indexed: true },
      /** Unique per save: how a writer knows, after a dropped answer, that the item is its own. */
      text('WriteId'),
      { name: 'Document', kind: 'note' },
      /** An individual plan's latest agreed version, kept while a newer one is drafted. */
      { name: 'AgreedDocument', kind: 'note' },
    ],
  },
  /** Every saved version of the versioned documents, for the history. */
  revisions: {
    displayName: 'Kompetensdialog versioner',
    columns: [
      /** `<DocumentKey>@<version>`: a version is written once. */
      key('RevisionKey'),
      text('DocumentKey', { indexed: true }),
      { name: 'Version', kind: 'number' },
      text('SavedBy'),
      { name: 'SavedAt', kind: 'dateTime' },
      { name: 'Document', kind: 'note' },
    ],
  },
  /** Reflections apart from the rest: the most private, and a weekly stream per person. */
  reflections: {
    displayName: 'Kompetensdialog reflektioner',
    columns: [
      key('ReflectionId'),
      text('PersonId', { indexed: true }),
      text('Visibility'),
      /** Indexed for the retention job, which removes reflections older than the profiles keep. */
      { name: 'CreatedAt', kind: 'dateTime', indexed: true },
      { name: 'Document', kind: 'note' },
    ],
  },
} as const satisfies Record<string, ListSpec>;

export type ListName = keyof typeof SHAREPOINT_LISTS;

/** SharePoint's limits: a single line of text, and a plain multi-line text column. */
export const SINGLE_LINE_LIMIT = 255;
export const NOTE_LIMIT = 63_999;

export interface SharePointSite {
  /** The canonical id Graph answered with (`host,siteCollectionId,webId`). */
  siteId: string;
  lists: Record<ListName, string>;
}

interface GraphList {
  id: string;
  displayName: string;
}

interface GraphColumn {
  id: string;
  name: string;
  indexed?: boolean;
}

/** The site cannot be used: named so an administrator knows what to do. */
export class SharePointSiteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SharePointSiteError';
  }
}

export async function provisionSharePointLists(
  graph: GraphRequests,
  configuredSite: string,
): Promise<SharePointSite> {
  const site = await siteOf(graph, configuredSite);
  const sitePath = `/sites/${site.id}`;
  try {
    const existing = await graph.getAllPages<GraphList>(`${sitePath}/lists`, {
      select: ['id', 'displayName'],
    });
    const lists = {} as Record<ListName, string>;
    for (const [name, spec] of Object.entries(SHAREPOINT_LISTS) as [ListName, ListSpec][]) {
      const found = existing.find((list) => list.displayName === spec.displayName);
      lists[name] = found
        ? (await completeColumns(graph, `${sitePath}/lists/${found.id}`, spec), found.id)
        : await createList(graph, sitePath, spec);
    }
    return { siteId: site.id, lists };
  } catch (error) {
    if (error instanceof GraphRequestError && error.status === 403) {
      throw new SharePointSiteError(
        `SharePoint site ${configuredSite}: the app may read but not write. Grant it the "write" role on the site (Sites.Selected); see the README.`,
      );
    }
    throw error;
  }
}

async function siteOf(graph: GraphRequests, configuredSite: string): Promise<{ id: string }> {
  try {
    return await graph.get<{ id: string }>(`/sites/${configuredSite}`, {
      select: ['id', 'displayName'],
    });
  } catch (error) {
    if (error instanceof GraphRequestError && (error.status === 403 || error.status === 401)) {
      throw new MissingGraphPermissionError(
        'planStore',
        GRAPH_PERMISSIONS.planStore,
        `SharePoint site ${configuredSite}: the app has no access. With Sites.Selected, an administrator grants it the "write" role on this one site; see the README.`,
      );
    }
    if (error instanceof GraphRequestError && error.status === 404) {
      throw new SharePointSiteError(
        `SharePoint site ${configuredSite} does not exist (GRAPH_SITE_ID)`,
      );
    }
    throw error;
  }
}

/** Two instances starting at once may both create a list: the second finds the first's. */
async function createList(graph: GraphRequests, sitePath: string, spec: ListSpec): Promise<string> {
  try {
    const created = await graph.post<GraphList>(`${sitePath}/lists`, {
      displayName: spec.displayName,
      columns: spec.columns.map(columnDefinition),
      list: { template: 'genericList' },
    });
    return created.id;
  } catch (error) {
    if (!(error instanceof GraphRequestError) || error.status !== 409) throw error;
    const lists = await graph.getAllPages<GraphList>(`${sitePath}/lists`, {
      select: ['id', 'displayName'],
    });
    const found = lists.find((list) => list.displayName === spec.displayName);
    if (!found) throw error;
    await completeColumns(graph, `${sitePath}/lists/${found.id}`, spec);
    return found.id;
  }
}

/** A list made by an earlier version of the app gets the columns and indexes added since. */
async function completeColumns(
  graph: GraphRequests,
  listPath: string,
  spec: ListSpec,
): Promise<void> {
  const columns = await graph.getAllPages<GraphColumn>(`${listPath}/columns`, {
    select: ['id', 'name', 'indexed'],
  });
  for (const wanted of spec.columns) {
    const found = columns.find((column) => column.name === wanted.name);
    if (!found) {
      await graph.post(`${listPath}/columns`, columnDefinition(wanted)).catch((error: unknown) => {
        // Another instance added it a moment ago.
        if (!(error instanceof GraphRequestError) || error.status !== 409) throw error;
      });
    } else if (wanted.indexed && !found.indexed) {
      await graph.patch(`${listPath}/columns/${found.id}`, { indexed: true });
    }
  }
}

function columnDefinition(column: ColumnSpec): Record<string, unknown> {
  const facet =
    column.kind === 'text'
      ? { text: { allowMultipleLines: false, maxLength: SINGLE_LINE_LIMIT } }
      : column.kind === 'note'
        ? { text: { allowMultipleLines: true, textType: 'plain' } }
        : column.kind === 'number'
          ? { number: {} }
          : { dateTime: { format: 'dateTime' } };
  return {
    name: column.name,
    ...facet,
    ...(column.indexed ? { indexed: true } : {}),
    ...(column.unique ? { enforceUniqueValues: true } : {}),
  };
}
