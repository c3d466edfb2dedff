/**
 * One party's context: name, type, note, key facts, nearest background events and the source.
 * Shared by the inline tooltip and the popup. Everything is rendered as text (Preact escapes it);
 * links are only ever the knowledge file's http(s) source URLs.
 */
import type { ComponentChildren } from 'preact';
import type { PartyCard as Card } from '../core/protocol';
import { formatDate, formatRange, hostOf, safeUrl } from '../lib/format';
import { t } from '../lib/i18n';

export function TypeBadge({ type }: { type: Card['type'] }) {
  return <span class={`bs-type bs-type-${type}`}>{t(`type_${type}`)}</span>;
}

export function SourceLink({ url, children }: { url: string | null; children?: ComponentChildren }) {
  const href = safeUrl(url);
  if (!href) return null;
  return (
    <a class="bs-source" href={href} target="_blank" rel="noopener noreferrer">
      {children ?? `${t('source')}: ${hostOf(href)}`}
    </a>
  );
}

export interface PartyCardProps {
  card: Card;
  /** Element id of the heading, for aria-labelledby. */
  headingId?: string;
  /** Heading level within the surrounding document. */
  level?: 2 | 3;
  /** Show facts and events (tooltip and expanded popup rows). */
  detailed?: boolean;
  footer?: ComponentChildren;
}

export function PartyCardView({ card, headingId, level = 2, detailed = true, footer }: PartyCardProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div class="bs-card">
      <div class="bs-card-head">
        <Heading class="bs-name" id={headingId}>
          {card.name}
        </Heading>
        <TypeBadge type={card.type} />
      </div>
      {card.note ? <p class="bs-note">{card.note}</p> : <p class="bs-note bs-muted">{t('notInKnowledge')}</p>}
      {detailed && card.facts.length > 0 && (
        <dl class="bs-facts">
          {card.facts.map((f) => (
            <div class="bs-fact" key={f.label}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {detailed && card.events.length > 0 && (
        <ul class="bs-events">
          {card.events.map((e) => (
            <li key={`${e.date}${e.label}`}>
              <time dateTime={e.date}>{formatRange(e.date, e.endDate)}</time> <span>{e.label}</span>
            </li>
          ))}
        </ul>
      )}
      {(card.sourceUrl || footer) && (
        <div class="bs-card-foot">
          {card.sourceUrl && (
            <span class="bs-provenance">
              <SourceLink url={card.sourceUrl} />
              {card.asOf && <span class="bs-muted"> · {t('asOf', formatDate(card.asOf))}</span>}
            </span>
          )}
          {footer}
        </div>
      )}
    </div>
  );
}
