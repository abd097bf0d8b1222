/** A duration for people: "1 天 3 小时", "2 h 5 min" (minutes rounded; sign ignored). */
export function formatDuration(ms: number, lang: 'zh-CN' | 'en'): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const parts =
    lang === 'zh-CN'
      ? [d && `${d} 天`, h && `${h} 小时`, !d && m && `${m} 分钟`]
      : [d && `${d} d`, h && `${h} h`, !d && m && `${m} min`];
  const text = parts.filter(Boolean).join(' ');
  return text || (lang === 'zh-CN' ? '0 分钟' : '0 min');
}
