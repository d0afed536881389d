import { NativeSelect, TextInput } from '@mantine/core';
import type { Ref } from 'react';
import type { TimeoutUnit } from '../../api/tokens.ts';
import { UNITS } from '../../api/timeoutDuration.ts';

interface TimeoutInputProps {
  /** The form path, so a problem can be brought into view by it. */
  path: string;
  value: number | string;
  onChange: (value: string) => void;
  onBlur: () => void;
  error?: string | undefined;
  readOnly: boolean;
  ref?: Ref<HTMLInputElement>;
}

/**
 * The number of minutes or hours, kept as typed: a value out of range or with a fraction stays
 * on screen with the message under it instead of being clamped or rounded away.
 */
export function TimeoutInput({ path, value, onChange, onBlur, error, readOnly, ref }: TimeoutInputProps) {
  return (
    <TextInput
      ref={ref}
      label="Timeout"
      w={140}
      inputMode="numeric"
      autoComplete="off"
      data-path={path}
      value={String(value)}
      onChange={(event) => onChange(event.currentTarget.value)}
      onBlur={onBlur}
      error={error}
      readOnly={readOnly}
    />
  );
}

export function UnitSelect({ value, onChange, readOnly }: { value: TimeoutUnit; onChange: (unit: TimeoutUnit) => void; readOnly: boolean }) {
  return (
    <NativeSelect
      label="Unit"
      w={130}
      data={[...UNITS]}
      value={value}
      disabled={readOnly}
      onChange={(event) => {
        const unit = UNITS.find((u) => u === event.currentTarget.value);
        if (unit) onChange(unit);
      }}
    />
  );
}
