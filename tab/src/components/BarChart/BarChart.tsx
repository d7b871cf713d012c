import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

export interface BarChartRow {
  /** Stable key of the row, e.g. a priority area's id. */
  id: string;
  label: string;
  value: number;
  /** The value in words, e.g. "3 av 5 (60 %)": what everyone reads, with or without the bar. */
  valueText: string;
}

export interface BarChartProps {
  caption: string;
  /** Column headers, for screen readers and for the narrow layout. */
  labelHeader: string;
  valueHeader: string;
  rows: readonly BarChartRow[];
  /** The value of a full-length bar (e.g. the team's size); at least the largest value. */
  max: number;
  className?: string;
}

const useStyles = makeStyles({
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    tableLayout: 'fixed',
  },
  caption: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    paddingBlockEnd: tokens.spacingVerticalS,
  },
  head: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  labelColumn: { width: '42%' },
  label: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    verticalAlign: 'middle',
    paddingBlock: tokens.spacingVerticalS,
    paddingInlineEnd: tokens.spacingHorizontalM,
    overflowWrap: 'break-word',
  },
  cell: { verticalAlign: 'middle', paddingBlock: tokens.spacingVerticalS },
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  svg: {
    flexGrow: 1,
    minWidth: '64px',
    height: '16px',
    display: 'block',
    overflow: 'visible',
  },
  track: {
    fill: tokens.colorNeutralBackground5,
    stroke: tokens.colorNeutralStroke2,
    strokeWidth: '1px',
    '@media (forced-colors: active)': { fill: 'Canvas', stroke: 'CanvasText' },
  },
  fill: {
    fill: tokens.colorBrandForeground1,
    '@media (forced-colors: active)': { fill: 'CanvasText' },
  },
  value: {
    flexShrink: 0,
    minWidth: '9em',
    fontVariantNumeric: 'tabular-nums',
  },
  row: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  // A narrow tab (Teams on a phone): the name above its bar instead of beside it.
  narrow: {
    '@media (max-width: 479px)': {
      display: 'block',
      '& thead': { display: 'none' },
      '& caption, & tbody, & tr, & th, & td': { display: 'block', width: 'auto' },
      '& th': { paddingBlockEnd: 0, paddingInlineEnd: 0 },
    },
  },
});

/**
 * A horizontal bar chart that is a table: the caption, one row per item with its name and the
 * value in words, and the bar drawn beside the words in SVG with Fluent's tokens, so it follows
 * the Teams theme. Screen readers read the table; the bars are decoration for the eye.
 */
export function BarChart({
  caption,
  labelHeader,
  valueHeader,
  rows,
  max,
  className,
}: BarChartProps) {
  const styles = useStyles();
  const scale = Math.max(max, ...rows.map((row) => row.value), 1);

  return (
    <table className={mergeClasses(styles.table, styles.narrow, className)}>
      <caption className={styles.caption}>{caption}</caption>
      <colgroup>
        <col className={styles.labelColumn} />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col" className={styles.head}>
            {labelHeader}
          </th>
          <th scope="col" className={styles.head}>
            {valueHeader}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const share = Math.min(1, Math.max(0, row.value / scale));
          return (
            <tr key={row.id} className={styles.row}>
              <th scope="row" className={styles.label}>
                {row.label}
              </th>
              <td className={styles.cell}>
                <div className={styles.bar}>
                  <svg className={styles.svg} aria-hidden="true" focusable="false">
                    <rect className={styles.track} x="0" y="2" width="100%" height="12" rx="2" />
                    {share > 0 ? (
                      <rect
                        className={styles.fill}
                        x="0"
                        y="2"
                        width={`${(share * 100).toFixed(2)}%`}
                        height="12"
                        rx="2"
                      />
                    ) : null}
                  </svg>
                  <span className={styles.value}>{row.valueText}</span>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
