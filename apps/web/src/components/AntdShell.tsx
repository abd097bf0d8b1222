import type { ReactNode } from 'react';
import { LocaleProviders } from './LocaleProviders';

/**
 * The antd context (locale, theme, App for messages) for the console, login and 404 pages. Loaded lazily
 * with them: the phone pages use antd-mobile and never download antd.
 */
export default function AntdShell({ children }: { children: ReactNode }) {
  return <LocaleProviders>{children}</LocaleProviders>;
}
