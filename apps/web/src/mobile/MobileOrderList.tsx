import { ErrorBlock, InfiniteScroll, PullToRefresh } from 'antd-mobile';
import { useState } from 'react';
import { workOrdersApi, type WorkOrderView } from '../api';
import { useLabels } from '../i18n/useLabels';
import { useMe } from '../session/SessionContext';
import { MobileOrderCard } from './MobileOrderCard';
import { prefetchDay } from './offline/prefetchDay';
import { listKey, readThrough } from './offline/readCache';
import { OfflineNotes } from './offline/OfflineNotes';
import { apiTypeOf, belongsTo, type Scope, type TypeTab } from './todoTabs';

const PAGE = 20;

/** Cards of one tab, loaded page by page as the user scrolls (InfiniteScroll driven by nextCursor). */
export function MobileOrderList({ scope, typeTab }: { scope: Scope; typeTab: TypeTab }) {
  const { t } = useLabels();
  const [items, setItems] = useState<WorkOrderView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(true);

  const personId = useMe().person.id;
  const [cachedAt, setCachedAt] = useState<string | null>(null);

  // ENG-07: the first page is cached per tab, so "my day" reads offline; what the to-do orders' pages
  // read is fetched in the background so each opens offline too, even one never opened online.
  const [prefetched, setPrefetched] = useState<number | null>(null);
  const fetchFrom = async (from: string | null) => {
    const read = () => workOrdersApi.list({ scope, type: apiTypeOf(typeTab), limit: PAGE }, from);
    const { value: page, cachedAt: at } =
      from === null
        ? await readThrough(listKey(personId, scope, typeTab), read)
        : { value: await read(), cachedAt: null };
    if (from === null) setCachedAt(at);
    if (at === null && scope === 'todo') {
      // Later, so the first screen gets the link to itself on a slow network.
      window.setTimeout(() => void prefetchDay(personId, page.items).then(setPrefetched), 3000);
    }
    return { items: page.items.filter((o) => belongsTo(typeTab, o)), next: at === null ? page.nextCursor : null };
  };

  const loadMore = async () => {
    const page = await fetchFrom(cursor);
    setItems((prev) => {
      const seen = new Set(prev.map((o) => o.id));
      return [...prev, ...page.items.filter((o) => !seen.has(o.id))];
    });
    setCursor(page.next);
    setHasMore(page.next !== null);
  };

  const refresh = async () => {
    const page = await fetchFrom(null);
    setItems(page.items);
    setCursor(page.next);
    setHasMore(page.next !== null);
  };

  return (
    <PullToRefresh onRefresh={refresh}>
      <div
        data-testid={`order-list-${scope}-${typeTab}`}
        data-prefetched={prefetched ?? undefined}
        style={{ minHeight: 200 }}
      >
        <OfflineNotes cachedAt={cachedAt} pending={0} conflicts={0} />
        {items.map((o) => (
          <MobileOrderCard key={o.id} order={o} />
        ))}
        {!hasMore && items.length === 0 && (
          <ErrorBlock status="empty" title={t('mobile.empty')} description="" data-testid="order-list-empty" />
        )}
        <InfiniteScroll loadMore={loadMore} hasMore={hasMore}>
          {(more, failed, retry) =>
            failed ? (
              <a onClick={retry}>{t('common.retry')}</a>
            ) : more ? (
              t('common.loading')
            ) : items.length ? (
              t('common.noMore')
            ) : null
          }
        </InfiniteScroll>
      </div>
    </PullToRefresh>
  );
}
