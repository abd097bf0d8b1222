import { useTranslation } from 'react-i18next';
import type { DayPlan } from '../../api/dispatch';

const WIDTH = 520;
const HEIGHT = 400;
const PAD = 16;
/** One colour per engineer row, repeated past ten. */
const COLOURS = [
  '#1677ff',
  '#fa8c16',
  '#52c41a',
  '#eb2f96',
  '#722ed1',
  '#13c2c2',
  '#faad14',
  '#a0d911',
  '#2f54eb',
  '#f5222d',
];

/**
 * DSP-01 map that needs no internet: areas as polygons, customers as dots, engineers' start points as
 * squares and each planned route as a line, all projected from the data's own coordinates
 * (equirectangular, x scaled by cos(latitude) — exact enough at a city's size). No tiles are loaded.
 */
export function OfflineMap({
  plan,
  testId = 'dispatch-map',
  highlight,
}: {
  /** A day plan, or any map data in its shape (WO-11 draws an incident's cluster with no routes). */
  plan: Pick<DayPlan, 'map' | 'routes'>;
  testId?: string;
  /** Orders drawn as the cluster (filled red) rather than as unplanned (red ring). */
  highlight?: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const pts = [
    ...plan.map.areas.flatMap((a) => a.polygon.map(([lng, lat]) => ({ lng, lat }))),
    ...plan.map.orders,
    ...plan.map.engineers.map((e) => e.start),
    ...plan.map.engineers.flatMap((e) => (e.position ? [e.position] : [])),
  ];
  if (pts.length === 0) return null;
  const minLng = Math.min(...pts.map((p) => p.lng));
  const maxLng = Math.max(...pts.map((p) => p.lng));
  const minLat = Math.min(...pts.map((p) => p.lat));
  const maxLat = Math.max(...pts.map((p) => p.lat));
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLng - minLng) * kx, 1e-6);
  const spanY = Math.max(maxLat - minLat, 1e-6);
  const scale = Math.min((WIDTH - 2 * PAD) / spanX, (HEIGHT - 2 * PAD) / spanY);
  const x = (lng: number) => PAD + (lng - minLng) * kx * scale;
  const y = (lat: number) => HEIGHT - PAD - (lat - minLat) * scale;

  const orderAt = new Map(plan.map.orders.map((o) => [o.id, o]));
  const colourOf = new Map(plan.routes.map((r, i) => [r.engineerId, COLOURS[i % COLOURS.length]!]));
  const engineerOfOrder = new Map(plan.routes.flatMap((r) => r.stops.map((s) => [s.orderId, r.engineerId] as const)));

  return (
    <svg
      data-testid={testId}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      style={{ maxWidth: WIDTH, background: '#f7f9fc', border: '1px solid #f0f0f0' }}
      role="img"
      aria-label={t('dispatchBoard.map')}
    >
      {plan.map.areas.map((a) => (
        <polygon
          key={a.id}
          data-testid={`map-area-${a.id}`}
          points={a.polygon.map(([lng, lat]) => `${x(lng)},${y(lat)}`).join(' ')}
          fill="#e6f4ff"
          stroke="#91caff"
        >
          <title>{a.name}</title>
        </polygon>
      ))}
      {plan.routes.map((r) => {
        const home = plan.map.engineers.find((e) => e.id === r.engineerId)?.start;
        const stops = r.stops.map((s) => orderAt.get(s.orderId)).filter((o) => o !== undefined);
        if (!home || stops.length === 0) return null;
        const line = [home, ...stops, home].map((p) => `${x(p.lng)},${y(p.lat)}`).join(' ');
        return (
          <polyline
            key={r.engineerId}
            points={line}
            fill="none"
            stroke={colourOf.get(r.engineerId)}
            strokeWidth={1.5}
          />
        );
      })}
      {plan.map.orders.map((o) => {
        const eng = engineerOfOrder.get(o.id);
        return (
          <circle
            key={o.id}
            data-testid={`map-order-${o.number}`}
            cx={x(o.lng)}
            cy={y(o.lat)}
            r={5}
            fill={eng ? colourOf.get(eng) : highlight?.has(o.id) ? '#f5222d' : '#fff'}
            stroke={eng ? '#fff' : '#f5222d'}
            strokeWidth={eng ? 1 : 2}
          >
            <title>{o.number}</title>
          </circle>
        );
      })}
      {plan.map.engineers.map((e) => (
        <rect
          key={e.id}
          data-testid={`map-engineer-${e.id}`}
          x={x(e.start.lng) - 5}
          y={y(e.start.lat) - 5}
          width={10}
          height={10}
          fill={colourOf.get(e.id) ?? '#595959'}
          stroke="#000"
        >
          <title>{e.name}</title>
        </rect>
      ))}
      {/* DSP-01: where each engineer's phone last reported him that day (his latest check-in). */}
      {plan.map.engineers.map((e) =>
        e.position ? (
          <circle
            key={`pos-${e.id}`}
            data-testid={`map-position-${e.id}`}
            cx={x(e.position.lng)}
            cy={y(e.position.lat)}
            r={7}
            fill="none"
            stroke={colourOf.get(e.id) ?? '#595959'}
            strokeWidth={3}
          >
            <title>{`${e.name} ${new Date(e.position.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`}</title>
          </circle>
        ) : null,
      )}
    </svg>
  );
}
