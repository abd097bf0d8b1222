import type { Position } from '@daowei/domain';
import { ActionSheet, type ActionSheetProps, Button } from 'antd-mobile';
import { useState } from 'react';
import { toApiError } from '../api';
import { currentLanguage, setLanguage } from '../i18n';
import { useLabels } from '../i18n/useLabels';
import { useMe, useSession } from '../session/SessionContext';
import { usePositionSwitch } from '../session/usePositionSwitch';
import { useMobileFeedback } from './useMobileFeedback';

/** NavBar right side: the current position; tapping opens a sheet to switch position, language, or sign out. */
export function MobileHeaderMenu() {
  const me = useMe();
  const { logout } = useSession();
  const { t, position } = useLabels();
  const feedback = useMobileFeedback();
  const switchTo = usePositionSwitch();
  const [open, setOpen] = useState(false);

  const choose = async (p: Position) => {
    setOpen(false);
    if (p === me.position) return;
    try {
      const next = await switchTo(p);
      feedback.success(t('header.switched', { position: position(next.position) }));
    } catch (e) {
      feedback.error(toApiError(e));
    }
  };

  const actions: ActionSheetProps['actions'] = [
    ...me.positions.map((p) => ({
      key: p,
      text: <span data-testid={`position-option-${p}`}>{position(p)}</span>,
      bold: p === me.position,
      onClick: () => void choose(p),
    })),
    {
      key: 'language',
      text: <span data-testid="language-switch">{t('common.language')}</span>,
      onClick: () => {
        setOpen(false);
        void setLanguage(currentLanguage() === 'en' ? 'zh-CN' : 'en');
      },
    },
    {
      key: 'logout',
      text: <span data-testid="logout">{t('common.logout')}</span>,
      danger: true,
      onClick: () => {
        setOpen(false);
        void logout();
      },
    },
  ];

  return (
    <>
      <Button size="mini" fill="outline" color="primary" onClick={() => setOpen(true)} data-testid="position-switcher">
        {position(me.position)} ▾
      </Button>
      <ActionSheet
        visible={open}
        actions={actions}
        extra={`${me.person.name} · ${me.tenant.name}`}
        cancelText={t('common.cancel')}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
