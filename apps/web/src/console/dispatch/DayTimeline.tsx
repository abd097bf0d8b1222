import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanRoute } from '../../api/dispatch';
import { hhmm } from './minutes';

const ROW_HEIGHT = 36;
const NAME_WIDTH = 120;

/**
 * DSP-01: each engineer's day as a horizontal bar — travel (grey), work (blue, red when late), breaks
 * (green) — drawn from the plan's stop times. A work block can be dragged onto another engineer's row;
 * `onDrop` asks the server for the DSP-04 verdict.
 */
export function DayTimeline({
  routes,
  onDrop,
}: {
  routes: PlanRoute[];
  onDrop: (orderId: string, engineerId: string) => void;
}) {
  const { t } = useTranslation();
  const from = Math.min(...routes.map((r) => r.shift.start), 8 * 60);
  const to = Math.max(...routes.map((r) => r.shift.end), 18 * 60);
  const pct = (m: number) => `${((Math.max(from, Math.min(m, to)) - from) / (to - from)) * 100}%`;
  const width = (a: number, b: number) => `${((Math.max(0, b - a) / (to - from)) * 100).toFixed(3)}%`;
  const hours: number[] = [];
  for (let h = Math.ceil(from / 60); h <= Math.floor(to / 60); h++) hours.push(h);

  return (
    <div data-testid="dispatch-timeline">
      <div style={{ display: 'flex', marginLeft: NAME_WIDTH, position: 'relative', height: 18 }}>
        {hours.map((h) => (
          <span key={h} style={{ position: 'absolute', left: pct(h * 60), fontSize: 11, color: '#888' }}>
            {h}:00
          </span>
        ))}
      </div>
      {routes.map((r) => (
        <div
          key={r.engineerId}
          data-testid={`timeline-row-${r.engineerId}`}
          style={{ display: 'flex', alignItems: 'center', height: ROW_HEIGHT, borderBottom: '1px solid #f0f0f0' }}
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            const orderId = e.dataTransfer.getData('text/plain');
            if (orderId) onDrop(orderId, r.engineerId);
          }}
        >
          <Typography.Text ellipsis style={{ width: NAME_WIDTH, flex: 'none' }}>
            {r.engineerName}
          </Typography.Text>
          <div style={{ position: 'relative', flex: 1, height: ROW_HEIGHT - 12, background: '#fafafa' }}>
            <div
              title={t('dispatchBoard.shift')}
              style={{
                position: 'absolute',
                left: pct(r.shift.start),
                width: width(Math.max(from, r.shift.start), Math.min(to, r.shift.end)),
                top: 0,
                bottom: 0,
                border: '1px dashed #d9d9d9',
              }}
            />
            {r.stops.map((s) => (
              <div key={s.orderId}>
                {s.breakBefore && (
                  <Block
                    left={pct(s.breakBefore.start)}
                    width={width(s.breakBefore.start, s.breakBefore.end)}
                    color="#b7eb8f"
                  />
                )}
                <Block
                  left={pct(s.arrival - s.travelMinutes)}
                  width={width(s.arrival - s.travelMinutes, s.arrival)}
                  color="#d9d9d9"
                />
                <Tooltip
                  title={`${s.orderNumber} ${hhmm(s.start)}–${hhmm(s.end)}${s.lateMinutes > 0 ? ` (+${s.lateMinutes}′)` : ''}${s.dueAt != null ? ` · ${t('dispatchAssign.due', { time: hhmm(s.dueAt) })}` : ''} · ${s.explanation}`}
                >
                  <div
                    draggable
                    data-testid={`timeline-stop-${s.orderNumber}`}
                    data-engineer={r.engineerId}
                    data-start={hhmm(s.start)}
                    data-at-risk={String(Boolean(s.atRisk))}
                    onDragStart={(e) => e.dataTransfer.setData('text/plain', s.orderId)}
                    style={{
                      position: 'absolute',
                      left: pct(s.start),
                      width: width(s.start, s.end),
                      top: 2,
                      bottom: 2,
                      background: s.lateMinutes > 0 ? '#ff7875' : s.pinned ? '#597ef7' : '#69b1ff',
                      borderRadius: 3,
                      // At risk (SLA deadline close or past): a red frame; carried over: a dashed one.
                      outline: s.atRisk ? '2px solid #cf1322' : s.carriedOver ? '2px dashed #fa8c16' : undefined,
                      cursor: 'grab',
                      overflow: 'hidden',
                      fontSize: 10,
                      color: '#fff',
                      whiteSpace: 'nowrap',
                    }}
                  >
                    {hhmm(s.start)}
                  </div>
                </Tooltip>
              </div>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

function Block({ left, width, color }: { left: string; width: string; color: string }) {
  return <div style={{ position: 'absolute', left, width, top: 8, bottom: 8, background: color, borderRadius: 2 }} />;
}
