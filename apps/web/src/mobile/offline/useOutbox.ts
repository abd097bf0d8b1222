import { useEffect, useState } from 'react';
import { useMe } from '../../session/SessionContext';
import { onOutboxChange, outboxItems, syncOutbox, type OutboxItem } from './outbox';

/** Whether the browser believes it has network (navigator.onLine and its online/offline events). */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

/** The signed-in engineer's outbox, live (ENG-07). */
export function useOutbox(): OutboxItem[] {
  const personId = useMe().person.id;
  const [items, setItems] = useState<OutboxItem[]>([]);
  useEffect(() => {
    let live = true;
    const load = () =>
      outboxItems(personId).then(
        (x) => live && setItems(x),
        () => undefined,
      );
    void load();
    const off = onOutboxChange(() => void load());
    return () => {
      live = false;
      off();
    };
  }, [personId]);
  return items;
}

const RETRY_MS = 15_000;

/** Drives the sync: at start, whenever the network comes back, and every 15 s while something waits. */
export function useOutboxSync(): void {
  const personId = useMe().person.id;
  const online = useOnline();
  useEffect(() => {
    if (!online) return;
    void syncOutbox(personId);
    const timer = window.setInterval(() => void syncOutbox(personId), RETRY_MS);
    return () => window.clearInterval(timer);
  }, [online, personId]);
}
