import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { referenceApi } from '../../api/reference';
import type { PersonSummary } from '../../api/types';

/** A person picker that searches the org's people as the user types (name or staff number). */
export function PersonSelect({
  value,
  onChange,
  mode,
  placeholder,
  testId,
}: {
  value?: string | string[] | undefined;
  onChange?: (v: string | string[]) => void;
  mode?: 'multiple';
  placeholder?: string;
  testId?: string;
}) {
  const [options, setOptions] = useState<PersonSummary[]>([]);
  const [q, setQ] = useState('');
  useEffect(() => {
    let live = true;
    referenceApi.people(q.trim()).then(
      (items) => live && setOptions(items),
      () => live && setOptions([]),
    );
    return () => {
      live = false;
    };
  }, [q]);
  return (
    <Select
      showSearch
      allowClear
      filterOption={false}
      onSearch={setQ}
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder={placeholder}
      data-testid={testId}
      options={options.map((p) => ({ value: p.id, label: p.staffNo ? `${p.name}（${p.staffNo}）` : p.name }))}
      {...(mode ? { mode } : {})}
    />
  );
}
