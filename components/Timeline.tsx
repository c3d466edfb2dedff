/**
 * The merged timeline, oldest first: the article's own dated events and background events from the
 * knowledge file told apart, years as landmarks, and what happened after the article was published
 * set off under "Since this article".
 */
import type { TimelineItem } from '../core/types';
import { formatRange } from '../lib/format';
import { t } from '../lib/i18n';
import { SourceLink } from './PartyCard';

export function Timeline({ items, names }: { items: readonly TimelineItem[]; names: ReadonlyMap<string, string> }) {
  if (items.length === 0) return <p class="bs-muted">{t('noTimeline')}</p>;
  const rows: preact.JSX.Element[] = [];
  let year = '';
  let since = false;
  items.forEach((item, i) => {
    if (item.afterPublication && !since) {
      since = true;
      rows.push(
        <li key="since" class="tl-since">
          <span>{t('sinceArticle')}</span>
        </li>,
      );
    }
    const y = item.date.slice(0, 4);
    if (y !== year) {
      year = y;
      rows.push(
        <li key={`y${y}-${i}`} class="tl-year">
          {y}
        </li>,
      );
    }
    const parties = item.partyIds.map((id) => names.get(id)).filter(Boolean).slice(0, 3).join(', ');
    rows.push(
      <li key={i} class={`tl-item tl-${item.source}${item.afterPublication ? ' tl-after' : ''}`}>
        <div class="tl-meta">
          <time dateTime={item.date}>{formatRange(item.date, item.endDate)}</time>
          <span class="tl-tag">{item.source === 'article' ? t('inArticle') : t('background')}</span>
        </div>
        <p class="tl-label">{item.label}</p>
        {(parties || item.sourceUrl) && (
          <p class="tl-foot">
            {parties && <span class="bs-muted">{parties}</span>}
            {item.sourceUrl && <SourceLink url={item.sourceUrl} />}
          </p>
        )}
      </li>,
    );
  });
  return <ol class="tl">{rows}</ol>;
}
