import { CheckList, ErrorBlock, SearchBar } from 'antd-mobile';
import { useState } from 'react';
import { useOrgTree } from '../../hooks/useReferenceData';
import { useLabels } from '../../i18n/useLabels';
import { buildOrgTree, flattenPeople } from '../../orders/orgTreeData';

interface Props {
  value?: string[];
  onChange?: (v: string[]) => void;
}

/** People of the org tree, searchable by name, each shown with its unit path and positions (form control). */
export function MobilePersonPicker({ value, onChange }: Props) {
  const { t, position } = useLabels();
  const tree = useOrgTree().data;
  const [q, setQ] = useState('');
  const people = tree ? flattenPeople(buildOrgTree(tree)) : [];
  const needle = q.trim().toLowerCase();
  const shown = people.filter(({ person }) => person.name.toLowerCase().includes(needle));

  return (
    <div>
      <SearchBar placeholder={t('mobile.searchPerson')} value={q} onChange={setQ} data-testid="dispatch-search" />
      {tree && shown.length === 0 && <ErrorBlock status="empty" title={t('mobile.noPeople')} description="" />}
      <div style={{ maxHeight: 260, overflow: 'auto' }}>
        <CheckList value={value ?? []} onChange={(v) => onChange?.(v.map(String))}>
          {shown.map(({ person, path }) => (
            <CheckList.Item
              key={person.id}
              value={person.id}
              description={`${path.join(' / ')} · ${person.positions.map((p) => position(p)).join('、')}`}
            >
              <span data-testid={`dispatch-option-person-${person.id}`} data-name={person.name}>
                {person.name}
              </span>
            </CheckList.Item>
          ))}
        </CheckList>
      </div>
    </div>
  );
}
