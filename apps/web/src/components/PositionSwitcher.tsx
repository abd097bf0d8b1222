import type { Position } from '@daowei/domain';
import { App, Select } from 'antd';
import { useState } from 'react';
import { toApiError } from '../api';
import { useErrorText } from '../hooks/useErrorText';
import { optionTestId } from './optionTestId';
import { useLabels } from '../i18n/useLabels';
import { useMe } from '../session/SessionContext';
import { usePositionSwitch } from '../session/usePositionSwitch';

/** Header select of the positions the person holds (ORG-02); the current one is what every check uses. */
export function PositionSwitcher() {
  const me = useMe();
  const { t, position } = useLabels();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const switchTo = usePositionSwitch();
  const [busy, setBusy] = useState(false);

  const onChange = async (p: Position) => {
    setBusy(true);
    try {
      const next = await switchTo(p);
      void message.success(t('header.switched', { position: position(next.position) }));
    } catch (e) {
      void message.error(errorText(toApiError(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Select<Position>
      value={me.position}
      loading={busy}
      disabled={busy}
      onChange={(p) => void onChange(p)}
      style={{ minWidth: 150 }}
      aria-label={t('header.position')}
      data-testid="position-switcher"
      popupMatchSelectWidth={false}
      optionRender={optionTestId('position-option')}
      options={me.positions.map((p) => ({
        value: p,
        label: position(p),
      }))}
    />
  );
}
