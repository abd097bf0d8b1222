import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PartsReadiness, RiskClock } from '../../api/dispatch';

const COLOURS: Record<PartsReadiness['status'], string | undefined> = {
  none: undefined,
  issued: 'green',
  available: 'blue',
  short: 'red',
};

/** DSP-01: an order's parts readiness as a tag; the tooltip names what is missing. */
export function PartsTag({ parts, hideNone = false }: { parts?: PartsReadiness; hideNone?: boolean }) {
  const { t } = useTranslation();
  if (!parts || (hideNone && parts.status === 'none')) return null;
  const missing = parts.lines
    .filter((l) => l.short > 0)
    .map((l) => `${l.itemName} ×${l.short}`)
    .join('、');
  return (
    <Tooltip title={missing ? t('dispatchDay.partsShort', { items: missing }) : undefined}>
      <Tag color={COLOURS[parts.status]} data-testid="parts-tag" data-status={parts.status}>
        {t(`dispatchDay.parts.${parts.status}`)}
      </Tag>
    </Tooltip>
  );
}

/** DSP-01: which promise makes the order at risk, and when it is due (local time of the browser). */
export function RiskTag({ risk }: { risk?: RiskClock | null }) {
  const { t } = useTranslation();
  if (!risk) return null;
  const kind = t(`dispatchDay.riskKinds.${risk.kind}`, { defaultValue: risk.kind });
  const time = new Date(risk.dueAt).toLocaleString([], {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (
    <Tag color="red" data-testid="risk-tag" data-kind={risk.kind}>
      {t('dispatchDay.riskOf', { kind, time })}
    </Tag>
  );
}
