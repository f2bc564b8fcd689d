import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api, type Page } from '../api/client';

/** A select whose options come from a list route searched with ?q=. */
export function RemoteSelect<T extends { id: string }>(props: {
  url: string;
  label: (item: T) => string;
  value?: string;
  onChange?: (v: string) => void;
  placeholder?: string;
  /** A filter can be cleared (the value becomes undefined). */
  allowClear?: boolean;
  style?: React.CSSProperties;
  testId?: string;
  /** The label of the current value while it is not among the options loaded (a saved choice). */
  initialLabel?: string;
}) {
  const [items, setItems] = useState<T[]>([]);
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(
      () => void api.get<Page<T>>(props.url, { q, pageSize: 50, active: 'true' }).then((p) => setItems(p.items)),
      200,
    );
    return () => clearTimeout(timer);
  }, [props.url, q]);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={props.value}
      onChange={props.onChange}
      placeholder={props.placeholder}
      allowClear={props.allowClear}
      style={props.style ?? { width: 260 }}
      data-testid={props.testId}
      options={[
        ...(props.value && props.initialLabel && !items.some((i) => i.id === props.value)
          ? [{ value: props.value, label: props.initialLabel }]
          : []),
        ...items.map((i) => ({ value: i.id, label: props.label(i) })),
      ]}
    />
  );
}
